package dev.commandcenter.playbook;

import static dev.commandcenter.playbook.Api.INFRA;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backstage pages as HTML (the browser test drives the editor's script in Chromium). */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookPagesTest {
    private static final String PAGES = "/backstage/playbooks";

    private static RequestSpecification page(String user) {
        return given().auth().oauth2(INFRA.tokens().forUser(user)).redirects().follow(false);
    }

    @Test
    void creatingFromATemplateOpensTheEditorWithTheTemplatesContent() {
        String location = page("alice").formParams(Map.of("teamId", "payments", "templateId", "major-incident",
                        "title", "Pages: major incident"))
                .post(PAGES).then().statusCode(303).header("Location", containsString(PAGES + "/"))
                .extract().header("Location");

        page("alice").get(location).then().statusCode(200).contentType("text/html")
                .body(allOf(containsString("Pages: major incident"), containsString("Major Incident Manager"),
                        containsString("Communication Manager (external)"), containsString("Statuspage"),
                        containsString("We are currently investigating")));
        page("alice").queryParam("team", "payments").queryParam("q", "Pages: major").get(PAGES)
                .then().statusCode(200).body(containsString("Pages: major incident"));
        page("bob").get(location).then().statusCode(404);
        given().get(location).then().statusCode(401);
    }

    @Test
    void stepDescriptionsRenderTheLimitedMarkdownAndEscapeEverythingElse() {
        String id = Api.create("alice", "blank", "Pages: markdown").path("id");
        String stage = Api.as("alice").get(Api.PLAYBOOKS + "/" + id).path("stages[0].id");
        Api.as("alice").body(Map.of("title", "Check", "description",
                        "**bold** _it_ ~~gone~~ `code` [docs](https://example.com) [bad](javascript:alert(1)) <b>raw</b>"))
                .post(Api.PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps").then().statusCode(200);

        page("alice").get(PAGES + "/" + id).then().statusCode(200)
                .body(allOf(containsString("<strong>bold</strong>"), containsString("<em>it</em>"),
                        containsString("<del>gone</del>"), containsString("<code>code</code>"),
                        containsString("href=\"https://example.com\""), containsString("&lt;b&gt;raw&lt;/b&gt;"),
                        not(containsString("<b>raw</b>")), not(containsString("href=\"javascript:"))));
    }

    @Test
    void aRejectedFormComesBackWithTheInputAndTheErrorNextToTheField() {
        String id = Api.create("alice", "blank", "Pages: validation").path("id");
        String stage = Api.as("alice").get(Api.PLAYBOOKS + "/" + id).path("stages[0].id");

        page("alice").formParams(Map.of("version", "0", "title", "Pages: validation", "publicChannel", "true",
                        "stages[0].id", stage, "stages[0].title", "Triage",
                        "stages[0].steps[0].title", "Page", "stages[0].steps[0].slashCommand", "not a command"))
                .post(PAGES + "/" + id).then().statusCode(400).contentType("text/html")
                .body(allOf(containsString("data-error-for=\"stages[0].steps[0].slashCommand\""),
                        containsString("must be a slash command"), containsString("value=\"not a command\"")));
        page("alice").formParams(Map.of("version", "0", "title", "Pages: saved", "publicChannel", "false",
                        "stages[0].id", stage, "stages[0].title", "Triage",
                        "stages[0].steps[0].title", "Page", "stages[0].steps[0].slashCommand", "/page oncall",
                        "learningFlow.optOutAllowed", "true", "alertHandling.resolveEndsIncident", "true"))
                .post(PAGES + "/" + id).then().statusCode(303).header("Location", endsWith("?notice=saved"));
        // A step added afterwards through the API keeps the setting (every edit carries the whole content).
        Api.as("alice").body(Map.of("title", "Open a bridge")).post(Api.PLAYBOOKS + "/" + id + "/stages/" + stage
                + "/steps").then().statusCode(200);
        Api.as("alice").get(Api.PLAYBOOKS + "/" + id).then()
                .body("alertHandling.resolveEndsIncident", org.hamcrest.Matchers.equalTo(true))
                .body("title", org.hamcrest.Matchers.equalTo("Pages: saved"))
                .body("publicChannel", org.hamcrest.Matchers.equalTo(false))
                .body("stages[0].steps[0].slashCommand", org.hamcrest.Matchers.equalTo("/page oncall"));

        page("alice").formParams(Map.of("version", "0", "title", "From a stale page", "publicChannel", "true"))
                .post(PAGES + "/" + id).then().statusCode(412)
                .body(containsString("someone changed this playbook since you opened it"));
        page("alice").formParams(Map.of("userId", "carol")).post(PAGES + "/" + id + "/members")
                .then().statusCode(400).body(containsString("carol is not a member of team payments"));
    }
}
