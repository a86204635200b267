package dev.commandcenter.notifier.messaging;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.events.ProcessedEvents;
import dev.commandcenter.notifier.service.NotificationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns incident lifecycle events into notifications. Duplicates are skipped; unreadable events go
 * to the dead-letter topic; event types this service does not notify about are ignored.
 */
@ApplicationScoped
public class IncidentEventConsumer {
    static final String CONSUMER = "notifier-service";

    private final ProcessedEvents processed;
    private final NotificationService notifications;

    public IncidentEventConsumer(ProcessedEvents processed, NotificationService notifications) {
        this.processed = processed;
        this.notifications = notifications;
    }

    @Incoming("incident-events")
    public Uni<Void> onIncidentEvent(String message) {
        return processed.consumeOnce(CONSUMER, message, this::apply);
    }

    Uni<Void> apply(EventEnvelope event) {
        if (event.is(EventType.INCIDENT_STARTED)) {
            return notifications.notifyIncidentStarted(event);
        }
        return Uni.createFrom().voidItem();
    }
}
