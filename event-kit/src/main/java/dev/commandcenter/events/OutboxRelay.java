package dev.commandcenter.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves outbox rows to Kafka in commit order. Rows are locked with SKIP LOCKED so several
 * replicas can relay side by side; a row is marked published only after the broker acknowledged
 * it ({@code acks=all}). A crash between send and mark re-sends the row, which the consumers'
 * processed-events check absorbs: at least once on the wire, exactly once in effect.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final int batchSize;
    private volatile boolean ready;

    public OutboxRelay(OutboxPublisher publisher, @ConfigProperty(name = "outbox.relay.batch-size") int batchSize) {
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    /** Reactive messaging wires its channels at start-up; the relay waits for that. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        ready = true;
    }

    /** Stops relaying before the pool and the producer close; unsent rows wait for the next start. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        ready = false;
    }

    @Scheduled(every = "${outbox.relay.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayOnSchedule() {
        if (!ready) {
            return Uni.createFrom().voidItem();
        }
        return relay().onFailure().invoke(e -> {
                    if (ready) {
                        LOG.warnf("Outbox relay will retry: %s", e.getMessage());
                    }
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Relays one batch; returns how many rows were published. */
    public Uni<Integer> relay() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select * from outbox_event where published_at is null order by seq limit :batch"
                        + " for update skip locked", OutboxEvent.class)
                .setParameter("batch", batchSize)
                .getResultList())
                .chain(this::publishInOrder));
    }

    private Uni<Integer> publishInOrder(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().asList()
                .map(List::size);
    }

    private Uni<OutboxEvent> send(OutboxEvent row) {
        return publisher.publish(row).invoke(() -> row.publishedAt = OffsetDateTime.now(ZoneOffset.UTC))
                .replaceWith(row);
    }
}
