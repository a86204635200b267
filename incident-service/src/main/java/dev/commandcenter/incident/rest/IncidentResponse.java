package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.IncidentRole;
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
        /** The roles staffed in the incident and who holds each (null: open). */
        List<IncidentRole> roles,
        /** Minutes between status-update reminders; null: off. */
        Integer reminderIntervalMinutes,
        /** When the bot reminds the channel to post a status update next; null: not at all. */
        Instant nextReminderAt,
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
        /** Where the incident is in the post-incident learning flow. */
        LearningResponse learning,
        /** When the cause was identified and the impact resolved, as recorded afterwards (null: not yet). */
        Instant identifiedAt,
        Instant resolvedAt,
        long version) {
}
