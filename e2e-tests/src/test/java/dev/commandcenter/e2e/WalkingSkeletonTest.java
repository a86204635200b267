package dev.commandcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.ServiceSpec;
import dev.commandcenter.stack.browser.HeadlessChromium;
import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end: the five services as real processes (their packaged jars),
 * real PostgreSQL, Kafka and Keycloak (the {@link RunningSuite} every e2e class shares), driven
 * through the gateway as a user would.
 */
@ExtendWith(SuiteExtension.class)
class WalkingSkeletonTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(45);
    private static RunningSuite suite;
    private static InfraEndpoints infra;

    @BeforeAll
    static void useTheSharedSuite(RunningSuite running) {
        suite = running;
        infra = running.infra();
    }

    private static RequestSpecification gatewayAs(String user) {
        return suite.gatewayAs(user);
    }

    @Test
    void alicesIncidentFlowsFromPlaybookToNotificationAndTelemetry() {
        String incidentName = "card-auth-failures-" + UUID.randomUUID();

        // 1. alice creates a playbook in team payments through the gateway.
        String playbookId = gatewayAs("alice")
                .body(Map.of("teamId", "payments", "title", "Card payments outage", "stages",
                        List.of(Map.of("title", "Triage", "steps", List.of(
                                Map.of("title", "Page the on-call engineer", "slashCommand", "/page oncall"))))))
                .post("/api/v1/playbooks")
                .then().statusCode(201).body("memberIds", contains("alice"))
                .extract().path("id");

        // 2-3. incident-service learns the playbook from Kafka; alice starts an incident from it.
        Map<String, Object> start = Map.of("playbookId", playbookId, "name", incidentName);
        Response started = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> gatewayAs("alice").body(start).post("/api/v1/incidents"), r -> r.statusCode() != 404);
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        String incidentId = started.path("id");
        assertThat((String) started.path("commanderId")).isEqualTo("alice");
        assertThat((String) started.path("checklists[0].items[0].title")).isEqualTo("Page the on-call engineer");
        gatewayAs("alice").get("/api/v1/incidents/" + incidentId + "/messages")
                .then().statusCode(200).body("[0].text", containsString("@alice started this incident"));

        // 4. notifier-service recorded who was notified of which incident, and when.
        JsonPath notifications = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> gatewayAs("alice").queryParam("incident", incidentId).get("/api/v1/notifications")
                        .then().statusCode(200).extract().jsonPath(), json -> json.getList("$").size() == 1);
        assertThat(notifications.getString("[0].recipient")).isEqualTo("alice");
        assertThat(notifications.getString("[0].incidentId")).isEqualTo(incidentId);
        assertThat(notifications.getString("[0].createdAt")).isNotBlank();

        // 5. telemetry-service stored the seed's metadata and no incident name.
        Response telemetry = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> gatewayAs("alice").queryParam("subject", incidentId).get("/api/v1/telemetry/events"),
                        r -> r.statusCode() == 200 && r.jsonPath().getList("$").size() == 1);
        JsonPath record = telemetry.jsonPath();
        assertThat(record.getString("[0].type")).isEqualTo("track");
        assertThat(record.getString("[0].event")).isEqualTo("incident");
        assertThat(record.getString("[0].action")).isEqualTo("create");
        assertThat(record.getString("[0].diagnosticID")).isNotBlank();
        assertThat(record.getString("[0].properties.CommanderUserID")).isEqualTo("alice");
        assertThat(telemetry.asString()).doesNotContain(incidentName).doesNotContain("Card payments outage");

        // 6. carol (team search) sees none of it; no token gets 401 at the gateway and at every service.
        gatewayAs("carol").get("/api/v1/playbooks/" + playbookId).then().statusCode(404);
        gatewayAs("carol").get("/api/v1/incidents/" + incidentId).then().statusCode(404);
        gatewayAs("carol").queryParam("incident", incidentId).get("/api/v1/notifications")
                .then().statusCode(200).body("size()", equalTo(0));
        gatewayAs("carol").queryParam("subject", incidentId).get("/api/v1/telemetry/events")
                .then().statusCode(200).body("size()", equalTo(0));
        given().baseUri(suite.gatewayUrl()).get("/api/v1/incidents/" + incidentId).then().statusCode(401);
    }

    @Test
    void aPersonSignsInAtTheGatewayAndCreatesAPlaybookInTheBackstage() {
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            Page page = chromium.newPage();
            page.navigate(suite.gatewayUrl() + "/backstage/playbooks");
            page.locator("#kc-login").waitFor();
            HeadlessChromium.logInWithKeycloak(page, "bob", "bob");

            page.locator("#team").waitFor();
            assertThat(page.locator("h1").textContent()).contains("Playbooks of team payments");
            assertThat(page.locator("#user-name").textContent()).isEqualTo("bob");
            page.locator("#template").selectOption("service-outage");
            page.locator("#new-title").fill("Gateway: search outage");
            page.locator("#create").click();

            page.locator("#playbook-title").waitFor();
            assertThat(page.locator("#playbook-title").textContent()).isEqualTo("Gateway: search outage");
            assertThat(page.locator(".stage-title").first().inputValue()).isEqualTo("Assess what you know");
            HeadlessChromium.screenshot(page, "gateway-playbook-editor");
            String id = page.url().replaceAll(".*/backstage/playbooks/([^?]+).*", "$1");
            gatewayAs("bob").get("/api/v1/playbooks/" + id).then().statusCode(200)
                    .body("memberIds", contains("bob")).body("roles.name", org.hamcrest.Matchers.hasItem("Scribe"));
        }
    }

    @Test
    void everyServiceVerifiesTokensItselfNotOnlyTheGateway() {
        Map<ServiceSpec, String> paths = Map.of(
                ServiceSpec.PLAYBOOK, "/api/v1/playbooks?teamId=payments",
                ServiceSpec.INCIDENT, "/api/v1/incidents?teamId=payments",
                ServiceSpec.NOTIFIER, "/api/v1/notifications?incident=" + UUID.randomUUID(),
                ServiceSpec.TELEMETRY, "/api/v1/telemetry/events?subject=" + UUID.randomUUID());
        paths.forEach((service, path) -> {
            String url = suite.url(service) + path;
            given().get(url).then().statusCode(401);
            infra.tokens().rejected("alice").forEach((why, token) -> given().auth().oauth2(token).get(url)
                    .then().statusCode(401));
            given().auth().oauth2(infra.tokens().forUser("alice")).get(url).then().statusCode(200);
        });
        given().baseUri(suite.gatewayUrl()).auth().oauth2(infra.tokens().fromForeignIssuer("alice"))
                .get("/api/v1/playbooks?teamId=payments").then().statusCode(401);
    }
}
