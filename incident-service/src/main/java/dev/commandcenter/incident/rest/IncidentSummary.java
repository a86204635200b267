package dev.commandcenter.incident.rest;

import java.time.Instant;
import java.util.UUID;

/** A row of the incident list. */
public record IncidentSummary(
        UUID id,
        String teamId,
        String name,
        UUID playbookId,
        boolean publicChannel,
        String severity,
        String commanderId,
        boolean active,
        int memberCount,
        long durationSeconds,
        Instant createdAt,
        Instant endedAt,
        /** NONE, ACTIVE, CLOSED or OPTED_OUT. */
        String learningState,
        /** The current learning status while the flow is active. */
        String learningStatus) {
}
