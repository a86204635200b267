package dev.commandcenter.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.commandcenter.incident.StatusUpdateTest.IDENTIFIED_TEMPLATE;
import static dev.commandcenter.incident.StatusUpdateTest.incidentWithBob;
import static dev.commandcenter.incident.StatusUpdateTest.publishStatusPlaybook;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
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
import org.junit.jupiter.api.Test;

/** The incident page's status updates and reminder in a real headless Chromium, with real Keycloak tokens. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class StatusUpdatePageTest {

    @TestHTTPResource("/backstage/incidents")
    URL pages;

    @Test
    void membersPostStatusUpdatesFromThePhasesTemplateAndTheCommanderManagesTheReminder() {
        String id = incidentWithBob(publishStatusPlaybook(30));
        String incidentPage = pages + "/" + id;
        Page page = Browsers.as("alice");
        page.navigate(incidentPage);

        assertThat(page.locator("#no-status-updates")).isVisible();
        assertThat(page.locator("#reminder-state")).containsText("Reminder every 30 min, next due");
        // Without choosing, the form starts from the Investigating template; a phase brings its own.
        assertThat(page.locator("#status-text")).hasValue("We are investigating reports of <symptom>.");
        page.locator("#status-phase").selectOption("IDENTIFIED");
        assertThat(page.locator("#status-text")).hasValue(IDENTIFIED_TEMPLATE);
        page.locator("#status-phase").selectOption("MONITORING");
        assertThat(page.locator("#status-text")).hasValue("");
        page.locator("#status-phase").selectOption("IDENTIFIED");
        page.locator("#status-text").fill("We found the cause: a bad deploy of the card gateway. Rolling back.");
        page.locator("#post-status").click();

        assertThat(page.locator("#status-list li")).hasCount(1);
        assertThat(page.locator("#status-list li .badge")).hasText("Identified");
        assertThat(page.locator("#status-list li")).containsText("@alice");
        assertThat(page.locator("#status-list li")).containsText("a bad deploy of the card gateway. Rolling back.");
        assertThat(page.locator("#messages li").last()).containsText("@alice posted a status update (Identified): "
                + "We found the cause");

        page.locator("#reminder-interval").fill("15");
        page.locator("#set-reminder").click();
        assertThat(page.locator("#reminder-state")).containsText("Reminder every 15 min");
        page.locator("#snooze-minutes").selectOption("60");
        page.locator("#snooze").click();
        assertThat(page.locator("#messages li").last()).containsText("@alice snoozed the status-update reminder for 1 h");

        // The forms refuse what the API refuses, with the reason on the page.
        APIResponse blank = page.request().post(incidentPage + "/status-updates", RequestOptions.create()
                .setForm(FormData.create().set("phase", "RESOLVED").set("text", "  ")).setMaxRedirects(0));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text()).contains("Not posted: the status update must not be blank");
        APIResponse noPhase = page.request().post(incidentPage + "/status-updates", RequestOptions.create()
                .setForm(FormData.create().set("phase", "SOLVED").set("text", "Fine")).setMaxRedirects(0));
        assertThat(noPhase.status()).isEqualTo(400);
        assertThat(noPhase.text()).contains("Not posted: choose a phase.");
        APIResponse control = page.request().post(incidentPage + "/status-updates", RequestOptions.create()
                .setForm(FormData.create().set("phase", "RESOLVED").set("text", "bell\u0007")).setMaxRedirects(0));
        assertThat(control.status()).isEqualTo(400);
        APIResponse tooLong = page.request().post(incidentPage + "/reminder", RequestOptions.create()
                .setForm(FormData.create().set("intervalMinutes", "1441")).setMaxRedirects(0));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("Reminder not changed: the interval must be 1 to 1,440 minutes");
        APIResponse snooze = page.request().post(incidentPage + "/reminder/snooze", RequestOptions.create()
                .setForm(FormData.create().set("minutes", "soon")).setMaxRedirects(0));
        assertThat(snooze.status()).isEqualTo(400);
        page.navigate(incidentPage);
        assertThat(page.locator("#status-list li")).hasCount(1);
        HeadlessChromium.screenshot(page, "status-updates");

        Page bobs = Browsers.as("bob");
        bobs.navigate(incidentPage);
        assertThat(bobs.locator("#status-form")).isVisible();
        assertThat(bobs.locator("#reminder-form")).hasCount(0);
        bobs.locator("#status-phase").selectOption("MONITORING");
        bobs.locator("#status-text").fill("Error rates are back to normal; watching.");
        bobs.locator("#post-status").click();
        assertThat(bobs.locator("#status-list li").first().locator(".badge")).hasText("Monitoring");
        APIResponse notCommander = bobs.request().post(incidentPage + "/reminder", RequestOptions.create()
                .setForm(FormData.create().set("intervalMinutes", "5")).setMaxRedirects(0));
        assertThat(notCommander.status()).isEqualTo(403);

        Page daves = Browsers.as("dave");
        daves.navigate(incidentPage);
        assertThat(daves.locator("#status-list li")).hasCount(2);
        assertThat(daves.locator("#status-form")).hasCount(0);

        Page phone = Browsers.as("alice");
        phone.setViewportSize(390, 844);
        phone.navigate(incidentPage);
        assertThat(phone.locator("#status-form")).isVisible();
        HeadlessChromium.screenshot(phone, "status-updates-phone");
        int width = ((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("no sideways scrolling at phone width").isLessThanOrEqualTo(390);
    }
}
