package dev.commandcenter.notifier;

import static dev.commandcenter.notifier.NotificationResourceTest.as;
import static dev.commandcenter.notifier.NotificationResourceTest.incidentStarted;
import static dev.commandcenter.notifier.NotificationResourceTest.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.StatusUpdated;
import dev.commandcenter.notifier.channel.Signature;
import dev.commandcenter.notifier.channel.WebhookFormat;
import dev.commandcenter.notifier.delivery.Message;
import dev.commandcenter.notifier.delivery.Outcome;
import dev.commandcenter.notifier.delivery.WebhookClient;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions and outward delivery on real infrastructure: events from Kafka, a real HTTP receiver
 * on 127.0.0.1 (allow-listed in the test profile), a real SMTP server (GreenMail). The SMTP server is
 * a global test resource (it applies to every test class of the module, so Quarkus still boots once).
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
@QuarkusTestResource(SmtpServer.class)
class ChannelsTest {
    static final String SUBSCRIPTIONS = "/api/v1/notifications/subscriptions";
    static final String DELIVERIES = "/api/v1/notifications/deliveries";
    static final String STARTED = EventType.INCIDENT_STARTED.value();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @SmtpServer.Inbox
    GreenMail smtp;

    @Inject
    WebhookClient webhooks;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    static Map<String, Object> subscription(String team, String name, List<String> types, String format, String url,
            List<String> addresses) {
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", team);
        body.put("name", name);
        body.put("eventTypes", types);
        body.put("format", format);
        body.put("url", url);
        body.put("addresses", addresses);
        return body;
    }

