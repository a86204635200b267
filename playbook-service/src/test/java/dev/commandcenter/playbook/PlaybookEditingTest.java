package dev.commandcenter.playbook;

import static dev.commandcenter.playbook.Api.PLAYBOOKS;
import static dev.commandcenter.playbook.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookEditingTest {

    @Test
    void aFullUpdateNeedsTheCurrentVersionAndNeverOverwritesSilently() {
        ExtractableResponse<Response> created = Api.create("alice", "blank", "Database failover");
        String id = created.path("id");
        assertThat(Api.etag(created)).isEqualTo("\"0\"");
        Map<String, Object> content = content(created.jsonPath());
        content.put("title", "Database failover v2");
        content.put("publicChannel", false);
        content.put("statusUpdateReminderMinutes", 15);

        as("alice").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        String etag = as("alice").header("If-Match", "\"0\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Database failover v2"))
                .body("publicChannel", equalTo(false))
                .body("statusUpdateReminderMinutes", equalTo(15))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("alice"))
                .extract().header("ETag");
        assertThat(etag).isEqualTo("\"1\"");

        content.put("title", "Written from a stale copy");
        as("bob").header("If-Match", "\"0\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(404);
        as("alice").header("If-Match", "\"0\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("current 1"));
        as("alice").get(PLAYBOOKS + "/" + id).then().body("title", equalTo("Database failover v2"));
    }

    @Test
    void ofTwoConcurrentUpdatesOfTheSameVersionExactlyOneWins() throws Exception {
        ExtractableResponse<Response> created = Api.create("alice", "blank", "Race");
        String id = created.path("id");
        String aliceToken = Api.INFRA.tokens().forUser("alice");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String title : List.of("Race: first writer", "Race: second writer")) {
                Map<String, Object> content = content(created.jsonPath());
                content.put("title", title);
                Callable<Integer> put = () -> io.restassured.RestAssured.given().auth().oauth2(aliceToken)
                        .contentType("application/json").header("If-Match", "\"0\"").body(content)
                        .put(PLAYBOOKS + "/" + id).statusCode();
                results.add(pool.submit(put));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdown();
        }
        as("alice").get(PLAYBOOKS + "/" + id).then().body("version", equalTo(1))
                .body("title", containsString("writer"));
    }

    @Test
    void stagesAndStepsAreAddedRenamedReorderedAndRemovedByStableIds() {
        String id = Api.create("alice", "blank", "Checklist editing").path("id");
        String base = PLAYBOOKS + "/" + id;
        String defaultStage = as("alice").get(base).path("stages[0].id");

        String mitigate = as("alice").body(Map.of("title", "Mitigate")).post(base + "/stages")
                .then().statusCode(200).body("stages.title", contains("Default Stage", "Mitigate"))
                .extract().path("stages[1].id");
        as("alice").body(Map.of("title", "Triage")).patch(base + "/stages/" + defaultStage)
                .then().statusCode(200).body("stages[0].title", equalTo("Triage"))
                .body("stages[0].id", equalTo(defaultStage));
        as("alice").body(Map.of("title", "Page on-call", "description", "**Now**", "slashCommand", "/page oncall"))
                .post(base + "/stages/" + defaultStage + "/steps").then().statusCode(200);
        String bridge = as("alice").body(Map.of("title", "Open a bridge"))
                .post(base + "/stages/" + defaultStage + "/steps")
                .then().statusCode(200).body("stages[0].steps.title", contains("Page on-call", "Open a bridge"))
                .extract().path("stages[0].steps[1].id");

        as("alice").body(Map.of("position", 0)).post(base + "/stages/" + defaultStage + "/steps/" + bridge + "/move")
                .then().statusCode(200).body("stages[0].steps.title", contains("Open a bridge", "Page on-call"));
        as("alice").body(Map.of("position", 0, "toStageId", mitigate))
                .post(base + "/stages/" + defaultStage + "/steps/" + bridge + "/move")
                .then().statusCode(200)
                .body("stages[0].steps.title", contains("Page on-call"))
                .body("stages[1].steps.title", contains("Open a bridge"))
                .body("stages[1].steps[0].id", equalTo(bridge));
        as("alice").body(Map.of("title", "Open the bridge call", "slashCommand", "/bridge open"))
                .put(base + "/stages/" + mitigate + "/steps/" + bridge)
                .then().statusCode(200).body("stages[1].steps[0].title", equalTo("Open the bridge call"))
                .body("stages[1].steps[0].slashCommand", equalTo("/bridge open"))
                .body("stages[1].steps[0].description", nullValue());
        as("alice").body(Map.of("position", 0)).post(base + "/stages/" + mitigate + "/move")
                .then().statusCode(200).body("stages.title", contains("Mitigate", "Triage"));
        as("alice").delete(base + "/stages/" + mitigate + "/steps/" + bridge)
                .then().statusCode(200).body("stages[0].steps", hasSize(0));
        as("alice").delete(base + "/stages/" + mitigate)
                .then().statusCode(200).body("stages.title", contains("Triage"))
                .body("version", equalTo(10));

        as("alice").delete(base + "/stages/" + mitigate).then().statusCode(404)
                .contentType("application/problem+json");
        as("alice").header("If-Match", "\"3\"").body(Map.of("title", "Late")).post(base + "/stages")
                .then().statusCode(412);
    }

    @Test
    void stepDescriptionsKeepRawHtmlAsTextAndSlashCommandsAreValidated() {
        String id = Api.create("alice", "blank", "Markdown").path("id");
        String stage = as("alice").get(PLAYBOOKS + "/" + id).path("stages[0].id");
        String description = "Use **bold** and <script>alert(1)</script>";

        as("alice").body(Map.of("title", "Step", "description", description))
                .post(PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps")
                .then().statusCode(200).body("stages[0].steps[0].description", equalTo(description));
        as("alice").body(Map.of("title", "Step", "slashCommand", "page oncall"))
                .post(PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps")
                .then().statusCode(400).body("errors.field", hasItem("slashCommand"));
    }

    @Test
    void limitsAreEnforcedWithProblemsNamingTheField() {
        ExtractableResponse<Response> created = Api.create("alice", "blank", "Limits");
        String id = created.path("id");
        Map<String, Object> content = content(created.jsonPath());

        List<Map<String, Object>> stages = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            stages.add(Map.of("title", "Stage " + i, "steps", List.of()));
        }
        content.put("stages", stages);
        as("alice").header("If-Match", "\"0\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("stages"));

        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            steps.add(Map.of("title", "Step " + i));
        }
        content.put("stages", List.of(Map.of("title", "Full", "steps", steps)));
        content.put("description", "d".repeat(4096));
        String stage = as("alice").header("If-Match", "\"0\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(200).body("stages[0].steps", hasSize(200))
                .extract().path("stages[0].id");
        as("alice").body(Map.of("title", "Step 201")).post(PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps")
                .then().statusCode(400).body("errors.field", hasItem("stages[0].steps"));

        content.put("description", "d".repeat(4097));
        as("alice").header("If-Match", "\"1\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(400).body("errors.field", hasItem("description"));
        content.put("description", "");
        content.put("severities", List.of(Map.of("level", "SEV1"), Map.of("level", "SEV1")));
        content.put("learningFlow", Map.of("statuses", List.of(), "autoEnterSeverities", List.of("SEV9"),
                "optOutAllowed", true));
        as("alice").header("If-Match", "\"1\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(400)
                .body("errors.field", hasItem("severities[1].level"))
                .body("errors.field", hasItem("learningFlow.autoEnterSeverities[0]"));
        as("alice").header("If-Match", "\"1\"").body("{\"title\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .put(PLAYBOOKS + "/" + id).then().statusCode(413);
        as("alice").get(PLAYBOOKS + "/" + id).then().body("version", equalTo(1));
    }

    @Test
    void membersAreAddedOnlyFromThePlaybooksTeamAndTheLastOneStays() {
        String id = Api.create("alice", "blank", "Membership").path("id");
        String members = PLAYBOOKS + "/" + id + "/members/";

        as("bob").get(PLAYBOOKS + "/" + id).then().statusCode(404);
        as("alice").put(members + "bob").then().statusCode(200).body("memberIds", contains("alice", "bob"));
        as("bob").get(PLAYBOOKS + "/" + id).then().statusCode(200);

        as("alice").put(members + "carol").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("userId"))
                .body("detail", containsString("carol is not a member of team payments"));
        as("alice").put(members + "nobody-" + System.nanoTime()).then().statusCode(400);
        as("carol").get(PLAYBOOKS + "/" + id).then().statusCode(404);

        as("bob").delete(members + "alice").then().statusCode(200).body("memberIds", contains("bob"));
        as("alice").get(PLAYBOOKS + "/" + id).then().statusCode(404);
        as("bob").delete(members + "bob").then().statusCode(409).contentType("application/problem+json");
        as("bob").delete(members + "alice").then().statusCode(404);
    }

    @Test
    void duplicatingCopiesTheContentWithNewIdsAndDeletingHidesIt() {
        ExtractableResponse<Response> original = Api.create("alice", "major-incident", "Major outage");
        String id = original.path("id");
        as("alice").put(PLAYBOOKS + "/" + id + "/members/bob").then().statusCode(200);

        ExtractableResponse<Response> copy = as("bob").post(PLAYBOOKS + "/" + id + "/duplicate")
                .then().statusCode(201)
                .body("title", equalTo("Copy of Major outage"))
                .body("memberIds", contains("bob"))
                .body("roles.name", hasItem("Major Incident Manager"))
                .extract();
        String copyId = copy.path("id");
        assertThat(copy.jsonPath().getList("stages.title"))
                .isEqualTo(original.jsonPath().getList("stages.title"));
        assertThat(copy.jsonPath().getList("stages.id")).doesNotContainAnyElementsOf(
                original.jsonPath().getList("stages.id"));
        as("alice").get(PLAYBOOKS + "/" + copyId).then().statusCode(404);

        as("alice").header("If-Match", "\"0\"").delete(PLAYBOOKS + "/" + id).then().statusCode(412);
        as("alice").header("If-Match", "\"1\"").delete(PLAYBOOKS + "/" + id).then().statusCode(204);
        as("alice").get(PLAYBOOKS + "/" + id).then().statusCode(404);
        as("admin").get(PLAYBOOKS + "/" + id).then().statusCode(404);
        as("alice").delete(PLAYBOOKS + "/" + id).then().statusCode(404);
        as("bob").queryParam("teamId", "payments").queryParam("q", "Major outage").get(PLAYBOOKS)
                .then().statusCode(200).body("items.id", not(hasItem(id))).body("items.id", hasItem(copyId));
    }

    /** The editable content of a playbook response, as a mutable map for PUT. */
    static Map<String, Object> content(JsonPath playbook) {
        Map<String, Object> content = new HashMap<>(playbook.getMap(""));
        for (String readOnly : List.of("id", "teamId", "memberIds", "version", "createdBy", "createdAt", "updatedBy",
                "updatedAt")) {
            content.remove(readOnly);
        }
        return content;
    }
}
