package dev.commandcenter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.WebConnectionWrapper;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The browser's way in: Keycloak's login form, the landing page, the API through the session, logout. */
@QuarkusTest
@WithTestResource(StackTestResource.class)
@WithTestResource(EchoUpstreams.class)
class BrowserLoginTest {
    private static final InfraEndpoints INFRA = SharedInfra.get();

    @TestHTTPResource("/")
    URL root;

    @Test
    void aUserSignsInSeesTheirTeamsUsesTheApiThroughTheSessionAndSignsOut() throws Exception {
        try (WebClient browser = browser()) {
            HtmlPage home = signIn(browser, "alice");

            assertThat(home.getUrl().getPath()).isEqualTo("/");
            assertThat(home.getElementById("user-name").getTextContent()).isEqualTo("alice");
            assertThat(home.querySelectorAll(".team").stream().map(DomNode::getTextContent)).containsExactly("payments");
            assertThat(home.asNormalizedText()).contains("Playbooks", "Incidents", "On-call", "Analytics")
                    .doesNotContain("system administrator");

            Page api = browser.getPage(new URL(root, "/api/v1/incidents?commander=alice"));
            assertThat(api.getWebResponse().getStatusCode()).isEqualTo(200);
            JsonPath echo = JsonPath.from(api.getWebResponse().getContentAsString());
            assertThat(echo.getString("upstream")).isEqualTo("incident");
            assertThat(echo.getString("query")).isEqualTo("commander=alice");
            assertThat(echo.getString("headers.cookie")).isNull();
            String authorization = echo.getString("authorization");
            assertThat(authorization).startsWith("Bearer ");
            JsonPath accessToken = JsonPath.from(new String(Base64.getUrlDecoder()
                    .decode(authorization.substring("Bearer ".length()).split("\\.")[1]), StandardCharsets.UTF_8));
            assertThat(accessToken.getString("preferred_username")).isEqualTo("alice");
            assertThat(accessToken.getString("iss")).isEqualTo(INFRA.issuer());
            assertThat(accessToken.getList("aud", String.class)).contains("incident-service");

            HtmlPage afterLogout = home.getHtmlElementById("logout").click();
            assertThat(afterLogout.getUrl().toString()).startsWith(INFRA.issuer());
            assertThat(afterLogout.getElementById("kc-form-login")).isNotNull();
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            assertThat(browser.getPage(new URL(root, "/api/v1/incidents")).getWebResponse().getStatusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void aSystemAdministratorIsToldSo() throws Exception {
        try (WebClient browser = browser()) {
            HtmlPage home = signIn(browser, "admin");

            assertThat(home.getElementById("user-name").getTextContent()).isEqualTo("admin");
            assertThat(home.getElementById("role").getTextContent()).contains("system administrator");
            assertThat(home.getElementById("teams").getTextContent()).contains("not a member of any team");
        }
    }

    private HtmlPage signIn(WebClient browser, String user) throws Exception {
        HtmlPage login = browser.getPage(root);
        assertThat(login.getUrl().toString()).startsWith(INFRA.issuer());
        HtmlForm form = login.getHtmlElementById("kc-form-login");
        form.getInputByName("username").type(user);
        form.getInputByName("password").type(user);
        return login.getHtmlElementById("kc-login").click();
    }

    private static WebClient browser() {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        sendSecureCookiesOverLoopback(browser);
        return browser;
    }

    /**
     * Keycloak marks its login cookies {@code Secure; SameSite=None} even over plain HTTP. Real
     * browsers treat {@code http://127.0.0.1} and {@code http://localhost} as secure contexts and
     * send such cookies back; HtmlUnit does not, so Keycloak would answer "cookie not found". This
     * sends them the way a browser would, for loopback addresses only.
     */
    private static void sendSecureCookiesOverLoopback(WebClient browser) {
        new WebConnectionWrapper(browser) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                URL url = request.getUrl();
                request.removeAdditionalHeader("Cookie"); // HtmlUnit copies it into redirects to other hosts
                if (url.getProtocol().equals("http") && InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
                    String cookies = browser.getCookieManager().getCookies().stream()
                            .filter(cookie -> cookie.isSecure() && url.getHost().equals(cookie.getDomain())
                                    && url.getPath().startsWith(cookie.getPath()))
                            .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; "));
                    if (!cookies.isEmpty()) {
                        request.setAdditionalHeader("Cookie", cookies);
                    }
                }
                return super.getResponse(request);
            }
        };
    }
}
