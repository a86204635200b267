package dev.commandcenter.notifier.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.notifier.channel.SecretSealer;
import dev.commandcenter.notifier.channel.WebhookFormat;
import dev.commandcenter.notifier.config.ChannelsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Each poll claims due rows with {@code FOR UPDATE SKIP LOCKED} and leases them
 * (pushes their due time past the longest send), so replicas never claim one row together and a
 * replica that dies mid-send leaves it due again after the lease. Sends run concurrently, each on its
 * own and bounded by the request timeout, and record their attempt as soon as they end: a slow or
 * dead receiver holds only its own deliveries. Failures are retried with exponential backoff and
 * jitter until {@code max-attempts}, then the delivery is DEAD.
 */
@ApplicationScoped
public class DeliverySender {
    private static final Logger LOG = Logger.getLogger(DeliverySender.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String CLAIM = "with due as (select id from delivery where status = 'PENDING'"
            + " and next_attempt_at <= now() order by next_attempt_at limit $1 for update skip locked),"
            + " claimed as (update delivery d set next_attempt_at = now() + make_interval(secs => $2)"
            + " from due where d.id = due.id returning d.id, d.message, d.attempts, d.subscription_id)"
            + " select c.id, c.message, c.attempts, s.format, s.url, s.addresses, s.secret_sealed"
            + " from claimed c join subscription s on s.id = c.subscription_id";

    private final Pool pool;
    private final WebhookClient webhooks;
    private final EmailSender email;
    private final SecretSealer sealer;
    private final ChannelsConfig.Deliveries config;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running = true;

    public DeliverySender(Pool pool, WebhookClient webhooks, EmailSender email, SecretSealer sealer,
            ChannelsConfig config) {
        this.pool = pool;
        this.webhooks = webhooks;
        this.email = email;
        this.sealer = sealer;
        this.config = config.deliveries();
    }

    record Claimed(UUID id, Message message, int attempts, WebhookFormat format, String url, List<String> addresses,
            String secretSealed) {
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    @Scheduled(every = "${notifier.deliveries.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        int capacity = config.maxInFlight() - inFlight.get();
        if (!running || capacity <= 0) {
            return Uni.createFrom().voidItem();
        }
        return claim(capacity).invoke(claimed -> claimed.forEach(this::start)).replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Could not claim due deliveries, next poll retries: %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<List<Claimed>> claim(int limit) {
        double leaseSeconds = config.requestTimeout().multipliedBy(2).plusSeconds(30).toMillis() / 1000.0;
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, leaseSeconds)).map(rows -> {
            List<Claimed> claimed = new ArrayList<>();
            for (Row row : rows) {
                String addresses = row.getString("addresses");
                claimed.add(new Claimed(row.getUUID("id"), EventJson.readValue(row.getString("message"),
                        new TypeReference<Message>() {
                        }), row.getInteger("attempts"), WebhookFormat.valueOf(row.getString("format")),
                        row.getString("url"), addresses == null ? List.of() : EventJson.readValue(addresses, STRINGS),
                        row.getString("secret_sealed")));
            }
            return claimed;
        });
    }

    private void start(Claimed delivery) {
        inFlight.incrementAndGet();
        Instant started = Instant.now();
        Uni.createFrom().deferred(() -> send(delivery))
                .chain(outcome -> record(delivery, outcome, started))
                .subscribe().with(done -> inFlight.decrementAndGet(), failure -> {
                    inFlight.decrementAndGet();
                    LOG.warnf("Could not record the attempt of delivery %s; it is sent again after its lease: %s",
                            delivery.id(), failure.getMessage());
                });
    }

    private Uni<Outcome> send(Claimed delivery) {
        if (delivery.format() == WebhookFormat.EMAIL) {
            return email.send(delivery.addresses(), delivery.message());
        }
        String secret = delivery.secretSealed() == null ? null : sealer.open(delivery.secretSealed());
        return webhooks.send(delivery.format(), delivery.url(), secret, delivery.message());
    }

    private Uni<Void> record(Claimed delivery, Outcome outcome, Instant started) {
        int attempt = delivery.attempts() + 1;
        Instant now = Instant.now();
        String status = outcome.delivered() ? "DELIVERED" : attempt >= config.maxAttempts() ? "DEAD" : "PENDING";
        Instant next = "PENDING".equals(status) ? now.plus(backoff(attempt)) : now;
        if (!outcome.delivered()) {
            LOG.debugf("Delivery %s attempt %d failed (%s): %s", delivery.id(), attempt, status, outcome.error());
        }
        Tuple attemptRow = Tuple.tuple().addUUID(delivery.id()).addInteger(attempt).addOffsetDateTime(utc(now))
                .addInteger(outcome.statusCode()).addString(outcome.error())
                .addInteger((int) Duration.between(started, now).toMillis());
        Tuple deliveryRow = Tuple.tuple().addUUID(delivery.id()).addInteger(attempt).addString(status)
                .addOffsetDateTime(utc(next)).addInteger(outcome.statusCode()).addString(outcome.error())
                .addOffsetDateTime(outcome.delivered() ? utc(now) : null).addInteger(delivery.attempts());
        return pool.withTransaction(connection -> connection.preparedQuery("insert into delivery_attempt"
                        + " (delivery_id, number, at, status_code, error, duration_ms) values ($1, $2, $3, $4, $5, $6)"
                        + " on conflict do nothing").execute(attemptRow)
                .chain(() -> connection.preparedQuery("update delivery set attempts = $2, status = $3,"
                        + " next_attempt_at = $4, last_status = $5, last_error = $6, delivered_at = $7"
                        + " where id = $1 and attempts = $8").execute(deliveryRow)))
                .replaceWithVoid();
    }

    /** Before attempt {@code failed + 1}: initial × 2^(failed − 1), at most the maximum, plus up to half of it at random. */
    Duration backoff(int failed) {
        long initial = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        long base = failed >= 31 ? max : Math.min(max, initial << Math.max(0, failed - 1));
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
