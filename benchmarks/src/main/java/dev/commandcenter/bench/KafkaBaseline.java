package dev.commandcenter.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker on its own, for comparison with the service's figures: a raw producer configured
 * as the outbox relay's ({@code acks=all}, idempotent, {@code linger.ms=1}) and a raw consumer,
 * records of the size of an {@code incident.started.v1} event.
 */
final class KafkaBaseline {
    static final String TOPIC = "bench-baseline.v1";

    private final String bootstrapServers;
    private final Results results;

    KafkaBaseline(String bootstrapServers, Results results) {
        this.bootstrapServers = bootstrapServers;
        this.results = results;
    }

    void run(int payloadBytes, int records, List<Integer> rates, Duration perRate) throws Exception {
        results.section("Raw Kafka baseline (acks=all, idempotent producer, linger.ms=1, 3 partitions, "
                + payloadBytes + "-byte records)");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        String payload = "x".repeat(payloadBytes);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new StringSerializer())) {
            // Warm-up: metadata, connections, JIT of the client.
            throughput(producer, payload, Math.min(records, 5_000), "warm-up");
            double perSecond = throughput(producer, payload, records, "measured");
            results.add("raw producer, pipelined:        %,10.0f records/s acknowledged (%,d records)", perSecond,
                    records);
            for (int rate : rates) {
                latency(producer, payload, rate, perRate);
            }
        }
    }

    private double throughput(KafkaProducer<String, String> producer, String payload, int count, String label)
            throws InterruptedException {
        CountDownLatch acked = new CountDownLatch(count);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(TOPIC, label + "-" + i, payload), (metadata, error) -> {
                if (error != null) {
                    System.out.println("[bench] baseline send failed: " + error);
                }
                acked.countDown();
            });
        }
        if (!acked.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The broker did not acknowledge " + count + " records in 120 s");
        }
        return count / Results.seconds(started);
    }

    /** Open loop at {@code rate} records/s: send time to first consumption, per record. */
    private void latency(KafkaProducer<String, String> producer, String payload, int rate, Duration duration)
            throws InterruptedException {
        int count = (int) (rate * duration.toSeconds());
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Double> acks = java.util.Collections.synchronizedList(new ArrayList<>());
        try (TopicWatcher watcher = new TopicWatcher(bootstrapServers, TOPIC, null)) {
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime() + 50_000_000L;
            for (int i = 0; i < count; i++) {
                long intended = start + i * period;
                LockSupport.parkNanos(intended - System.nanoTime());
                String key = "rate" + rate + "-" + i;
                sent.put(key, intended);
                producer.send(new ProducerRecord<>(TOPIC, key, payload),
                        (metadata, error) -> acks.add(Results.millis(System.nanoTime() - intended)));
            }
            int seen = watcher.await(sent.keySet(), Duration.ofSeconds(30));
            List<Double> endToEnd = new ArrayList<>();
            sent.forEach((key, at) -> {
                Long arrived = watcher.seen(key);
                if (arrived != null) {
                    endToEnd.add(Results.millis(arrived - at));
                }
            });
            List<Double> e2e = Results.sorted(endToEnd);
            List<Double> ack = Results.sorted(acks);
            results.add("raw Kafka at %3d records/s:      send->consumed p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms;"
                            + " ack p50 %5.1f ms p99 %5.1f ms  (%d of %d consumed)", rate,
                    Results.percentile(e2e, 0.50), Results.percentile(e2e, 0.99), Results.percentile(e2e, 1.0),
                    Results.percentile(ack, 0.50), Results.percentile(ack, 0.99), seen, count);
        }
    }
}
