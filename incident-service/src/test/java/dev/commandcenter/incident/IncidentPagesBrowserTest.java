package dev.commandcenter.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.Test;

/** The incident pages in a real headless Chromium, as alice with her real Keycloak token. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentPagesBrowserTest {

    @TestHTTPResource("/backstage/incidents")
    URL pages;

    @Test
    void aliceStartsAnIncidentAndRunsItFromItsPage() throws Exception {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        Page page = Browsers.as("alice");
        // The playbook reaches incident-service through Kafka: the start dialog offers it once it has arrived.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            page.navigate(pages + "?team=payments");
            return page.locator("#playbook option[value='" + playbook + "']").count() == 1;
        });

        assertThat(page.locator("h1")).containsText("Incidents of team payments");
        page.locator("#playbook").selectOption(playbook.toString());
        page.locator("#name").fill(name);
        page.locator("#post-text").fill("Checkout returns 500 for 30% of users");
        page.locator("#severity-criteria summary").click();
        assertThat(page.locator("#severity-criteria [data-playbook='" + playbook + "']")).containsText("SEV2 – Major");
        page.locator("#new-severity").selectOption("SEV2");
        page.locator("#start").click();

        assertThat(page.locator("#incident-name")).hasText(name);
        String incidentPage = page.url();
        assertThat(page.locator("#commander")).hasText("@alice");
        assertThat(page.locator("#severity")).hasText("SEV2");
        page.locator("#severity-form select").selectOption("SEV1");
        page.locator("#severity-reason").fill("all card payments fail");
        page.locator("#change-severity").click();
        assertThat(page.locator("#severity")).hasText("SEV1");
        assertThat(page.locator("#messages li").last()).containsText("set the severity to SEV1: all card payments fail");
        assertThat(page.locator("#messages li").first()).containsText("Checkout returns 500 for 30% of users");
        assertThat(page.locator("#active-stage .stage-title")).hasText("Triage");
        String before = page.locator("#duration").textContent();
        page.waitForTimeout(1200);
        assertThat(page.locator("#duration")).not().hasText(before);

        Locator pageOnCall = page.locator("#active-stage .item-row").filter(
                new Locator.FilterOptions().setHasText("Page on-call"));
        pageOnCall.locator("button.check").click();
        assertThat(page.locator("#active-stage .item-row.done")).containsText("Page on-call");
        page.locator("#active-stage .item-row").filter(new Locator.FilterOptions().setHasText("Page on-call"))
                .locator("button.run").click();
        page.locator("#member").fill("bob");
        page.locator("#add-member").click();
        assertThat(page.locator("#members")).containsText("@bob");
        page.locator("#new-commander").selectOption("bob");
        page.locator("#change-commander").click();
        assertThat(page.locator("#commander")).hasText("@bob");
        // Command went with it: ending and handing over are bob's now; alice may still post and leave.
        assertThat(page.locator("#end")).hasCount(0);
        assertThat(page.locator("#change-commander")).hasCount(0);
        assertThat(page.locator("#leave")).isVisible();
        page.locator("#message").fill("Rolling back, commas, \"quotes\" and all");
        page.locator("#send").click();
        assertThat(page.locator("#messages li").last()).containsText("Rolling back, commas, \"quotes\" and all");
        page.locator("#member").fill("carol");
        page.locator("#add-member").click();
        assertThat(page.locator("#problem")).containsText("carol is not a member of team payments");
        HeadlessChromium.screenshot(page, "incident-page");

        Page bobs = Browsers.as("bob");
        bobs.navigate(incidentPage);
        bobs.onDialog(dialog -> dialog.accept());
        bobs.locator("#end").click();
        assertThat(bobs.locator("#status")).containsText("Ended by @bob");
        page.navigate(incidentPage);
        assertThat(page.locator("#status")).containsText("Ended by @bob");
        String export = page.locator("#export").getAttribute("href");
        assertThat(export).endsWith("/channel.csv");
        String csv = page.request().get(new URL(pages, export).toString()).text();
        assertThat(csv).startsWith("seq,time,kind,author,text,attachments").contains("@bob ended the incident")
                .contains("\"Rolling back, commas, \"\"quotes\"\" and all\"");
        HeadlessChromium.screenshot(page, "incident-page-ended");

        page.navigate(pages + "?team=payments&status=ended&q=" + name);
        assertThat(page.locator("#incidents tbody tr")).hasCount(1);
        assertThat(page.locator("#incidents tbody tr")).containsText("@bob");
        HeadlessChromium.screenshot(page, "incident-list");
    }
}