    static JsonPath subscribe(String user, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS).then().statusCode(201)
                .extract().jsonPath();
    }

    static String webhook(String format, String path, String... types) {
        return subscribe("alice", subscription("payments", format + " " + UUID.randomUUID(), List.of(types), format,
                RECEIVER.url(path), null)).getString("id");
    }

    static List<Map<String, Object>> deliveriesOf(String user, String incidentId) {
        return as(user).queryParam("incidentId", incidentId).get(DELIVERIES).then().statusCode(200)
                .extract().jsonPath().getList("deliveries");
    }

    static void unsubscribe(String... ids) {
        Arrays.stream(ids).forEach(id -> as("alice").delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204));
    }

    static String incidentUrl(String incidentId) {
        return "http://localhost:8080/backstage/incidents/" + incidentId;
    }

    @Test
    void eachWebhookFormatReceivesTheEventWithTheIncidentsUrlAndTheGenericOneIsSigned() {
        String run = UUID.randomUUID().toString();
        JsonPath generic = subscribe("alice", subscription("payments", "Generic " + run, List.of(STARTED), "GENERIC",
                RECEIVER.url("/generic-" + run), null));
        String secret = generic.getString("secret");
        assertThat(secret).startsWith("whsec_");
        String slack = webhook("SLACK", "/slack-" + run, STARTED);
        String mattermost = webhook("MATTERMOST", "/mattermost-" + run, STARTED);
        String teams = webhook("TEAMS", "/teams-" + run, STARTED);
        String incidentId = UUID.randomUUID().toString();

        publish(incidentStarted(incidentId, "payments", "alice"));

        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("generic", "slack", "mattermost", "teams").stream()
                .allMatch(f -> RECEIVER.to("/" + f + "-" + run).stream().anyMatch(r -> r.body().contains(incidentId))));
        WebhookReceiver.Request signed = RECEIVER.to("/generic-" + run).get(0);
        JsonPath body = JsonPath.from(signed.body());
        assertThat(body.getString("eventType")).isEqualTo(STARTED);
        assertThat(body.getString("incidentId")).isEqualTo(incidentId);
        assertThat(body.getString("title")).isEqualTo("Incident started: Card payments down");
        assertThat(body.getString("incidentUrl")).isEqualTo(incidentUrl(incidentId));
        String header = signed.header(Signature.HEADER);
        String timestamp = header.substring(2, header.indexOf(','));
        assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond())).isLessThan(60);
        assertThat(header).isEqualTo("t=" + timestamp + ",v1=" + Signature.hmac(secret, timestamp + "." + signed.body()));
        assertThat(signed.header("Content-Type")).isEqualTo("application/json");

        assertThat(JsonPath.from(RECEIVER.to("/slack-" + run).get(0).body()).getString("text"))
                .isEqualTo("*Incident started: Card payments down*\nCommander: @alice\n<" + incidentUrl(incidentId)
                        + "|Open the incident>");
        JsonPath mm = JsonPath.from(RECEIVER.to("/mattermost-" + run).get(0).body());
        assertThat(mm.getString("username")).isEqualTo("Command Center");
        assertThat(mm.getString("text")).contains("[Open the incident](" + incidentUrl(incidentId) + ")");
        JsonPath card = JsonPath.from(RECEIVER.to("/teams-" + run).get(0).body());
        assertThat(card.getString("'@type'")).isEqualTo("MessageCard");
        assertThat(card.getString("title")).isEqualTo("Incident started: Card payments down");
        assertThat(card.getString("potentialAction[0].targets[0].uri")).isEqualTo(incidentUrl(incidentId));
        for (String unsigned : List.of("/slack-", "/mattermost-", "/teams-")) {
            assertThat(RECEIVER.to(unsigned + run).get(0).header(Signature.HEADER)).isNull();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("bob").queryParam("incidentId", incidentId)
                .get(DELIVERIES).then().statusCode(200)
                .body("deliveries.status", equalTo(List.of("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED")))
                .body("deliveries.attempts", hasItems(1))
                .body("deliveries[0].attemptLog[0].statusCode", equalTo(200)));
        unsubscribe(generic.getString("id"), slack, mattermost, teams);
    }

    @Test
    void aStatusUpdateGoesToTheAudiencesItsPlanNamesAndSlashCommandsToChatWebhooks() {
        String run = UUID.randomUUID().toString();
        String named = subscribe("alice", subscription("payments", "Status page " + run, List.of(STARTED), "SLACK",
                RECEIVER.url("/named-" + run), null)).getString("id");
        String byType = webhook("MATTERMOST", "/by-type-" + run, EventType.INCIDENT_STATUS_UPDATED.value(),
                EventType.TASK_SLASH_COMMAND_RUN.value());
        String genericByType = webhook("GENERIC", "/generic-by-type-" + run,
                EventType.TASK_SLASH_COMMAND_RUN.value());
        String incidentId = UUID.randomUUID().toString();
        StatusUpdated planned = new StatusUpdated(incidentId, "payments", "Checkout errors", UUID.randomUUID().toString(),
                PlaybookContent.StatusPhase.IDENTIFIED, "A bad deploy; rolling back.", "bob",
                List.of(new PlaybookContent.CommunicationChannel("status page " + run, "hourly", "commander", "post")),
                "/backstage/incidents/" + incidentId, Instant.now());
        publish(EventEnvelope.of(EventType.INCIDENT_STATUS_UPDATED, "/incident-service", incidentId, "payments", "bob",
                EventJson.toTree(planned)));
        String other = UUID.randomUUID().toString();
        StatusUpdated unplanned = new StatusUpdated(other, "payments", "Search slow", UUID.randomUUID().toString(),
                PlaybookContent.StatusPhase.MONITORING, "Watching.", "bob", List.of(), "/backstage/incidents/" + other,
                Instant.now());
        publish(EventEnvelope.of(EventType.INCIDENT_STATUS_UPDATED, "/incident-service", other, "payments", "bob",
                EventJson.toTree(unplanned)));
        publish(slashCommand(other, null));
        publish(slashCommand(other, "executed"));

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.to("/named-" + run).size() == 1
                && RECEIVER.to("/by-type-" + run).size() == 2);
        assertThat(JsonPath.from(RECEIVER.to("/named-" + run).get(0).body()).getString("text"))
                .contains("Status update on Checkout errors (identified)").contains("A bad deploy; rolling back.")
                .contains(incidentUrl(incidentId));
        List<String> chat = RECEIVER.to("/by-type-" + run).stream().map(r -> JsonPath.from(r.body()).getString("text"))
                .toList();
        assertThat(chat).anySatisfy(text -> assertThat(text).contains("Status update on Search slow (monitoring)"))
                .anySatisfy(text -> assertThat(text).contains("Slash command to run for incident " + other)
                        .contains(incidentUrl(other)));
        assertThat(RECEIVER.to("/generic-by-type-" + run)).isEmpty();
        assertThat(deliveriesOf("alice", other)).hasSize(2);
        unsubscribe(named, byType, genericByType);
    }

    static EventEnvelope slashCommand(String incidentId, String state) {
        return EventEnvelope.of(EventType.TASK_SLASH_COMMAND_RUN, "/incident-service", incidentId, "payments", "bob",
                EventJson.toTree(new IncidentChange(incidentId, "payments", "bob", "0", UUID.randomUUID().toString(),
                        state, 3, Instant.now())));
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenTheDeliveryIsDeadAndARedirectIsNotFollowed() {
        String run = UUID.randomUUID().toString();
        String failing = webhook("GENERIC", "/fail-" + run, STARTED);
        String redirecting = webhook("SLACK", "/redirect-" + run, STARTED);
        String incidentId = UUID.randomUUID().toString();

        publish(incidentStarted(incidentId, "payments", "alice"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("alice").queryParam("subscriptionId", failing)
                .get(DELIVERIES).then().statusCode(200)
                .body("deliveries[0].status", equalTo("DEAD"))
                .body("deliveries[0].attempts", equalTo(3))
                .body("deliveries[0].lastStatusCode", equalTo(500))
                .body("deliveries[0].lastError", startsWith("HTTP 500"))
                .body("deliveries[0].nextAttemptAt", nullValue())
                .body("deliveries[0].attemptLog.statusCode", equalTo(List.of(500, 500, 500))));
        List<WebhookReceiver.Request> tries = RECEIVER.to("/fail-" + run);
        assertThat(tries).hasSize(3);
        assertThat(tries).allSatisfy(r -> assertThat(r.body()).contains(incidentId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("alice").queryParam("subscriptionId", redirecting)
                .get(DELIVERIES).then().statusCode(200)
                .body("deliveries[0].status", equalTo("DEAD"))
                .body("deliveries[0].lastStatusCode", equalTo(302))
                .body("deliveries[0].lastError", equalTo("redirect to http://127.0.0.1:1/internal not followed"
                        + " (webhooks must answer directly)")));
        unsubscribe(failing, redirecting);
    }

    @Test
    void anEventConsumedTwiceIsDeliveredOnce() {
        String run = UUID.randomUUID().toString();
        String id = webhook("GENERIC", "/twice-" + run, STARTED);
        String incidentId = UUID.randomUUID().toString();
        EventEnvelope event = incidentStarted(incidentId, "payments", "alice");
        publish(event);
        publish(event);
        String marker = UUID.randomUUID().toString();
        NotificationResourceTest.send(incidentId, EventJson.write(incidentStarted(marker, "payments", "alice")));

        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveriesOf("alice", marker).isEmpty()
                && RECEIVER.to("/twice-" + run).size() >= 2);
        assertThat(deliveriesOf("alice", incidentId)).hasSize(1);
        assertThat(RECEIVER.to("/twice-" + run).stream().filter(r -> r.body().contains(incidentId))).hasSize(1);
        unsubscribe(id);
    }

    @Test
    void emailIsReceivedByTheSmtpServerWithTheIncidentsUrl() throws Exception {
        String run = UUID.randomUUID().toString();
        String first = "oncall-" + run + "@example.com";
        String id = subscribe("alice", subscription("payments", "Mail " + run, List.of(STARTED), "EMAIL", null,
                List.of(first, "lead-" + run + "@example.com"))).getString("id");
        String incidentId = UUID.randomUUID().toString();

        publish(incidentStarted(incidentId, "payments", "alice"));

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessagesForDomain(first).length > 0);
        MimeMessage mail = smtp.getReceivedMessagesForDomain(first)[0];
        assertThat(mail.getSubject()).isEqualTo("Incident started: Card payments down");
        assertThat(GreenMailUtil.getBody(mail)).contains("Open the incident: " + incidentUrl(incidentId));
        assertThat(mail.getFrom()[0].toString()).isEqualTo("command-center@localhost");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveriesOf("alice", incidentId))
                .singleElement().satisfies(d -> assertThat(d.get("status")).isEqualTo("DELIVERED")));
        unsubscribe(id);
    }

    @Test
    void aHostThatResolvesToLoopbackIsRefusedAtSendTimeUnlessAllowListed() throws Throwable {
        String path = "/refused-" + UUID.randomUUID();
        String viaName = RECEIVER.url(path).replace("127.0.0.1", "localhost");
        Message message = new Message("e", STARTED, "payments", "i", "n", "t", "x", incidentUrl("i"), Instant.now());

        Outcome refused = VertxContextSupport.subscribeAndAwait(() -> webhooks.send(WebhookFormat.GENERIC, viaName,
                "s", message));
        Outcome allowed = VertxContextSupport.subscribeAndAwait(() -> webhooks.send(WebhookFormat.GENERIC,
                RECEIVER.url(path), "s", message));

        assertThat(refused.delivered()).isFalse();
        assertThat(refused.error()).startsWith("refused: host localhost resolves to a loopback address");
        assertThat(allowed.delivered()).isTrue();
        assertThat(RECEIVER.to(path)).hasSize(1);
    }

    @Test
    void subscriptionsAreTeamScopedAndBounded() {
        String run = UUID.randomUUID().toString();
        Map<String, Object> body = subscription("payments", "Scoped " + run, List.of(STARTED), "SLACK",
                RECEIVER.url("/scoped-" + run), null);
        String id = subscribe("alice", body).getString("id");

        as("bob").get(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .body("name", equalTo("Scoped " + run)).body("format", equalTo("SLACK"))
                .body("signed", equalTo(false)).body("secret", nullValue()).body("createdBy", equalTo("alice"));
        as("dave").queryParam("teamId", "payments").get(SUBSCRIPTIONS).then().statusCode(200)
                .body("name", hasItem("Scoped " + run));
        as("carol").get(SUBSCRIPTIONS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as("carol").queryParam("teamId", "payments").get(SUBSCRIPTIONS).then().statusCode(403);
        as("carol").contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS).then().statusCode(403);
        as("carol").contentType(ContentType.JSON).body(body).put(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        as("carol").delete(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        as("carol").queryParam("subscriptionId", id).get(DELIVERIES).then().statusCode(404);
        as("admin").get(SUBSCRIPTIONS + "/" + id).then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS).then().statusCode(409);

        given().get(SUBSCRIPTIONS + "?teamId=payments").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS).then().statusCode(401);
        given().get(SUBSCRIPTIONS + "/" + id).then().statusCode(401);
        given().delete(SUBSCRIPTIONS + "/" + id).then().statusCode(401);
        given().get(DELIVERIES + "?incidentId=x").then().statusCode(401);

        body.put("format", "GENERIC");
        as("bob").contentType(ContentType.JSON).body(body).put(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .body("signed", equalTo(true)).body("secret", startsWith("whsec_"));
        as("bob").contentType(ContentType.JSON).body(body).put(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .body("secret", nullValue());
        body.put("teamId", "search");
        as("admin").contentType(ContentType.JSON).body(body).put(SUBSCRIPTIONS + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("teamId"));
        unsubscribe(id);
        as("alice").get(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
    }

    @Test
    void invalidSubscriptionsAndUnreachableUrlsGetProblemDetailsNamingTheField() {
        String url = RECEIVER.url("/never");
        invalid(subscription("payments", "", List.of(STARTED), "SLACK", url, null), "name");
        invalid(subscription("payments", "x", List.of(), "SLACK", url, null), "eventTypes");
        invalid(subscription("payments", "x", IntStream.range(0, 21).mapToObj(i -> STARTED).toList(), "SLACK", url,
                null), "eventTypes");
        invalid(subscription("payments", "x", List.of("playbook.created.v1"), "SLACK", url, null), "eventTypes[0]");
        invalid(subscription("payments", "x", List.of(STARTED, STARTED), "SLACK", url, null), "eventTypes");
        invalid(subscription("payments", "x", List.of(STARTED), "CARRIER_PIGEON", url, null), null);
        invalid(subscription("payments", "x", List.of(STARTED), "SLACK", null, null), "url");
        invalid(subscription("payments", "x", List.of(STARTED), "EMAIL", url, List.of("a@example.com")), "url");
        invalid(subscription("payments", "x", List.of(STARTED), "EMAIL", null, null), "addresses");
        invalid(subscription("payments", "x", List.of(STARTED), "EMAIL", null, List.of("not an address")),
                "addresses[0].<list element>");
        invalid(subscription("payments", "x", List.of(STARTED), "EMAIL", null,
                IntStream.range(0, 11).mapToObj(i -> "p" + i + "@example.com").toList()), "addresses");
        invalid(subscription("payments", "x", List.of(STARTED), "TEAMS", "http://x/" + "y".repeat(2000), null), "url");
        for (String unreachable : List.of("http://localhost:8080/hook", "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/hook", "http://[::1]/hook", "http://[::ffff:192.168.0.1]/hook", "http://100.64.0.1/",
                "http://0.0.0.0/", "file:///etc/passwd", "ftp://example.com/", "http://user:pw@127.0.0.1/")) {
            as("alice").contentType(ContentType.JSON).body(subscription("payments", "x", List.of(STARTED), "GENERIC",
                    unreachable, null)).post(SUBSCRIPTIONS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of("url")));
        }

        as("alice").get(DELIVERIES).then().statusCode(400).body("errors.field", hasItem("incidentId"));
        as("alice").queryParam("incidentId", "i").queryParam("subscriptionId", UUID.randomUUID()).get(DELIVERIES)
                .then().statusCode(400).body("errors.field", hasItem("incidentId"));
        as("alice").queryParam("incidentId", "i").queryParam("limit", 101).get(DELIVERIES).then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        as("alice").queryParam("incidentId", "'; drop table delivery; --").get(DELIVERIES).then().statusCode(400)
                .body("errors.field", hasItem("incidentId"));
        as("alice").queryParam("subscriptionId", "not-a-uuid").get(DELIVERIES).then().statusCode(404);
        as("carol").queryParam("incidentId", UUID.randomUUID()).get(DELIVERIES).then().statusCode(200)
                .body("deliveries", empty());
    }

    private static void invalid(Map<String, Object> body, String field) {
        var response = as("alice").contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS).then().statusCode(400)
                .contentType("application/problem+json");
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
    }
}
