package dev.commandcenter.playbook;

import static dev.commandcenter.playbook.Api.INFRA;
import static dev.commandcenter.playbook.Api.PLAYBOOKS;
import static dev.commandcenter.playbook.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Control characters are refused in every text of a playbook (line breaks and tabs are text). */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookTextTest {

    @Test
    void aStepDescriptionOfControlCharactersIsRefusedNamingTheField() {
        String id = Api.create("alice", "blank", "Text: step").path("id");
        String stage = as("alice").get(PLAYBOOKS + "/" + id).path("stages[0].id");

        as("alice").body(Map.of("title", "Bell", "description", "\u0007".repeat(4096)))
                .post(PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://command-center.dev/problems/validation"))
                .body("errors.field", hasItem("description"))
                .body("errors.message", hasItem(NoControlCharacters.MESSAGE));
        as("alice").body(Map.of("title", "Escape \u001b[31m")).post(PLAYBOOKS + "/" + id + "/stages/" + stage
                + "/steps").then().statusCode(400).body("errors.field", hasItem("title"));
        as("alice").body(Map.of("title", "Slash", "slashCommand", "/page oncall\u0000"))
                .post(PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps")
                .then().statusCode(400).body("errors.field", hasItem("slashCommand"));
        as("alice").body(Map.of("title", "Deleted\u007f")).post(PLAYBOOKS + "/" + id + "/stages")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        as("alice").body(Map.of("title", "Next line \u0085")).patch(PLAYBOOKS + "/" + id + "/stages/" + stage)
                .then().statusCode(400).body("errors.field", hasItem("title"));
        as("alice").get(PLAYBOOKS + "/" + id).then().body("version", equalTo(0))
                .body("stages[0].steps.size()", equalTo(0));
    }

    @Test
    void lineBreaksTabsAndTheBrowsersCrlfAreText() {
        String id = Api.create("alice", "blank", "Text: line breaks").path("id");
        String stage = as("alice").get(PLAYBOOKS + "/" + id).path("stages[0].id");
        String text = "First line\nsecond\tcolumn\r\nthird line from a browser";

        as("alice").body(Map.of("title", "Multi-line", "description", text))
                .post(PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps")
                .then().statusCode(200).body("stages[0].steps[0].description", equalTo(text));
        as("alice").body(Map.of("title", "Lone CR", "description", "old\rMac"))
                .post(PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps")
                .then().statusCode(400).body("errors.field", hasItem("description"));
    }

    @Test
    void creatingAndReplacingRefuseControlCharactersInEveryPartOfTheContent() {
        as("alice").body(Map.of("teamId", "payments", "title", "Text: \u001b[2J cleared"))
                .post(PLAYBOOKS).then().statusCode(400).body("errors.field", hasItem("title"));
        as("alice").body(Map.of("teamId", "payments", "title", "Text: created", "description", "a\u0000b"))
                .post(PLAYBOOKS).then().statusCode(400).body("errors.field", hasItem("description"));
        as("alice").body(Map.of("teamId", "payments", "title", "Text: created", "stages",
                        List.of(Map.of("title", "Stage", "steps", List.of(Map.of("title", "t\u0008"))))))
                .post(PLAYBOOKS).then().statusCode(400).body("errors.field", hasItem("stages[0].steps[0].title"));

        ExtractableResponse<Response> created = Api.create("alice", "major-incident", "Text: replaced");
        String id = created.path("id");
        Map<String, List<String>> bad = Map.of(
                "roles", List.of("responsibilities"),
                "communicationPlan", List.of("where", "when", "who", "how"),
                "severities", List.of("name", "criteria"));
        for (Map.Entry<String, List<String>> list : bad.entrySet()) {
            for (String field : list.getValue()) {
                Map<String, Object> content = PlaybookEditingTest.content(created.jsonPath());
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> items = (List<Map<String, Object>>) content.get(list.getKey());
                Map<String, Object> first = new HashMap<>(items.get(0));
                first.put(field, "text\u0001");
                content.put(list.getKey(), List.of(first));
                as("alice").header("If-Match", "\"0\"").body(content).put(PLAYBOOKS + "/" + id)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors.field", hasItem(list.getKey() + "[0]." + field));
            }
        }
        Map<String, Object> content = PlaybookEditingTest.content(created.jsonPath());
        content.put("incidentCriteria", List.of("Customers cannot pay", "bad\u001f"));
        as("alice").header("If-Match", "\"0\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(400).body("errors[0].field", startsWith("incidentCriteria[1]"))
                .body("errors[0].message", equalTo(NoControlCharacters.MESSAGE));
        content = PlaybookEditingTest.content(created.jsonPath());
        content.put("statusTemplates", List.of(Map.of("phase", "INVESTIGATING", "text", "We \u0007 look")));
        as("alice").header("If-Match", "\"0\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(400).body("errors.field", hasItem("statusTemplates[0].text"));
        content = PlaybookEditingTest.content(created.jsonPath());
        content.put("learningFlow", Map.of("optOutAllowed", true, "statuses", List.of(Map.of("name", "Review",
                "tasks", List.of(Map.of("kind", "CUSTOM", "title", "Task", "instructions", "\u0002"))))));
        as("alice").header("If-Match", "\"0\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(400).body("errors.field", hasItem("learningFlow.statuses[0].tasks[0].instructions"));
        as("alice").get(PLAYBOOKS + "/" + id).then().body("version", equalTo(0));
    }

    @Test
    void theEditorFormRefusesControlCharactersNextToTheFieldAndKeepsCrlf() {
        String id = Api.create("alice", "blank", "Text: editor").path("id");
        String stage = as("alice").get(PLAYBOOKS + "/" + id).path("stages[0].id");
        String page = "/backstage/playbooks/" + id;

        given().auth().oauth2(INFRA.tokens().forUser("alice")).redirects().follow(false)
                .formParams(Map.of("version", "0", "title", "Text: editor", "publicChannel", "true",
                        "description", "bell \u0007", "stages[0].id", stage, "stages[0].title", "Triage"))
                .post(page).then().statusCode(400).contentType("text/html")
                .body(allOf(containsString("data-error-for=\"description\""),
                        containsString("must not contain control characters")));
        given().auth().oauth2(INFRA.tokens().forUser("alice")).redirects().follow(false)
                .formParams(Map.of("version", "0", "title", "Text: editor", "publicChannel", "true",
                        "description", "typed\r\nin a textarea", "stages[0].id", stage, "stages[0].title", "Triage",
                        "learningFlow.optOutAllowed", "true"))
                .post(page).then().statusCode(303);
        as("alice").get(PLAYBOOKS + "/" + id).then().body("description", equalTo("typed\r\nin a textarea"));
    }
}
