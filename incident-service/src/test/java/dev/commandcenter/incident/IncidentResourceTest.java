package dev.commandcenter.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.IncidentStarted;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicWriter;
import dev.commandcenter.stack.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentResourceTest {
    static final InfraEndpoints INFRA = SharedInfra.get();

    static RequestSpecification as(String user) {
        return given().auth().oauth2(INFRA.tokens().forUser(user)).contentType(ContentType.JSON);
    }

    /** Announces a playbook on the real topic, as playbook-service would. */
    static UUID publishPlaybook(String team, List<String> members, boolean publicChannel) {
        return publishPlaybook(team, members, publicChannel, null);
    }

    /** The same, with what alerts may do to the incidents they start. */
    static UUID publishPlaybook(String team, List<String> members, boolean publicChannel,
            PlaybookContent.AlertHandling alertHandling) {
        UUID id = UUID.randomUUID();
        PlaybookContent process = PlaybookContent.of("Payments outage", "", publicChannel, List.of(
                new PlaybookContent.Stage("s-triage", "Triage", List.of(
                        new PlaybookContent.Step("t-page", "Page on-call", null, "/page oncall"),
                        new PlaybookContent.Step("t-bridge", "Open a bridge", null, null))),
                new PlaybookContent.Stage("s-resolve", "Resolve", List.of())));
        PlaybookContent content = new PlaybookContent(process.title(), process.description(), publicChannel,
                process.stages(), List.of(), List.of(), null, List.of(), List.of(),
                List.of(new PlaybookContent.Severity("SEV1", "Critical", ""),
                        new PlaybookContent.Severity("SEV2", "Major", "")), process.learningFlow(), alertHandling);
        PlaybookState state = new PlaybookState(id.toString(), team, content, members, false, 1, members.get(0),
                Instant.now(), members.get(0), Instant.now());
        send(Topics.PLAYBOOKS, id.toString(), EventJson.write(EventEnvelope.of(EventType.PLAYBOOK_CREATED,
                "/playbook-service", id.toString(), team, members.get(0), EventJson.toTree(state))));
        return id;
    }

    static void send(String topic, String key, String value) {
        TopicWriter.send(INFRA.kafkaBootstrapServers(), topic, key, value);
    }

    /** Starts an incident once the read model knows the playbook (it arrives through Kafka). */
    static String start(String user, UUID playbookId, String name, String postText) {
        Map<String, Object> body = postText == null ? Map.of("playbookId", playbookId, "name", name)
                : Map.of("playbookId", playbookId, "name", name, "postText", postText);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(user).body(body).post("/api/v1/incidents")
                .statusCode() != 404);
        return as(user).queryParam("teamId", "payments").queryParam("q", name).get("/api/v1/incidents")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.name == '" + name + "' }.id");
    }

    @Test
    void aPlaybookMemberStartsAnIncidentWithChannelAnnouncementAndChecklist() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String name = "checkout-" + UUID.randomUUID();

        String id = start("alice", playbook, name, null);

        as("alice").get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("name", equalTo(name))
                .body("teamId", equalTo("payments"))
                .body("commanderId", equalTo("alice"))
                .body("memberIds", contains("alice"))
                .body("active", equalTo(true))
                .body("checklists[0].title", equalTo("Triage"))
                .body("checklists[0].items[0].slashCommand", equalTo("/page oncall"))
                .body("checklists[0].items[0].state", equalTo("OPEN"))
                .body("activeStageId", equalTo("s-triage"));
        as("alice").get("/api/v1/incidents/" + id + "/messages").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].kind", equalTo("BOT"))
                .body("[0].authorId", equalTo("incident-bot"))
                .body("[0].text", containsString("@alice started this incident"));
    }

    @Test
    void startingFromAPostQuotesThePostInTheAnnouncement() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String name = "from-post-" + UUID.randomUUID();

        String id = start("alice", playbook, name, "Checkout returns 500 for 30% of users, see graph");

        as("alice").get("/api/v1/incidents/" + id + "/messages").then().statusCode(200)
                .body("[0].text", containsString("Checkout returns 500 for 30% of users, see graph"));
    }

    @Test
    void startingEmitsExactlyOneStartedEvent() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String id = start("alice", playbook, "event-" + UUID.randomUUID(), null);

        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(3), Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        EventEnvelope event = EventJson.read(records.get(0).value());
        assertThat(event.type()).isEqualTo("incident.started.v1");
        assertThat(event.teamid()).isEqualTo("payments");
        assertThat(event.actorid()).isEqualTo("alice");
        IncidentStarted started = EventJson.data(event, IncidentStarted.class);
        assertThat(started.commanderId()).isEqualTo("alice");
        assertThat(started.numChecklists()).isEqualTo(2);
        assertThat(started.totalChecklistItems()).isEqualTo(2);
        assertThat(started.playbookId()).isEqualTo(playbook.toString());
    }

    @Test
    void channelNamesAreUniqueWithinATeam() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String name = "dup-" + UUID.randomUUID();
        start("alice", playbook, name, null);

        as("alice").body(Map.of("playbookId", playbook, "name", name.toUpperCase())).post("/api/v1/incidents")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already has an incident channel"));
    }

    @Test
    void twoStartsWithOneNameAtOnceGiveOneIncidentAndOneConflict() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        start("alice", playbook, "first-" + UUID.randomUUID(), null);

        String token = INFRA.tokens().forUser("alice"); // fetched once, so that both requests leave together
        for (int round = 0; round < 3; round++) {
            String name = "race-" + UUID.randomUUID();
            Map<String, Object> body = Map.of("playbookId", playbook, "name", name);
            List<CompletableFuture<Response>> both = List.of(
                    CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(body).post("/api/v1/incidents")),
                    CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(body).post("/api/v1/incidents")));
            List<Response> answers = both.stream().map(CompletableFuture::join)
                    .sorted(Comparator.comparingInt(Response::statusCode)).toList();

            assertThat(answers).extracting(Response::statusCode).containsExactly(201, 409);
            answers.get(0).then().body("name", equalTo(name)).body("messageCount", equalTo(1))
                    .body("memberIds", contains("alice"));
            answers.get(1).then().contentType("application/problem+json")
                    .body("detail", containsString("already has an incident channel named \"" + name + "\""));
            as("alice").queryParam("teamId", "payments").queryParam("q", name).get("/api/v1/incidents")
                    .then().statusCode(200).body("items.size()", equalTo(1));
        }
    }

    @Test
    void onlyPlaybookMembersMayStartAndOnlyTheTeamMaySee() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String id = start("alice", playbook, "visible-" + UUID.randomUUID(), null);

        as("bob").body(Map.of("playbookId", playbook, "name", "bob-" + UUID.randomUUID()))
                .post("/api/v1/incidents").then().statusCode(404).contentType("application/problem+json");
        as("carol").body(Map.of("playbookId", playbook, "name", "carol-" + UUID.randomUUID()))
                .post("/api/v1/incidents").then().statusCode(404);
        as("bob").get("/api/v1/incidents/" + id).then().statusCode(200);
        as("carol").get("/api/v1/incidents/" + id).then().statusCode(404);
        as("carol").get("/api/v1/incidents/" + id + "/messages").then().statusCode(404);
        as("carol").queryParam("teamId", "payments").get("/api/v1/incidents")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        as("admin").get("/api/v1/incidents/" + id).then().statusCode(200);
    }

    @Test
    void privateIncidentsAreVisibleToTheirMembersAndAdministratorsOnly() {
        UUID playbook = publishPlaybook("payments", List.of("alice", "bob"), false);
        String id = start("alice", playbook, "private-" + UUID.randomUUID(), null);

        as("alice").get("/api/v1/incidents/" + id).then().statusCode(200).body("publicChannel", equalTo(false));
        as("bob").get("/api/v1/incidents/" + id).then().statusCode(404);
        as("bob").queryParam("teamId", "payments").get("/api/v1/incidents")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        as("admin").queryParam("teamId", "payments").get("/api/v1/incidents")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void invalidRequestsGetProblemDetails() {
        as("alice").body(Map.of("name", "no-playbook")).post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("playbookId"));
        as("alice").body(Map.of("playbookId", UUID.randomUUID(), "name", "n".repeat(101)))
                .post("/api/v1/incidents").then().statusCode(400).body("errors.field", hasItem("name"));
        as("alice").body(Map.of("playbookId", "not-a-uuid", "name", "x")).post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", hasItem("playbookId"));
        as("alice").body(Map.of("playbookId", UUID.randomUUID(), "name", "unknown-playbook"))
                .post("/api/v1/incidents").then().statusCode(404).contentType("application/problem+json");
        as("alice").queryParam("teamId", "payments").queryParam("limit", 0).get("/api/v1/incidents")
                .then().statusCode(400);
    }

    @Test
    void theServiceItselfVerifiesIssuerAudienceAndSignature() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String path = "/api/v1/incidents/" + start("alice", playbook, "tokens-" + UUID.randomUUID(), null);

        given().get(path).then().statusCode(401);
        INFRA.tokens().rejected("alice").forEach((why, token) -> given().auth().oauth2(token).get(path)
                .then().statusCode(401));
        given().auth().oauth2(INFRA.tokens().forUser("alice")).get(path).then().statusCode(200);
    }

    @Test
    void malformedPlaybookEventsGoToTheDeadLetterTopicAndConsumptionContinues() {
        String key = "poison-" + UUID.randomUUID();
        send(Topics.PLAYBOOKS, key, "this is not a CloudEvent");

        List<ConsumerRecord<String, String>> dead = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.deadLetter(Topics.PLAYBOOKS, "incident-service"), r -> key.equals(r.key()), 1,
                Duration.ofMillis(500), Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);

        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        assertThat(start("alice", playbook, "after-poison-" + UUID.randomUUID(), null)).isNotNull();
    }
}
