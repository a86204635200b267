package dev.commandcenter.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every tunable of the event pipeline: relay, consumers, housekeeping and topics. */
@ConfigMapping(prefix = "events")
public interface EventsConfig {
    Relay relay();

    Consumer consumer();

    Housekeeping housekeeping();

    Topics topics();

    interface Relay {
        /** How often the relay looks for rows when no commit woke it (a fallback: commits wake it at once). */
        @WithDefault("2s")
        Duration pollInterval();

        /** Rows sent per round trip: read together, sent pipelined, marked published in one statement. */
        @WithDefault("256")
        int batchSize();

        /** How long one send may wait for the broker's acknowledgement before the row is retried later. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Whether commits wake the relays of every replica through PostgreSQL LISTEN/NOTIFY. */
        @WithDefault("true")
        boolean listen();
    }

    interface Consumer {
        /** First wait before a consumer retries an event that failed for a transient reason. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /** Longest wait between two retries. */
        @WithDefault("5s")
        Duration maxBackoff();

        /**
         * How long transient failures are retried before the event is dead-lettered. Below the Kafka
         * connector's 60 s unprocessed-record limit, so a long outage does not mark the channel unhealthy.
         */
        @WithDefault("45s")
        Duration retryBudget();
    }

    interface Housekeeping {
        /** Published outbox rows and processed-event ids older than this are purged. */
        @WithDefault("7d")
        Duration retention();

        /** How often the purge runs (once across replicas) and the pipeline's gauges are refreshed. */
        @WithDefault("1m")
        Duration interval();

        /** Rows deleted per purge transaction, so a large purge never holds long locks. */
        @WithDefault("5000")
        int purgeBatchSize();
    }

    interface Topics {
        /** Partitions of the event topics. */
        @WithDefault("3")
        int partitions();

        /** Replication factor of every topic this service creates: 1 locally, 3 in production. */
        @WithDefault("1")
        short replicationFactor();

        /** In-sync replicas an {@code acks=all} write needs: 1 locally, 2 in production. */
        @WithDefault("1")
        int minInsyncReplicas();
    }
}
