package dev.commandcenter.events;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: an event's effect and its (consumer, event id) row commit together, so
 * a redelivered event is recognised and skipped. A message that cannot be parsed or applied fails
 * the returned Uni, which the Kafka connector sends to the channel's dead-letter topic.
 */
@ApplicationScoped
public class ProcessedEvents {
    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    public Uni<Void> consumeOnce(String consumer, String rawMessage, Function<EventEnvelope, Uni<Void>> effect) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(rawMessage);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> markFirstDelivery(consumer, envelope.id())
                .chain(first -> {
                    if (!first) {
                        LOG.debugf("%s already processed event %s; skipped", consumer, envelope.id());
                        return Uni.createFrom().voidItem();
                    }
                    return effect.apply(envelope);
                }));
    }

    private Uni<Boolean> markFirstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into processed_event (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
