package dev.commandcenter.incident.integration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commandcenter.incident.model.Integration;
import dev.commandcenter.kit.problem.ProblemException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per integration, in this replica's memory: an integration may send its
 * {@code ratePerMinute} requests a minute, in bursts of up to that many; beyond, 429 with
 * Retry-After. A flood from one team's alerting system is refused before it touches the database.
 */
@jakarta.enterprise.context.ApplicationScoped
public class IntakeRateLimiter {
    private record Key(UUID integration, int ratePerMinute) {
    }

    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** Takes one request from the integration's bucket, or fails with 429. */
    public void acquire(Integration integration) {
        Key key = new Key(integration.id, integration.ratePerMinute);
        ConsumptionProbe probe = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(k.ratePerMinute()).refillGreedy(k.ratePerMinute(), Duration.ofMinutes(1)))
                .build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            throw new ProblemException(429, "rate-limited", "Too Many Requests", "Integration " + integration.name
                    + " sends more than " + integration.ratePerMinute + " requests a minute; retry after " + seconds
                    + " s", List.of()).retryAfter(seconds);
        }
    }
}
