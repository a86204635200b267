package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.LearningFixtures.INCIDENTS;
import static dev.commandcenter.incident.LearningFixtures.incident;
import static dev.commandcenter.incident.LearningFixtures.playbookWithLearningFlow;
import static dev.commandcenter.incident.LearningFixtures.taskId;
import static dev.commandcenter.incident.LearningFixtures.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The post-incident learning flow through the API: entering it (by severity at the end, or by the
 * commander), opting out, working its tasks (by hand and automatically), advancing, closing, the
 * list filter and the events.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class LearningFlowTest {

    @Test
    void aSev1IncidentEntersAtTheEndAndWalksThroughEveryStatusToClosed() {
        UUID playbook = playbookWithLearningFlow(true);
        String id = incident(playbook, "SEV1", false);
        as("alice").get(INCIDENTS + id + "/learning").then().statusCode(200).body("state", equalTo("NONE"));

        as("alice").post(INCIDENTS + id + "/end").then().statusCode(200)
                .body("learning.state", equalTo("ACTIVE"))
                .body("learning.currentStatus", equalTo("Documenting"))
                .body("learning.currentIndex", equalTo(0))
                .body("learning.statuses[0].tasks.state", org.hamcrest.Matchers.everyItem(equalTo("OPEN")));
        assertThat(timeline(id)).contains("@alice ended the incident").anySatisfy(text -> assertThat(text)
                .startsWith("This SEV1 incident entered the learning flow").contains("\"Documenting\"")
                .contains("Write the retrospective"));

        // Recording the key times checks off "Update the timestamps".
        String started = as("bob").get(INCIDENTS + id).then().extract().path("createdAt");
        as("bob").body(Map.of("identifiedAt", started, "resolvedAt", started))
                .put(INCIDENTS + id + "/learning/timestamps").then().statusCode(200)
                .body("identifiedAt", equalTo(started))
                .body("learning.statuses[0].tasks.find { it.title == 'Update the timestamps' }.state",
                        equalTo("DONE"));
        // Saving the generated draft as it is writes nothing; saving text of one's own does.
        String draft = as("bob").get(INCIDENTS + id + "/retrospective").then().statusCode(200)
                .body("generated", equalTo(true)).extract().path("markdown");
        as("bob").header("If-Match", "\"0\"").body(Map.of("markdown", draft))
                .put(INCIDENTS + id + "/retrospective").then().statusCode(200).body("version", equalTo(1));
        assertThat(state(id, "Write the retrospective")).isEqualTo("OPEN");
        as("bob").header("If-Match", "\"1\"").body(Map.of("markdown", draft + "\nThe root cause was a bad deploy."))
                .put(INCIDENTS + id + "/retrospective").then().statusCode(200).body("version", equalTo(2));
        assertThat(state(id, "Write the retrospective")).isEqualTo("DONE");

        // Skipping the last open task of Documenting advances the flow.
        as("bob").body(Map.of("state", "SKIPPED"))
                .put(INCIDENTS + id + "/learning/tasks/" + taskId(id, "Tell the status page") + "/state")
                .then().statusCode(200)
                .body("learning.currentStatus", equalTo("Reviewing"))
                .body("learning.currentIndex", equalTo(1));
        assertThat(timeline(id)).contains("@bob skipped the learning task \"Tell the status page\"")
                .anySatisfy(text -> assertThat(text).startsWith("The incident moved to the learning status "
                        + "\"Reviewing\""));
        // A status behind is settled.
        as("bob").body(Map.of("state", "OPEN"))
                .put(INCIDENTS + id + "/learning/tasks/" + taskId(id, "Tell the status page") + "/state")
                .then().statusCode(409).contentType("application/problem+json");

        // A follow-up checks off "Create follow-ups"; scheduling the review checks off the last task.
        as("bob").body(Map.of("title", "Add a circuit breaker", "assigneeId", "bob"))
                .post(INCIDENTS + id + "/follow-ups").then().statusCode(201);
        assertThat(state(id, "Create follow-ups")).isEqualTo("DONE");
        as("alice").get(INCIDENTS + id + "/learning").then().body("state", equalTo("ACTIVE"));
        String review = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        as("alice").header("If-Match", "\"2\"").body(Map.of("markdown", draft + "\nReviewed.", "reviewAt", review))
                .put(INCIDENTS + id + "/retrospective").then().statusCode(200).body("reviewAt", equalTo(review));

        as("alice").get(INCIDENTS + id).then().statusCode(200)
                .body("learning.state", equalTo("CLOSED"))
                .body("learning.currentStatus", nullValue());
        List<String> texts = timeline(id);
        assertThat(texts.get(texts.size() - 1)).isEqualTo("This incident is closed.");
        assertThat(texts).contains("Checked the learning task \"Schedule the review\": the review was scheduled",
                "Checked the learning task \"Create follow-ups\": a follow-up action was created",
                "Checked the learning task \"Write the retrospective\": the retrospective was written");
        // Closed is the end of the flow.
        as("alice").body(Map.of("state", "DONE"))
                .put(INCIDENTS + id + "/learning/tasks/" + taskId(id, "Create follow-ups") + "/state")
                .then().statusCode(409);

        // The events, in order, ids and states only.
        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> id.equals(r.key()) && r.value().contains("incident.closed.v1"), 1,
                Duration.ofMillis(200), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        List<EventEnvelope> events = TopicReader.read(INFRA.kafkaBootstrapServers(), Topics.INCIDENTS,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(1), Duration.ofSeconds(30)).stream()
                .map(r -> EventJson.read(r.value())).toList();
        List<String> types = events.stream().map(EventEnvelope::type).toList();
        assertThat(types).containsSubsequence("incident.ended.v1", "incident.learning_entered.v1",
                "incident.timestamps_updated.v1", "incident.learning_task_updated.v1",
                "incident.retrospective_saved.v1", "incident.learning_task_updated.v1",
                "incident.learning_advanced.v1", "incident.follow_up_changed.v1",
                "incident.learning_task_updated.v1", "incident.retrospective_saved.v1",
                "incident.learning_task_updated.v1", "incident.closed.v1");
        EventEnvelope advanced = events.stream().filter(e -> e.type().equals("incident.learning_advanced.v1"))
                .findFirst().orElseThrow();
        assertThat(EventJson.data(advanced, IncidentChange.class).state()).isEqualTo("1");
        EventEnvelope followUp = events.stream().filter(e -> e.type().equals("incident.follow_up_changed.v1"))
                .findFirst().orElseThrow();
        assertThat(EventJson.data(followUp, IncidentChange.class).state()).isEqualTo("created");
        assertThat(EventJson.write(followUp)).doesNotContain("circuit breaker");
        assertThat(EventJson.write(advanced)).doesNotContain("Reviewing");
    }

    @Test
    void otherSeveritiesAreEnteredByTheCommanderAndListedByLearningStatus() {
        UUID playbook = playbookWithLearningFlow(true);
        String ongoing = incident(playbook, "SEV2", false);
        as("alice").post(INCIDENTS + ongoing + "/learning/enter").then().statusCode(409)
                .body("detail", containsString("ongoing"));
        String id = incident(playbook, "SEV2", true);
        as("alice").get(INCIDENTS + id + "/learning").then().body("state", equalTo("NONE"));

        as("bob").post(INCIDENTS + id + "/learning/enter").then().statusCode(403);
        as("alice").post(INCIDENTS + id + "/learning/enter").then().statusCode(200)
                .body("learning.state", equalTo("ACTIVE")).body("learning.currentStatus", equalTo("Documenting"));
        as("alice").post(INCIDENTS + id + "/learning/enter").then().statusCode(409);
        assertThat(timeline(id)).anySatisfy(text -> assertThat(text)
                .startsWith("@alice entered the incident into the learning flow: \"Documenting\""));

        JsonPath documenting = list("Documenting");
        assertThat(documenting.getList("items.id", String.class)).contains(id).doesNotContain(ongoing);
        assertThat(documenting.getString("items.find { it.id == '" + id + "' }.learningStatus"))
                .isEqualTo("Documenting");
        assertThat(list("active").getList("items.id", String.class)).contains(id);
        assertThat(list("none").getList("items.id", String.class)).contains(ongoing).doesNotContain(id);
        assertThat(list("Reviewing").getList("items.id", String.class)).doesNotContain(id);
        assertThat(list("closed").getList("items.id", String.class)).doesNotContain(id);
        as("alice").queryParam("teamId", "payments").queryParam("learning", "x".repeat(101))
                .get("/api/v1/incidents").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void optingOutTakesAReasonPostedToTheChannelWhenThePlaybookAllowsIt() {
        String id = incident(playbookWithLearningFlow(true), "SEV1", true);
        as("alice").body(Map.of()).post(INCIDENTS + id + "/learning/opt-out").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        as("bob").body(Map.of("reason", "x")).post(INCIDENTS + id + "/learning/opt-out").then().statusCode(403);
        as("alice").body(Map.of("reason", "A duplicate of yesterday's incident"))
                .post(INCIDENTS + id + "/learning/opt-out").then().statusCode(200)
                .body("learning.state", equalTo("OPTED_OUT"))
                .body("learning.optOutReason", equalTo("A duplicate of yesterday's incident"));
        assertThat(timeline(id)).contains("@alice opted the incident out of the learning flow: A duplicate of "
                + "yesterday's incident");
        assertThat(list("opted_out").getList("items.id", String.class)).contains(id);
        as("bob").body(Map.of("state", "DONE"))
                .put(INCIDENTS + id + "/learning/tasks/" + taskId(id, "Tell the status page") + "/state")
                .then().statusCode(409);

        String strict = incident(playbookWithLearningFlow(false), "SEV1", true);
        as("alice").body(Map.of("reason", "No time")).post(INCIDENTS + strict + "/learning/opt-out").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("does not allow opting out"));
        as("alice").get(INCIDENTS + strict + "/learning").then().body("state", equalTo("ACTIVE"));
        assertThat(timeline(strict)).noneMatch(text -> text.contains("opted"));
    }

    @Test
    void tasksAreAssignedToMembersAddedWithinBoundsAndValidated() {
        String id = incident(playbookWithLearningFlow(true), "SEV1", true);
        String task = taskId(id, "Tell the status page");
        String path = INCIDENTS + id + "/learning";

        as("bob").body(Map.of("userId", "dave")).put(path + "/tasks/" + task + "/assignee").then().statusCode(400)
                .body("errors.field", hasItem("userId"));
        as("bob").body(Map.of("userId", "bob")).put(path + "/tasks/" + task + "/assignee").then().statusCode(200)
                .body("learning.statuses[0].tasks.find { it.title == 'Tell the status page' }.assigneeId",
                        equalTo("bob"));
        as("bob").body(Map.of("state", "DONE")).put(path + "/tasks/unknown/state").then().statusCode(404);
        as("bob").body(Map.of("state", "FINISHED")).put(path + "/tasks/" + task + "/state").then().statusCode(400);
        as("bob").body(Map.of("title", "")).post(path + "/statuses/0/tasks").then().statusCode(400)
                .body("errors.field", hasItem("title"));
        as("bob").body(Map.of("title", "x")).post(path + "/statuses/7/tasks").then().statusCode(404);
        as("bob").body(Map.of("identifiedAt", "2000-01-01T00:00:00Z")).put(path + "/timestamps").then()
                .statusCode(400).body("errors.field", hasItem("identifiedAt"));
        Instant started = Instant.parse(as("bob").get(INCIDENTS + id).then().extract().path("createdAt"));
        as("bob").body(Map.of("identifiedAt", started.toString(), "resolvedAt", started.minusSeconds(1).toString()))
                .put(path + "/timestamps").then().statusCode(400).body("errors.field", hasItem("resolvedAt"));
        as("bob").body(Map.of("identifiedAt", "yesterday")).put(path + "/timestamps").then().statusCode(400);

        as("bob").body(Map.of("title", "Tell finance", "instructions", "They ask every time"))
                .post(path + "/statuses/1/tasks").then().statusCode(200)
                .body("learning.statuses[1].tasks.find { it.title == 'Tell finance' }.custom", equalTo(true))
                .body("learning.statuses[1].tasks.find { it.title == 'Tell finance' }.kind", equalTo("CUSTOM"));
        for (int n = 3; n < 30; n++) {
            as("bob").body(Map.of("title", "More " + n)).post(path + "/statuses/0/tasks").then().statusCode(200);
        }
        as("bob").body(Map.of("title", "One too many")).post(path + "/statuses/0/tasks").then().statusCode(413)
                .contentType("application/problem+json").body("type", containsString("too-many-learning-tasks"));
        assertThat(timeline(id)).contains("@bob added the learning task \"Tell finance\" to Reviewing",
                "@bob assigned the learning task \"Tell the status page\" to @bob")
                .doesNotContain("@bob added the learning task \"One too many\" to Documenting");
        as("alice").get(INCIDENTS + id).then().body("learning.statuses[0].tasks.size()", equalTo(30))
                .body("learning.statuses[0].tasks.title", not(hasItem("One too many")));
    }

    private static String state(String id, String task) {
        return as("alice").get(INCIDENTS + id + "/learning").then().statusCode(200).extract().jsonPath()
                .getString("statuses.tasks.flatten().find { it.title == '" + task + "' }.state");
    }

    private static JsonPath list(String learning) {
        return as("alice").queryParam("teamId", "payments").queryParam("learning", learning).queryParam("limit", 100)
                .get("/api/v1/incidents").then().statusCode(200).extract().jsonPath();
    }
}
