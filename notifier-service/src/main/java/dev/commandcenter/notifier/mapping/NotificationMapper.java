package dev.commandcenter.notifier.mapping;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.IncidentStarted;
import dev.commandcenter.notifier.model.Notification;
import dev.commandcenter.notifier.rest.NotificationResponse;
import java.time.Instant;
import java.util.UUID;

/** Events to notifications, notifications to responses. */
public final class NotificationMapper {
    private NotificationMapper() {
    }

    /** The in-app notification that tells an incident's commander the incident started. */
    public static Notification incidentStarted(EventEnvelope event, IncidentStarted incident, Instant now) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.eventId = event.id();
        notification.incidentId = incident.incidentId();
        notification.teamId = event.teamid();
        notification.recipient = incident.commanderId();
        notification.channel = Notification.CHANNEL_IN_APP;
        notification.kind = Notification.KIND_INCIDENT_STARTED;
        notification.createdAt = now;
        return notification;
    }

    public static NotificationResponse response(Notification notification) {
        return new NotificationResponse(notification.id, notification.incidentId, notification.teamId,
                notification.recipient, notification.channel, notification.kind, notification.createdAt);
    }
}
