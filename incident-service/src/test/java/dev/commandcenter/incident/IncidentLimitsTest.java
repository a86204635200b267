package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static dev.commandcenter.incident.IncidentResourceTest.send;
import static dev.commandcenter.incident.IncidentResourceTest.start;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What grows in an incident by many small edits is bounded (defaults of incident.limits.*): the
 * checklists by item count and size (413), the channel by members' messages and their bytes (409);
 * a refused change stores nothing.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentLimitsTest {
    private static final String INCIDENTS = "/api/v1/incidents/";
    private static final int MAX_MESSAGES = 10_000;
    private static final long MAX_CHANNEL_BYTES = 16L * 1024 * 1024;

    @Inject
    AgroalDataSource database;

    @Test
    void membersPostUntilTheChannelHoldsItsMostMessagesThenGet409AndNothingIsStored() {
        String id = start("alice", publishPlaybook("payments", List.of("alice"), true), "full-" + UUID.randomUUID(),
                null);
        String first = "First report: über-latency on checkout";
        String second = "Second: rolled back";
        as("alice").body(Map.of("text", first)).post(INCIDENTS + id + "/messages").then().statusCode(201);
        as("alice").body(Map.of("text", second)).post(INCIDENTS + id + "/messages").then().statusCode(201);
        assertThat(number("SELECT messages FROM channel_usage WHERE incident_id = ?::uuid", id)).isEqualTo(2);
        assertThat(number("SELECT bytes FROM channel_usage WHERE incident_id = ?::uuid", id))
                .isEqualTo(first.getBytes(StandardCharsets.UTF_8).length + second.length());

        // 9,997 more posts are what the counter would say after them: set it rather than post them.
        execute("UPDATE channel_usage SET messages = " + (MAX_MESSAGES - 1) + " WHERE incident_id = '" + id + "'");
        as("alice").body(Map.of("text", "The last one that fits")).post(INCIDENTS + id + "/messages")
                .then().statusCode(201);
        as("alice").body(Map.of("text", "One too many")).post(INCIDENTS + id + "/messages")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/channel-full"))
                .body("detail", containsString("10,000 messages"))
                .body("detail", containsString("follow-up incident"));

        assertThat(userMessages(id)).containsExactly(first, second, "The last one that fits");
        assertThat(number("SELECT count(*) FROM outbox_event WHERE message_key = ? AND event_type = '"
                + EventType.INCIDENT_MESSAGE_POSTED.value() + "'", id)).isEqualTo(3);
        assertThat(number("SELECT messages FROM channel_usage WHERE incident_id = ?::uuid", id))
                .isEqualTo(MAX_MESSAGES);

        given().auth().oauth2(INFRA.tokens().forUser("alice")).redirects().follow(false)
                .formParams(Map.of("text", "From the page")).post("/backstage/incidents/" + id + "/messages")
                .then().statusCode(409).contentType("text/html").body(containsString("10,000 messages"));
        // The platform's own messages do not count: a full channel's incident can still be run and ended.
        as("alice").post(INCIDENTS + id + "/end").then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void aPostThatWouldTakeTheChannelBeyondItsBytesIsRefusedAndASmallerOneFits() {
        String id = start("alice", publishPlaybook("payments", List.of("alice"), true), "bytes-" + UUID.randomUUID(),
                null);
        as("alice").body(Map.of("text", "hello")).post(INCIDENTS + id + "/messages").then().statusCode(201);
        execute("UPDATE channel_usage SET bytes = " + (MAX_CHANNEL_BYTES - 5) + " WHERE incident_id = '" + id + "'");

        as("alice").body(Map.of("text", "123456")).post(INCIDENTS + id + "/messages")
                .then().statusCode(409).body("type", endsWith("/channel-full"))
                .body("detail", containsString("16,777,216"));
        as("alice").body(Map.of("text", "12345")).post(INCIDENTS + id + "/messages").then().statusCode(201);
        assertThat(userMessages(id)).containsExactly("hello", "12345");
    }

    @Test
    void addingBeyondTheChecklistsItemBoundIsRefusedWith413() {
        List<PlaybookContent.Stage> stages = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            List<PlaybookContent.Step> steps = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                steps.add(new PlaybookContent.Step("t-" + s + "-" + t, "Step " + t, null, null));
            }
            stages.add(new PlaybookContent.Stage("s-" + s, "Stage " + s, steps));
        }
        stages.add(new PlaybookContent.Stage("s-extra", "Extra", List.of()));
        String id = start("alice", publish(stages), "items-" + UUID.randomUUID(), null);
        JsonPath before = as("alice").get(INCIDENTS + id).then().statusCode(200).extract().jsonPath();

        as("alice").body(Map.of("title", "The 1,001st")).post(INCIDENTS + id + "/checklists/s-extra/items")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", endsWith("/checklist-too-large"))
                .body("detail", containsString("at most 1,000 items"));
        as("alice").get(INCIDENTS + id).then().body("version", equalTo(before.getInt("version")))
                .body("checklists.items.flatten().size()", equalTo(1000));

        as("alice").delete(INCIDENTS + id + "/checklists/s-0/items/t-0-0").then().statusCode(200);
        as("alice").body(Map.of("title", "Fits again")).post(INCIDENTS + id + "/checklists/s-extra/items")
                .then().statusCode(200).body("checklists[5].items[0].title", equalTo("Fits again"));
    }

    @Test
    void textBeyondTheChecklistsSizeIsRefusedWhileItemsCanStillBeChecked() {
        String description = "d".repeat(4096);
        List<PlaybookContent.Step> steps = new ArrayList<>();
        steps.add(new PlaybookContent.Step("t-short", "Short", null, null));
        for (int t = 0; t < 118; t++) {
            steps.add(new PlaybookContent.Step("t-" + t, "Step " + t, description, null));
        }
        String id = start("alice", publish(List.of(new PlaybookContent.Stage("s-1", "All", steps))),
                "size-" + UUID.randomUUID(), null);

        int added = 0;
        int status;
        do {
            status = as("alice").body(Map.of("title", "Added " + added, "description", description))
                    .post(INCIDENTS + id + "/checklists/s-1/items").statusCode();
            if (status == 200) {
                added++;
            }
        } while (status == 200 && added < 20);
        assertThat(status).isEqualTo(413);
        assertThat(added).isBetween(1, 10);
        JsonPath stored = as("alice").get(INCIDENTS + id).then().statusCode(200)
                .body("checklists[0].items.size()", equalTo(119 + added)).extract().jsonPath();
        as("alice").body(Map.of("title", "One more", "description", description))
                .post(INCIDENTS + id + "/checklists/s-1/items")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", endsWith("/checklist-too-large"))
                .body("detail", containsString("at most 524,288 bytes"))
                .body("detail", containsString("Nothing was changed"));
        as("alice").body(Map.of("description", "ü".repeat(4096)))
                .patch(INCIDENTS + id + "/checklists/s-1/items/t-short").then().statusCode(413);
        as("alice").get(INCIDENTS + id).then().body("version", equalTo(stored.getInt("version")))
                .body("checklists[0].items[0].description", equalTo(null));

        as("alice").body(Map.of("state", "DONE")).put(INCIDENTS + id + "/checklists/s-1/items/t-0/state")
                .then().statusCode(200).body("checklists[0].items[1].state", equalTo("DONE"));
        as("alice").body(Map.of("title", "Short, renamed")).patch(INCIDENTS + id + "/checklists/s-1/items/t-short")
                .then().statusCode(200);
    }

    /** Announces a playbook of team payments with these stages, alice its member, as playbook-service would. */
    private static UUID publish(List<PlaybookContent.Stage> stages) {
        UUID id = UUID.randomUUID();
        PlaybookState state = new PlaybookState(id.toString(), "payments",
                PlaybookContent.of("Large checklist", "", true, stages), List.of("alice"), false, 0, "alice",
                Instant.now(), "alice", Instant.now());
        send(Topics.PLAYBOOKS, id.toString(), EventJson.write(EventEnvelope.of(EventType.PLAYBOOK_CREATED,
                "/playbook-service", id.toString(), "payments", "alice", EventJson.toTree(state))));
        return id;
    }

    private static List<String> userMessages(String id) {
        return as("alice").get(INCIDENTS + id + "/messages").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'USER' }.text");
    }

    private void execute(String sql) {
        Sql.execute(database, sql);
    }

    private long number(String sql, String parameter) {
        return Sql.number(database, sql, parameter);
    }
}
