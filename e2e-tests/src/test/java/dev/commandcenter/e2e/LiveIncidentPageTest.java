package dev.commandcenter.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.commandcenter.stack.browser.HeadlessChromium;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incident page follows the incident live through the gateway: bob signs in at the gateway (a
 * session, no token in the page), opens the page, and sees what alice does through the API appear
 * without reloading; the event stream runs on his session through the gateway's proxy.
 */
@ExtendWith(SuiteExtension.class)
class LiveIncidentPageTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(45);
    private static RunningSuite suite;

    @BeforeAll
    static void useTheSharedSuite(RunningSuite running) {
        suite = running;
    }

    @Test
    void aChangeMadeThroughTheApiAppearsOnAPageOpenAtTheGateway() {
        Response playbook = suite.gatewayAs("alice").body(Map.of("teamId", "payments", "title",
                "Live e2e " + UUID.randomUUID(), "publicChannel", true, "stages", List.of(Map.of("title", "Triage",
                        "steps", List.of(Map.of("title", "Check the dashboards"))))))
                .post("/api/v1/playbooks");
        assertThat(playbook.statusCode()).as(playbook.asString()).isEqualTo(201);
        Map<String, Object> start = Map.of("playbookId", playbook.path("id"), "name", "live-e2e-" + UUID.randomUUID());
        Response started = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> suite.gatewayAs("alice").body(start).post("/api/v1/incidents"), r -> r.statusCode() != 404);
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        String incident = "/api/v1/incidents/" + started.path("id");

        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            Page page = chromium.newPage();
            page.navigate(suite.gatewayUrl() + "/backstage/incidents/" + started.path("id"));
            page.locator("#kc-login").waitFor();
            HeadlessChromium.logInWithKeycloak(page, "bob", "bob");
            assertThat(page.locator("#incident-name")).hasText(start.get("name").toString());
            assertThat(page.locator("#live-state")).containsText("live");

            // The live consumer of a just-started service may still be joining its group: alice posts
            // until bob's page has shown one of her posts, then once more, which must appear too.
            await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(3)).until(() -> {
                suite.gatewayAs("alice").body(Map.of("text", "Looking at the dashboards")).post(incident + "/messages")
                        .then().statusCode(201);
                page.waitForTimeout(2500);
                return page.locator("#messages li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("Looking at the dashboards")).count() > 0;
            });
            suite.gatewayAs("alice").body(Map.of("text", "Error rate is back to normal")).post(incident + "/messages")
                    .then().statusCode(201);
            assertThat(page.locator("#messages li").last()).containsText("Error rate is back to normal",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
            HeadlessChromium.screenshot(page, "gateway-incident-live");
        }
    }
}
