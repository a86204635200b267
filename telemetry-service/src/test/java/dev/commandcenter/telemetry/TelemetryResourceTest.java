package dev.commandcenter.telemetry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.contracts.IncidentStarted;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicWriter;
import dev.commandcenter.stack.TopicReader;
import dev.commandcenter.telemetry.mapping.TelemetryMapper;
import dev.commandcenter.telemetry.model.TrackedAction;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class TelemetryResourceTest {
    private static final InfraEndpoints INFRA = SharedInfra.get();
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    AgroalDataSource database;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(INFRA.tokens().forUser(user));
    }

    static void send(String topic, String key, String value) {
        TopicWriter.send(INFRA.kafkaBootstrapServers(), topic, key, value);
    }

    static EventEnvelope incidentStarted(String incidentId, String name) {
        IncidentStarted incident = new IncidentStarted(incidentId, "payments", UUID.randomUUID().toString(), name,
                "alice", "channel-" + incidentId, "post-" + incidentId, true, 1, 0,
                Instant.parse("2026-11-23T10:15:30Z"));
        return EventEnvelope.of(EventType.INCIDENT_STARTED, "/incident-service", incidentId, "payments", "alice",
                EventJson.toTree(incident));
    }

    static EventEnvelope playbookEvent(EventType type, String playbookId, String title) {
        PlaybookContent content = PlaybookContent.of(title, "Secret-Description " + title, true, List.of(
                new PlaybookContent.Stage("s-1", "Secret-Stage " + title, List.of(
                        new PlaybookContent.Step("t-1", "Secret-Step-1 " + title, "Secret-Step-Text " + title,
                                "/page secret-oncall"),
                        new PlaybookContent.Step("t-2", "Secret-Step-2 " + title, null, null))),
                new PlaybookContent.Stage("s-2", "Secret-Empty-Stage " + title, List.of())));
        PlaybookState playbook = new PlaybookState(playbookId, "payments", content, List.of("alice", "bob"),
                type == EventType.PLAYBOOK_DELETED, 1, "bob", Instant.now(), "bob", Instant.now());
        return EventEnvelope.of(type, "/playbook-service", playbookId, "payments", "bob", EventJson.toTree(playbook));
    }

    static void publish(String topic, EventEnvelope event) {
        send(topic, event.subject(), EventJson.write(event));
    }

    static JsonPath recordsOf(String user, String subject) {
        return as(user).queryParam("subject", subject).get("/api/v1/telemetry/events")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until alice sees {@code count} records about the subject and returns the response body. */
    static String awaitRecords(String subject, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsOf("alice", subject).getList("$").size() >= count);
        return as("alice").queryParam("subject", subject).get("/api/v1/telemetry/events").then().statusCode(200)
                .body("$", hasSize(count)).extract().asString();
    }

    String storedRows(String subject) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select * from telemetry_event where subject_id = ?")) {
            query.setString(1, subject);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        rows.append(result.getString(column)).append('|');
                    }
                    rows.append('\n');
                }
            }
        }
        return rows.toString();
    }

    @Test
    void aStartedIncidentIsRecordedWithoutItsName() throws SQLException {
        String incidentId = UUID.randomUUID().toString();
        String name = "Secret-Name-" + UUID.randomUUID();
        EventEnvelope event = incidentStarted(incidentId, name);
        publish(Topics.INCIDENTS, event);

        String body = awaitRecords(incidentId, 1);

        as("alice").queryParam("subject", incidentId).get("/api/v1/telemetry/events").then()
                .body("[0].type", equalTo("track"))
                .body("[0].event", equalTo("incident"))
                .body("[0].action", equalTo("create"))
                .body("[0].id", matchesPattern(UUID_PATTERN))
                .body("[0].diagnosticID", matchesPattern(UUID_PATTERN))
                .body("[0].serverVersion", equalTo("0.1.0-SNAPSHOT"))
                .body("[0].pluginVersion", equalTo("0.1.0-SNAPSHOT"))
                .body("[0]", hasKey("integrations"))
                .body("[0].integrations", nullValue())
                .body("[0].properties.incidentID", equalTo(incidentId))
                .body("[0].properties.userID", equalTo("alice"))
                .body("[0].properties.IsActive", equalTo(true))
                .body("[0].properties.CommanderUserID", equalTo("alice"))
                .body("[0].properties.TeamID", equalTo("payments"))
                .body("[0].properties.CreatedAt", equalTo("2026-11-23T10:15:30Z"))
                .body("[0].properties.ChannelIDs", contains("channel-" + incidentId))
                .body("[0].properties.PostID", equalTo("post-" + incidentId))
                .body("[0].properties.NumChecklists", equalTo(1))
                .body("[0].properties.TotalChecklistItems", equalTo(0));
        JsonPath record = recordsOf("alice", incidentId);
        Instant happened = Instant.parse(record.getString("[0].eventTimeStamp"));
        assertThat(happened).isEqualTo(event.time().truncatedTo(ChronoUnit.MICROS));
        assertThat(Instant.parse(record.getString("[0].originalTimestamp"))).isEqualTo(happened);
        assertThat(Instant.parse(record.getString("[0].createdAt"))).isAfterOrEqualTo(happened);
        assertThat(record.getMap("[0].properties").keySet()).containsExactlyInAnyOrder("incidentID", "userID",
                "IsActive", "CommanderUserID", "TeamID", "CreatedAt", "ChannelIDs", "PostID", "NumChecklists",
                "TotalChecklistItems");

        assertThat(body).doesNotContain(name).doesNotContain("Secret");
        assertThat(storedRows(incidentId)).contains(incidentId).doesNotContain(name).doesNotContain("Secret");
    }

    @Test
    void anEndedIncidentIsRecordedAsInactive() {
        String incidentId = UUID.randomUUID().toString();
        publish(Topics.INCIDENTS, incidentStarted(incidentId, "Secret-Name-" + incidentId));
        IncidentStarted incident = EventJson.data(incidentStarted(incidentId, "Secret-Name-" + incidentId),
                IncidentStarted.class);
        publish(Topics.INCIDENTS, EventEnvelope.of(EventType.INCIDENT_ENDED, "/incident-service", incidentId,
                "payments", "bob", EventJson.toTree(incident)));

        String body = awaitRecords(incidentId, 2);

        as("alice").queryParam("subject", incidentId).get("/api/v1/telemetry/events").then()
                .body("action", contains("create", "end"))
                .body("properties.IsActive", contains(true, false))
                .body("[1].properties.userID", equalTo("bob"))
                .body("[1].properties.CommanderUserID", equalTo("alice"));
        assertThat(body).doesNotContain("Secret");
    }

    @Test
    void everyChecklistActionOfTheSeedIsRecordedAsTasksWithTheIncidentAndUserOnly() {
        String incidentId = UUID.randomUUID().toString();
        String itemId = "Secret-Item-" + UUID.randomUUID();
        IncidentChange change = new IncidentChange(incidentId, "payments", null, "stage-1", itemId, "done", 3,
                Instant.now());
        List<EventType> taskEvents = List.of(EventType.TASK_ADDED, EventType.TASK_RENAMED,
                EventType.TASK_STATE_MODIFIED, EventType.TASK_MOVED, EventType.TASK_ASSIGNEE_SET,
                EventType.TASK_SLASH_COMMAND_RUN, EventType.TASK_REMOVED);
        // Same key, same partition: the untracked event is consumed before the tracked ones.
        publish(Topics.INCIDENTS, EventEnvelope.of(EventType.INCIDENT_COMMANDER_CHANGED, "/incident-service",
                incidentId, "payments", "alice", EventJson.toTree(change)));
        for (EventType type : taskEvents) {
            publish(Topics.INCIDENTS, EventEnvelope.of(type, "/incident-service", incidentId, "payments",
                    type == EventType.TASK_ADDED ? "bob" : "alice", EventJson.toTree(change)));
        }

        String body = awaitRecords(incidentId, taskEvents.size());

        as("alice").queryParam("subject", incidentId).get("/api/v1/telemetry/events").then()
                .body("event", everyItem(equalTo("tasks")))
                .body("action", contains("add_task", "rename_task", "modify_task_state", "move_task",
                        "set_assignee_for_task", "run_task_slash_command", "remove_task"))
                .body("properties.IncidentID", everyItem(equalTo(incidentId)))
                .body("properties.UserID", contains("bob", "alice", "alice", "alice", "alice", "alice", "alice"));
        assertThat(body).doesNotContain(itemId);
    }

    @Test
    void everyTypeAndActionTheMapperProducesFitsItsColumn() throws SQLException {
        int typeWidth = columnWidth("type");
        int actionWidth = columnWidth("action");
        List<TrackedAction> tracked = Arrays.stream(EventType.values()).map(TelemetryMapper::tracked)
                .flatMap(Optional::stream).toList();

        assertThat(tracked).extracting(TrackedAction::action).hasSize(12).contains("set_assignee_for_task",
                "run_task_slash_command");
        assertThat(tracked).allSatisfy(action -> {
            assertThat(action.type().length()).as(action.type()).isLessThanOrEqualTo(typeWidth);
            assertThat(action.action().length()).as(action.action()).isLessThanOrEqualTo(actionWidth);
        });
    }

    int columnWidth(String column) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("select character_maximum_length from "
                        + "information_schema.columns where table_name = 'telemetry_event' and column_name = ?")) {
            query.setString(1, column);
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).as("column " + column).isTrue();
                return result.getInt(1);
            }
        }
    }

    @Test
    void playbookChangesAreRecordedAsCountsWithoutTitlesOrTexts() throws SQLException {
        String playbookId = UUID.randomUUID().toString();
        String title = "Secret-Title-" + UUID.randomUUID();
        publish(Topics.PLAYBOOKS, playbookEvent(EventType.PLAYBOOK_CREATED, playbookId, title));
        publish(Topics.PLAYBOOKS, playbookEvent(EventType.PLAYBOOK_UPDATED, playbookId, title));
        publish(Topics.PLAYBOOKS, playbookEvent(EventType.PLAYBOOK_DELETED, playbookId, title));

        String body = awaitRecords(playbookId, 3);

        as("alice").queryParam("subject", playbookId).get("/api/v1/telemetry/events").then()
                .body("type", contains("track", "track", "track"))
                .body("event", contains("playbook", "playbook", "playbook"))
                .body("action", contains("create", "update", "delete"))
                .body("[0].properties.PlaybookID", equalTo(playbookId))
                .body("[0].properties.TeamID", equalTo("payments"))
                .body("[0].properties.NumChecklists", equalTo(2))
                .body("[0].properties.TotalChecklistItems", equalTo(2))
                .body("[0].properties.userID", equalTo("bob"));
        assertThat(body).doesNotContain(title).doesNotContain("Secret").doesNotContain("/page");
        assertThat(storedRows(playbookId)).contains(playbookId).doesNotContain("Secret").doesNotContain("/page");

        String incidentId = UUID.randomUUID().toString();
        publish(Topics.INCIDENTS, incidentStarted(incidentId, "Secret-Name-" + incidentId));
        awaitRecords(incidentId, 1);
        assertThat(recordsOf("alice", incidentId).getString("[0].diagnosticID"))
                .as("one diagnostic id for every record of this server")
                .isEqualTo(recordsOf("alice", playbookId).getString("[0].diagnosticID"));
    }

    @Test
    void aRedeliveredEventIsRecordedOnce() {
        String incidentId = UUID.randomUUID().toString();
        EventEnvelope event = incidentStarted(incidentId, "Secret-Name-" + incidentId);
        publish(Topics.INCIDENTS, event);
        publish(Topics.INCIDENTS, event);
        // Same key, same partition: once the marker is recorded, both copies have been consumed.
        String marker = UUID.randomUUID().toString();
        send(Topics.INCIDENTS, incidentId, EventJson.write(incidentStarted(marker, "Secret-Name-" + marker)));
        awaitRecords(marker, 1);

        assertThat(recordsOf("alice", incidentId).getList("$")).hasSize(1);
    }

    @Test
    void onlyTheTeamAndAdministratorsSeeItsRecords() {
        String incidentId = UUID.randomUUID().toString();
        publish(Topics.INCIDENTS, incidentStarted(incidentId, "Secret-Name-" + incidentId));
        awaitRecords(incidentId, 1);

        as("bob").queryParam("subject", incidentId).get("/api/v1/telemetry/events")
                .then().statusCode(200).body("properties.incidentID", hasItem(incidentId));
        as("carol").queryParam("subject", incidentId).get("/api/v1/telemetry/events")
                .then().statusCode(200).body("$", empty());
        as("admin").queryParam("subject", incidentId).get("/api/v1/telemetry/events")
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void unreadableMessagesAreDeadLetteredAndConsumptionContinues() {
        for (String topic : List.of(Topics.INCIDENTS, Topics.PLAYBOOKS)) {
            String key = UUID.randomUUID().toString();
            send(topic, key, "not json " + key);

            List<ConsumerRecord<String, String>> deadLetters = TopicReader.read(INFRA.kafkaBootstrapServers(),
                    Topics.deadLetter(topic, "telemetry-service"), r -> key.equals(r.key()), 1,
                    Duration.ofSeconds(1), Duration.ofSeconds(30));
            assertThat(deadLetters).as("dead letters of " + topic).hasSize(1);
            assertThat(deadLetters.get(0).value()).isEqualTo("not json " + key);
        }
        String key = UUID.randomUUID().toString();
        send(Topics.INCIDENTS, key, "{\"specversion\": \"1.0\", \"id\": \"" + key + "\"}");
        String incidentId = UUID.randomUUID().toString();
        send(Topics.INCIDENTS, key, EventJson.write(incidentStarted(incidentId, "Secret-Name-" + incidentId)));
        awaitRecords(incidentId, 1);
    }

    @Test
    void anEventWhosePayloadNamesAnotherTeamIsDeadLetteredUnrecorded() {
        String playbookId = UUID.randomUUID().toString();
        EventEnvelope genuine = playbookEvent(EventType.PLAYBOOK_CREATED, playbookId, "Secret-Title");
        publish(Topics.PLAYBOOKS, new EventEnvelope(genuine.specversion(), genuine.id(), genuine.source(),
                genuine.type(), genuine.time(), genuine.subject(), genuine.datacontenttype(), "search", "carol",
                genuine.data()));

        List<ConsumerRecord<String, String>> deadLetters = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.deadLetter(Topics.PLAYBOOKS, "telemetry-service"), r -> playbookId.equals(r.key()), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(deadLetters).hasSize(1);
        assertThat(recordsOf("admin", playbookId).getList("$")).isEmpty();
    }

    @Test
    void invalidQueriesGetProblemDetailsNamingTheField() {
        as("alice").get("/api/v1/telemetry/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("subject"));
        as("alice").queryParam("subject", UUID.randomUUID()).queryParam("limit", 500)
                .get("/api/v1/telemetry/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        as("alice").queryParam("subject", "x".repeat(65)).get("/api/v1/telemetry/events")
                .then().statusCode(400).body("errors.field", hasItem("subject"));
        as("alice").queryParam("subject", "a' or '1'='1").get("/api/v1/telemetry/events")
                .then().statusCode(400).body("errors.field", hasItem("subject"));
    }

    @Test
    void theServiceItselfVerifiesIssuerAudienceAndSignature() {
        String path = "/api/v1/telemetry/events?subject=" + UUID.randomUUID();

        given().get(path).then().statusCode(401);
        INFRA.tokens().rejected("alice").forEach((why, token) -> given().auth().oauth2(token).get(path)
                .then().statusCode(401));
        given().auth().oauth2(INFRA.tokens().forUser("alice")).get(path).then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/telemetry/events"))
                .body(containsString("diagnosticID"));
    }
}
