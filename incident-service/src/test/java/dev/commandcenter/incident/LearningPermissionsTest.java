package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.PermissionMatrix.statuses;
import static dev.commandcenter.incident.LearningFixtures.INCIDENTS;
import static dev.commandcenter.incident.LearningFixtures.incident;
import static dev.commandcenter.incident.LearningFixtures.playbookWithLearningFlow;
import static dev.commandcenter.incident.LearningFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.incident.PermissionMatrix.Cell;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The permission matrix of the learning flow, follow-ups and retrospective, endpoint by endpoint:
 * alice commands, bob is a member, dave is in the team but not in the incident, carol is in another
 * team, admin is a system administrator, and no token. Each cell runs on an ended incident of its
 * own: in the learning flow (a SEV1), or not yet (a SEV2) for entering it.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class LearningPermissionsTest {
    private static UUID playbook;

    @BeforeAll
    static void playbook() {
        playbook = playbookWithLearningFlow(true);
    }

    /** The cells asked on an ended incident not yet in the learning flow (a SEV2); all others on one in it (a SEV1). */
    private static final java.util.Set<String> BEFORE_THE_FLOW = java.util.Set.of("POST learning/enter");

    private static String followUpOf(String id) {
        return as("admin").body(Map.of("title", "Existing")).post(INCIDENTS + id + "/follow-ups").then()
                .statusCode(201).extract().path("id");
    }

    private static final List<Cell> MATRIX = List.of(
            new Cell("GET learning", (spec, id) -> spec.get(INCIDENTS + id + "/learning"),
                    statuses(200, 200, 200, 404, 200)),
            new Cell("POST learning/enter", (spec, id) -> spec.post(INCIDENTS + id + "/learning/enter"),
                    statuses(200, 403, 403, 404, 200)),
            new Cell("POST learning/opt-out", (spec, id) -> spec.body(Map.of("reason", "Not needed"))
                    .post(INCIDENTS + id + "/learning/opt-out"), statuses(200, 403, 403, 404, 200)),
            new Cell("PUT task state", (spec, id) -> spec.body(Map.of("state", "SKIPPED"))
                    .put(INCIDENTS + id + "/learning/tasks/" + taskId(id, "Tell the status page") + "/state"),
                    statuses(200, 200, 403, 404, 200)),
            new Cell("PUT task assignee", (spec, id) -> spec.body(Map.of("userId", "bob"))
                    .put(INCIDENTS + id + "/learning/tasks/" + taskId(id, "Tell the status page") + "/assignee"),
                    statuses(200, 200, 403, 404, 200)),
            new Cell("POST status task", (spec, id) -> spec.body(Map.of("title", "Ours"))
                    .post(INCIDENTS + id + "/learning/statuses/0/tasks"), statuses(200, 200, 403, 404, 200)),
            new Cell("PUT timestamps", (spec, id) -> spec.body(Map.of())
                    .put(INCIDENTS + id + "/learning/timestamps"), statuses(200, 200, 403, 404, 200)),
            new Cell("GET follow-ups", (spec, id) -> spec.get(INCIDENTS + id + "/follow-ups"),
                    statuses(200, 200, 200, 404, 200)),
            new Cell("POST follow-up", (spec, id) -> spec.body(Map.of("title", "New"))
                    .post(INCIDENTS + id + "/follow-ups"), statuses(201, 201, 403, 404, 201)),
            new Cell("PATCH follow-up", (spec, id) -> spec.body(Map.of("done", true))
                    .patch(INCIDENTS + id + "/follow-ups/" + followUpOf(id)), statuses(200, 200, 403, 404, 200)),
            new Cell("DELETE follow-up", (spec, id) -> spec
                    .delete(INCIDENTS + id + "/follow-ups/" + followUpOf(id)), statuses(204, 204, 403, 404, 204)),
            new Cell("GET retrospective", (spec, id) -> spec.get(INCIDENTS + id + "/retrospective"),
                    statuses(200, 200, 200, 404, 200)),
            new Cell("PUT retrospective", (spec, id) -> spec.header("If-Match", "\"0\"")
                    .body(Map.of("markdown", "# Ours")).put(INCIDENTS + id + "/retrospective"),
                    statuses(200, 200, 403, 404, 200)),
            new Cell("GET retrospective.md", (spec, id) -> spec.get(INCIDENTS + id + "/retrospective.md"),
                    statuses(200, 200, 200, 404, 200)));

    @Test
    void everyEndpointAnswersEachCallerAsTheMatrixSays() {
        assertThat(PermissionMatrix.wrongCells(MATRIX, cell -> incident(playbook,
                BEFORE_THE_FLOW.contains(cell.endpoint()) ? "SEV2" : "SEV1", true))).isEmpty();
    }

    @Test
    void aRefusalChangesNothing() {
        String id = incident(playbook, "SEV1", true);
        as("bob").body(Map.of("reason", "Not needed")).post(INCIDENTS + id + "/learning/opt-out").then()
                .statusCode(403).body("detail", org.hamcrest.Matchers.containsString("commander (@alice)"));
        as("dave").body(Map.of("title", "Sneaky")).post(INCIDENTS + id + "/follow-ups").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("join it"));
        as("alice").get(INCIDENTS + id + "/learning").then().body("state", org.hamcrest.Matchers.equalTo("ACTIVE"));
        as("alice").get(INCIDENTS + id + "/follow-ups").then().body("size()", org.hamcrest.Matchers.equalTo(0));
    }
}
