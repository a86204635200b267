package dev.commandcenter.playbook.rest;

import java.time.Instant;
import java.util.UUID;

/** A row of the playbook list. */
public record PlaybookSummary(
        UUID id,
        String teamId,
        String title,
        String description,
        boolean publicChannel,
        int stageCount,
        int stepCount,
        int memberCount,
        long version,
        Instant updatedAt) {
}
