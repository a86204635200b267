package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static dev.commandcenter.incident.IncidentResourceTest.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Control characters are refused in every text of every incident request (line breaks and tabs are text). */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentTextTest {
    private static final String INCIDENTS = "/api/v1/incidents/";

    private static String started() {
        return start("alice", publishPlaybook("payments", List.of("alice"), true), "text-" + UUID.randomUUID(), null);
    }

    @Test
    void postsRefuseControlCharactersButKeepLineBreaksTabsAndCrlf() {
        String id = started();

        as("alice").body(Map.of("text", "\u0007".repeat(4096))).post(INCIDENTS + id + "/messages")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("text"))
                .body("errors.message", hasItem(NoControlCharacters.MESSAGE));
        as("alice").body(Map.of("text", "red \u001b[31m alert")).post(INCIDENTS + id + "/messages")
                .then().statusCode(400).body("errors.field", hasItem("text"));
        as("alice").body(Map.of("text", "lone\rreturn")).post(INCIDENTS + id + "/messages")
                .then().statusCode(400).body("errors.field", hasItem("text"));
        String text = "Rolled back:\n\t- checkout\r\n\t- payments";
        as("alice").body(Map.of("text", text)).post(INCIDENTS + id + "/messages")
                .then().statusCode(201).body("text", equalTo(text));

        given().auth().oauth2(INFRA.tokens().forUser("alice")).redirects().follow(false)
                .formParams(Map.of("text", "from the page \u0000")).post("/backstage/incidents/" + id + "/messages")
                .then().statusCode(400).contentType("text/html")
                .body(containsString("must not contain control characters"));
        given().auth().oauth2(INFRA.tokens().forUser("alice")).redirects().follow(false)
                .formParams(Map.of("text", "typed\r\nin the composer")).post("/backstage/incidents/" + id + "/messages")
                .then().statusCode(303);
        as("alice").get(INCIDENTS + id + "/messages").then()
                .body("findAll { it.kind == 'USER' }.text", equalTo(List.of(text, "typed\r\nin the composer")));
    }

    @Test
    void checklistItemsRefuseControlCharactersInEveryField() {
        String id = started();
        String items = INCIDENTS + id + "/checklists/s-triage/items";

        as("alice").body(Map.of("title", "Bell\u0007")).post(items)
                .then().statusCode(400).body("errors.field", hasItem("title"));
        as("alice").body(Map.of("title", "Check", "description", "\u0085")).post(items)
                .then().statusCode(400).body("errors.field", hasItem("description"));
        as("alice").body(Map.of("title", "Check", "slashCommand", "/page oncall\u0000")).post(items)
                .then().statusCode(400).body("errors.field", hasItem("slashCommand"));
        as("alice").body(Map.of("title", "Renamed\u007f")).patch(items + "/t-page")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        as("alice").body(Map.of("description", "\u0002")).patch(items + "/t-page")
                .then().statusCode(400).body("errors.field", hasItem("description"));
        as("alice").body(Map.of("position", 0, "toStageId", "s-\u0001")).post(items + "/t-page/move")
                .then().statusCode(400).body("errors.field", hasItem("toStageId"));
        as("alice").body(Map.of("stageId", "s-\u0001")).put(INCIDENTS + id + "/active-stage")
                .then().statusCode(400).body("errors.field", hasItem("stageId"));
        given().auth().oauth2(INFRA.tokens().forUser("alice")).redirects().follow(false)
                .formParams(Map.of("title", "From the page \u0008")).post("/backstage/incidents/" + id
                        + "/stages/s-triage/items")
                .then().statusCode(400).body(containsString("must not contain control characters"));

        as("alice").get(INCIDENTS + id).then().body("checklists[0].items.size()", equalTo(2))
                .body("checklists[0].items[0].title", equalTo("Page on-call"));
    }

    @Test
    void startingAndBrowsingRefuseControlCharacters() {
        as("alice").body(Map.of("playbookId", UUID.randomUUID(), "name", "ok-name", "postText", "posted \u0007"))
                .post("/api/v1/incidents").then().statusCode(400).body("errors.field", hasItem("postText"));
        as("alice").queryParam("teamId", "payments").queryParam("q", "a\u0001").get("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", hasItem("q"));
    }
}
