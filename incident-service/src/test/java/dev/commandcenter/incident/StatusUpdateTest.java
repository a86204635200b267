package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.send;
import static dev.commandcenter.incident.IncidentResourceTest.start;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookContent.StatusPhase;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.StatusUpdated;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Status updates through the API on the real stack: posted in each phase, listed newest first,
 * started from the playbook's templates, in the timeline, emitted with the communication plan's
 * audiences, validated, bounded, refused after the end, and allowed only to whom the matrix says.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class StatusUpdateTest {
    static final String INCIDENTS = "/api/v1/incidents/";
    static final String IDENTIFIED_TEMPLATE = "We found the cause: <cause>. Next update in 30 minutes.";
    static final PlaybookContent.CommunicationChannel STAKEHOLDERS = new PlaybookContent.CommunicationChannel(
            "#payments-status", "every 30 minutes", "the commander", "status update");
    static final PlaybookContent.CommunicationChannel SUPPORT = new PlaybookContent.CommunicationChannel(
            "support@example.com", "on each phase change", null, "email");

    @Inject
    AgroalDataSource database;

    /**
     * Announces a payments playbook (members alice and bob) with status templates for Investigating
     * and Identified, a communication plan, and the given reminder interval (null: none).
     */
    static UUID publishStatusPlaybook(Integer reminderMinutes) {
        UUID id = UUID.randomUUID();
        PlaybookContent process = PlaybookContent.of("Status updates", "", true, List.of(
                new PlaybookContent.Stage("s-one", "One", List.of())));
        PlaybookContent content = new PlaybookContent(process.title(), process.description(), true, process.stages(),
                List.of(), List.of(new PlaybookContent.StatusTemplate(StatusPhase.INVESTIGATING,
                                "We are investigating reports of <symptom>."),
                        new PlaybookContent.StatusTemplate(StatusPhase.IDENTIFIED, IDENTIFIED_TEMPLATE)),
                reminderMinutes, List.of(STAKEHOLDERS, SUPPORT), List.of(), List.of(), process.learningFlow(), null);
        PlaybookState state = new PlaybookState(id.toString(), "payments", content, List.of("alice", "bob"), false,
                1, "alice", Instant.now(), "alice", Instant.now());
        send(Topics.PLAYBOOKS, id.toString(), EventJson.write(EventEnvelope.of(EventType.PLAYBOOK_CREATED,
                "/playbook-service", id.toString(), "payments", "alice", EventJson.toTree(state))));
        return id;
    }

    /** A new incident alice commands, with bob as a member. */
    static String incidentWithBob(UUID playbook) {
        String id = start("alice", playbook, "status-" + UUID.randomUUID(), null);
        as("alice").body(Map.of("userId", "bob")).post(INCIDENTS + id + "/members").then().statusCode(200);
        return id;
    }

    static Response postUpdate(String user, String id, String phase, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("phase", phase);
        body.put("text", text);
        return as(user).body(body).post(INCIDENTS + id + "/status-updates");
    }

    @Test
    void membersPostInEachPhaseAndTheListShowsThemNewestFirstPageByPage() {
        String id = incidentWithBob(publishStatusPlaybook(null));

        postUpdate("alice", id, "INVESTIGATING", "Card payments fail for some users").then().statusCode(201)
                .body("phase", equalTo("INVESTIGATING")).body("authorId", equalTo("alice"))
                .body("incidentId", equalTo(id)).body("text", equalTo("Card payments fail for some users"));
        postUpdate("bob", id, "IDENTIFIED", "  A bad deploy of the card gateway  ").then().statusCode(201)
                .body("text", equalTo("A bad deploy of the card gateway"));
        postUpdate("alice", id, "MONITORING", "Rolled back; watching error rates").then().statusCode(201);
        postUpdate("alice", id, "RESOLVED", "Payments work again.\nPostmortem follows.").then().statusCode(201);

        JsonPath all = as("dave").get(INCIDENTS + id + "/status-updates").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.phase", String.class))
                .containsExactly("RESOLVED", "MONITORING", "IDENTIFIED", "INVESTIGATING");
        assertThat(all.getList("items.authorId", String.class)).containsExactly("alice", "alice", "bob", "alice");
        assertThat(all.getString("next")).isNull();

        JsonPath first = as("alice").queryParam("limit", 3).get(INCIDENTS + id + "/status-updates").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.phase", String.class)).containsExactly("RESOLVED", "MONITORING", "IDENTIFIED");
        as("alice").queryParam("limit", 3).queryParam("before", first.getString("next"))
                .get(INCIDENTS + id + "/status-updates").then().statusCode(200)
                .body("items.phase", org.hamcrest.Matchers.contains("INVESTIGATING")).body("next", nullValue());

        List<String> timeline = as("alice").get(INCIDENTS + id + "/timeline").then().statusCode(200).extract()
                .jsonPath().getList("text", String.class);
        assertThat(timeline).contains("@alice posted a status update (Investigating): Card payments fail for some users",
                "@bob posted a status update (Identified): A bad deploy of the card gateway",
                "@alice posted a status update (Monitoring): Rolled back; watching error rates",
                "@alice posted a status update (Resolved): Payments work again.\nPostmortem follows.");
    }

    @Test
    void theTemplateOfAPhaseComesFromThePlaybookAndIsEmptyWhenItHasNone() {
        String id = incidentWithBob(publishStatusPlaybook(null));

        as("dave").queryParam("phase", "IDENTIFIED").get(INCIDENTS + id + "/status-updates/template").then()
                .statusCode(200).body("phase", equalTo("IDENTIFIED")).body("text", equalTo(IDENTIFIED_TEMPLATE));
        as("alice").queryParam("phase", "investigating").get(INCIDENTS + id + "/status-updates/template").then()
                .statusCode(200).body("text", equalTo("We are investigating reports of <symptom>."));
        as("alice").queryParam("phase", "MONITORING").get(INCIDENTS + id + "/status-updates/template").then()
                .statusCode(200).body("phase", equalTo("MONITORING")).body("text", equalTo(""));
        as("alice").queryParam("phase", "SOLVED").get(INCIDENTS + id + "/status-updates/template").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("phase"));
        as("alice").get(INCIDENTS + id + "/status-updates/template").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aStatusUpdateIsEmittedOnceWithItsTextAndTheCommunicationPlansAudiences() {
        String id = incidentWithBob(publishStatusPlaybook(null));
        String updateId = postUpdate("bob", id, "IDENTIFIED", "A bad deploy of the card gateway").then()
                .statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> id.equals(r.key()) && r.value().contains("incident.status_updated.v1"), 1,
                Duration.ofSeconds(3), Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        EventEnvelope event = EventJson.read(records.get(0).value());
        assertThat(event.type()).isEqualTo(EventType.INCIDENT_STATUS_UPDATED.value());
        assertThat(event.actorid()).isEqualTo("bob");
        assertThat(event.teamid()).isEqualTo("payments");
        StatusUpdated updated = EventJson.data(event, StatusUpdated.class);
        assertThat(updated.statusUpdateId()).isEqualTo(updateId);
        assertThat(updated.incidentId()).isEqualTo(id);
        assertThat(updated.phase()).isEqualTo(StatusPhase.IDENTIFIED);
        assertThat(updated.text()).isEqualTo("A bad deploy of the card gateway");
        assertThat(updated.authorId()).isEqualTo("bob");
        assertThat(updated.audiences()).containsExactly(STAKEHOLDERS, SUPPORT);
        assertThat(updated.incidentUrl()).isEqualTo("/backstage/incidents/" + id);
        assertThat(updated.incidentName()).startsWith("status-");
    }

    @Test
    void invalidStatusUpdatesAre400WithTheFieldAndStoreNothing() {
        String id = incidentWithBob(publishStatusPlaybook(null));

        postUpdate("alice", id, "SOLVED", "Fine").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("phase"));
        postUpdate("alice", id, null, "Fine").then().statusCode(400).body("errors.field", hasItem("phase"));
        postUpdate("alice", id, "IDENTIFIED", "   ").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        postUpdate("alice", id, "IDENTIFIED", null).then().statusCode(400)
                .body("errors.field", hasItem("text"));
        postUpdate("alice", id, "IDENTIFIED", "bell\u0007").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        postUpdate("alice", id, "IDENTIFIED", "x".repeat(4001)).then().statusCode(400)
                .body("errors.field", hasItem("text"));
        postUpdate("alice", id, "IDENTIFIED", "x".repeat(4000)).then().statusCode(201);
        as("alice").body("not json").post(INCIDENTS + id + "/status-updates").then().statusCode(400);
        as("alice").queryParam("limit", 101).get(INCIDENTS + id + "/status-updates").then().statusCode(400);
        as("alice").queryParam("before", "nope").get(INCIDENTS + id + "/status-updates").then().statusCode(400);
        as("alice").queryParam("before", UUID.randomUUID()).get(INCIDENTS + id + "/status-updates").then()
                .statusCode(400).body("errors.field", hasItem("before"));

        assertThat(Sql.number(database, "SELECT count(*) FROM status_update WHERE incident_id = ?::uuid", id))
                .isEqualTo(1);
    }

    @Test
    void afterTheEndPostingIs409AndTheListStaysReadable() {
        String id = incidentWithBob(publishStatusPlaybook(null));
        postUpdate("alice", id, "RESOLVED", "Payments work again").then().statusCode(201);
        as("alice").post(INCIDENTS + id + "/end").then().statusCode(200);

        postUpdate("alice", id, "RESOLVED", "Once more").then().statusCode(409)
                .contentType("application/problem+json");
        as("bob").get(INCIDENTS + id + "/status-updates").then().statusCode(200)
                .body("items.text", org.hamcrest.Matchers.contains("Payments work again"));
    }

    @Test
    void anIncidentHoldsAtMost500StatusUpdatesThen409AndNothingIsStored() {
        String id = incidentWithBob(publishStatusPlaybook(null));
        Sql.execute(database, "INSERT INTO status_update (id, incident_id, phase, text, author_id, created_at) "
                + "SELECT gen_random_uuid(), ?::uuid, 'MONITORING', 'update ' || g, 'alice', now() - g * interval '1 second' "
                + "FROM generate_series(1, 499) g", id);
        postUpdate("alice", id, "MONITORING", "The 500th").then().statusCode(201);

        postUpdate("alice", id, "MONITORING", "The 501st").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/too-many-status-updates"))
                .body("detail", org.hamcrest.Matchers.containsString("(500)"));

        assertThat(Sql.number(database, "SELECT count(*) FROM status_update WHERE incident_id = ?::uuid", id))
                .isEqualTo(500);
        assertThat(Sql.number(database, "SELECT count(*) FROM channel_message WHERE incident_id = ?::uuid "
                + "AND text LIKE '%The 501st'", id)).isZero();
        assertThat(Sql.number(database, "SELECT count(*) FROM outbox_event WHERE message_key = ? "
                + "AND event_type = 'incident.status_updated.v1'", id)).isEqualTo(1);
    }

    @Test
    void everyStatusUpdateEndpointAnswersEachCallerAsTheMatrixSays() {
        UUID playbook = publishStatusPlaybook(null);
        List<PermissionMatrix.Cell> matrix = List.of(
                new PermissionMatrix.Cell("POST status update", (spec, id) -> spec.body(Map.of("phase", "IDENTIFIED", "text", "Found it"))
                        .post(INCIDENTS + id + "/status-updates"), PermissionMatrix.statuses(201, 201, 403, 404, 201)),
                new PermissionMatrix.Cell("GET status updates", (spec, id) -> spec.get(INCIDENTS + id + "/status-updates"),
                        PermissionMatrix.statuses(200, 200, 200, 404, 200)),
                new PermissionMatrix.Cell("GET template", (spec, id) -> spec.queryParam("phase", "IDENTIFIED")
                        .get(INCIDENTS + id + "/status-updates/template"), PermissionMatrix.statuses(200, 200, 200, 404, 200)));

        assertThat(PermissionMatrix.wrongCells(matrix, cell -> incidentWithBob(playbook))).isEmpty();
    }

    @Test
    void aRefusedStatusUpdateSaysWhyAndStoresNothing() {
        String id = incidentWithBob(publishStatusPlaybook(null));
        postUpdate("dave", id, "IDENTIFIED", "Found it").then().statusCode(403)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("join it"));
        postUpdate("carol", id, "IDENTIFIED", "Found it").then().statusCode(404);
        as("alice").get(INCIDENTS + id + "/status-updates").then().statusCode(200).body("items", org.hamcrest.Matchers
                .empty());
    }
}
