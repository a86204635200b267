package dev.commandcenter.notifier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.commandcenter.notifier.OnCallFixtures.businessHours;
import static dev.commandcenter.notifier.OnCallFixtures.createPolicy;
import static dev.commandcenter.notifier.OnCallFixtures.createSchedule;
import static dev.commandcenter.notifier.OnCallFixtures.layer;
import static dev.commandcenter.notifier.OnCallFixtures.level;
import static dev.commandcenter.notifier.OnCallFixtures.policy;
import static dev.commandcenter.notifier.OnCallFixtures.schedule;
import static dev.commandcenter.notifier.OnCallFixtures.unique;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The on-call page in a real headless Chromium: now and next, two weeks of calendar, an override, policies. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class OnCallPageTest {

    @TestHTTPResource("/backstage/notifier/oncall")
    URL oncall;

    @Test
    void aMemberSeesWhoIsOnCallTheComingTwoWeeksAndAddsAnOverride() {
        String name = unique("Payments page");
        String id = createSchedule("alice", schedule("payments", name, "UTC", List.of(
                layer("Around the clock", List.of("dave"), "WEEKLY", null, "2026-01-05", "09:00", List.of()),
                layer("Office", List.of("alice", "bob"), "DAILY", null, "2026-01-05", "09:00",
                        List.of(businessHours("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))))));
        String policyName = unique("Payments paging");
        createPolicy("bob", policy("payments", policyName, 1, List.of(level(id, null, 5), level(null, "dave", 15))));
        Page page = Browsers.as("alice");
        page.navigate(oncall + "?team=payments");

        Locator section = page.locator("section.schedule[data-id='" + id + "']");
        assertThat(section.locator("h2")).containsText(name);
        assertThat(section.locator(".now .who")).hasText(java.util.regex.Pattern.compile("@(alice|bob|dave)"));
        assertThat(section.locator("td.day")).hasCount(14);
        assertThat(section.locator("td.day.today")).hasCount(1);
        assertThat(section.locator("td.day").first().locator(".entry").first()).isVisible();
        assertThat(page.locator("tr.policy", new Page.LocatorOptions().setHasText(policyName)).locator(".levels li"))
                .hasText(new String[] {"on call in " + name + ", then after 5 min", "@dave, then after 15 min"});

        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        page.locator("#override-schedule").selectOption(id);
        page.locator("#override-user").fill("carol");
        page.locator("#override-start").fill(tomorrow + "T10:00");
        page.locator("#override-end").fill(tomorrow + "T12:30");
        page.locator("#add-override").click();
        assertThat(page.locator("#problem")).containsText("not a member of team payments");

        page.locator("#override-schedule").selectOption(id);
        page.locator("#override-user").fill("bob");
        page.locator("#override-start").fill(tomorrow + "T10:00");
        page.locator("#override-end").fill(tomorrow + "T12:30");
        page.locator("#add-override").click();
        assertThat(page.locator("#notice")).hasText("Override added.");
        Locator tomorrowCell = page.locator("section.schedule[data-id='" + id + "'] td.day").nth(1);
        assertThat(tomorrowCell.locator(".entry.override")).hasText("10:00–12:30 bob");
        HeadlessChromium.screenshot(page, "oncall-page");

        // The form refuses what the API refuses; another team's members see none of it.
        APIResponse backwards = page.request().post(oncall + "/overrides", RequestOptions.create()
                .setForm(FormData.create().set("teamId", "payments").set("scheduleId", id).set("userId", "bob")
                        .set("start", tomorrow + "T12:00").set("end", tomorrow + "T11:00")).setMaxRedirects(0));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text()).contains("Not added: end must be after start");
        Page carols = Browsers.as("carol");
        carols.navigate(oncall + "?team=payments");
        assertThat(carols.locator("#problem")).hasText("You are not a member of team payments.");
        assertThat(carols.locator("section.schedule")).hasCount(0);
        APIResponse foreign = carols.request().post(oncall + "/overrides", RequestOptions.create()
                .setForm(FormData.create().set("teamId", "payments").set("scheduleId", id).set("userId", "carol")
                        .set("start", tomorrow + "T10:00").set("end", tomorrow + "T11:00")).setMaxRedirects(0));
        assertThat(foreign.status()).isEqualTo(404);
    }
}
