package dev.commandcenter.notifier;

import com.microsoft.playwright.Page;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.browser.HeadlessChromium;
import java.util.Map;

/**
 * One headless Chromium for all page tests of the module (launched when the first asks, closed when
 * the test JVM ends), and pages in fresh browser contexts signed in as a user by a real Keycloak token.
 */
final class Browsers {
    private static HeadlessChromium chromium;

    private Browsers() {
    }

    /** A new page in a context of its own, sending {@code user}'s bearer token with every request. */
    static synchronized Page as(String user) {
        if (chromium == null) {
            HeadlessChromium launched = HeadlessChromium.launch();
            Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "close-headless-chromium"));
            chromium = launched;
        }
        return chromium.newPage(Map.of("Authorization", "Bearer " + SharedInfra.get().tokens().forUser(user)));
    }
}
