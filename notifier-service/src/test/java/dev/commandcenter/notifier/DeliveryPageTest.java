package dev.commandcenter.notifier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.commandcenter.notifier.ChannelsTest.DELIVERIES;
import static dev.commandcenter.notifier.ChannelsTest.STARTED;
import static dev.commandcenter.notifier.ChannelsTest.subscribe;
import static dev.commandcenter.notifier.ChannelsTest.subscription;
import static dev.commandcenter.notifier.ChannelsTest.unsubscribe;
import static dev.commandcenter.notifier.NotificationResourceTest.as;
import static dev.commandcenter.notifier.NotificationResourceTest.incidentStarted;
import static dev.commandcenter.notifier.NotificationResourceTest.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.browser.HeadlessChromium;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The deliveries page in a real headless Chromium: subscriptions, a delivered and a dead delivery with its attempts. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class DeliveryPageTest {
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @TestHTTPResource("/backstage/notifier/deliveries")
    URL deliveries;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aMemberSeesTheTeamsSubscriptionsAndEachDeliverysStatusAttemptsAndLastError() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = subscribe("alice", subscription("payments", "Ops chat " + run, List.of(STARTED), "SLACK",
                RECEIVER.url("/ok-" + run), null)).getString("id");
        String bad = subscribe("alice", subscription("payments", "Broken hook " + run, List.of(STARTED), "GENERIC",
                RECEIVER.url("/fail-" + run), null)).getString("id");
        String incidentId = UUID.randomUUID().toString();
        publish(incidentStarted(incidentId, "payments", "alice"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("alice").queryParam("subscriptionId", bad)
                .get(DELIVERIES).then().statusCode(200).body("deliveries[0].status", equalTo("DEAD")));

        Page page = Browsers.as("alice");
        page.navigate(deliveries + "?team=payments");

        assertThat(page.locator("tr.subscription[data-id='" + good + "'] .format")).hasText("SLACK");
        assertThat(page.locator("tr.subscription[data-id='" + good + "'] .target")).hasText("127.0.0.1");
        Locator delivered = page.locator("tr.delivery", new Page.LocatorOptions().setHasText("Ops chat " + run));
        assertThat(delivered.locator(".status")).hasText("DELIVERED");
        assertThat(delivered.locator(".attempt-log li")).hasCount(1);
        Locator dead = page.locator("tr.delivery", new Page.LocatorOptions().setHasText("Broken hook " + run));
        assertThat(dead.locator(".status")).hasText("DEAD");
        assertThat(dead.locator(".attempt-log li")).hasCount(3);
        assertThat(dead.locator(".last-error")).hasText("HTTP 500 Internal Server Error");
        assertThat(dead.locator("a")).hasAttribute("href", "/backstage/incidents/" + incidentId);
        HeadlessChromium.screenshot(page, "deliveries-page");

        Page carols = Browsers.as("carol");
        carols.navigate(deliveries + "?team=payments");
        assertThat(carols.locator("#problem")).hasText("You are not a member of team payments.");
        assertThat(carols.locator("tr.delivery")).hasCount(0);
        unsubscribe(good, bad);
    }
}
