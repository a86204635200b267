package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.model.Checklist;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record IncidentResponse(
        UUID id,
        String teamId,
        UUID playbookId,
        String name,
        UUID channelId,
        boolean publicChannel,
        String severity,
        String commanderId,
        String createdBy,
        boolean active,
        List<String> memberIds,
        int memberCount,
        long messageCount,
        /** Seconds from the start to the end, or to now while ongoing. */
        long durationSeconds,
        String activeStageId,
        List<Checklist> checklists,
        Instant createdAt,
        Instant endedAt,
        String endedBy,
        long version) {
}
