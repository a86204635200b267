package dev.commandcenter.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.LearningFixtures.INCIDENTS;
import static dev.commandcenter.incident.LearningFixtures.incident;
import static dev.commandcenter.incident.LearningFixtures.playbookWithLearningFlow;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.browser.HeadlessChromium;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The learning section and the retrospective page in a real headless Chromium, as alice and bob. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class RetrospectivePageTest {

    @TestHTTPResource("/backstage/incidents")
    URL pages;

    private static Locator task(Page page, String title) {
        return page.locator("#learning .item-row").filter(new Locator.FilterOptions().setHasText(title));
    }

    @Test
    void theTeamWorksTheLearningFlowAndTheRetrospectiveFromThePages() throws Exception {
        String id = incident(playbookWithLearningFlow(true), "SEV2", true);
        Page page = Browsers.as("alice");
        page.navigate(pages + "/" + id);

        assertThat(page.locator("#learning-state")).containsText("Not in the learning flow");
        page.locator("#enter-learning").click();
        assertThat(page.locator("#learning-status")).hasText("Documenting");
        task(page, "Tell the status page").locator("button.skip").click();
        assertThat(task(page, "Tell the status page")).hasClass(java.util.regex.Pattern.compile("skipped"));
        task(page, "Update the timestamps").locator("select.assign").selectOption("bob");
        assertThat(task(page, "Update the timestamps").locator(".assignee")).hasText("@bob");
        page.locator("#follow-up-title").fill("Add a circuit breaker");
        page.locator("#follow-up-assignee").selectOption("bob");
        page.locator("#add-follow-up").click();
        assertThat(page.locator("#follow-up-list li")).containsText("Add a circuit breaker");
        page.locator("#follow-up-list li button.check").click();
        assertThat(page.locator("#follow-up-list li.done")).hasCount(1);
        page.setViewportSize(390, 844);
        HeadlessChromium.screenshot(page, "learning");
        page.setViewportSize(1280, 900);
        HeadlessChromium.screenshot(page, "learning-wide");
        page.locator("#follow-up-title").evaluate("e => e.removeAttribute('maxlength')");
        page.locator("#follow-up-title").fill("y".repeat(201));
        page.locator("#add-follow-up").click();
        assertThat(page.locator("#problem")).containsText("Not added");
        assertThat(page.locator("#follow-up-list li")).hasCount(1);

        // The retrospective: the draft, edited by alice while bob saves his own; hers is refused with a message.
        page.locator("#retrospective-link").click();
        assertThat(page.locator("#retrospective-state")).containsText("draft generated");
        assertThat(page.locator("#preview h1")).containsText("Retrospective:");
        assertThat(page.locator("#preview")).containsText("Add a circuit breaker");
        HeadlessChromium.screenshot(page, "retrospective");
        Page bobs = Browsers.as("bob");
        bobs.navigate(page.url());
        bobs.locator("#markdown").fill("# Bob's retrospective\n\n- the cause: a **bad** deploy");
        bobs.locator("#save").click();
        assertThat(bobs.locator("#notice")).containsText("Saved (version 1)");
        assertThat(bobs.locator("#preview strong")).hasText("bad");
        assertThat(bobs.locator("#preview li")).containsText("the cause");

        page.locator("#markdown").fill("# Alice's retrospective");
        page.locator("#save").click();
        assertThat(page.locator("#problem")).containsText("someone saved the retrospective since you opened it");
        assertThat(page.locator("#markdown")).hasValue("# Alice's retrospective");
        assertThat(page.locator("#preview h1")).hasText("Bob's retrospective");
        assertThat(page.locator("#version")).hasValue("1");
        page.locator("#review-at").fill("2030-01-15T10:30");
        page.locator("#save").click();
        assertThat(page.locator("#notice")).containsText("Saved (version 2)");
        assertThat(page.locator("#review-at")).hasValue("2030-01-15T10:30");
        assertThat(page.locator("#preview h1")).hasText("Alice's retrospective");
        String href = page.locator("#download").getAttribute("href");
        assertThat(href).endsWith("/retrospective.md");
        assertThat(page.request().get(new URL(pages, href).toString()).text()).isEqualTo("# Alice's retrospective");
        HeadlessChromium.screenshot(page, "retrospective-saved");
        page.setViewportSize(390, 844);
        HeadlessChromium.screenshot(page, "retrospective-phone");

        as("alice").get(INCIDENTS + id + "/learning").then().statusCode(200)
                .body("statuses[0].tasks.find { it.title == 'Write the retrospective' }.state",
                        org.hamcrest.Matchers.equalTo("DONE"));
        page.navigate(pages + "?team=payments&learning=Documenting");
        assertThat(page.locator("#incidents tr[data-incident='" + id + "'] td.learning")).hasText("Documenting");
        assertThat(page.locator("#learning")).hasValue("Documenting");
    }

    @Test
    void someoneOutsideTheIncidentReadsButDoesNotEdit() {
        String id = incident(playbookWithLearningFlow(true), "SEV2", true);
        Page page = Browsers.as("dave");
        page.navigate(pages + "/" + id + "/retrospective");
        assertThat(page.locator("#markdown-text")).containsText("# Retrospective:");
        assertThat(page.locator("#save")).hasCount(0);
        assertThat(page.locator("#download")).isVisible();
        Page carols = Browsers.as("carol");
        assertThat(carols.navigate(pages + "/" + id + "/retrospective").status()).isEqualTo(404);
    }
}
