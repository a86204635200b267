package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static dev.commandcenter.incident.IncidentResourceTest.start;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.contracts.IncidentEnded;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Running an incident: commander, members, stages, checklist, end; permissions and events. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentOperationsTest {
    private static final String INCIDENTS = "/api/v1/incidents/";

    private static String startedByAlice(boolean publicChannel) {
        UUID playbook = publishPlaybook("payments", List.of("alice"), publicChannel);
        return start("alice", playbook, "ops-" + UUID.randomUUID(), null);
    }

    private static List<String> systemMessages(String id) {
        return as("alice").get(INCIDENTS + id + "/messages").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'SYSTEM' }.text");
    }

    @Test
    void theCommanderCanOnlyBeHandedToAMemberOfTheChannel() {
        String id = startedByAlice(true);

        as("alice").body(Map.of("userId", "bob")).put(INCIDENTS + id + "/commander")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("userId"))
                .body("detail", containsString("add them to the channel first"));
        as("alice").body(Map.of("userId", "carol")).post(INCIDENTS + id + "/members")
                .then().statusCode(400).body("detail", containsString("carol is not a member of team payments"));
        as("alice").body(Map.of("userId", "bob")).post(INCIDENTS + id + "/members")
                .then().statusCode(200).body("memberIds", contains("alice", "bob"));
        as("bob").body(Map.of("userId", "bob")).put(INCIDENTS + id + "/commander")
                .then().statusCode(403).body("detail", containsString("commander (@alice)"));
        as("alice").body(Map.of("userId", "bob")).put(INCIDENTS + id + "/commander")
                .then().statusCode(200).body("commanderId", equalTo("bob"));
        as("admin").delete(INCIDENTS + id + "/members/bob").then().statusCode(409)
                .body("detail", containsString("commander"));

        assertThat(systemMessages(id)).containsExactly("@alice added @bob to the incident",
                "@alice made @bob the commander");
        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> id.equals(r.key()), 3, Duration.ofSeconds(3), Duration.ofSeconds(30));
        List<EventEnvelope> events = records.stream().map(r -> EventJson.read(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly("incident.started.v1",
                "incident.member_added.v1", "incident.commander_changed.v1");
        assertThat(events).extracting(EventEnvelope::actorid).containsExactly("alice", "alice", "alice");
        assertThat(EventJson.data(events.get(1), IncidentChange.class).userId()).isEqualTo("bob");
        assertThat(EventJson.data(events.get(2), IncidentChange.class).userId()).isEqualTo("bob");
    }

    @Test
    void teamMembersJoinPublicIncidentsButNotPrivateOnes() {
        String open = startedByAlice(true);
        String closed = startedByAlice(false);

        as("bob").body(Map.of("text", "hi")).post(INCIDENTS + open + "/messages").then().statusCode(403);
        as("bob").contentType("application/json").post(INCIDENTS + open + "/join").then().statusCode(200)
                .body("memberIds", contains("alice", "bob"));
        as("bob").contentType("application/json").post(INCIDENTS + open + "/join").then().statusCode(200);
        as("bob").body(Map.of("text", "hi")).post(INCIDENTS + open + "/messages").then().statusCode(201);
        as("bob").post(INCIDENTS + closed + "/join").then().statusCode(404);
        as("carol").post(INCIDENTS + open + "/join").then().statusCode(404);

        assertThat(systemMessages(open)).containsExactly("@bob joined the incident");
        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> open.equals(r.key()) && r.value().contains("incident.member_added.v1"), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(EventJson.read(records.get(0).value()).actorid()).isEqualTo("bob");
    }

    @Test
    void aRemovedMemberLeavesAndTheRemovalIsPublished() {
        String id = startedByAlice(false);
        as("alice").body(Map.of("userId", "bob")).post(INCIDENTS + id + "/members").then().statusCode(200);
        as("bob").get(INCIDENTS + id).then().statusCode(200);

        as("alice").delete(INCIDENTS + id + "/members/bob").then().statusCode(200).body("memberIds", contains("alice"));

        as("bob").get(INCIDENTS + id).then().statusCode(404);
        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> id.equals(r.key()) && r.value().contains("incident.member_removed.v1"), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(EventJson.data(EventJson.read(records.get(0).value()), IncidentChange.class).userId())
                .isEqualTo("bob");
    }

    @Test
    void membersWorkTheChecklistAndEveryChangeIsInTheTimelineAndOnKafkaOnce() {
        String id = startedByAlice(true);
        String base = INCIDENTS + id + "/checklists/";
        JsonPath incident = as("alice").get(INCIDENTS + id).then().extract().jsonPath();
        String triage = incident.getString("checklists[0].id");
        String resolve = incident.getString("checklists[1].id");
        String page = incident.getString("checklists[0].items[0].id");

        String added = as("alice").body(Map.of("title", "Roll back the deploy", "slashCommand", "/deploy rollback"))
                .post(base + resolve + "/items").then().statusCode(200)
                .body("checklists[1].items.title", contains("Roll back the deploy"))
                .extract().path("checklists[1].items[0].id");
        as("alice").body(Map.of("state", "DONE")).put(base + triage + "/items/" + page + "/state")
                .then().statusCode(200).body("checklists[0].items[0].state", equalTo("DONE"))
                .body("checklists[0].items[0].stateChangedBy", equalTo("alice"));
        as("alice").body(Map.of("state", "OPEN")).put(base + triage + "/items/" + page + "/state")
                .then().statusCode(200).body("checklists[0].items[0].state", equalTo("OPEN"));
        as("alice").body(Map.of("title", "Page the on-call engineer")).patch(base + triage + "/items/" + page)
                .then().statusCode(200).body("checklists[0].items[0].title", equalTo("Page the on-call engineer"));
        as("alice").body(Map.of("userId", "alice")).put(base + triage + "/items/" + page + "/assignee")
                .then().statusCode(200).body("checklists[0].items[0].assigneeId", equalTo("alice"));
        as("alice").body(Map.of("userId", "bob")).put(base + triage + "/items/" + page + "/assignee")
                .then().statusCode(400).body("detail", containsString("not a member of this incident"));
        as("alice").post(base + triage + "/items/" + page + "/run").then().statusCode(200);
        as("alice").body(Map.of("position", 0, "toStageId", triage)).post(base + resolve + "/items/" + added + "/move")
                .then().statusCode(200)
                .body("checklists[0].items.title", contains("Roll back the deploy", "Page the on-call engineer",
                        "Open a bridge"))
                .body("checklists[1].items", hasSize(0));
        as("alice").delete(base + triage + "/items/" + added).then().statusCode(200)
                .body("checklists[0].items", hasSize(2));
        as("alice").body(Map.of("stageId", resolve)).put(INCIDENTS + id + "/active-stage")
                .then().statusCode(200).body("activeStageId", equalTo(resolve));
        as("alice").post(base + triage + "/items/" + page + "/run").then().statusCode(200);
        as("alice").delete(base + triage + "/items/" + added).then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(systemMessages(id)).containsExactly(
                "@alice added \"Roll back the deploy\"",
                "@alice checked \"Page on-call\"",
                "@alice unchecked \"Page on-call\"",
                "@alice renamed \"Page on-call\" to \"Page the on-call engineer\"",
                "@alice assigned \"Page the on-call engineer\" to @alice",
                "@alice ran /page oncall (\"Page the on-call engineer\")",
                "@alice moved \"Roll back the deploy\" to \"Triage\"",
                "@alice removed \"Roll back the deploy\"",
                "@alice made \"Resolve\" the active stage",
                "@alice ran /page oncall (\"Page the on-call engineer\")");

        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> id.equals(r.key()), 11, Duration.ofSeconds(3), Duration.ofSeconds(30));
        List<EventEnvelope> events = records.stream().map(r -> EventJson.read(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly("incident.started.v1",
                "incident.task_added.v1", "incident.task_state_modified.v1", "incident.task_state_modified.v1",
                "incident.task_renamed.v1", "incident.task_assignee_set.v1", "incident.task_slash_command_run.v1",
                "incident.task_moved.v1", "incident.task_removed.v1", "incident.stage_changed.v1",
                "incident.task_slash_command_run.v1");
        assertThat(events).extracting(EventEnvelope::id).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> assertThat(e.teamid()).isEqualTo("payments"));
        IncidentChange checked = EventJson.data(events.get(2), IncidentChange.class);
        assertThat(checked.itemId()).isEqualTo(page);
        assertThat(checked.state()).isEqualTo("done");
        assertThat(checked.incidentId()).isEqualTo(id);
        assertThat(records.get(1).value()).doesNotContain("Roll back the deploy");
    }

    @Test
    void theSeverityIsOneOfThePlaybooksLevelsAndFiltersTheList() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String tag = "sev-" + UUID.randomUUID().toString().substring(0, 8);
        String first = start("alice", playbook, tag + "-a", null);
        as("alice").body(Map.of("playbookId", playbook, "name", tag + "-b", "severity", "SEV9")).post("/api/v1/incidents")
                .then().statusCode(400).body("errors[0].field", equalTo("severity"))
                .body("detail", containsString("[SEV1, SEV2]"));
        String second = as("alice").body(Map.of("playbookId", playbook, "name", tag + "-b", "severity", "SEV1"))
                .post("/api/v1/incidents").then().statusCode(201).body("severity", equalTo("SEV1")).extract().path("id");

        as("alice").body(Map.of("severity", "SEV2")).put(INCIDENTS + first + "/severity")
                .then().statusCode(200).body("severity", equalTo("SEV2"));
        as("alice").body(Map.of("severity", "SEV7")).put(INCIDENTS + first + "/severity").then().statusCode(400);
        as("bob").body(Map.of("severity", "SEV1")).put(INCIDENTS + first + "/severity").then().statusCode(403);

        assertThat(systemMessages(first)).containsExactly("@alice set the severity to SEV2");
        as("alice").queryParam("teamId", "payments").queryParam("q", tag).queryParam("severity", "SEV2")
                .get("/api/v1/incidents").then().statusCode(200).body("items.id", contains(first));
        as("alice").queryParam("teamId", "payments").queryParam("q", tag).queryParam("severity", "SEV1")
                .get("/api/v1/incidents").then().statusCode(200).body("items.id", contains(second))
                .body("items[0].severity", equalTo("SEV1"));
        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> first.equals(r.key()) && r.value().contains("incident.severity_changed.v1"), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(EventJson.data(EventJson.read(records.get(0).value()), IncidentChange.class).state())
                .isEqualTo("SEV2");
    }

    @Test
    void endingTwiceIsAConflictAndAnEndedIncidentNoLongerChanges() {
        String id = startedByAlice(true);

        as("alice").post(INCIDENTS + id + "/end").then().statusCode(200)
                .body("active", equalTo(false)).body("endedBy", equalTo("alice"))
                .body("endedAt", org.hamcrest.Matchers.notNullValue());
        as("alice").post(INCIDENTS + id + "/end").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ended"));
        as("alice").body(Map.of("userId", "bob")).post(INCIDENTS + id + "/members").then().statusCode(409);
        as("alice").body(Map.of("text", "Retro on Thursday")).post(INCIDENTS + id + "/messages")
                .then().statusCode(201).body("kind", equalTo("USER")).body("authorId", equalTo("alice"));
        assertThat(systemMessages(id)).containsExactly("@alice ended the incident");

        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> id.equals(r.key()) && r.value().contains("incident.ended.v1"), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        IncidentEnded ended = EventJson.data(EventJson.read(records.get(0).value()), IncidentEnded.class);
        assertThat(ended.endedBy()).isEqualTo("alice");
        assertThat(ended.endedAt()).isNotNull();
    }

    @Test
    void onlyMembersChangeAnIncidentOthersSeeAtMostAPublicOne() {
        String open = startedByAlice(true);
        String closed = startedByAlice(false);
        Map<String, String> message = Map.of("text", "hello");

        given().contentType("application/json").body(message).post(INCIDENTS + open + "/messages")
                .then().statusCode(401);
        as("carol").body(message).post(INCIDENTS + open + "/messages").then().statusCode(404);
        as("bob").get(INCIDENTS + open).then().statusCode(200);
        as("bob").body(message).post(INCIDENTS + open + "/messages").then().statusCode(403)
                .contentType("application/problem+json");
        as("bob").post(INCIDENTS + open + "/end").then().statusCode(403);
        as("bob").get(INCIDENTS + closed).then().statusCode(404);
        as("bob").post(INCIDENTS + closed + "/end").then().statusCode(404);
        as("admin").get(INCIDENTS + closed).then().statusCode(200);
        as("admin").body(message).post(INCIDENTS + closed + "/messages").then().statusCode(201);
        as("alice").body(Map.of("text", " ")).post(INCIDENTS + open + "/messages").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        as("alice").body(Map.of("state", "MAYBE")).put(INCIDENTS + open + "/checklists/x/items/y/state")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void concurrentChecklistEditsAreAllKept() throws Exception {
        String id = startedByAlice(true);
        as("alice").body(Map.of("userId", "bob")).post(INCIDENTS + id + "/members").then().statusCode(200);
        JsonPath incident = as("alice").get(INCIDENTS + id).then().extract().jsonPath();
        String triage = incident.getString("checklists[0].id");
        String base = INCIDENTS + id + "/checklists/" + triage + "/items";
        Map<String, String> tokens = Map.of("alice", INFRA.tokens().forUser("alice"), "bob",
                INFRA.tokens().forUser("bob"));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String user = i % 2 == 0 ? "alice" : "bob";
                String title = "Parallel item " + i;
                Callable<Integer> add = () -> given().auth().oauth2(tokens.get(user)).contentType("application/json")
                        .body(Map.of("title", title)).post(base).statusCode();
                results.add(pool.submit(add));
            }
            String first = incident.getString("checklists[0].items[0].id");
            String second = incident.getString("checklists[0].items[1].id");
            results.add(pool.submit(() -> given().auth().oauth2(tokens.get("alice")).contentType("application/json")
                    .body(Map.of("state", "DONE")).put(base + "/" + first + "/state").statusCode()));
            results.add(pool.submit(() -> given().auth().oauth2(tokens.get("bob")).contentType("application/json")
                    .body(Map.of("state", "SKIPPED")).put(base + "/" + second + "/state").statusCode()));
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        JsonPath after = as("alice").get(INCIDENTS + id).then().extract().jsonPath();
        assertThat(after.getList("checklists[0].items.title", String.class)).hasSize(18)
                .contains("Parallel item 0", "Parallel item 15");
        assertThat(after.getString("checklists[0].items[0].state")).isEqualTo("DONE");
        assertThat(after.getString("checklists[0].items[1].state")).isEqualTo("SKIPPED");
        assertThat(after.getString("checklists[0].items[1].assigneeId")).isNull();
    }
}
