package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 through the chat tools: Mattermost and Slack slash commands exactly as they send them
 * (form fields of their documentation; Slack signed), answered in their JSON; a channel an incident
 * starts from is linked to it; Slack's message shortcut and Mattermost's start-from-post quote a post;
 * a checklist step's {@code /incident} command is carried out.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class ChatCommandsTest {
    private static final String INCIDENTS = "/api/v1/incidents/";
    private static final String MATTERMOST = "/api/v1/intake/mattermost/command";
    /** As the tools send it; the body is ASCII once URL-encoded, so the bytes signed are the bytes sent. */
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern INCIDENT_URL = Pattern.compile("/backstage/incidents/([0-9a-f-]{36})");

    /** How a test types a command as a chat user in a channel; the answer is the tool's HTTP response. */
    interface Chat {
        Response command(String userName, String channelId, String text);
    }

    /** A team playbook alice and bob run: two stages, a step that raises the severity, a scribe, two levels. */
    private static Playbook publishChatPlaybook() {
        UUID id = UUID.randomUUID();
        String title = "Chat drill " + id.toString().substring(0, 8);
        PlaybookContent content = new PlaybookContent(title, "", true, List.of(
                new PlaybookContent.Stage("s-triage", "Triage", List.of(
                        new PlaybookContent.Step("t-page", "Page on-call", null, "/page oncall"),
                        new PlaybookContent.Step("t-raise", "Raise severity", null, "/incident severity SEV1"),
                        new PlaybookContent.Step("t-bad", "Broken step", null, "/incident frobnicate"))),
                new PlaybookContent.Stage("s-resolve", "Resolve", List.of(
                        new PlaybookContent.Step("t-verify", "Verify the fix", null, null)))),
                List.of(new PlaybookContent.Role("Incident commander", "Leads", true),
                        new PlaybookContent.Role("Scribe", "Writes things down", false)),
                List.of(), null, List.of(), List.of(),
                List.of(new PlaybookContent.Severity("SEV1", "Critical", ""),
                        new PlaybookContent.Severity("SEV2", "Major", "")),
                new PlaybookContent.LearningFlow(List.of(), List.of(), true), null);
        List<String> members = List.of("alice", "bob");
        PlaybookState state = new PlaybookState(id.toString(), "payments", content, members, false, 1, "alice",
                Instant.now(), "alice", Instant.now());
        send(Topics.PLAYBOOKS, id.toString(), EventJson.write(EventEnvelope.of(EventType.PLAYBOOK_CREATED,
                "/playbook-service", id.toString(), "payments", "alice", EventJson.toTree(state))));
        return new Playbook(id, title);
    }

    private record Playbook(UUID id, String title) {
    }

    /** Creates a chat integration once the read model knows the playbook; answers its id. */
    private static String integration(Playbook playbook, String kind, String secret) {
        Map<String, Object> body = Map.of("teamId", "payments", "kind", kind, "name", kind + " " + secret.substring(0, 6),
                "playbookId", playbook.id(), "secret", secret);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("alice").body(body).post("/api/v1/integrations")
                .statusCode() != 400);
        return as("alice").queryParam("teamId", "payments").get("/api/v1/integrations").then().statusCode(200)
                .extract().path("find { it.playbookId == '" + playbook.id() + "' && it.kind == '" + kind + "' }.id");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A Mattermost slash command request, with every field Mattermost's documentation lists. */
    private static Response mattermost(String token, String userName, String channelId, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("channel_id", channelId);
        fields.put("channel_name", "town-square");
        fields.put("command", "/incident");
        fields.put("response_url", "http://mattermost.example/hooks/commands/qw8pq1u7kt8zxy3gbxyz");
        fields.put("team_domain", "payments");
        fields.put("team_id", "ngo8d6xk3ifn8e3u5sfacdyw9h");
        fields.put("text", text);
        fields.put("token", token);
        fields.put("trigger_id", "cjNlaGU0b3ptaWc5NWI4YWV0ZnE2NnFtYmg6a3pvOHM0b2gzcGYzeDhyOW1kY3RwM3Bxc3I6MTU5MDc0ODg3MTAxNjpNRVlDSVFEc2w");
        fields.put("user_id", "mm" + userName + "00000000000000000000".substring(userName.length()));
        fields.put("user_name", userName);
        return given().contentType(FORM).body(form(fields)).post(MATTERMOST);
    }

    private static Chat mattermostChat(String token) {
        return (userName, channelId, text) -> mattermost(token, userName, channelId, text);
    }

    /** A Slack slash command request as Slack's documentation shows it, signed with the signing secret. */
    private static Response slack(String integrationId, String secret, String userId, String userName,
            String channelId, String text, long timestamp) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        fields.put("team_id", "T0001");
        fields.put("team_domain", "example");
        fields.put("channel_id", channelId);
        fields.put("channel_name", "test");
        fields.put("user_id", userId);
        fields.put("user_name", userName);
        fields.put("command", "/incident");
        fields.put("text", text);
        fields.put("response_url", "https://hooks.slack.com/commands/1234/5678");
        fields.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        fields.put("api_app_id", "A123456");
        return signed("/api/v1/intake/slack/" + integrationId + "/command", secret, form(fields), timestamp);
    }

    private static Response signed(String path, String secret, String body, long timestamp) {
        return given().contentType(FORM)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature(secret, timestamp, body))
                .body(body).post(path);
    }

    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Chat slackChat(String integrationId, String secret) {
        return (userName, channelId, text) -> slack(integrationId, secret, "U0" + userName.toUpperCase(), userName,
                channelId, text, Instant.now().getEpochSecond());
    }

    private static ValidatableResponse inChannel(Response response) {
        return response.then().statusCode(200).contentType(ContentType.JSON)
                .body("response_type", equalTo("in_channel"));
    }

    private static ValidatableResponse ephemeral(Response response) {
        return response.then().statusCode(200).contentType(ContentType.JSON)
                .body("response_type", equalTo("ephemeral"));
    }

    private static String incidentIdIn(String text) {
        Matcher matcher = INCIDENT_URL.matcher(text);
        assertThat(matcher.find()).as("an incident URL in: %s", text).isTrue();
        return matcher.group(1);
    }

    private static List<String> timeline(String id) {
        return as("alice").get(INCIDENTS + id + "/messages").then().statusCode(200).extract().jsonPath()
                .getList("text");
    }

    private static String channel() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @Test
    void everyCommandRunsAnIncidentThroughMattermost() {
        Playbook playbook = publishChatPlaybook();
        String token = "mm-" + UUID.randomUUID();
        integration(playbook, "MATTERMOST", token);

        everyCommandRunsAnIncident(mattermostChat(token), playbook);
    }

    @Test
    void everyCommandRunsAnIncidentThroughSlack() {
        Playbook playbook = publishChatPlaybook();
        String secret = "slack-" + UUID.randomUUID().toString().replace("-", "");
        String id = integration(playbook, "SLACK", secret);

        everyCommandRunsAnIncident(slackChat(id, secret), playbook);
    }

    /** The commands of the issue, in the order an incident would see them, each checked by what changed. */
    private static void everyCommandRunsAnIncident(Chat chat, Playbook playbook) {
        String channel = channel();
        String name = "chat-" + UUID.randomUUID().toString().substring(0, 8);

        String started = inChannel(chat.command("alice", channel, "start " + playbook.title() + " " + name))
                .body("text", containsString("@alice started the incident \"" + name + "\" from the playbook \""
                        + playbook.title() + "\""))
                .body("text", containsString("http://localhost:8080/backstage/incidents/"))
                .extract().path("text");
        String id = incidentIdIn(started);

        inChannel(chat.command("alice", channel, "add @bob"))
                .body("text", startsWith("@alice added @bob (incident \"" + name + "\"): http://localhost:8080"
                        + "/backstage/incidents/" + id));
        inChannel(chat.command("alice", channel, "role Scribe @bob"))
                .body("text", containsString("@alice made @bob the Scribe"));
        inChannel(chat.command("alice", channel, "stage 2"))
                .body("text", containsString("@alice made \"Resolve\" the active stage"));
        inChannel(chat.command("alice", channel, "stage triage"))
                .body("text", containsString("@alice made \"Triage\" the active stage"));
        inChannel(chat.command("bob", channel, "check 1"))
                .body("text", containsString("@bob checked \"Page on-call\""));
        inChannel(chat.command("bob", channel, "severity sev2"))
                .body("text", containsString("@bob set the severity to SEV2"));
        inChannel(chat.command("bob", channel, "update identified The deploy at 14:02 broke checkout"))
                .body("text", containsString("@bob posted a status update (Identified): The deploy at 14:02 broke "
                        + "checkout"));
        inChannel(chat.command("alice", channel, "commander @bob"))
                .body("text", containsString("@alice made @bob the commander"));
        ephemeral(chat.command("alice", channel, "info"))
                .body("text", containsString("Incident \"" + name + "\" (ongoing)"))
                .body("text", containsString("Commander: @bob"))
                .body("text", containsString("Severity: SEV2"))
                .body("text", containsString("1. [x] Page on-call"))
                .body("text", containsString("/backstage/incidents/" + id));
        ephemeral(chat.command("dave", channel(), "list"))
                .body("text", containsString("- " + name + " [SEV2], commander @bob: http://localhost:8080"
                        + "/backstage/incidents/" + id));
        ephemeral(chat.command("alice", channel, "help"))
                .body("text", containsString("/incident start [playbook] [name]"))
                .body("text", containsString("/incident update <investigating|identified|monitoring|resolved> <text>"));
        ephemeral(chat.command("alice", channel, "end"))
                .body("text", equalTo("Only the incident's commander (@bob) or an administrator can do this"));
        inChannel(chat.command("bob", channel, "end"))
                .body("text", containsString("@bob ended the incident (incident \"" + name + "\")"));

        as("alice").get(INCIDENTS + id).then().statusCode(200)
                .body("active", equalTo(false))
                .body("commanderId", equalTo("bob"))
                .body("memberIds", containsInAnyOrder("alice", "bob"))
                .body("severity", equalTo("SEV2"))
                .body("playbookId", equalTo(playbook.id().toString()))
                .body("roles.find { it.name == 'Scribe' }.holderId", equalTo("bob"))
                .body("checklists[0].items[0].state", equalTo("DONE"))
                .body("activeStageId", equalTo("s-triage"));
        as("alice").get(INCIDENTS + id + "/status-updates").then().statusCode(200)
                .body("items[0].phase", equalTo("IDENTIFIED"))
                .body("items[0].text", equalTo("The deploy at 14:02 broke checkout"))
                .body("items[0].authorId", equalTo("bob"));
        assertThat(timeline(id)).contains("@alice added @bob to the incident", "@alice made @bob the Scribe",
                "@alice made \"Resolve\" the active stage", "@bob checked \"Page on-call\"",
                "@bob set the severity to SEV2", "@alice made @bob the commander", "@bob ended the incident");
        ephemeral(chat.command("bob", channel, "severity SEV1")).body("text", equalTo("The incident has ended"));
    }

    @Test
    void unknownAndMalformedCommandsGetHelpOnlyTheTyperSees() {
        Playbook playbook = publishChatPlaybook();
        String token = "mm-" + UUID.randomUUID();
        integration(playbook, "MATTERMOST", token);
        String secret = "slack-" + UUID.randomUUID().toString().replace("-", "");
        String slackId = integration(playbook, "SLACK", secret);

        for (Chat chat : List.of(mattermostChat(token), slackChat(slackId, secret))) {
            String channel = channel();
            ephemeral(chat.command("alice", channel, "frobnicate now"))
                    .body("text", startsWith("Unknown command \"frobnicate\"."))
                    .body("text", containsString("- /incident check <n>: check the n-th item of the active stage"));
            ephemeral(chat.command("alice", channel, ""))
                    .body("text", startsWith("Commands:"));
            ephemeral(chat.command("alice", channel, "check first"))
                    .body("text", equalTo("Give the item's number in the active stage.\nUsage: /incident check <n>: "
                            + "check the n-th item of the active stage"));
            ephemeral(chat.command("alice", channel, "role Scribe"))
                    .body("text", containsString("Usage: /incident role <role> @user"));
            ephemeral(chat.command("alice", channel, "update panicking all is lost"))
                    .body("text", containsString("\"panicking\" is not a phase."));
            ephemeral(chat.command("alice", channel, "severity SEV1"))
                    .body("text", containsString("This channel is not linked to an incident. Run /incident start"));
            String id = incidentIdIn(inChannel(chat.command("alice", channel, "start")).extract().path("text"));
            ephemeral(chat.command("alice", channel, "severity SEV9"))
                    .body("text", equalTo("severity: must be one of the playbook's severities [SEV1, SEV2]"));
            ephemeral(chat.command("alice", channel, "check 9"))
                    .body("text", equalTo("n: the active stage \"Triage\" has 3 items"));
            ephemeral(chat.command("alice", channel, "stage Cleanup"))
                    .body("text", equalTo("stage: no stage \"Cleanup\"; the stages: 1. Triage, 2. Resolve"));
            ephemeral(chat.command("alice", channel, "commander @dave"))
                    .body("text", containsString("dave is not a member of this incident"));
            ephemeral(chat.command("alice", channel, "add @carol"))
                    .body("text", equalTo("userId: carol is not a member of team payments"));
            ephemeral(chat.command("alice", channel, "start \"No such playbook\" x"))
                    .body("text", containsString("you may start no playbook named \"No such playbook\""));
            ephemeral(chat.command("dave", channel, "start"))
                    .body("text", containsString("does not exist or is not visible to you"));
            as("alice").get(INCIDENTS + id).then().statusCode(200).body("severity", equalTo(null))
                    .body("memberIds", containsInAnyOrder("alice"));
        }
    }

    @Test
    void chatUsersWhoAreNoMembersOfTheTeamAreUnknown() {
        Playbook playbook = publishChatPlaybook();
        String token = "mm-" + UUID.randomUUID();
        integration(playbook, "MATTERMOST", token);
        String secret = "slack-" + UUID.randomUUID().toString().replace("-", "");
        String slackId = integration(playbook, "SLACK", secret);

        for (Chat chat : List.of(mattermostChat(token), slackChat(slackId, secret))) {
            ephemeral(chat.command("zed", channel(), "start"))
                    .body("text", startsWith("Unknown user: "))
                    .body("text", containsString("@zed"))
                    .body("text", containsString("is not a member of team payments"));
            ephemeral(chat.command("carol", channel(), "list"))
                    .body("text", startsWith("Unknown user: "));
        }
        as("alice").queryParam("teamId", "payments").queryParam("q", "Chat drill").get("/api/v1/incidents")
                .then().statusCode(200).body("items.playbookId", not(hasItem(playbook.id().toString())));
    }

    @Test
    void theTeamMapsChatUsersToItsMembers() {
        Playbook playbook = publishChatPlaybook();
        String token = "mm-" + UUID.randomUUID();
        integration(playbook, "MATTERMOST", token);
        String secret = "slack-" + UUID.randomUUID().toString().replace("-", "");
        String slackId = integration(playbook, "SLACK", secret);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String mattermostName = "alice.mm." + tag;
        String slackBob = "U0BOB" + tag.toUpperCase();

        ephemeral(mattermost(token, mattermostName, channel(), "list")).body("text", startsWith("Unknown user: "));
        // Members map their own chat identities, never a teammate's.
        as("bob").body(Map.of("teamId", "payments", "tool", "MATTERMOST", "chatUser", "@" + mattermostName,
                "userId", "alice")).put("/api/v1/integrations/chat-users").then().statusCode(403)
                .contentType("application/problem+json");
        String mapping = as("alice").body(Map.of("teamId", "payments", "tool", "MATTERMOST", "chatUser",
                        "@" + mattermostName, "userId", "alice")).put("/api/v1/integrations/chat-users")
                .then().statusCode(200).body("chatUser", equalTo(mattermostName)).body("userId", equalTo("alice"))
                .body("createdBy", equalTo("alice")).extract().path("id");
        as("bob").body(Map.of("teamId", "payments", "tool", "MATTERMOST", "chatUser", mattermostName,
                "userId", "bob")).put("/api/v1/integrations/chat-users").then().statusCode(403);
        as("bob").body(Map.of("teamId", "payments", "tool", "SLACK", "chatUser", slackBob, "userId", "bob"))
                .put("/api/v1/integrations/chat-users").then().statusCode(200);
        as("admin").body(Map.of("teamId", "payments", "tool", "SLACK", "chatUser", "U0ALI" + tag, "userId", "alice"))
                .put("/api/v1/integrations/chat-users").then().statusCode(200);

        String channel = channel();
        String id = incidentIdIn(inChannel(mattermost(token, mattermostName, channel, "start mapped-" + tag))
                .body("text", startsWith("@alice started the incident \"mapped-" + tag + "\"")).extract().path("text"));
        as("alice").get(INCIDENTS + id).then().statusCode(200).body("commanderId", equalTo("alice"));

        // Slack: the user by its id (whatever its name), a mention as Slack escapes it.
        String slackChannel = channel();
        String slackIncident = incidentIdIn(inChannel(slack(slackId, secret, "U0ALI" + tag, "someone-else",
                slackChannel, "start slack-mapped-" + tag, Instant.now().getEpochSecond())).extract().path("text"));
        inChannel(slack(slackId, secret, "U0ALI" + tag, "someone-else", slackChannel,
                "add <@" + slackBob + "|bobby>", Instant.now().getEpochSecond()))
                .body("text", containsString("@alice added @bob"));
        as("alice").get(INCIDENTS + slackIncident).then().statusCode(200)
                .body("commanderId", equalTo("alice")).body("memberIds", containsInAnyOrder("alice", "bob"));

        as("bob").queryParam("teamId", "payments").get("/api/v1/integrations/chat-users").then().statusCode(200)
                .body("find { it.chatUser == '" + mattermostName + "' }.tool", equalTo("MATTERMOST"))
                .body("find { it.chatUser == '" + slackBob + "' }.userId", equalTo("bob"));

        // Validation and other teams, as everywhere in the API.
        as("admin").body(Map.of("teamId", "payments", "tool", "SLACK", "chatUser", "U0CAROL", "userId", "carol"))
                .put("/api/v1/integrations/chat-users").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("userId"))
                .body("detail", containsString("carol is not a member of team payments"));
        as("alice").body(Map.of("teamId", "payments", "tool", "TEAMS", "chatUser", "x", "userId", "alice"))
                .put("/api/v1/integrations/chat-users").then().statusCode(400);
        as("alice").body(Map.of("teamId", "payments", "tool", "SLACK", "chatUser", "has space", "userId", "alice"))
                .put("/api/v1/integrations/chat-users").then().statusCode(400)
                .body("errors.field", hasItem("chatUser"));
        as("carol").body(Map.of("teamId", "payments", "tool", "SLACK", "chatUser", "U0CAROL", "userId", "carol"))
                .put("/api/v1/integrations/chat-users").then().statusCode(403);
        as("carol").queryParam("teamId", "payments").get("/api/v1/integrations/chat-users").then().statusCode(200)
                .body("size()", equalTo(0));
        as("carol").delete("/api/v1/integrations/chat-users/" + mapping).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("teamId", "payments").get("/api/v1/integrations/chat-users").then().statusCode(401);

        as("bob").delete("/api/v1/integrations/chat-users/" + mapping).then().statusCode(403);
        as("alice").delete("/api/v1/integrations/chat-users/" + mapping).then().statusCode(204);
        ephemeral(mattermost(token, mattermostName, channel, "info")).body("text", startsWith("Unknown user: "));
    }

    @Test
    void onlyAuthenticRequestsOfTheRightSizeAreHeard() {
        Playbook playbook = publishChatPlaybook();
        String token = "mm-" + UUID.randomUUID();
        String mattermostId = integration(playbook, "MATTERMOST", token);
        String secret = "slack-" + UUID.randomUUID().toString().replace("-", "");
        String slackId = integration(playbook, "SLACK", secret);
        long now = Instant.now().getEpochSecond();

        mattermost("mm-unknown-" + UUID.randomUUID(), "alice", channel(), "list").then().statusCode(401)
                .contentType("application/problem+json");
        slack(slackId, "not-the-secret", "U0ALICE", "alice", channel(), "list", now).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("signature"));
        slack(slackId, secret, "U0ALICE", "alice", channel(), "list", now - 600).then().statusCode(401)
                .body("detail", containsString("possible replay"));
        slack(slackId, secret, "U0ALICE", "alice", channel(), "list", now + 600).then().statusCode(401);
        slack(UUID.randomUUID().toString(), secret, "U0ALICE", "alice", channel(), "list", now).then()
                .statusCode(401);
        given().contentType(FORM).body("text=list&channel_id=C1&user_name=alice")
                .post("/api/v1/intake/slack/" + slackId + "/command").then().statusCode(401);
        // A signed body that is changed on the way is refused.
        String body = "channel_id=C1&user_name=alice&text=list";
        given().contentType(FORM).header("X-Slack-Request-Timestamp", Long.toString(now))
                .header("X-Slack-Signature", signature(secret, now, body)).body(body + "x")
                .post("/api/v1/intake/slack/" + slackId + "/command").then().statusCode(401);

        String huge = "token=" + token + "&channel_id=C1&user_name=alice&text=" + "a".repeat(300 * 1024);
        // Refused before it is read (the HTTP layer's bound is the intake's 256 KiB too).
        given().contentType(FORM).body(huge).post(MATTERMOST).then().statusCode(413);
        given().contentType(FORM).body(huge).post("/api/v1/intake/slack/" + slackId + "/command")
                .then().statusCode(413);
        given().contentType(FORM).body("token=" + token + "&text=list").post(MATTERMOST).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("channel_id"));
        mattermost(token, "alice", "C".repeat(101), "list").then().statusCode(400)
                .body("errors[0].field", equalTo("channel_id"));

        ephemeral(mattermost(token, "alice", channel(), "list"));
        as("alice").delete("/api/v1/integrations/" + mattermostId).then().statusCode(200);
        mattermost(token, "alice", channel(), "list").then().statusCode(401).contentType("application/problem+json");
        as("alice").delete("/api/v1/integrations/" + slackId).then().statusCode(200);
        slack(slackId, secret, "U0ALICE", "alice", channel(), "list", Instant.now().getEpochSecond()).then()
                .statusCode(401);
    }

    @Test
    void aCommandInALinkedChannelActsOnThatChannelsIncident() {
        Playbook playbook = publishChatPlaybook();
        String token = "mm-" + UUID.randomUUID();
        integration(playbook, "MATTERMOST", token);
        Chat chat = mattermostChat(token);
        String first = channel();
        String second = channel();

        String one = incidentIdIn(inChannel(chat.command("alice", first, "start")).extract().path("text"));
        String two = incidentIdIn(inChannel(chat.command("bob", second, "start")).extract().path("text"));
        inChannel(chat.command("bob", second, "severity SEV1")).body("text", containsString(two));
        inChannel(chat.command("alice", first, "severity SEV2")).body("text", containsString(one));

        as("alice").get(INCIDENTS + one).then().body("severity", equalTo("SEV2")).body("commanderId", equalTo("alice"));
        as("bob").get(INCIDENTS + two).then().body("severity", equalTo("SEV1")).body("commanderId", equalTo("bob"));

        // A new start in a channel links it to the new incident.
        String three = incidentIdIn(inChannel(chat.command("alice", first, "start")).extract().path("text"));
        inChannel(chat.command("alice", first, "end")).body("text", containsString(three));
        as("alice").get(INCIDENTS + one).then().body("active", equalTo(true));
        as("alice").get(INCIDENTS + three).then().body("active", equalTo(false));
    }

    @Test
    void aPostStartsAnIncidentQuotedInTheAnnouncement() {
        Playbook playbook = publishChatPlaybook();
        String token = "mm-" + UUID.randomUUID();
        integration(playbook, "MATTERMOST", token);
        String secret = "slack-" + UUID.randomUUID().toString().replace("-", "");
        String slackId = integration(playbook, "SLACK", secret);
        String post = "Checkout returns 500 for 30% of users\nsee https://grafana.example/d/checkout";

        // Slack's message shortcut, as its documentation shows the message_action payload.
        String channel = channel();
        String payload = """
                {"type": "message_action", "token": "Nj2rfC2hU8mAfgaJLemZgO7H", "action_ts": "1581106241.371594",
                 "team": {"id": "T0001", "domain": "example"},
                 "user": {"id": "U0ALICE", "name": "alice", "username": "alice", "team_id": "T0001"},
                 "channel": {"id": "%s", "name": "checkout"},
                 "callback_id": "start_incident", "trigger_id": "944799105734.773906753841.38b5894552bdd4a780554ee59d1f3638",
                 "message_ts": "1581106210.000200", "response_url": "https://hooks.slack.com/app/T0001/944799105734/AbCd",
                 "message": {"type": "message", "user": "U0BOB", "ts": "1581106210.000200", "text": %s}}"""
                .formatted(channel, EventJson.writeValue(post));
        String text = inChannel(signed("/api/v1/intake/slack/" + slackId + "/action", secret,
                form(Map.of("payload", payload)), Instant.now().getEpochSecond()))
                .body("text", containsString("@alice started the incident \"Checkout returns 500 for 30% of users #"))
                .body("text", containsString("quoting a post")).extract().path("text");
        String fromSlack = incidentIdIn(text);
        assertThat(timeline(fromSlack).get(0)).contains("@alice started this incident").contains(post);
        // The channel of the post is linked to the incident.
        inChannel(slack(slackId, secret, "U0ALICE", "alice", channel, "severity SEV1", Instant.now().getEpochSecond()))
                .body("text", containsString(fromSlack));

        String fromMattermost = incidentIdIn(inChannel(mattermost(token, "bob", channel(), "start-from-post " + post))
                .body("text", containsString("@bob started the incident \"Checkout returns 500 for 30% of users #"))
                .extract().path("text"));
        assertThat(timeline(fromMattermost).get(0)).contains("@bob started this incident").contains(post);

        ephemeral(signed("/api/v1/intake/slack/" + slackId + "/action", secret,
                form(Map.of("payload", "{\"type\": \"shortcut\", \"callback_id\": \"x\", \"user\": {\"id\": \"U0ALICE\"}}")),
                Instant.now().getEpochSecond())).body("text", startsWith("Only the message shortcut"));
        signed("/api/v1/intake/slack/" + slackId + "/action", secret, form(Map.of("payload", "{not json")),
                Instant.now().getEpochSecond()).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("payload"));
    }

    @Test
    void aStepsIncidentCommandIsCarriedOutAsTheRunner() {
        Playbook playbook = publishChatPlaybook();
        String token = "mm-" + UUID.randomUUID();
        integration(playbook, "MATTERMOST", token);
        String id = incidentIdIn(inChannel(mattermostChat(token).command("alice", channel(), "start"))
                .extract().path("text"));
        String steps = INCIDENTS + id + "/checklists/s-triage/items/";

        as("alice").post(steps + "t-bad/run").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Unknown command \"frobnicate\""));
        as("alice").post(steps + "t-raise/run").then().statusCode(200)
                .body("severity", equalTo("SEV1"))
                .body("checklists[0].items[1].commandLastRunAt", not(equalTo(null)));
        as("alice").post(steps + "t-page/run").then().statusCode(200);

        assertThat(timeline(id)).endsWith("@alice ran /incident severity SEV1 (\"Raise severity\")",
                "@alice set the severity to SEV1", "@alice ran /page oncall (\"Page on-call\")");
        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> id.equals(r.key()), 4, Duration.ofSeconds(3), Duration.ofSeconds(30));
        List<EventEnvelope> events = records.stream().map(r -> EventJson.read(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly("incident.started.v1",
                "incident.task_slash_command_run.v1", "incident.severity_changed.v1",
                "incident.task_slash_command_run.v1");
        assertThat(EventJson.data(events.get(1), IncidentChange.class).state()).isEqualTo("executed");
        assertThat(EventJson.data(events.get(3), IncidentChange.class).state()).isNull();
    }
}
