package dev.commandcenter.stack.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium for page tests, driven by Playwright. The browser is Debian's
 * package (installed by {@code scripts/ensure-chromium.sh}, which the build runs before page
 * tests): Playwright's own browser downloads are not reachable here and are switched off.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/lib/chromium/chromium"),
            Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static HeadlessChromium launch() {
        Path executable = executable();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A page in a fresh context (no cookies), 1280x900, sending {@code headers} with every request. */
    public Page newPage(Map<String, String> headers) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setExtraHTTPHeaders(headers));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    public Page newPage() {
        return newPage(Map.of());
    }

    /** Saves a full-page PNG under {@code target/screenshots/} of the current module, for a person to look at. */
    public static Path screenshot(Page page, String name) {
        Path file = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Fills and submits Keycloak's login form, as a person would. */
    public static void logInWithKeycloak(Page page, String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    private static Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                "No Chromium found (looked at " + CANDIDATES + "); run scripts/ensure-chromium.sh or set CHROMIUM_PATH"));
    }
}
