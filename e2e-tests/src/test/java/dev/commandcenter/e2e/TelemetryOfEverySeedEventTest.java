package dev.commandcenter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every event type of the telemetry seed, produced by the real services through their API (no
 * hand-written events), is found stored by telemetry-service with the seed's type and action.
 */
@ExtendWith(SuiteExtension.class)
class TelemetryOfEverySeedEventTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(45);
    private static RunningSuite suite;

    @BeforeAll
    static void useTheSharedSuite(RunningSuite running) {
        suite = running;
    }

    @Test
    void incidentTaskAndPlaybookActionsFromTheRealProducersAreEachRecorded() {
        String secret = "Secret-" + UUID.randomUUID();

        // playbook create and update (a stage added), then an incident from it.
        Response created = suite.gatewayAs("alice")
                .body(Map.of("teamId", "payments", "title", secret + " playbook", "stages",
                        List.of(Map.of("title", secret + " stage", "steps", List.of(
                                Map.of("title", secret + " step", "slashCommand", "/page oncall"))))))
                .post("/api/v1/playbooks");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String playbookId = created.path("id");
        Response updated = suite.gatewayAs("alice").header("If-Match", created.header("ETag"))
                .body(Map.of("title", secret + " second stage"))
                .post("/api/v1/playbooks/" + playbookId + "/stages");
        assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);

        Map<String, Object> start = Map.of("playbookId", playbookId, "name", "telemetry-" + UUID.randomUUID());
        Response started = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> suite.gatewayAs("alice").body(start).post("/api/v1/incidents"),
                        r -> r.statusCode() != 404);
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        String incident = "/api/v1/incidents/" + started.path("id");
        String stageId = started.path("checklists[0].id");

        // the seven task actions on one new item, then the end of the incident.
        Response added = change("POST", incident + "/checklists/" + stageId + "/items",
                Map.of("title", secret + " task", "slashCommand", "/page secret-team"));
        String item = incident + "/checklists/" + stageId + "/items/"
                + added.jsonPath().getString("checklists[0].items[-1].id");
        change("PATCH", item, Map.of("title", secret + " renamed task"));
        change("PUT", item + "/state", Map.of("state", "DONE"));
        change("POST", item + "/move", Map.of("position", 0));
        change("PUT", item + "/assignee", Map.of("userId", "alice"));
        change("POST", item + "/run", null);
        change("DELETE", item, null);
        Response ended = change("POST", incident + "/end", null);
        assertThat(ended.jsonPath().getBoolean("active")).isFalse();

        // playbook delete: incidents started from it keep their copy.
        String etag = suite.gatewayAs("alice").get("/api/v1/playbooks/" + playbookId).then().statusCode(200)
                .extract().header("ETag");
        suite.gatewayAs("alice").header("If-Match", etag).delete("/api/v1/playbooks/" + playbookId)
                .then().statusCode(204);

        String incidentId = started.path("id");
        JsonPath incidentRecords = awaitRecords(incidentId, 9);
        assertThat(records(incidentRecords)).containsExactly(
                tuple("track", "incident", "create"),
                tuple("track", "tasks", "add_task"),
                tuple("track", "tasks", "rename_task"),
                tuple("track", "tasks", "modify_task_state"),
                tuple("track", "tasks", "move_task"),
                tuple("track", "tasks", "set_assignee_for_task"),
                tuple("track", "tasks", "run_task_slash_command"),
                tuple("track", "tasks", "remove_task"),
                tuple("track", "incident", "end"));
        assertThat(incidentRecords.getList("findAll { it.event == 'tasks' }.properties.IncidentID"))
                .hasSize(7).containsOnly(incidentId);
        assertThat(incidentRecords.getList("findAll { it.event == 'tasks' }.properties.UserID"))
                .containsOnly("alice");
        assertThat(incidentRecords.getList("findAll { it.event == 'incident' }.properties.IsActive"))
                .containsExactly(true, false);
        assertThat(incidentRecords.getList("findAll { it.event == 'incident' }.properties.userID"))
                .containsExactly("alice", "alice");

        JsonPath playbookRecords = awaitRecords(playbookId, 3);
        assertThat(records(playbookRecords)).containsExactly(
                tuple("track", "playbook", "create"),
                tuple("track", "playbook", "update"),
                tuple("track", "playbook", "delete"));
        assertThat(playbookRecords.getList("properties.PlaybookID")).containsOnly(playbookId);
        assertThat(playbookRecords.getList("properties.NumChecklists")).containsExactly(1, 2, 2);
        assertThat(playbookRecords.getList("properties.TotalChecklistItems")).containsExactly(1, 1, 1);

        assertThat(incidentRecords.prettify() + playbookRecords.prettify()).as("content-free")
                .doesNotContain(secret).doesNotContain("/page");
    }

    /** A change alice makes to her incident; each must succeed. */
    private static Response change(String method, String path, Object body) {
        var request = suite.gatewayAs("alice");
        if (body != null) {
            request.body(body);
        }
        Response response = request.request(method, path);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.asString()).isEqualTo(200);
        return response;
    }

    /** Waits until the system administrator sees {@code count} telemetry records about an item. */
    private static JsonPath awaitRecords(String subject, int count) {
        Response response = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> suite.gatewayAs("admin").queryParam("subject", subject).get("/api/v1/telemetry/events"),
                        r -> r.statusCode() == 200 && r.jsonPath().getList("$").size() >= count);
        assertThat(response.jsonPath().getList("$")).as(response.asString()).hasSize(count);
        return response.jsonPath();
    }

    private static List<Tuple> records(JsonPath records) {
        List<Map<String, Object>> list = records.getList("$");
        return list.stream().map(r -> tuple(r.get("type"), r.get("event"), r.get("action"))).toList();
    }
}
