package dev.commandcenter.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static dev.commandcenter.incident.IncidentResourceTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import dev.commandcenter.incident.live.LiveUpdates;
import dev.commandcenter.stack.browser.HeadlessChromium;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Following an incident live: the Server-Sent Events stream fed from the incident's own events on
 * Kafka, who may open it, its bound, and the page that updates itself in a second browser.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentLiveTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static UUID playbook;

    @TestHTTPResource("/")
    URL root;

    @Inject
    LiveUpdates live;

    @BeforeAll
    static void playbook() {
        playbook = publishPlaybook("payments", List.of("alice"), true);
    }

    /** An open event stream: its lines arrive in {@code lines} until it is closed. */
    record Stream(HttpResponse<java.io.InputStream> response, BlockingQueue<String> lines, Thread reader)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            response.body().close();
            reader.interrupt();
        }

        /** The data of the next event of this name, waiting at most {@code timeout}. */
        String next(String event, Duration timeout) throws InterruptedException {
            long until = System.nanoTime() + timeout.toNanos();
            boolean named = false;
            while (System.nanoTime() < until) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (line.equals("event:" + event) || line.equals("event: " + event)) {
                    named = true;
                } else if (named && line.startsWith("data:")) {
                    return line.substring(5).strip();
                } else if (line.isEmpty()) {
                    named = false;
                }
            }
            return null;
        }
    }

    private Stream open(String user, String incidentId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/v1/incidents/" + incidentId + "/live"))
                .header("Authorization", "Bearer " + INFRA.tokens().forUser(user))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the test closed it
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Stream(response, lines, reader);
    }

    @Test
    void aChangeByAnyoneReachesEveryoneFollowingTheIncident() throws Exception {
        String id = start("alice", playbook, "live-" + UUID.randomUUID(), null);
        try (Stream bobs = open("bob", id)) {
            assertThat(bobs.response().statusCode()).isEqualTo(200);
            assertThat(bobs.response().headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            assertThat(bobs.next("ready", Duration.ofSeconds(10))).contains(id);

            // The replica's live consumer reads from the end of the topic once Kafka has assigned it its
            // partitions, a few seconds after the service starts: until then a change can pass unseen.
            String change = null;
            for (int attempt = 0; attempt < 6 && change == null; attempt++) {
                as("alice").body(Map.of("text", "database failover started")).post("/api/v1/incidents/" + id
                        + "/messages").then().statusCode(201);
                change = bobs.next("change", Duration.ofSeconds(5));
            }
            assertThat(change).contains("\"incidentId\":\"" + id + "\"")
                    .contains("\"type\":\"incident.message_posted.v1\"").contains("\"actorId\":\"alice\"")
                    .doesNotContain("database failover");

            // Another incident's changes do not reach this stream.
            String other = start("alice", playbook, "live-other-" + UUID.randomUUID(), null);
            as("alice").post("/api/v1/incidents/" + other + "/end").then().statusCode(200);
            as("alice").post("/api/v1/incidents/" + id + "/end").then().statusCode(200);
            List<String> seen = new ArrayList<>();
            for (String next = bobs.next("change", Duration.ofSeconds(15)); next != null;
                    next = next.contains("incident.ended.v1") ? null : bobs.next("change", Duration.ofSeconds(15))) {
                seen.add(next);
            }
            assertThat(seen).isNotEmpty().allMatch(c -> c.contains("\"incidentId\":\"" + id + "\""));
            assertThat(seen.get(seen.size() - 1)).contains("incident.ended.v1");
        }
    }

    @Test
    void onlyThoseWhoMaySeeTheIncidentMayFollowIt() throws Exception {
        String id = start("alice", playbook, "live-denied-" + UUID.randomUUID(), null);
        try (Stream carols = open("carol", id)) {
            assertThat(carols.response().statusCode()).isEqualTo(404);
        }
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(root + "api/v1/incidents/" + id
                + "/live")).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aUserMayFollowOnlySoManyStreamsAndClosedOnesAreGivenBack() throws Exception {
        String id = start("alice", playbook, "live-bound-" + UUID.randomUUID(), null);
        int before = live.openStreams();
        List<Stream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) { // %test.incident.live.max-streams-per-user=3
                Stream stream = open("dave", id);
                open.add(stream);
                assertThat(stream.next("ready", Duration.ofSeconds(10))).isNotNull();
            }
            try (Stream refused = open("dave", id)) {
                assertThat(refused.response().statusCode()).isEqualTo(429);
                assertThat(refused.response().headers().firstValue("content-type").orElse(""))
                        .startsWith("application/problem+json");
            }
            try (Stream alices = open("alice", id)) {
                assertThat(alices.response().statusCode()).isEqualTo(200);
            }
        } finally {
            for (Stream stream : open) {
                stream.close();
            }
        }
        // The server notices closed streams on its next write (a heartbeat at the latest).
        await().atMost(Duration.ofSeconds(20)).until(() -> live.openStreams() <= before);
        try (Stream again = open("dave", id)) {
            assertThat(again.response().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void thePageOfOneUpdatesWhenAnotherChangesTheIncident() throws Exception {
        String id = start("alice", playbook, "live-page-" + UUID.randomUUID(), null);
        as("alice").body(Map.of("userId", "bob")).post("/api/v1/incidents/" + id + "/members").then().statusCode(200);
        String pageUrl = root + "backstage/incidents/" + id;
        Page alices = Browsers.as("alice");
        Page bobs = Browsers.as("bob");
        alices.navigate(pageUrl);
        bobs.navigate(pageUrl);
        assertThat(alices.locator("#live-state")).containsText("live");
        assertThat(bobs.locator("#live-state")).containsText("live");
        bobs.locator("#message").fill("half typed, not sent");

        alices.locator("#message").fill("Failover to the standby database is done");
        alices.locator("#send").click();
        alices.locator("#active-stage .item-row").first().locator("button.check").click();

        // bob's page shows both without a reload, and keeps what bob was typing.
        assertThat(bobs.locator("#messages li").last()).containsText("checked", new com.microsoft.playwright
                .assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(bobs.locator("#messages")).containsText("Failover to the standby database is done");
        assertThat(bobs.locator("#active-stage .item-row.done")).hasCount(1);
        assertThat(bobs.locator("#message")).hasValue("half typed, not sent");
        // Times read as people read them, not as machine timestamps.
        assertThat(bobs.locator("#messages time").first()).hasText(java.util.regex.Pattern.compile(
                "\\d{1,2}:\\d{2}.*\\((just now|.+ ago)\\)"));
        HeadlessChromium.screenshot(bobs, "incident-live-second-browser");

        bobs.setViewportSize(390, 844);
        bobs.reload();
        assertThat(bobs.locator("#send")).isVisible();
        double width = ((Number) bobs.evaluate("document.documentElement.scrollWidth")).doubleValue();
        assertThat(width).isLessThanOrEqualTo(390);
        HeadlessChromium.screenshot(bobs, "incident-page-phone");
    }
}
