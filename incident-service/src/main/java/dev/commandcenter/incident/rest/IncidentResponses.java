package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.service.IncidentDetails;
import java.time.Duration;
import java.time.Instant;

/** The API's view of incidents and messages. */
public final class IncidentResponses {
    private IncidentResponses() {
    }

    public static IncidentResponse response(IncidentDetails details, Instant now) {
        return response(details.incident(), details.messageCount(), now);
    }

    public static IncidentResponse response(Incident incident, long messageCount, Instant now) {
        return new IncidentResponse(incident.id, incident.teamId, incident.playbookId, incident.name,
                incident.channelId, incident.publicChannel, incident.severity, incident.commanderId, incident.roles,
                incident.reminderIntervalMinutes, incident.nextReminderAt, incident.createdBy,
                incident.active, incident.memberIds.stream().sorted().toList(), incident.memberIds.size(), messageCount,
                durationSeconds(incident, now), incident.activeStageId, incident.checklists, incident.createdAt,
                incident.endedAt, incident.endedBy, LearningResponse.of(incident), incident.identifiedAt,
                incident.resolvedAt, incident.version);
    }

    public static IncidentSummary summary(Incident incident, Instant now) {
        return new IncidentSummary(incident.id, incident.teamId, incident.name, incident.playbookId,
                incident.publicChannel, incident.severity, incident.commanderId, incident.active, incident.memberIds.size(),
                durationSeconds(incident, now), incident.createdAt, incident.endedAt, incident.learningState.name(),
                incident.learningStatus);
    }

    /** Until the end, or until now for an ongoing incident. */
    static long durationSeconds(Incident incident, Instant now) {
        Instant until = incident.endedAt != null ? incident.endedAt : now;
        return Math.max(0, Duration.between(incident.createdAt, until).toSeconds());
    }

    public static MessageResponse response(ChannelMessage message) {
        return new MessageResponse(message.id, message.seq, message.kind.name(), message.authorId, message.text,
                message.createdAt);
    }
}
