package dev.commandcenter.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A raw Kafka consumer on every partition of one topic, from its end at creation: notes when each
 * key was first seen (System.nanoTime of this JVM, so it compares with the senders' clocks).
 */
final class TopicWatcher implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Thread poller;
    private final String mustContain;
    private volatile boolean running = true;

    /** Only records whose value contains {@code mustContain} (an event type) count; null: all. */
    TopicWatcher(String bootstrapServers, String topic, String mustContain) {
        this.mustContain = mustContain;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"), new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        }
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("Topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end now, before anything is sent
        poller = new Thread(this::poll, "watch-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (record.key() != null && (mustContain == null || record.value().contains(mustContain))) {
                        firstSeen.putIfAbsent(record.key(), now);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        }
    }

    /** When {@code key} first arrived, or null. */
    Long seen(String key) {
        return firstSeen.get(key);
    }

    int count() {
        return firstSeen.size();
    }

    /** Waits until every key in {@code keys} was seen or {@code timeout} passed; returns how many were seen. */
    int await(java.util.Collection<String> keys, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int seen = (int) keys.stream().filter(firstSeen::containsKey).count();
            if (seen == keys.size() || System.nanoTime() > deadline) {
                return seen;
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5_000);
        consumer.close(Duration.ofSeconds(2));
    }
}
