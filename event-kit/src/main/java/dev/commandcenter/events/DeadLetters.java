package dev.commandcenter.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This service's dead-letter topics: how many events wait in each (a gauge), and the replay that
 * sends them back to the topic they came from once the cause is fixed. Replay reads from where the
 * last replay stopped (consumer group {@code <dead-letter topic>.replay}) to the current end; the
 * event keeps its key, value and headers. Consumers are idempotent, so every consumer of the
 * original topic may see it again without effect, within the processed-event retention.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    /** Header the Kafka connector puts on a dead letter: the topic the event was consumed from. */
    static final String ORIGINAL_TOPIC_HEADER = "dead-letter-topic";
    static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";
    static final String REPLAYED_FROM_HEADER = "replayed-from";

    private final String bootstrapServers;
    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();
    private Admin admin;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        for (String topic : TopicProvisioner.deadLetterTopics()) {
            AtomicLong count = new AtomicLong();
            waiting.put(topic, count);
            Gauge.builder("events.dead.letters", count, AtomicLong::get).tag("topic", topic)
                    .description("Dead-lettered events not yet replayed").register(registry);
        }
    }

    /** The dead-letter topics of this service's consumers. */
    public List<String> topics() {
        return waiting.keySet().stream().sorted().toList();
    }

    @Scheduled(every = "${events.housekeeping.dead-letter-refresh:30s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            counts().forEach((topic, count) -> waiting.get(topic).set(count));
        } catch (RuntimeException e) {
            LOG.debugf("Dead-letter counts not refreshed: %s", Failures.describe(e));
        }
    }

    /** Events waiting in each dead-letter topic: its end minus where the last replay stopped. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        if (waiting.isEmpty()) {
            return counts;
        }
        try {
            Admin admin = admin();
            var described = admin.describeTopics(waiting.keySet()).allTopicNames().get(10, TimeUnit.SECONDS);
            for (String topic : waiting.keySet()) {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                described.get(topic).partitions().forEach(p -> {
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                });
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                var starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> replayed = admin.listConsumerGroupOffsets(replayGroup(topic))
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                long total = 0;
                for (TopicPartition partition : latest.keySet()) {
                    OffsetAndMetadata done = replayed.get(partition);
                    long from = Math.max(starts.get(partition).offset(), done == null ? 0 : done.offset());
                    total += Math.max(0, ends.get(partition).offset() - from);
                }
                counts.put(topic, total);
            }
            return counts;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer: " + Failures.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** One admin client for the gauge refresh and the admin endpoint, not a new one every 30 s. */
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
        }
        return admin;
    }

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
                admin = null;
            }
        }
    }

    /** What a replay did. */
    public record Replay(String topic, int replayed, int skipped) {
    }

    /**
     * Sends every event that waits in {@code topic} back to its original topic and remembers where
     * it stopped. Blocking: call it from a worker thread.
     */
    public Replay replay(String topic) {
        if (!waiting.containsKey(topic)) {
            throw new IllegalArgumentException(topic + " is not a dead-letter topic of this service");
        }
        int replayed = 0;
        int skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, replayGroup(topic),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                        new StringSerializer(), new StringSerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Replay of " + topic + " did not reach the end within 2 minutes");
                }
                List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    Header original = record.headers().lastHeader(ORIGINAL_TOPIC_HEADER);
                    if (original == null) {
                        skipped++;
                        continue;
                    }
                    RecordHeaders headers = new RecordHeaders();
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                            headers.add(header);
                        }
                    }
                    headers.add(REPLAYED_FROM_HEADER, topic.getBytes(StandardCharsets.UTF_8));
                    sends.add(producer.send(new ProducerRecord<>(new String(original.value(), StandardCharsets.UTF_8),
                            null, record.key(), record.value(), headers)));
                    replayed++;
                }
                for (var send : sends) {
                    send.get(30, TimeUnit.SECONDS);
                }
                Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
                partitions.forEach(p -> positions.put(p, new OffsetAndMetadata(Math.min(consumer.position(p),
                        ends.get(p)))));
                consumer.commitSync(positions);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Replay of " + topic + " stopped: " + Failures.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        waiting.get(topic).set(0);
        LOG.infof("Replayed %d dead-lettered events from %s (%d without an original topic skipped)", replayed,
                topic, skipped);
        return new Replay(topic, replayed, skipped);
    }

    static String replayGroup(String topic) {
        return topic + ".replay";
    }
}
