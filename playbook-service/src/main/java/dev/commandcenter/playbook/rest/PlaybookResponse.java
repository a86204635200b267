package dev.commandcenter.playbook.rest;

import dev.commandcenter.contracts.PlaybookState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record PlaybookResponse(
        UUID id,
        String teamId,
        String title,
        String description,
        boolean publicChannel,
        List<String> memberIds,
        List<PlaybookState.Stage> stages,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
