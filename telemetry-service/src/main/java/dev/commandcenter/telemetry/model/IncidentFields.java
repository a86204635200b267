package dev.commandcenter.telemetry.model;

import java.time.Instant;

/**
 * The incident fields telemetry reads from an incident event's data, by the names of the
 * {@code IncidentStarted} contract. Lenient on purpose: {@code incident.ended.v1} has no payload
 * record yet, so any field may be missing; the name and other texts are never read.
 */
public record IncidentFields(
        String incidentId,
        String teamId,
        String commanderId,
        String channelId,
        String announcementPostId,
        Integer numChecklists,
        Integer totalChecklistItems,
        Instant createdAt) {
}
