package dev.commandcenter.contracts;

import java.time.Instant;

/** Payload of {@code incident.started.v1}. */
public record IncidentStarted(
        String incidentId,
        String teamId,
        String playbookId,
        String name,
        String commanderId,
        String channelId,
        String announcementPostId,
        boolean publicChannel,
        int numChecklists,
        int totalChecklistItems,
        Instant createdAt) {
}
