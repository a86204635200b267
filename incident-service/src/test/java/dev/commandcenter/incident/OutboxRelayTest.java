package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.commandcenter.contracts.EventLimits;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.events.Housekeeping;
import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay on real PostgreSQL and Kafka. This module's tests run with the fallback poll
 * at one hour ({@code %test.events.relay.poll-interval}), so every event they see on a topic was
 * relayed because its commit woke the relay (LISTEN/NOTIFY), not because a poll found it.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class OutboxRelayTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource database;

    @Inject
    Housekeeping housekeeping;

    @Test
    void aCommittedEventReachesItsTopicWithoutWaitingForAPoll() throws SQLException {
        String key = "wake-" + UUID.randomUUID();
        insertEvents(key, 1, 10);

        assertThat(readTopic(key, 1)).hasSize(1);
        assertThat(count("select count(*) from outbox_event where message_key = ? and published_at is null", key))
                .isZero();
    }

    @Test
    void eventsOfOneKeyArriveInCommitOrderAcrossManyBatches() throws SQLException {
        String key = "order-" + UUID.randomUUID();
        insertEvents(key, 600, 10);

        List<ConsumerRecord<String, String>> records = readTopic(key, 600);
        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(IntStream.range(0, 600).mapToObj(i -> payload(key, i, 10)).toList());
    }

    @Test
    void aRowTheBrokerRefusesIsParkedWithItsReasonAndTheRowsBehindItFlowOn() throws SQLException {
        String big = "too-large-" + UUID.randomUUID();
        String small = "behind-" + UUID.randomUUID();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, big, payload(big, 0, EventLimits.MAX_EVENT_BYTES + 1000));
            insert(connection, small, payload(small, 0, 10));
            connection.commit();
        }

        assertThat(readTopic(small, 1)).hasSize(1);
        await().atMost(EVENTUALLY).until(() -> count(
                "select count(*) from outbox_event where message_key = ? and parked_at is not null", big) == 1);
        assertThat(Sql.text(database, "select last_error from outbox_event where message_key = ?", big))
                .contains("RecordTooLargeException");
        as("admin").get("/admin/events/outbox").then().statusCode(200)
                .body("parked", equalTo((int) count("select count(*) from outbox_event where parked_at is not null"
                        + " and published_at is null")))
                .body("oldestParked.key", hasItem(big));

        // The operator fixes the row (here: makes it small enough) and re-drives it.
        Sql.execute(database, "update outbox_event set payload = ? where message_key = ?", payload(big, 1, 10), big);
        as("admin").post("/admin/events/outbox/parked/redrive").then().statusCode(200);
        assertThat(readTopic(big, 1)).extracting(ConsumerRecord::value).containsExactly(payload(big, 1, 10));
        assertThat(count("select count(*) from outbox_event where message_key = ? and published_at is null", big))
                .isZero();
    }

    @Test
    void onlySystemAdministratorsReachTheOperatorEndpoints() {
        given().get("/admin/events/outbox").then().statusCode(401);
        as("alice").get("/admin/events/outbox").then().statusCode(403);
        as("alice").post("/admin/events/outbox/parked/redrive").then().statusCode(403);
        as("alice").post("/admin/events/dead-letters/any/replay").then().statusCode(403);
        as("admin").post("/admin/events/dead-letters/not-a-dead-letter-topic/replay").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void whileAnotherReplicaHoldsTheRelayerRoleThisOneSendsNothingThenEverythingInOrder() throws SQLException {
        String key = "replica-" + UUID.randomUUID();
        try (Connection otherReplica = database.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (Statement lock = otherReplica.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + 0x6f7574626f783031L + ")");
            }
            insertEvents(key, 3, 10);
            // Settles briefly: a negative can only be observed over some time.
            assertThat(TopicReader.read(INFRA.kafkaBootstrapServers(), Topics.INCIDENTS,
                    r -> key.equals(r.key()), 1, Duration.ZERO, Duration.ofSeconds(2))).isEmpty();
            otherReplica.commit();
        }
        // The other replica would have drained; here the next commit wakes this one, which sends all.
        insertEvents(key, 1, 11);
        assertThat(readTopic(key, 4)).extracting(ConsumerRecord::value).containsExactly(
                payload(key, 0, 10), payload(key, 1, 10), payload(key, 2, 10), payload(key, 0, 11));
    }

    @Test
    void housekeepingPurgesOldPublishedRowsAndProcessedIdsOnceAcrossReplicas() throws SQLException {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        insertEvents(old, 2, 10);
        insertEvents(recent, 1, 10);
        readTopic(old, 2);
        readTopic(recent, 1);
        Sql.execute(database, "update outbox_event set published_at = now() - interval '8 days' where message_key = ?", old);
        Sql.execute(database, "insert into processed_event (consumer, event_id, processed_at)"
                + " values ('test', ?, now() - interval '8 days'), ('test', ?, now())", old, recent);

        try (Connection otherReplica = database.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (Statement lock = otherReplica.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + 0x7075726765303031L + ")");
            }
            assertThat(housekeeping.purge(Duration.ofDays(7)).await().atMost(EVENTUALLY))
                    .isEqualTo(new Housekeeping.Purged(0, 0));
            otherReplica.commit();
        }
        Housekeeping.Purged purged = housekeeping.purge(Duration.ofDays(7)).await().atMost(EVENTUALLY);

        assertThat(purged.outboxRows()).isGreaterThanOrEqualTo(2);
        assertThat(purged.processedEvents()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from outbox_event where message_key = ?", old)).isZero();
        assertThat(count("select count(*) from outbox_event where message_key = ?", recent)).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = ?", old)).isZero();
        assertThat(count("select count(*) from processed_event where event_id = ?", recent)).isEqualTo(1);
    }

    private static String payload(String key, int index, int size) {
        String base = "{\"key\":\"" + key + "\",\"n\":" + index + ",\"pad\":\"";
        return base + "x".repeat(Math.max(0, size - base.length() - 2)) + "\"}";
    }

    /** Rows as Outbox.emit writes them, in one transaction (so the relay sees them together). */
    private void insertEvents(String key, int count, int size) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                insert(connection, key, payload(key, i, size));
            }
            connection.commit();
        }
    }

    private static void insert(Connection connection, String key, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                + " (event_id, topic, message_key, event_type, payload) values (?, ?, ?, 'test.event.v1', ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, Topics.INCIDENTS);
            insert.setString(3, key);
            insert.setString(4, payload);
            insert.executeUpdate();
        }
    }

    private static List<ConsumerRecord<String, String>> readTopic(String key, int expected) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> key.equals(r.key()), expected, Duration.ofMillis(500), EVENTUALLY);
        assertThat(records).as("records with key %s", key).hasSize(expected);
        return records;
    }

    private long count(String sql, Object... parameters) {
        return Sql.number(database, sql, parameters);
    }
}
