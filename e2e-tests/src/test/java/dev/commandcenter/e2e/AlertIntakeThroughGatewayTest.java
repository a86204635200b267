package dev.commandcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 002 at the front door: an alerting system that cannot sign in posts to the gateway with its
 * integration key, and an incident starts with the one URL everyone is pointed to.
 */
@ExtendWith(SuiteExtension.class)
class AlertIntakeThroughGatewayTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(45);
    private static RunningSuite suite;

    @BeforeAll
    static void useTheSharedSuite(RunningSuite running) {
        suite = running;
    }

    @Test
    void anAlertmanagerNotificationStartsAnIncidentThroughTheGatewayWithoutALogin() {
        String playbookId = suite.gatewayAs("alice")
                .body(Map.of("teamId", "payments", "title", "Latency", "stages", List.of(Map.of("title", "Triage",
                        "steps", List.of(Map.of("title", "Look at the dashboard")))))).post("/api/v1/playbooks")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> integration = Map.of("teamId", "payments", "kind", "ALERTMANAGER", "name", "Prometheus",
                "playbookId", playbookId);
        Response created = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> suite.gatewayAs("alice").body(integration).post("/api/v1/integrations"),
                        r -> r.statusCode() != 400);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String key = created.path("secret");
        assertThat((String) created.path("intakeUrl")).isEqualTo(suite.gatewayUrl() + "/api/v1/intake/alertmanager");

        Map<String, Object> notification = Map.of("version", "4", "groupKey", "{}:{alertname=\"CheckoutDown\"}",
                "status", "firing", "receiver", "command-center", "externalURL", "http://alertmanager:9093",
                "commonLabels", Map.of("alertname", "CheckoutDown", "severity", "critical"),
                "commonAnnotations", Map.of("summary", "Checkout is down"),
                "alerts", List.of(Map.of("status", "firing", "labels", Map.of("alertname", "CheckoutDown"),
                        "annotations", Map.of(), "startsAt", "2026-11-29T10:00:00Z",
                        "generatorURL", "http://prometheus:9090/graph", "fingerprint", "1")));
        Response started = given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + key).body(notification).post("/api/v1/intake/alertmanager");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        String incidentId = started.path("incidentId");
        assertThat((String) started.path("incidentUrl"))
                .isEqualTo(suite.gatewayUrl() + "/backstage/incidents/" + incidentId);

        suite.gatewayAs("alice").get("/api/v1/incidents/" + incidentId).then().statusCode(200)
                .body("commanderId", equalTo("alice")).body("active", equalTo(true));
        given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON).header("Authorization", "Bearer icc_wrong")
                .body(notification).post("/api/v1/intake/alertmanager").then().statusCode(401)
                .contentType("application/problem+json");
        // The integration endpoints themselves still need a login.
        given().baseUri(suite.gatewayUrl()).queryParam("teamId", "payments").get("/api/v1/integrations").then()
                .statusCode(401);
    }
}
