package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Integrations of team payments made by alice, and requests as alerting systems send them. */
final class IntegrationFixtures {
    static final String INTEGRATIONS = "/api/v1/integrations";

    private IntegrationFixtures() {
    }

    /** An integration's answer at creation: its id and the key shown that once. */
    record Created(String id, String secret) {
    }

    /**
     * Creates an integration of the kind for the playbook, waiting for the playbook to reach the read
     * model (until then the playbook is unknown: 400).
     */
    static Created create(UUID playbook, String kind, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("teamId", "payments", "kind", kind,
                "name", kind.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), "playbookId", playbook));
        body.putAll(extra);
        Response[] created = new Response[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            created[0] = as("alice").body(body).post(INTEGRATIONS);
            return created[0].statusCode() != 400 || !created[0].asString().contains("playbookId");
        });
        created[0].then().statusCode(201);
        return new Created(created[0].path("id"), created[0].path("secret"));
    }

    /** A request as an alerting system sends it: JSON, with the key as a bearer credential. */
    static RequestSpecification alerting(String key) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key);
    }
}
