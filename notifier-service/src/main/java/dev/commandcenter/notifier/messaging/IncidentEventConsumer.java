package dev.commandcenter.notifier.messaging;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.events.ProcessedEvents;
import dev.commandcenter.notifier.service.DeliveryPlanner;
import dev.commandcenter.notifier.service.NotificationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns incident lifecycle events into notifications and into deliveries to the team's
 * subscriptions, both in the transaction that marks the event processed. Duplicates are skipped;
 * unreadable events go to the dead-letter topic.
 */
@ApplicationScoped
public class IncidentEventConsumer {
    static final String CONSUMER = "notifier-service";

    private final ProcessedEvents processed;
    private final NotificationService notifications;
    private final DeliveryPlanner deliveries;

    public IncidentEventConsumer(ProcessedEvents processed, NotificationService notifications,
            DeliveryPlanner deliveries) {
        this.processed = processed;
        this.notifications = notifications;
        this.deliveries = deliveries;
    }

    @Incoming("incident-events")
    public Uni<Void> onIncidentEvent(String message) {
        return processed.consumeOnce(CONSUMER, message, this::apply);
    }

    Uni<Void> apply(EventEnvelope event) {
        Uni<Void> notified = event.is(EventType.INCIDENT_STARTED) ? notifications.notifyIncidentStarted(event)
                : Uni.createFrom().voidItem();
        return notified.chain(() -> deliveries.plan(event));
    }
}
