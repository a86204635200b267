package dev.commandcenter.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.IncidentStarted;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicWriter;
import dev.commandcenter.stack.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class NotificationResourceTest {
    private static final InfraEndpoints INFRA = SharedInfra.get();
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.INCIDENTS, "notifier-service");

    static RequestSpecification as(String user) {
        return given().auth().oauth2(INFRA.tokens().forUser(user));
    }

    static EventEnvelope incidentStarted(String incidentId, String team, String commander) {
        IncidentStarted incident = new IncidentStarted(incidentId, team, UUID.randomUUID().toString(),
                "Card payments down", commander, UUID.randomUUID().toString(), UUID.randomUUID().toString(), true, 1,
                0, Instant.now());
        return EventEnvelope.of(EventType.INCIDENT_STARTED, "/incident-service", incidentId, team, commander,
                EventJson.toTree(incident));
    }

    static void send(String key, String value) {
        TopicWriter.send(INFRA.kafkaBootstrapServers(), Topics.INCIDENTS, key, value);
    }

    static void publish(EventEnvelope event) {
        send(event.subject(), EventJson.write(event));
    }

    static List<Map<String, Object>> notificationsOf(String user, String incidentId) {
        return as(user).queryParam("incident", incidentId).get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Publishes an incident's start and waits until its notification is visible to alice. */
    static String startedIncidentNotified() {
        return startedIncidentNotifiedAfter(UUID.randomUUID().toString());
    }

    /** The same, keyed like an earlier message so that it is consumed after it (same partition). */
    static String startedIncidentNotifiedAfter(String earlierKey) {
        String incidentId = UUID.randomUUID().toString();
        send(earlierKey, EventJson.write(incidentStarted(incidentId, "payments", "alice")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !notificationsOf("alice", incidentId).isEmpty());
        return incidentId;
    }

    @Test
    void theCommanderOfAStartedIncidentIsNotifiedInApp() {
        String incidentId = startedIncidentNotified();

        as("alice").queryParam("incident", incidentId).get("/api/v1/notifications")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].incidentId", equalTo(incidentId))
                .body("[0].teamId", equalTo("payments"))
                .body("[0].recipient", equalTo("alice"))
                .body("[0].channel", equalTo("in-app"))
                .body("[0].kind", equalTo("incident-started"))
                .body("[0].createdAt", notNullValue());
    }

    @Test
    void aRedeliveredEventNotifiesOnlyOnce() {
        String incidentId = UUID.randomUUID().toString();
        EventEnvelope event = incidentStarted(incidentId, "payments", "alice");
        publish(event);
        publish(event);
        // Same key, same partition: once the marker is applied, both copies have been consumed.
        String marker = UUID.randomUUID().toString();
        send(incidentId, EventJson.write(incidentStarted(marker, "payments", "alice")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !notificationsOf("alice", marker).isEmpty());

        assertThat(notificationsOf("alice", incidentId)).hasSize(1);
    }

    @Test
    void otherTeamsSeeNothingAndAdministratorsSeeAll() {
        String incidentId = startedIncidentNotified();

        as("bob").queryParam("incident", incidentId).get("/api/v1/notifications")
                .then().statusCode(200).body("recipient", hasItem("alice"));
        as("carol").queryParam("incident", incidentId).get("/api/v1/notifications")
                .then().statusCode(200).body("$", empty());
        as("admin").queryParam("incident", incidentId).get("/api/v1/notifications")
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void anEventWithoutATeamIsSkipped() {
        String skipped = UUID.randomUUID().toString();
        publish(incidentStarted(skipped, "", "alice"));
        String incidentId = startedIncidentNotifiedAfter(skipped);

        assertThat(notificationsOf("admin", incidentId)).hasSize(1);
        assertThat(notificationsOf("admin", skipped)).isEmpty();
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAndConsumptionContinues() {
        String key = UUID.randomUUID().toString();
        send(key, "not json " + key);

        List<ConsumerRecord<String, String>> deadLetters = TopicReader.read(INFRA.kafkaBootstrapServers(),
                DEAD_LETTERS, r -> key.equals(r.key()), 1, Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).value()).isEqualTo("not json " + key);

        startedIncidentNotifiedAfter(key);
    }

    @Test
    void anEventWhosePayloadNamesAnotherTeamIsDeadLetteredUnapplied() {
        String incidentId = UUID.randomUUID().toString();
        EventEnvelope forged = incidentStarted(incidentId, "search", "carol");
        publish(new EventEnvelope(forged.specversion(), forged.id(), forged.source(), forged.type(), forged.time(),
                forged.subject(), forged.datacontenttype(), "payments", "carol", forged.data()));

        List<ConsumerRecord<String, String>> deadLetters = TopicReader.read(INFRA.kafkaBootstrapServers(),
                DEAD_LETTERS, r -> incidentId.equals(r.key()), 1, Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(deadLetters).hasSize(1);
        assertThat(notificationsOf("admin", incidentId)).isEmpty();
    }

    @Test
    void invalidQueriesGetProblemDetailsNamingTheField() {
        as("alice").get("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("incident"));
        as("alice").queryParam("incident", UUID.randomUUID()).queryParam("limit", 500).get("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        as("alice").queryParam("incident", UUID.randomUUID()).queryParam("limit", 0).get("/api/v1/notifications")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        as("alice").queryParam("incident", "x".repeat(65)).get("/api/v1/notifications")
                .then().statusCode(400).body("errors.field", hasItem("incident"));
        as("alice").queryParam("incident", "'; drop table notification; --").get("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("incident"));
    }

    @Test
    void theServiceItselfVerifiesIssuerAudienceAndSignature() {
        String path = "/api/v1/notifications?incident=" + UUID.randomUUID();

        given().get(path).then().statusCode(401);
        INFRA.tokens().rejected("alice").forEach((why, token) -> given().auth().oauth2(token).get(path)
                .then().statusCode(401));
        given().auth().oauth2(INFRA.tokens().forUser("alice")).get(path).then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/notifications"));
    }
}
