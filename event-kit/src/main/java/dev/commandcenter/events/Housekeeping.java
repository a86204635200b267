package dev.commandcenter.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps the pipeline's tables small and its gauges current. Published outbox rows and
 * processed-event ids older than the retention are deleted in bounded batches, by one replica at a
 * time (a transaction-scoped advisory lock; the others skip that run). The retention must exceed the
 * longest time an event may be redelivered or replayed, or a replayed event would apply twice.
 */
@ApplicationScoped
public class Housekeeping {
    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    /** Advisory lock key of the purge ("purge001" in ASCII). */
    static final long PURGE_LOCK = 0x7075726765303031L;

    private final Pool pool;
    private final EventsConfig.Housekeeping config;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public Housekeeping(Pool pool, EventsConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.config = config.housekeeping();
        Gauge.builder("outbox.backlog", pending, AtomicLong::get)
                .description("Outbox rows waiting to be relayed").register(registry);
        Gauge.builder("outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked until an operator re-drives them").register(registry);
    }

    @Scheduled(every = "${events.housekeeping.interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return refreshGauges().chain(() -> purge(config.retention()))
                .onFailure().invoke(e -> LOG.warnf("Event housekeeping will retry: %s", Failures.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Rows waiting to be relayed, and rows parked until an operator re-drives them. */
    public record OutboxCounts(long backlog, long parked) {
    }

    /** The outbox's current counts; the gauges take them too. */
    public Uni<OutboxCounts> counts() {
        return pool.query("select count(*) filter (where parked_at is null), count(*) filter (where parked_at is not null)"
                        + " from outbox_event where published_at is null").execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new OutboxCounts(row.getLong(0), row.getLong(1));
                })
                .invoke(counts -> {
                    pending.set(counts.backlog());
                    parked.set(counts.parked());
                });
    }

    /** Current backlog and parked counts for the gauges. */
    public Uni<Void> refreshGauges() {
        return counts().replaceWithVoid();
    }

    /** What one purge removed. */
    public record Purged(long outboxRows, long processedEvents) {
    }

    /** Deletes what is older than {@code retention}, unless another replica is purging right now. */
    public Uni<Purged> purge(Duration retention) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return deleteInBatches("delete from outbox_event where seq in (select seq from outbox_event"
                + " where published_at < $1 limit $2)", cutoff, 0)
                .chain(outbox -> deleteInBatches("delete from processed_event where ctid in (select ctid from"
                        + " processed_event where processed_at < $1 limit $2)", cutoff, 0)
                        .map(processed -> new Purged(outbox, processed)))
                .invoke(purged -> {
                    if (purged.outboxRows() + purged.processedEvents() > 0) {
                        LOG.infof("Purged %d published outbox rows and %d processed-event ids older than %s",
                                purged.outboxRows(), purged.processedEvents(), retention);
                    }
                });
    }

    private Uni<Long> deleteInBatches(String sql, OffsetDateTime cutoff, long deletedSoFar) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(PURGE_LOCK))
                        .chain(locked -> !locked.iterator().next().getBoolean(0) ? Uni.createFrom().item(-1)
                                : connection.preparedQuery(sql).execute(Tuple.of(cutoff, config.purgeBatchSize()))
                                        .map(result -> result.rowCount())))
                .chain(deleted -> deleted == config.purgeBatchSize()
                        ? deleteInBatches(sql, cutoff, deletedSoFar + deleted)
                        : Uni.createFrom().item(deletedSoFar + Math.max(deleted, 0)));
    }
}
