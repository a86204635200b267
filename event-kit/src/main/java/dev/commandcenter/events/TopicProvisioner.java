package dev.commandcenter.events;

import dev.commandcenter.contracts.EventLimits;
import dev.commandcenter.contracts.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the event topics with the settings they need before anything is produced (broker
 * auto-creation would make them with defaults), and brings existing topics to the size limit and
 * in-sync replica count of this version. Idempotent.
 */
public class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    /**
     * A topic's largest record batch: the largest event plus room for the batch's own header, so an
     * event the producer accepts ({@code max.request.size} = {@link EventLimits#MAX_EVENT_BYTES}) is
     * never refused by the broker.
     */
    static final int MAX_MESSAGE_BYTES = EventLimits.MAX_EVENT_BYTES + 16 * 1024;

    /** The dead-letter topics of this service's incoming channels, so they exist before first use. */
    static List<String> deadLetterTopics() {
        Config config = ConfigProvider.getConfig();
        List<String> names = new ArrayList<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith("mp.messaging.incoming.") && property.endsWith(".dead-letter-queue.topic")) {
                config.getOptionalValue(property, String.class).ifPresent(names::add);
            }
        }
        return names;
    }

    /** Every topic this service needs, with its settings. */
    static List<NewTopic> topics(EventsConfig.Topics settings) {
        Map<String, String> common = Map.of(
                "min.insync.replicas", Integer.toString(settings.minInsyncReplicas()),
                "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(Topics.PLAYBOOKS, settings.partitions(), settings.replicationFactor())
                .configs(with(common, "cleanup.policy", "compact")));
        topics.add(new NewTopic(Topics.INCIDENTS, settings.partitions(), settings.replicationFactor())
                .configs(with(common, "cleanup.policy", "delete", "retention.ms",
                        Long.toString(TimeUnit.DAYS.toMillis(30)))));
        deadLetterTopics().forEach(name -> topics.add(new NewTopic(name, 1, settings.replicationFactor())
                .configs(with(common, "cleanup.policy", "delete", "retention.ms",
                        Long.toString(TimeUnit.DAYS.toMillis(30))))));
        return topics;
    }

    private static Map<String, String> with(Map<String, String> common, String... pairs) {
        Map<String, String> configs = new HashMap<>(common);
        for (int i = 0; i < pairs.length; i += 2) {
            configs.put(pairs[i], pairs[i + 1]);
        }
        return configs;
    }

    /** Runs before reactive messaging starts its consumers (which it does at LIBRARY_BEFORE). */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, EventsConfig config) {
        List<NewTopic> topics = topics(config.topics());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name(), e.getCause());
                    }
                    update(admin, topic.name(), List.of(
                            new ConfigEntry("max.message.bytes", topic.configs().get("max.message.bytes")),
                            new ConfigEntry("min.insync.replicas", topic.configs().get("min.insync.replicas"))));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within 30 s", e);
        }
    }

    private static void update(Admin admin, String topic, Collection<ConfigEntry> entries)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        admin.incrementalAlterConfigs(Map.of(resource, entries.stream()
                .map(entry -> new AlterConfigOp(entry, AlterConfigOp.OpType.SET)).toList()))
                .all().get(30, TimeUnit.SECONDS);
    }
}
