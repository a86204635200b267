package dev.commandcenter.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static dev.commandcenter.incident.IntegrationFixtures.alerting;
import static dev.commandcenter.incident.IntegrationFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.browser.HeadlessChromium;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The integrations page in a real headless Chromium: connect, copy the key once, rotate, revoke. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IntegrationPageTest {

    @TestHTTPResource("/backstage/incidents/integrations")
    URL integrations;

    @Test
    void aPlaybookMemberConnectsAnAlertSourceSeesTheKeyOnceRotatesAndRevokesIt() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String other = create(playbook, "GENERIC", Map.of()).id(); // the playbook has reached the read model
        String name = "Prometheus " + UUID.randomUUID().toString().substring(0, 6);
        Page page = Browsers.as("alice");
        page.navigate(integrations + "?team=payments");

        page.locator("#kind").selectOption("ALERTMANAGER");
        page.locator("#name").fill(name);
        page.locator("#playbook").selectOption(playbook.toString());
        page.locator("#resolve-ends").check();
        page.locator("#connect").click();

        assertThat(page.locator("#notice")).hasText("Connected " + name + ".");
        String key = page.locator("#secret").textContent();
        assertThat(key).startsWith("icc_");
        assertThat(page.locator("#intake-url")).hasText("http://localhost:8080/api/v1/intake/alertmanager");
        assertThat(page.locator("#new-key")).containsText("shown this once");
        Locator row = page.locator("tr.integration", new Page.LocatorOptions().setHasText(name));
        assertThat(row.locator(".kind")).hasText("ALERTMANAGER");
        assertThat(row.locator(".hint")).hasText("…" + key.substring(key.length() - 4));
        HeadlessChromium.screenshot(page, "integrations-page");

        // Reloading shows the integration, never the key again.
        page.navigate(integrations + "?team=payments");
        assertThat(page.locator("#new-key")).hasCount(0);
        assertThat(page.content()).doesNotContain(key);

        row.locator("button.rotate").click();
        String rotated = page.locator("#secret").textContent();
        assertThat(rotated).startsWith("icc_").isNotEqualTo(key);
        alerting(key).body(Map.of("version", "4")).post("/api/v1/intake/alertmanager").then().statusCode(401);

        page.locator("tr.integration", new Page.LocatorOptions().setHasText(name)).locator("button.revoke").click();
        assertThat(page.locator("#notice")).containsText("Revoked");
        assertThat(page.locator("tr.integration.revoked", new Page.LocatorOptions().setHasText(name))).hasCount(1);

        // The form refuses what the API refuses, with the reason on the page; bob runs no playbook of the team.
        APIResponse chatWithoutSecret = page.request().post(integrations.toString(), RequestOptions.create()
                .setForm(FormData.create().set("teamId", "payments").set("kind", "SLACK").set("name", "Slack")
                        .set("playbookId", playbook.toString())).setMaxRedirects(0));
        assertThat(chatWithoutSecret.status()).isEqualTo(400);
        assertThat(chatWithoutSecret.text()).contains("Not connected: Paste the Slack app&#39;s signing secret");
        APIResponse bell = page.request().post(integrations.toString(), RequestOptions.create()
                .setForm(FormData.create().set("teamId", "payments").set("kind", "GENERIC").set("name", "a\u0007")
                        .set("playbookId", playbook.toString())).setMaxRedirects(0));
        assertThat(bell.status()).isEqualTo(400);
        assertThat(page.locator("tr[data-id='" + other + "'] button.rotate")).hasCount(1);
        Page bobs = Browsers.as("bob");
        bobs.navigate(integrations + "?team=payments");
        assertThat(bobs.locator("tr.integration", new Page.LocatorOptions().setHasText(name))).hasCount(1);
        assertThat(bobs.locator("tr[data-id='" + other + "']")).hasCount(1);
        assertThat(bobs.locator("tr[data-id='" + other + "'] button.rotate")).hasCount(0);
    }
}
