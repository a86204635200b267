package dev.commandcenter.notifier;

import static dev.commandcenter.notifier.NotificationResourceTest.as;
import static dev.commandcenter.notifier.NotificationResourceTest.incidentStarted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Consumers retry what may pass and dead-letter only what cannot: the service's database goes away
 * for seconds while events flow, and every event is applied exactly once with nothing dead-lettered;
 * a poison event reaches the dead-letter topic with its reason and original headers; a replay sends
 * dead letters back once the cause is fixed.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class ConsumerResilienceTest {
    private static final InfraEndpoints INFRA = SharedInfra.get();
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.INCIDENTS, "notifier-service");

    @Inject
    AgroalDataSource database;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aDatabaseOutageWhileEventsFlowLosesNothingDoublesNothingAndDeadLettersNothing() throws Exception {
        List<String> incidents = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 40; i++) {
                if (i == 10) {
                    databaseAvailable(false);
                }
                if (i == 35) {
                    databaseAvailable(true);
                }
                String incident = UUID.randomUUID().toString();
                incidents.add(incident);
                producer.send(new ProducerRecord<>(Topics.INCIDENTS, incident,
                        EventJson.write(incidentStarted(incident, "payments", "alice")))).get();
                Thread.sleep(100);
            }
        } finally {
            databaseAvailable(true);
        }

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> notifications(incidents) == incidents.size());
        assertThat(distinctNotified(incidents)).isEqualTo(incidents.size());
        assertThat(TopicReader.read(INFRA.kafkaBootstrapServers(), DEAD_LETTERS, r -> incidents.contains(r.key()), 1,
                Duration.ZERO, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aPoisonEventIsDeadLetteredWithItsReasonAndOriginalHeaders() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                    .getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(Topics.INCIDENTS, null, key, "{not an event", headers)).get();
        }

        List<ConsumerRecord<String, String>> dead = TopicReader.read(INFRA.kafkaBootstrapServers(), DEAD_LETTERS,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "dead-letter-reason")).isNotBlank();
        assertThat(header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.INCIDENTS);
        assertThat(header(dead.get(0), "traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aReplaySendsDeadLettersBackToTheirTopicAndTheyAreApplied() throws Exception {
        // An event dead-lettered before its cause was fixed (as the connector writes it).
        String incident = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("dead-letter-topic", Topics.INCIDENTS.getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-reason", "fixed since".getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(DEAD_LETTERS, null, incident,
                    EventJson.write(incidentStarted(incident, "payments", "alice")), headers)).get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("admin").get("/admin/events/dead-letters")
                .then().statusCode(200).body("'" + DEAD_LETTERS + "'", greaterThanOrEqualTo(1)));

        as("admin").post("/admin/events/dead-letters/" + DEAD_LETTERS + "/replay").then().statusCode(200)
                .body("replayed", greaterThanOrEqualTo(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> notifications(List.of(incident)) == 1);
        as("alice").post("/admin/events/dead-letters/" + DEAD_LETTERS + "/replay").then().statusCode(403);
        given().post("/admin/events/dead-letters/" + DEAD_LETTERS + "/replay").then().statusCode(401);
    }

    /** Takes the service's database away (no new connections, open ones terminated) or gives it back. */
    private void databaseAvailable(boolean available) throws SQLException {
        String adminUrl = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/')) + "/postgres";
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE notifier ALLOW_CONNECTIONS " + available);
            if (!available) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'notifier'");
            }
        }
    }

    private long notifications(List<String> incidents) throws SQLException {
        return query("SELECT count(*) FROM notification WHERE incident_id = ANY (?)", incidents);
    }

    private long distinctNotified(List<String> incidents) throws SQLException {
        return query("SELECT count(DISTINCT incident_id) FROM notification WHERE incident_id = ANY (?)", incidents);
    }

    private long query(String sql, List<String> incidents) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("varchar", incidents.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }
}
