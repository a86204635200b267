package dev.commandcenter.contracts;

import java.time.Instant;

/** Payload of {@code incident.ended.v1}. */
public record IncidentEnded(
        String incidentId,
        String teamId,
        String playbookId,
        String commanderId,
        String endedBy,
        String channelId,
        int numChecklists,
        int totalChecklistItems,
        Instant createdAt,
        Instant endedAt) {
}
