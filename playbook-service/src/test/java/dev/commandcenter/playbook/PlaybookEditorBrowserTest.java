package dev.commandcenter.playbook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.commandcenter.playbook.Api.INFRA;
import static dev.commandcenter.playbook.Api.PLAYBOOKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.browser.HeadlessChromium;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backstage pages in a real headless Chromium, as alice with her real Keycloak token (the
 * gateway adds it to every request in production; here the browser sends it itself).
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookEditorBrowserTest {
    private static HeadlessChromium chromium;

    @TestHTTPResource("/backstage/playbooks")
    URL pages;

    @BeforeAll
    static void launch() {
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void close() {
        chromium.close();
    }

    private Page asAlice() {
        return chromium.newPage(Map.of("Authorization", "Bearer " + INFRA.tokens().forUser("alice")));
    }

    @Test
    void aliceCreatesAPlaybookFromATemplateAndEditsItsStagesStepsAndRoles() {
        Page page = asAlice();
        page.navigate(pages + "?team=payments");
        assertThat(page.locator("h1")).containsText("Playbooks of team payments");
        page.locator("#template").selectOption("major-incident");
        page.locator("#new-title").fill("Browser: checkout outage");
        page.locator("#create").click();

        assertThat(page.locator("#playbook-title")).hasText("Browser: checkout outage");
        assertThat(page.locator(".role-name").first()).hasValue("Major Incident Manager");
        assertThat(page.locator("#status-INVESTIGATING")).containsText("We are currently investigating");

        page.locator("#add-stage").click();
        Locator stage = page.locator("#stages > .stage").last();
        stage.locator(".stage-title").fill("Verify");
        stage.locator("button.add-step").click();
        stage.locator(".step-title").fill("Check the dashboards");
        stage.locator(".step-command").fill("/grafana open checkout");
        stage.locator(".step-description").fill("Look at **error rate** first");
        stage.getByText("Move stage up").click();
        page.locator(".role:has(.role-name[value='Social Media Lead'])").getByText("Remove role").click();
        page.locator("#save").click();

        assertThat(page.locator("#notice")).hasText("Saved.");
        assertThat(page.locator(".step-preview strong").filter(new Locator.FilterOptions().setHasText("error rate")))
                .isVisible();
        HeadlessChromium.screenshot(page, "playbook-editor");

        // Usable at phone width: nothing wider than the screen, the form's controls within reach.
        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.locator("#save")).isVisible();
        double width = ((Number) page.evaluate("document.documentElement.scrollWidth")).doubleValue();
        org.assertj.core.api.Assertions.assertThat(width).isLessThanOrEqualTo(390);
        HeadlessChromium.screenshot(page, "playbook-editor-phone");

        String id = page.url().replaceAll(".*/backstage/playbooks/([^?]+).*", "$1");
        JsonPath saved = Api.as("alice").get(PLAYBOOKS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(saved.getList("stages.title", String.class)).containsExactly("Detect", "Respond", "Recover",
                "Verify", "Learn");
        assertThat(saved.getString("stages[3].steps[0].slashCommand")).isEqualTo("/grafana open checkout");
        assertThat(saved.getList("roles.name", String.class)).doesNotContain("Social Media Lead").hasSize(5);
        assertThat(saved.getInt("version")).isEqualTo(1);
    }

    @Test
    void aMistakeIsShownNextToTheFieldAndTheInputIsKept() {
        String id = Api.create("alice", "incident-response", "Browser: validation").path("id");
        Page page = asAlice();
        page.navigate(pages + "/" + id);

        Locator firstStep = page.locator(".step").first();
        firstStep.locator(".step-command").fill("page everyone");
        page.locator("#title").fill("");
        page.locator("#save").click();

        assertThat(page.locator("#form-problem")).containsText("correct the fields marked below");
        assertThat(page.locator("[data-error-for='title']")).containsText("must not be blank");
        assertThat(page.locator("[data-error-for='stages[0].steps[0].slashCommand']"))
                .containsText("must be a slash command");
        assertThat(page.locator(".step").first().locator(".step-command")).hasValue("page everyone");
        HeadlessChromium.screenshot(page, "playbook-editor-errors");

        page.locator("#member").fill("carol");
        page.locator("#add-member").click();
        assertThat(page.locator("[data-error-for='userId']")).containsText("carol is not a member of team payments");
        page.locator("#member").fill("bob");
        page.locator("#add-member").click();
        assertThat(page.locator("#members .member")).hasText(new String[] {"alice", "bob"});
    }
}
