package dev.commandcenter.events;

import dev.commandcenter.contracts.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the event topics with the settings they need (the playbook topic is compacted) before
 * anything is produced; broker auto-creation would make them with defaults. Idempotent.
 */
public class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private static final int PARTITIONS = 3;

    /** Runs before reactive messaging starts its consumers (which it does at LIBRARY_BEFORE). */
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

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "kafka.topics.replication-factor", defaultValue = "1") short replication) {
        List<NewTopic> topics = new ArrayList<>(List.of(
                new NewTopic(Topics.PLAYBOOKS, PARTITIONS, replication).configs(Map.of(
                        "cleanup.policy", "compact", "min.insync.replicas", "1")),
                new NewTopic(Topics.INCIDENTS, PARTITIONS, replication).configs(Map.of(
                        "cleanup.policy", "delete", "retention.ms", Long.toString(TimeUnit.DAYS.toMillis(30))))));
        deadLetterTopics().forEach(name -> topics.add(new NewTopic(name, 1, replication)));
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
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within 30 s", e);
        }
    }
}
