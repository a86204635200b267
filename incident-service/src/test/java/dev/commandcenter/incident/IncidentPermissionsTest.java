package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.PermissionMatrix.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.incident.PermissionMatrix.Cell;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The permission matrix of a running incident, endpoint by endpoint, for each way a caller can
 * relate to it: alice commands, bob is a member, dave is in the team but not in the incident,
 * carol is in another team, admin is a system administrator, and no token at all. Each cell runs
 * on an incident of its own, so one cell's change cannot decide another's answer.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentPermissionsTest {
    private static UUID playbook;

    @BeforeAll
    static void playbookWithRolesAndSeverities() {
        playbook = UUID.randomUUID();
        PlaybookContent process = PlaybookContent.of("Permissions", "", true, List.of(
                new PlaybookContent.Stage("s-one", "One", List.of(new PlaybookContent.Step("t-one", "Do it", null,
                        "/page oncall")))));
        PlaybookContent content = new PlaybookContent(process.title(), process.description(), true, process.stages(),
                List.of(new PlaybookContent.Role("Incident commander", "Leads", true),
                        new PlaybookContent.Role("Scribe", "Writes things down", false)),
                List.of(), null, List.of(), List.of(),
                List.of(new PlaybookContent.Severity("SEV1", "Critical", "Customers cannot pay")),
                process.learningFlow(), null);
        PlaybookState state = new PlaybookState(playbook.toString(), "payments", content, List.of("alice"), false, 1,
                "alice", Instant.now(), "alice", Instant.now());
        IncidentResourceTest.send(Topics.PLAYBOOKS, playbook.toString(), EventJson.write(EventEnvelope.of(
                EventType.PLAYBOOK_CREATED, "/playbook-service", playbook.toString(), "payments", "alice",
                EventJson.toTree(state))));
    }

    private static BiFunction<RequestSpecification, String, Response> post(String path, Object body) {
        return (spec, id) -> spec.body(body).post("/api/v1/incidents/" + id + path);
    }

    private static BiFunction<RequestSpecification, String, Response> put(String path, Object body) {
        return (spec, id) -> spec.body(body).put("/api/v1/incidents/" + id + path);
    }

    private static BiFunction<RequestSpecification, String, Response> delete(String path) {
        return (spec, id) -> spec.delete("/api/v1/incidents/" + id + path);
    }

    private static BiFunction<RequestSpecification, String, Response> get(String path) {
        return (spec, id) -> spec.get("/api/v1/incidents/" + id + path);
    }

    private static final List<Cell> MATRIX = List.of(
            new Cell("GET incident", get(""), statuses(200, 200, 200, 404, 200)),
            new Cell("GET timeline", get("/timeline"), statuses(200, 200, 200, 404, 200)),
            new Cell("GET roles", get("/roles"), statuses(200, 200, 200, 404, 200)),
            new Cell("GET channel.csv", (spec, id) -> spec.accept("text/csv")
                    .get("/api/v1/incidents/" + id + "/channel.csv"), statuses(200, 200, 200, 404, 200)),
            new Cell("POST message", post("/messages", Map.of("text", "hello")), statuses(201, 201, 403, 404, 201)),
            new Cell("POST item", post("/checklists/s-one/items", Map.of("title", "More")),
                    statuses(200, 200, 403, 404, 200)),
            new Cell("PUT item state", put("/checklists/s-one/items/t-one/state", Map.of("state", "DONE")),
                    statuses(200, 200, 403, 404, 200)),
            new Cell("POST run command", post("/checklists/s-one/items/t-one/run", Map.of()),
                    statuses(200, 200, 403, 404, 200)),
            new Cell("PUT severity", put("/severity", Map.of("severity", "SEV1", "reason", "cards fail")),
                    statuses(200, 200, 403, 404, 200)),
            new Cell("PUT active stage", put("/active-stage", Map.of("stageId", "s-one")),
                    statuses(200, 200, 403, 404, 200)),
            new Cell("POST member", post("/members", Map.of("userId", "dave")), statuses(200, 200, 403, 404, 200)),
            new Cell("POST join", post("/join", Map.of()), statuses(200, 200, 200, 404, 200)),
            new Cell("POST leave (commander: hand over first)", post("/leave", Map.of()),
                    statuses(409, 200, 403, 404, 200)),
            new Cell("PUT commander", put("/commander", Map.of("userId", "bob")), statuses(200, 403, 403, 404, 200)),
            new Cell("DELETE member", delete("/members/bob"), statuses(200, 403, 403, 404, 200)),
            new Cell("PUT role holder", put("/roles/scribe/holder", Map.of("userId", "bob")),
                    statuses(200, 403, 403, 404, 200)),
            new Cell("DELETE role holder", delete("/roles/scribe/holder"), statuses(200, 403, 403, 404, 200)),
            new Cell("POST role", post("/roles", Map.of("name", "Liaison")), statuses(200, 403, 403, 404, 200)),
            new Cell("POST end", post("/end", Map.of()), statuses(200, 403, 403, 404, 200)));

    @Test
    void everyEndpointAnswersEachCallerAsTheMatrixSays() {
        assertThat(PermissionMatrix.wrongCells(MATRIX, cell -> incidentCommandedByAliceWithBob())).isEmpty();
    }

    @Test
    void refusalsSayWhoMayAndChangeNothing() {
        String id = incidentCommandedByAliceWithBob();
        as("bob").post("/api/v1/incidents/" + id + "/end").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("commander (@alice)"));
        as("dave").body(Map.of("text", "hi")).post("/api/v1/incidents/" + id + "/messages").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("join it"));
        as("alice").get("/api/v1/incidents/" + id).then().statusCode(200).body("active", org.hamcrest.Matchers
                .equalTo(true)).body("messageCount", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void rolesAreStaffedFromMembersAndTheCommanderRoleFollowsCommand() {
        String id = incidentCommandedByAliceWithBob();
        String path = "/api/v1/incidents/" + id;
        as("alice").get(path + "/roles").then().statusCode(200)
                .body("find { it.id == 'incident-commander' }.holderId", org.hamcrest.Matchers.equalTo("alice"))
                .body("find { it.id == 'scribe' }.holderId", org.hamcrest.Matchers.nullValue());

        as("alice").body(Map.of("userId", "dave")).put(path + "/roles/scribe/holder").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("userId"));
        as("alice").body(Map.of("userId", "bob")).put(path + "/roles/scribe/holder").then().statusCode(200)
                .body("roles.find { it.id == 'scribe' }.holderId", org.hamcrest.Matchers.equalTo("bob"));
        as("alice").body(Map.of("userId", "nobody")).put(path + "/roles/unknown/holder").then().statusCode(404);
        as("alice").delete(path + "/roles/incident-commander/holder").then().statusCode(409);

        as("alice").body(Map.of("userId", "bob")).put(path + "/roles/incident-commander/holder").then()
                .statusCode(200).body("commanderId", org.hamcrest.Matchers.equalTo("bob"));
        // Command moved with the role: alice may no longer end it, bob may.
        as("alice").post(path + "/end").then().statusCode(403);

        as("bob").body(Map.of("name", "Liaison", "responsibilities", "Talks to the bank")).post(path + "/roles")
                .then().statusCode(200).body("roles.find { it.id == 'liaison' }.custom", org.hamcrest.Matchers
                        .equalTo(true));
        as("bob").body(Map.of("name", "liaison")).post(path + "/roles").then().statusCode(409);
        as("bob").delete(path + "/roles/scribe").then().statusCode(409);
        as("bob").delete(path + "/roles/liaison").then().statusCode(200);

        List<String> timeline = as("alice").get(path + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("text", String.class);
        assertThat(timeline).contains("@alice made @bob the Scribe",
                "@alice made @bob the commander (Incident commander)", "@bob added the role Liaison",
                "@bob removed the role Liaison");
    }

    @Test
    void aMemberWhoLeavesFreesTheirRoles() {
        String id = incidentCommandedByAliceWithBob();
        String path = "/api/v1/incidents/" + id;
        as("alice").body(Map.of("userId", "bob")).put(path + "/roles/scribe/holder").then().statusCode(200);
        as("bob").post(path + "/leave").then().statusCode(200)
                .body("memberIds", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("bob")))
                .body("roles.find { it.id == 'scribe' }.holderId", org.hamcrest.Matchers.nullValue());
        assertThat(as("alice").get(path + "/timeline").then().extract().jsonPath().getList("text", String.class))
                .contains("@bob left the incident; no one holds Scribe now");
    }

    /** A new public incident of team payments: alice started it (commander), bob was added. */
    private static String incidentCommandedByAliceWithBob() {
        String id = IncidentResourceTest.start("alice", playbook, "perm-" + UUID.randomUUID(), null);
        as("alice").body(Map.of("userId", "bob")).post("/api/v1/incidents/" + id + "/members").then().statusCode(200);
        return id;
    }
}
