package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.LearningFixtures.INCIDENTS;
import static dev.commandcenter.incident.LearningFixtures.incident;
import static dev.commandcenter.incident.LearningFixtures.playbookWithLearningFlow;
import static dev.commandcenter.incident.LearningFixtures.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Follow-up actions: tracked by members during and after the incident, within their bound. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class FollowUpTest {
    @Inject
    AgroalDataSource database;

    @Test
    void membersAddAssignCompleteAndDeleteFollowUpsAfterTheEnd() {
        String id = incident(playbookWithLearningFlow(true), "SEV2", true);
        String path = INCIDENTS + id + "/follow-ups";

        String created = as("bob").body(Map.of("title", "  Add a circuit breaker  ", "assigneeId", "alice"))
                .post(path).then().statusCode(201)
                .header("Location", containsString(path + "/"))
                .body("title", equalTo("Add a circuit breaker"))
                .body("assigneeId", equalTo("alice"))
                .body("done", equalTo(false))
                .body("createdBy", equalTo("bob")).extract().path("id");
        as("alice").body(Map.of("title", "Fix the alert")).post(path).then().statusCode(201)
                .body("assigneeId", nullValue());
        as("dave").get(path).then().statusCode(200).body("title", equalTo(List.of("Add a circuit breaker",
                "Fix the alert")));

        as("alice").body(Map.of("done", true)).patch(path + "/" + created).then().statusCode(200)
                .body("done", equalTo(true)).body("title", equalTo("Add a circuit breaker"));
        as("alice").body(Map.of("title", "Add a breaker to the card API", "assigneeId", "")).patch(path + "/" + created)
                .then().statusCode(200).body("title", equalTo("Add a breaker to the card API"))
                .body("assigneeId", nullValue()).body("done", equalTo(true));
        as("alice").body(Map.of("assigneeId", "dave")).patch(path + "/" + created).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("assigneeId"));
        as("alice").delete(path + "/" + created).then().statusCode(204);
        as("alice").delete(path + "/" + created).then().statusCode(404);
        as("alice").get(path).then().body("title", equalTo(List.of("Fix the alert")));

        assertThat(timeline(id)).contains("@bob added the follow-up \"Add a circuit breaker\" for @alice",
                "@alice added the follow-up \"Fix the alert\"",
                "@alice marked \"Add a circuit breaker\" done (follow-up)",
                "@alice renamed \"Add a circuit breaker\" to \"Add a breaker to the card API\", unassigned \"Add a "
                        + "breaker to the card API\" (follow-up)",
                "@alice deleted the follow-up \"Add a breaker to the card API\"");
        List<IncidentChange> changes = TopicReader.read(INFRA.kafkaBootstrapServers(), Topics.INCIDENTS,
                r -> id.equals(r.key()) && r.value().contains("incident.follow_up_changed.v1"), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(30)).stream()
                .map(r -> EventJson.data(EventJson.read(r.value()), IncidentChange.class)).toList();
        assertThat(changes).extracting(IncidentChange::state).containsExactly("created", "created", "done", "done",
                "deleted");
        assertThat(changes.get(0).itemId()).isEqualTo(created);
        assertThat(changes.get(0).userId()).isEqualTo("alice");
    }

    @Test
    void followUpsAreValidatedAndBelongToTheirIncident() {
        UUID playbook = playbookWithLearningFlow(true);
        String id = incident(playbook, "SEV2", false);
        String other = incident(playbook, "SEV2", false);
        String path = INCIDENTS + id + "/follow-ups";

        as("bob").body(Map.of("title", " ")).post(path).then().statusCode(400).body("errors.field", hasItem("title"));
        as("bob").body(Map.of("title", "x".repeat(201))).post(path).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        as("bob").body(Map.of("title", "ok", "assigneeId", "not a user!")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("assigneeId"));
        as("bob").body(Map.of("title", "line\u0007bell")).post(path).then().statusCode(400);
        as("bob").body(Map.of("title", "ok", "assigneeId", "dave")).post(path).then().statusCode(400)
                .body("detail", containsString("dave is not a member of this incident"));
        String created = as("bob").body(Map.of("title", "During the incident")).post(path).then().statusCode(201)
                .extract().path("id");
        as("bob").body(Map.of("done", true)).patch(INCIDENTS + other + "/follow-ups/" + created).then()
                .statusCode(404);
        as("bob").body(Map.of("title", "")).patch(path + "/" + created).then().statusCode(400);
        as("bob").body(Map.of("done", true)).patch(path + "/not-a-uuid").then().statusCode(404);
        as("bob").body(Map.of("done", true)).patch(path + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anIncidentHoldsAtMostOneHundredFollowUps() {
        String id = incident(playbookWithLearningFlow(true), "SEV2", true);
        Sql.execute(database, "INSERT INTO follow_up (id, incident_id, title, done, created_by, created_at) "
                + "SELECT gen_random_uuid(), ?, 'Filler ' || n, false, 'alice', now() FROM generate_series(1, 99) n",
                UUID.fromString(id));
        as("alice").body(Map.of("title", "The hundredth")).post(INCIDENTS + id + "/follow-ups").then()
                .statusCode(201);
        as("alice").body(Map.of("title", "One too many")).post(INCIDENTS + id + "/follow-ups").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", containsString("too-many-follow-ups"));
        assertThat(Sql.number(database, "SELECT count(*) FROM follow_up WHERE incident_id = ?", UUID.fromString(id)))
                .isEqualTo(100);
        assertThat(timeline(id)).doesNotContain("@alice added the follow-up \"One too many\"");
        long events = TopicReader.read(INFRA.kafkaBootstrapServers(), Topics.INCIDENTS,
                r -> id.equals(r.key()) && r.value().contains("incident.follow_up_changed.v1"), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(30)).size();
        assertThat(events).isEqualTo(1);
    }
}
