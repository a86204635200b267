package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static dev.commandcenter.incident.IntegrationFixtures.INTEGRATIONS;
import static dev.commandcenter.incident.IntegrationFixtures.alerting;
import static dev.commandcenter.incident.IntegrationFixtures.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A team's integrations: who may manage them, the key shown once and stored hashed, rotation and revocation. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IntegrationTest {
    private static final String GENERIC_ALERT = "{\"summary\": \"Disk almost full\", \"dedupKey\": \"disk-1\"}";

    @Inject
    AgroalDataSource database;

    @Test
    void theKeyIsShownOnceAndStoredOnlyAsAHash() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        IntegrationFixtures.Created created = create(playbook, "GENERIC", Map.of());

        assertThat(created.secret()).startsWith("icc_").hasSizeGreaterThan(40);
        as("alice").get(INTEGRATIONS + "/" + created.id()).then().statusCode(200)
                .body("secret", nullValue())
                .body("secretHint", equalTo(created.secret().substring(created.secret().length() - 4)))
                .body("ownerId", equalTo("alice"))
                .body("intakeUrl", equalTo("http://localhost:8080/api/v1/intake/alerts"))
                .body("revoked", equalTo(false));
        as("bob").queryParam("teamId", "payments").get(INTEGRATIONS).then().statusCode(200)
                .body("id", hasItem(created.id())).body("secret", not(hasItem(created.secret())));
        String row = Sql.text(database, "SELECT i::text FROM integration i WHERE id = ?", UUID.fromString(created.id()));
        assertThat(row).doesNotContain(created.secret()).doesNotContain(created.secret().substring(4));
        assertThat(Sql.text(database, "SELECT secret_hash FROM integration WHERE id = ?", UUID.fromString(created.id())))
                .isEqualTo(sha256Hex(created.secret()));
    }

    @Test
    void aSlackSigningSecretIsSealedAndAMattermostTokenHashed() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String signing = "8f742231b10e8888abcd99yyyzzz85a5";
        String token = "xr3j5x3p4pfjpeyvtou6gxbt7w";
        IntegrationFixtures.Created slack = create(playbook, "SLACK", Map.of("secret", signing));
        IntegrationFixtures.Created mattermost = create(playbook, "MATTERMOST", Map.of("secret", token));

        assertThat(slack.secret()).isNull();
        assertThat(mattermost.secret()).isNull();
        assertThat(Sql.text(database, "SELECT i::text FROM integration i WHERE id = ?", UUID.fromString(slack.id())))
                .doesNotContain(signing);
        assertThat(Sql.text(database, "SELECT secret_hash FROM integration WHERE id = ?",
                UUID.fromString(mattermost.id()))).isEqualTo(sha256Hex(token));
        as("alice").get(INTEGRATIONS + "/" + slack.id()).then().statusCode(200)
                .body("intakeUrl", endsWith("/api/v1/intake/slack/" + slack.id() + "/command"));
    }

    @Test
    void onlyPlaybookMembersOfTheTeamCreateAndManageIntegrations() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        IntegrationFixtures.Created created = create(playbook, "GENERIC", Map.of());
        String path = INTEGRATIONS + "/" + created.id();

        // bob is in the team but not in the playbook; carol is in another team.
        as("bob").body(Map.of("teamId", "payments", "kind", "GENERIC", "name", "Grafana", "playbookId", playbook))
                .post(INTEGRATIONS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("playbookId"));
        as("carol").body(Map.of("teamId", "payments", "kind", "GENERIC", "name", "Grafana", "playbookId", playbook))
                .post(INTEGRATIONS).then().statusCode(403).contentType("application/problem+json");
        as("bob").get(path).then().statusCode(200);
        as("bob").post(path + "/rotate").then().statusCode(403).contentType("application/problem+json");
        as("bob").delete(path).then().statusCode(403);
        as("carol").get(path).then().statusCode(404).contentType("application/problem+json");
        as("carol").post(path + "/rotate").then().statusCode(404);
        as("carol").delete(path).then().statusCode(404);
        as("carol").queryParam("teamId", "payments").get(INTEGRATIONS).then().statusCode(200)
                .body("size()", equalTo(0));
        given().get(path).then().statusCode(401);
        given().queryParam("teamId", "payments").get(INTEGRATIONS).then().statusCode(401);
        given().contentType("application/json").body("{}").post(INTEGRATIONS).then().statusCode(401);
        as("admin").post(path + "/rotate").then().statusCode(200).body("secret", startsWith("icc_"));
    }

    @Test
    void badRequestsAreRefusedWithTheFieldsAtFault() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        create(playbook, "GENERIC", Map.of()); // the playbook has reached the read model

        as("alice").body(Map.of("teamId", "payments", "kind", "SLACK", "name", "Slack", "playbookId", playbook))
                .post(INTEGRATIONS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("secret"));
        as("alice").body(Map.of("teamId", "payments", "kind", "GENERIC", "name", "Grafana", "playbookId", playbook,
                "secret", "mine")).post(INTEGRATIONS).then().statusCode(400).body("errors.field", hasItem("secret"));
        as("alice").body(Map.of("teamId", "payments", "kind", "PAGER", "name", "x", "playbookId", playbook))
                .post(INTEGRATIONS).then().statusCode(400).contentType("application/problem+json");
        as("alice").body(Map.of("teamId", "payments", "kind", "GENERIC", "name", "a\u0007b", "playbookId", playbook,
                "ratePerMinute", 0)).post(INTEGRATIONS).then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("ratePerMinute"));
    }

    @Test
    void rotatingReplacesTheKeyAndRevokingStopsIt() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        IntegrationFixtures.Created created = create(playbook, "GENERIC", Map.of());
        String path = INTEGRATIONS + "/" + created.id();
        alerting(created.secret()).body(GENERIC_ALERT).post("/api/v1/intake/alerts").then().statusCode(201);

        String rotated = as("alice").post(path + "/rotate").then().statusCode(200)
                .body("rotatedAt", not(nullValue())).extract().path("secret");
        assertThat(rotated).startsWith("icc_").isNotEqualTo(created.secret());
        alerting(created.secret()).body(GENERIC_ALERT).post("/api/v1/intake/alerts").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        alerting(rotated).body(GENERIC_ALERT).post("/api/v1/intake/alerts").then().statusCode(200)
                .body("result", equalTo("appended"));

        as("alice").delete(path).then().statusCode(200).body("revoked", equalTo(true));
        alerting(rotated).body(GENERIC_ALERT).post("/api/v1/intake/alerts").then().statusCode(401);
        as("alice").post(path + "/rotate").then().statusCode(409);
        assertThat(Sql.number(database, "SELECT count(*) FROM integration WHERE id = ? AND secret_hash IS NULL "
                + "AND revoked_at IS NOT NULL", UUID.fromString(created.id()))).isEqualTo(1);
    }

    static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
