package dev.commandcenter.playbook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookResourceTest {
    private static final InfraEndpoints INFRA = SharedInfra.get();

    static RequestSpecification as(String user) {
        return given().auth().oauth2(INFRA.tokens().forUser(user)).contentType(ContentType.JSON);
    }

    static String createPlaybook(String user, String team, String title) {
        return as(user).body(Map.of("teamId", team, "title", title, "stages", List.of(Map.of("title", "Triage",
                        "steps", List.of(Map.of("title", "Page the on-call engineer", "slashCommand", "/page oncall"))))))
                .post("/api/v1/playbooks")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aTeamMemberCreatesAPlaybookAndBecomesItsFirstMember() {
        String id = as("alice").body(Map.of("teamId", "payments", "title", "  Card payments outage "))
                .post("/api/v1/playbooks")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/playbooks/"))
                .body("title", equalTo("Card payments outage"))
                .body("teamId", equalTo("payments"))
                .body("publicChannel", equalTo(true))
                .body("memberIds", contains("alice"))
                .body("stages[0].title", equalTo("Default Stage"))
                .body("createdBy", equalTo("alice"))
                .extract().path("id");

        as("alice").get("/api/v1/playbooks/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Card payments outage"));
        as("alice").queryParam("teamId", "payments").get("/api/v1/playbooks")
                .then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void creatingPublishesExactlyOneCreatedEventWithTheFullState() {
        String id = createPlaybook("alice", "payments", "Checkout latency");

        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.PLAYBOOKS, r -> id.equals(r.key()), 1, Duration.ofSeconds(2), Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        EventEnvelope event = EventJson.read(records.get(0).value());
        assertThat(event.type()).isEqualTo("playbook.created.v1");
        assertThat(event.teamid()).isEqualTo("payments");
        assertThat(event.actorid()).isEqualTo("alice");
        assertThat(event.source()).isEqualTo("/playbook-service");
        PlaybookState state = EventJson.data(event, PlaybookState.class);
        assertThat(state.title()).isEqualTo("Checkout latency");
        assertThat(state.memberIds()).containsExactly("alice");
        assertThat(state.stages().get(0).steps().get(0).slashCommand()).isEqualTo("/page oncall");
    }

    @Test
    void otherTeamsAndNonMembersCannotSeeOrCreate() {
        String id = createPlaybook("alice", "payments", "Private process");

        as("carol").get("/api/v1/playbooks/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        as("bob").get("/api/v1/playbooks/" + id).then().statusCode(404);
        as("bob").queryParam("teamId", "payments").get("/api/v1/playbooks")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        as("carol").queryParam("teamId", "payments").get("/api/v1/playbooks")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        as("carol").body(Map.of("teamId", "payments", "title", "Sneaky")).post("/api/v1/playbooks")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("payments"));
    }

    @Test
    void systemAdministratorsSeeEveryTeamsPlaybooks() {
        String id = createPlaybook("alice", "payments", "Admin-visible");

        as("admin").get("/api/v1/playbooks/" + id).then().statusCode(200).body("id", equalTo(id));
        as("admin").queryParam("teamId", "payments").get("/api/v1/playbooks")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void invalidRequestsGetProblemDetailsNamingTheField() {
        as("alice").body(Map.of("teamId", "payments", "title", " ")).post("/api/v1/playbooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("errors[0].field", equalTo("title"));
        as("alice").body(Map.of("teamId", "payments", "title", "x".repeat(201))).post("/api/v1/playbooks")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        as("alice").body(Map.of("teamId", "payments", "title", "ok", "stages", List.of(Map.of("title", "s",
                        "steps", List.of(Map.of("title", "t", "slashCommand", "rm -rf /"))))))
                .post("/api/v1/playbooks")
                .then().statusCode(400).body("errors.field", hasItem("stages[0].steps[0].slashCommand"));
        as("alice").body("{\"teamId\": \"payments\", \"title\": ").post("/api/v1/playbooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        as("alice").body(Map.of("teamId", "payments", "title", "ok", "publicChannel", "maybe"))
                .post("/api/v1/playbooks")
                .then().statusCode(400).body("errors.field", hasItem("publicChannel"));
        as("alice").queryParam("teamId", "payments").queryParam("limit", 101).get("/api/v1/playbooks")
                .then().statusCode(400).contentType("application/problem+json");
        as("alice").get("/api/v1/playbooks/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        as("alice").body("x".repeat(3 * 1024 * 1024)).post("/api/v1/playbooks").then().statusCode(413);
    }

    @Test
    void theServiceItselfVerifiesIssuerAudienceAndSignature() {
        String id = createPlaybook("alice", "payments", "Token checks");
        String path = "/api/v1/playbooks/" + id;

        given().get(path).then().statusCode(401);
        INFRA.tokens().rejected("alice").forEach((why, token) -> given().auth().oauth2(token).get(path)
                .then().statusCode(401));
        given().auth().oauth2(INFRA.tokens().forUser("alice")).get(path).then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/playbooks"));
    }
}
