package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static dev.commandcenter.incident.IncidentResourceTest.start;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Browsing a team's incidents, an incident's details and timeline, and the channel export. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentBrowseTest {
    private static final String INCIDENTS = "/api/v1/incidents";

    private static JsonPath list(String user, Map<String, Object> query) {
        return as(user).queryParam("teamId", "payments").queryParams(query).get(INCIDENTS)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theListFiltersByStatusCommanderAndNameAndShowsPrivateIncidentsOnlyToMembers() {
        String tag = "browse-" + UUID.randomUUID().toString().substring(0, 8);
        UUID open = publishPlaybook("payments", List.of("alice", "bob"), true);
        UUID closed = publishPlaybook("payments", List.of("alice"), false);
        String ended = start("alice", open, tag + "-ended", null);
        String bobs = start("bob", open, tag + "-bobs", null);
        String secret = start("alice", closed, tag + "-secret", null);
        as("alice").post(INCIDENTS + "/" + ended + "/end").then().statusCode(200);

        assertThat(list("alice", Map.of("q", tag)).getList("items.id")).containsExactly(secret, bobs, ended);
        assertThat(list("bob", Map.of("q", tag)).getList("items.id")).containsExactly(bobs, ended);
        assertThat(list("admin", Map.of("q", tag)).getList("items.id")).containsExactly(secret, bobs, ended);
        assertThat(list("carol", Map.of("q", tag)).getList("items")).isEmpty();
        assertThat(list("alice", Map.of("q", tag, "status", "ongoing")).getList("items.id"))
                .containsExactly(secret, bobs);
        assertThat(list("alice", Map.of("q", tag, "status", "ended")).getList("items.id")).containsExactly(ended);
        assertThat(list("alice", Map.of("q", tag, "commander", "bob")).getList("items.id")).containsExactly(bobs);
        assertThat(list("alice", Map.of("q", tag.toUpperCase() + "-SEC")).getList("items.id"))
                .containsExactly(secret);
        as("alice").queryParam("teamId", "payments").queryParam("status", "done").get(INCIDENTS)
                .then().statusCode(400).contentType("application/problem+json");
        as("alice").queryParam("teamId", "payments").queryParam("after", "nonsense").get(INCIDENTS)
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    @Test
    void pagesStayStableWhileIncidentsAreStarted() {
        String tag = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(0, start("alice", playbook, tag + "-" + i, null));
        }

        List<String> seen = new ArrayList<>();
        JsonPath page = list("alice", Map.of("q", tag, "limit", 2));
        seen.addAll(page.getList("items.id"));
        start("alice", playbook, tag + "-late", null);
        while (page.getString("next") != null) {
            page = list("alice", Map.of("q", tag, "limit", 2, "after", page.getString("next")));
            seen.addAll(page.getList("items.id"));
        }

        assertThat(seen).containsExactlyElementsOf(started);
    }

    @Test
    void detailsShowDurationMembersMessagesAndTheTimeline() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String id = start("alice", playbook, "details-" + UUID.randomUUID(), null);
        JsonPath incident = as("alice").get(INCIDENTS + "/" + id).then().extract().jsonPath();
        String stage = incident.getString("checklists[0].id");
        String item = incident.getString("checklists[0].items[0].id");
        as("alice").body(Map.of("userId", "bob")).post(INCIDENTS + "/" + id + "/members").then().statusCode(200);
        as("bob").body(Map.of("text", "Looking at the dashboards")).post(INCIDENTS + "/" + id + "/messages")
                .then().statusCode(201);
        as("bob").body(Map.of("state", "DONE"))
                .put(INCIDENTS + "/" + id + "/checklists/" + stage + "/items/" + item + "/state").then().statusCode(200);

        as("alice").get(INCIDENTS + "/" + id).then().statusCode(200)
                .body("memberCount", equalTo(2))
                .body("messageCount", equalTo(4))
                .body("durationSeconds", greaterThanOrEqualTo(0));
        as("alice").get(INCIDENTS + "/" + id + "/timeline").then().statusCode(200)
                .body("text", org.hamcrest.Matchers.contains(containsString("@alice started this incident"),
                        equalTo("@alice added @bob to the incident"), equalTo("@bob checked \"Page on-call\"")));
        as("carol").get(INCIDENTS + "/" + id + "/timeline").then().statusCode(404);
    }

    @Test
    void theChannelExportsAsCsvThatARealParserReadsBack() throws Exception {
        UUID playbook = publishPlaybook("payments", List.of("alice"), false);
        String id = start("alice", playbook, "export-" + UUID.randomUUID(), "Checkout is \"down\", again");
        List<String> texts = List.of("Plain", "Comma, inside", "Quote \"inside\"", "Line one\nLine two\r\nthree",
                "Ünïcödé ✓ — 日本語", "=cmd|' /C calc'!A0");
        for (String text : texts) {
            as("alice").body(Map.of("text", text)).post(INCIDENTS + "/" + id + "/messages").then().statusCode(201);
        }
        String token = INFRA.tokens().forUser("alice");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 520; i++) {
                String text = "bulk " + i;
                posts.add(pool.submit(() -> given().auth().oauth2(token).contentType("application/json")
                        .body(Map.of("text", text)).post(INCIDENTS + "/" + id + "/messages").statusCode()));
            }
            for (Future<Integer> post : posts) {
                assertThat(post.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        as("alice").post(INCIDENTS + "/" + id + "/end").then().statusCode(200);

        Response csv = as("alice").get(INCIDENTS + "/" + id + "/channel.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.asString())).getRecords();

        assertThat(records).hasSize(1 + texts.size() + 520 + 1);
        assertThat(records.get(0).get("kind")).isEqualTo("bot");
        assertThat(records.get(0).get("text")).contains("Checkout is \"down\", again");
        assertThat(records.subList(1, 1 + texts.size())).extracting(r -> r.get("text"))
                .containsExactlyElementsOf(texts);
        assertThat(records.get(1).get("author")).isEqualTo("alice");
        assertThat(records.get(records.size() - 1).get("kind")).isEqualTo("system");
        assertThat(records.get(records.size() - 1).get("text")).isEqualTo("@alice ended the incident");
        assertThat(records).extracting(r -> Long.parseLong(r.get("seq"))).isSorted().doesNotHaveDuplicates();
        assertThat(records).allSatisfy(r -> assertThat(r.get("attachments")).contains("not exported"));

        as("bob").get(INCIDENTS + "/" + id + "/channel.csv").then().statusCode(404);
        given().get(INCIDENTS + "/" + id + "/channel.csv").then().statusCode(401);
    }
}
