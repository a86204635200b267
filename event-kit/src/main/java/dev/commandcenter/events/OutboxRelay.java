package dev.commandcenter.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Moves outbox rows to Kafka at the database's speed.
 *
 * <p>Woken when a transaction that wrote events commits ({@link OutboxWakeup}: PostgreSQL
 * NOTIFY reaches the relay of this and every other replica), polling only as a fallback. Each
 * round reads a batch in commit order, sends it pipelined, marks the acknowledged rows published
 * in one statement, and goes on until the outbox is empty.
 *
 * <p>Per-key order across replicas: one relayer at a time. Each round runs in a transaction that
 * first takes a transaction-scoped advisory lock; a replica that does not get it leaves the round
 * to the holder, which also hears every NOTIFY and drains again. The alternative, locking rows by
 * key with {@code SKIP LOCKED}, lets two replicas send two events of one key concurrently and
 * loses order; one relayer pipelining 256 rows a round is far faster than the broker needs.
 *
 * <p>A row the broker refuses for a permanent reason (too large, invalid topic) is parked with
 * its reason, counted and logged once, and no longer blocks the rows behind it. Parking puts that
 * one event out of its key's order; consumers of state events keep the newest version anyway.
 * Transient failures leave the row in place; the next round retries it in order. A crash between
 * send and mark re-sends rows, which consumers' processed-event check absorbs.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relayer role ("outbox01" in ASCII); one database per service. */
    static final long RELAY_LOCK = 0x6f7574626f783031L;

    private final Pool pool;
    private final OutboxPublisher publisher;
    private final int batchSize;
    private final Counter published;
    private final Counter parked;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();
    private volatile boolean ready;
    private volatile boolean failing;

    public OutboxRelay(Pool pool, OutboxPublisher publisher, EventsConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.publisher = publisher;
        this.batchSize = config.relay().batchSize();
        this.published = Counter.builder("outbox.published").description("Outbox rows the broker acknowledged")
                .register(registry);
        this.parked = Counter.builder("outbox.parked.rows")
                .description("Outbox rows parked because the broker refused them for a permanent reason")
                .register(registry);
    }

    /** Reactive messaging wires its channels at start-up; the relay waits for that. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        ready = true;
        wake();
    }

    /** Stops relaying before the pool and the producer close; unsent rows wait for the next start. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        ready = false;
    }

    @Scheduled(every = "${events.relay.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Drains the outbox now, or once more right after the drain in progress. Never blocks. */
    public void wake() {
        wokenWhileDraining.set(true);
        if (ready && draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        wokenWhileDraining.set(false);
        relayRound().subscribe().with(outcome -> {
            if (outcome == Round.RETRY || outcome == Round.NOT_RELAYER) {
                // RETRY: the broker did not acknowledge everything; the next poll tries again, in order.
                // NOT_RELAYER: another replica relays and hears the same wake-ups; do not spin on its lock.
                draining.set(false);
                return;
            }
            if (failing) {
                failing = false;
                LOG.info("Outbox relay recovered");
            }
            if (ready && (outcome == Round.FULL || wokenWhileDraining.get())) {
                drain();
                return;
            }
            finishDrain();
        }, failure -> {
            if (ready && !failing) {
                failing = true;
                LOG.warnf("Outbox relay paused, retrying every poll: %s", Failures.describe(failure));
            }
            draining.set(false);
        });
    }

    private void finishDrain() {
        draining.set(false);
        // A wake that arrived after the last check must not be lost.
        if (ready && wokenWhileDraining.get() && draining.compareAndSet(false, true)) {
            drain();
        }
    }

    /** How a round ended: nothing to send, some sent, a full batch sent (more may wait), not the relayer, or rows left to retry. */
    enum Round { EMPTY, PARTIAL, FULL, NOT_RELAYER, RETRY }

    /** One round: lock the relayer role, read a batch, send it, record the outcome. */
    public Uni<Round> relayRound() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> {
                    if (!locked.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().item(Round.NOT_RELAYER);
                    }
                    return pending(connection).chain(rows -> rows.isEmpty() ? Uni.createFrom().item(Round.EMPTY)
                            : publisher.publishAll(rows).chain(sent -> record(connection, sent))
                                    .map(allSent -> !allSent ? Round.RETRY
                                            : rows.size() == batchSize ? Round.FULL : Round.PARTIAL));
                }));
    }

    private Uni<List<PendingEvent>> pending(SqlConnection connection) {
        return connection.preparedQuery("select seq, event_id, topic, message_key, event_type, payload"
                        + " from outbox_event where published_at is null and parked_at is null order by seq limit $1")
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<PendingEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(new PendingEvent(row.getLong(0), row.getString(1), row.getString(2),
                                row.getString(3), row.getString(4), row.getString(5)));
                    }
                    return events;
                });
    }

    /** Marks what was acknowledged, parks what can never be sent; true if nothing is left to retry. */
    private Uni<Boolean> record(SqlConnection connection, List<OutboxPublisher.Sent> results) {
        List<Long> acknowledged = new ArrayList<>();
        List<OutboxPublisher.Sent> refused = new ArrayList<>();
        List<OutboxPublisher.Sent> retry = new ArrayList<>();
        for (OutboxPublisher.Sent sent : results) {
            if (sent.acknowledged()) {
                acknowledged.add(sent.row().seq());
            } else if (Failures.isPermanentSendFailure(sent.failure())) {
                refused.add(sent);
            } else {
                retry.add(sent);
            }
        }
        Uni<Void> marked = acknowledged.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("update outbox_event set published_at = now() where seq = any($1)")
                        .execute(Tuple.of(acknowledged.toArray(Long[]::new)))
                        .invoke(() -> published.increment(acknowledged.size())).replaceWithVoid();
        for (OutboxPublisher.Sent sent : refused) {
            marked = marked.chain(() -> park(connection, sent));
        }
        if (!retry.isEmpty()) {
            String reason = Failures.describe(retry.get(0).failure());
            marked = marked.chain(() -> connection.preparedQuery(
                            "update outbox_event set attempts = attempts + 1, last_error = $2 where seq = any($1)")
                    .execute(Tuple.of(retry.stream().map(s -> s.row().seq()).toArray(Long[]::new), reason))
                    .replaceWithVoid());
            if (!failing) {
                failing = true;
                LOG.warnf("Outbox relay could not send %d of %d events, retrying: %s", retry.size(),
                        results.size(), reason);
            }
        }
        return marked.map(ignored -> retry.isEmpty());
    }

    private Uni<Void> park(SqlConnection connection, OutboxPublisher.Sent sent) {
        String reason = Failures.describe(sent.failure());
        LOG.errorf("Outbox event %s (%s, seq %d, %d bytes) parked, the broker refuses it: %s. Fix the cause, then"
                        + " re-drive: POST /admin/events/outbox/parked/redrive", sent.row().eventId(),
                sent.row().eventType(), sent.row().seq(), sent.row().payload().length(), reason);
        parked.increment();
        return connection.preparedQuery("update outbox_event set parked_at = now(), attempts = attempts + 1,"
                        + " last_error = $2 where seq = $1")
                .execute(Tuple.of(sent.row().seq(), reason)).replaceWithVoid();
    }
}
