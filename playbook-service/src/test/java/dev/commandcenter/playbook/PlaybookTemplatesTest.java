package dev.commandcenter.playbook;

import static dev.commandcenter.playbook.Api.PLAYBOOKS;
import static dev.commandcenter.playbook.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookTemplatesTest {
    private static final String TEMPLATES = "/api/v1/playbook-templates";

    @Test
    void theBuiltInTemplatesAreOffered() {
        as("carol").get(TEMPLATES).then().statusCode(200)
                .body("id", contains("blank", "incident-response", "major-incident", "service-outage"));
        given().get(TEMPLATES).then().statusCode(401);
        as("alice").get(TEMPLATES + "/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theMajorIncidentTemplateCarriesTheSeedsRolesStatusTemplatesAndCommunicationPlan() {
        JsonPath template = as("alice").get(TEMPLATES + "/major-incident").then().statusCode(200).extract().jsonPath();

        assertThat(template.getList("content.roles.name")).containsExactly("Major Incident Manager",
                "Communication Manager (internal)", "Communication Manager (external)", "Customer Support Lead",
                "Social Media Lead", "Scribe");
        assertThat(template.getString("content.roles[0].responsibilities"))
                .contains("Assess the severity (service and customer impact)")
                .contains("Decide if a public post-mortem is needed");
        assertThat(template.getBoolean("content.roles[0].commander")).isTrue();
        assertThat(template.getString("content.roles[3].responsibilities"))
                .contains("Handle incoming support tickets, emails, phone calls, etc.");
        assertThat(template.getList("content.statusTemplates.phase")).containsExactly("INVESTIGATING", "IDENTIFIED",
                "MONITORING", "RESOLVED");
        assertThat(template.getString("content.statusTemplates[3].text")).contains("resolved");
        assertThat(template.getList("content.communicationPlan.where")).contains("Statuspage", "Incident channel");
        assertThat(template.getList("content.severities.level")).containsExactly("SEV1", "SEV2", "SEV3");
        assertThat(template.getList("content.learningFlow.statuses.name")).containsExactly("Documenting", "Reviewing");
        assertThat(template.getList("content.learningFlow.statuses[0].tasks.kind")).contains("WRITE_POSTMORTEM");
        assertThat(template.getList("content.learningFlow.autoEnterSeverities")).containsExactly("SEV1", "SEV2");
        assertThat(template.getList("content.incidentCriteria")).hasSize(3);
    }

    @Test
    void theServiceOutageTemplateFollowsTheAzureDevOpsSeed() {
        JsonPath template = as("alice").get(TEMPLATES + "/service-outage").then().statusCode(200).extract().jsonPath();

        assertThat(template.getList("content.stages.title")).containsExactly("Assess what you know",
                "Open the conversation bridge", "Track the incident");
        assertThat(template.getList("content.roles.name")).contains("Scribe");
        assertThat(template.getList("content.stages[2].steps.slashCommand")).contains("/workitem create");
    }

    @Test
    void aPlaybookCreatedFromATemplateIsACopyThatLaterEditsDoNotShare() {
        String id = as("alice").body(Map.of("teamId", "payments", "templateId", "major-incident"))
                .post(PLAYBOOKS).then().statusCode(201)
                .body("title", equalTo("Major incident"))
                .body("publicChannel", equalTo(false))
                .body("roles[0].name", equalTo("Major Incident Manager"))
                .body("statusTemplates[0].text", containsString("investigating"))
                .extract().path("id");
        String stage = as("alice").get(PLAYBOOKS + "/" + id).path("stages[0].id");

        as("alice").body(Map.of("title", "Renamed in the playbook")).patch(PLAYBOOKS + "/" + id + "/stages/" + stage)
                .then().statusCode(200);

        as("alice").get(TEMPLATES + "/major-incident").then().body("content.stages[0].title", equalTo("Detect"))
                .body("content.stages[0].id", equalTo(null));
        as("alice").body(Map.of("teamId", "payments", "templateId", "major-incident")).post(PLAYBOOKS)
                .then().statusCode(201).body("stages[0].title", equalTo("Detect"));
        as("alice").body(Map.of("teamId", "payments", "templateId", "no-such-template")).post(PLAYBOOKS)
                .then().statusCode(400).body("errors[0].field", equalTo("templateId"));
    }
}
