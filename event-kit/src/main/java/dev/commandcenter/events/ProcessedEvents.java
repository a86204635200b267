package dev.commandcenter.events;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: an event's effect and its (consumer, event id) row commit together, so
 * a redelivered event is recognised and skipped.
 *
 * <p>Failures are sorted before they are given up on: a transient one (the database away or busy,
 * a timeout) is retried with exponential backoff for up to {@code events.consumer.retry-budget},
 * the partition waiting meanwhile so order is kept. A poison event (unreadable, invalid, a bug) fails
 * the returned Uni at once, and the Kafka connector sends it with its headers and the reason to the
 * channel's dead-letter topic, from where it can be replayed ({@link DeadLetters}).
 */
@ApplicationScoped
public class ProcessedEvents {
    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final EventsConfig.Consumer config;
    private final MeterRegistry registry;

    public ProcessedEvents(EventsConfig config, MeterRegistry registry) {
        this.config = config.consumer();
        this.registry = registry;
    }

    public Uni<Void> consumeOnce(String consumer, String rawMessage, Function<EventEnvelope, Uni<Void>> effect) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(rawMessage);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().deferred(() -> applyOnce(consumer, envelope, effect))
                .onFailure(Failures::isTransient).invoke(failure -> {
                    registry.counter("events.consumer.retries", "consumer", consumer).increment();
                    LOG.infof("%s will retry event %s after a transient failure: %s", consumer, envelope.id(),
                            Failures.describe(failure));
                })
                .onFailure(Failures::isTransient).retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff()).expireIn(config.retryBudget().toMillis())
                .onFailure().invoke(failure -> LOG.warnf("%s gives up on event %s (%s), dead-lettered: %s", consumer,
                        envelope.id(), envelope.type(), Failures.describe(failure)));
    }

    private Uni<Void> applyOnce(String consumer, EventEnvelope envelope, Function<EventEnvelope, Uni<Void>> effect) {
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
