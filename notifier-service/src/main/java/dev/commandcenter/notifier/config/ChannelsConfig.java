package dev.commandcenter.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Outward delivery: where links point, which webhook hosts an operator trusts, how deliveries are
 * retried and how much a team may subscribe. Defaults suit production; tests shorten the backoff.
 */
@ConfigMapping(prefix = "notifier")
public interface ChannelsConfig {

    /** The suite's public origin (the gateway); every message links to the incident under it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Webhooks webhooks();

    Deliveries deliveries();

    Limits limits();

    interface Webhooks {
        /**
         * Hosts (as written in the URL, case-insensitive) a webhook may reach even though they resolve
         * to a loopback, private or otherwise internal address. Empty: only public addresses.
         */
        Optional<Set<String>> allowedHosts();

        /** AES-256 key (32 bytes, Base64) sealing generic webhooks' signing secrets in the database. */
        String sealingKey();
    }

    interface Deliveries {
        /** Attempts before a delivery is given up as DEAD. */
        @WithDefault("6")
        @Min(1)
        @Max(20)
        int maxAttempts();

        /** Wait before the second attempt; doubled for each further one, with up to half of it added at random. */
        @WithDefault("30s")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** Longest one send may take (connect, request and response) before it counts as failed. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** How often due deliveries are claimed (also read by the sender's schedule). */
        Duration pollInterval();

        /** Most sends in flight at once in one replica; due deliveries beyond it wait for the next poll. */
        @WithDefault("64")
        @Min(1)
        int maxInFlight();
    }

    interface Limits {
        /** Most subscriptions a team may have; creating more is refused (409). */
        @WithDefault("50")
        @Min(1)
        int subscriptionsPerTeam();
    }
}
