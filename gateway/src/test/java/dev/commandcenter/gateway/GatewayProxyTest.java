package dev.commandcenter.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(StackTestResource.class)
@WithTestResource(EchoUpstreams.class)
class GatewayProxyTest {
    private static final InfraEndpoints INFRA = SharedInfra.get();
    private static final String ALICE = INFRA.tokens().forUser("alice");

    @TestHTTPResource("/")
    URL root;

    @Test
    void aBearerRequestReachesTheServiceWithItsPathQueryAndToken() {
        given().auth().oauth2(ALICE).queryParam("teamId", "payments").get("/api/v1/playbooks")
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .header("Set-Cookie", nullValue())
                .body("upstream", equalTo("playbook"))
                .body("method", equalTo("GET"))
                .body("path", equalTo("/api/v1/playbooks"))
                .body("query", equalTo("teamId=payments"))
                .body("authorization", equalTo("Bearer " + ALICE));
    }

    @Test
    void postBodiesArriveIntactWithTheirContentType() {
        String title = "Ünïcödé outage \"quoted\" ✓ " + "x".repeat(200 * 1024);
        String body = "{\"teamId\":\"payments\",\"title\":\"" + title.replace("\"", "\\\"") + "\"}";

        JsonPath echo = given().auth().oauth2(ALICE).contentType("application/json; charset=UTF-8").body(body)
                .post("/api/v1/playbooks")
                .then().statusCode(200).extract().jsonPath();

        assertThat(echo.getString("method")).isEqualTo("POST");
        assertThat(echo.getString("body")).isEqualTo(body);
        assertThat(echo.getString("headers.content-type")).isEqualTo("application/json; charset=UTF-8");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/playbooks/42, playbook",
            "/api/v1/playbook-templates, playbook",
            "/api/v1/playbook-templates/status/investigating, playbook",
            "/backstage/playbooks/42/edit, playbook",
            "/api/v1/incidents, incident",
            "/api/v1/incidents/7/timeline, incident",
            "/backstage/incidents, incident",
            "/api/v1/integrations/5/rotate, incident",
            "/api/v1/notifications/webhooks, notifier",
            "/api/v1/oncall/schedules/payments, notifier",
            "/backstage/notifier/pages, notifier",
            "/api/v1/telemetry/events, telemetry",
            "/api/v1/analytics/mttr, telemetry",
            "/backstage/telemetry/charts, telemetry"})
    void eachPathGoesToTheServiceThatOwnsIt(String path, String service) {
        given().auth().oauth2(ALICE).get(path)
                .then().statusCode(200)
                .body("upstream", equalTo(service))
                .body("path", equalTo(path));
    }

    @Test
    void aServiceRedirectToItsOwnOriginBecomesAPathOnTheGateway() {
        given().auth().oauth2(ALICE).redirects().follow(false).header("X-Echo-Location", "/backstage/playbooks/42")
                .post("/backstage/playbooks")
                .then().statusCode(303).header("Location", equalTo("/backstage/playbooks/42"));
    }

    @Test
    void anAnonymousBrowserOnABackstagePageIsSentToSignIn() {
        String path = "/backstage/playbooks/" + UUID.randomUUID();
        given().redirects().follow(false).accept("text/html").get(path)
                .then().statusCode(302)
                .header("Location", containsString("/realms/command-center/protocol/openid-connect/auth"));
        assertThat(Upstreams.pathsReceivedBy("playbook")).doesNotContain(path);
    }

    @Test
    void unknownPathsUnderTheApiAreNotFoundProblems() {
        for (String path : new String[] { "/api/v1/unknown", "/api/v1/playbooksX", "/api", "/backstage/secrets" }) {
            given().auth().oauth2(ALICE).get(path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("detail", containsString(path));
        }
    }

    @Test
    void theServiceAnswersStatusAndBodyUnchangedButSetsNoCookieOnTheGatewaysOrigin() {
        given().auth().oauth2(ALICE).header("X-Echo-Status", "409").post("/api/v1/incidents/9/end")
                .then().statusCode(409)
                .header("Set-Cookie", nullValue())
                .body("path", equalTo("/api/v1/incidents/9/end"));
    }

    @Test
    void integrationsReachTheIntakeWithoutALoginAndWithTheirOwnCredential() {
        // Alertmanager sends its integration key as a bearer credential: not a token the gateway could
        // verify, and not one it may replace; incident-service checks it.
        given().contentType(ContentType.JSON).header("Authorization", "Bearer icc_integration-key")
                .header("Cookie", "q_session=someone-elses").body("{\"version\":\"4\"}")
                .post("/api/v1/intake/alertmanager")
                .then().statusCode(200)
                .body("upstream", equalTo("incident"))
                .body("path", equalTo("/api/v1/intake/alertmanager"))
                .body("authorization", equalTo("Bearer icc_integration-key"))
                .body("headers.cookie", nullValue());
        given().contentType("application/x-www-form-urlencoded").header("X-Slack-Signature", "v0=abc")
                .body("command=%2Fincident&text=help").post("/api/v1/intake/slack/42/command")
                .then().statusCode(200).body("upstream", equalTo("incident"))
                .body("headers.x-slack-signature", equalTo("v0=abc"))
                .body("body", equalTo("command=%2Fincident&text=help"));
        // Managing integrations is not open: that takes a login like the rest of the API.
        String path = "/api/v1/integrations/" + UUID.randomUUID();
        given().get(path).then().statusCode(401);
        assertThat(Upstreams.pathsReceivedBy("incident")).doesNotContain(path);
    }

    @Test
    void rejectedCallersNeverReachAService() {
        String path = "/api/v1/playbooks/" + UUID.randomUUID();

        given().get(path).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("title", equalTo("Unauthorized"));
        for (String token : INFRA.tokens().rejected("alice").values()) {
            given().auth().oauth2(token).get(path)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        given().cookie("q_session", "forged").get(path).then().statusCode(401);

        assertThat(Upstreams.pathsReceivedBy("playbook")).doesNotContain(path);
    }

    @Test
    void bodiesOverTheLimitAreRefusedWithAProblem() {
        String path = "/api/v1/incidents/" + UUID.randomUUID();

        given().auth().oauth2(ALICE).contentType(ContentType.JSON).body("x".repeat(1100 * 1024)).post(path)
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));

        assertThat(Upstreams.pathsReceivedBy("incident")).doesNotContain(path);
    }

    @Test
    void bodiesOverTheLimitAreRefusedEvenWithoutADeclaredLength() throws Exception {
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(root + "api/v1/incidents"))
                .header("Authorization", "Bearer " + ALICE)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1100 * 1024])))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theServiceLearnsTheRequestIdAndOriginButNotCookiesOrHopByHopHeaders() {
        JsonPath echo = given().auth().oauth2(ALICE)
                .header("X-Request-Id", "trace-4711")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("Cookie", "q_session=secret")
                .header("Connection", "keep-alive, X-Hop")
                .header("X-Hop", "private")
                .header("X-Custom", "kept")
                .get("/api/v1/oncall/now")
                .then().statusCode(200).header("X-Request-Id", "trace-4711")
                .extract().jsonPath();

        Map<String, String> headers = echo.getMap("headers");
        assertThat(headers).containsEntry("x-request-id", "trace-4711")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-host", root.getHost() + ":" + root.getPort())
                .containsEntry("x-custom", "kept")
                .doesNotContainKeys("cookie", "x-hop");
    }

    @Test
    void responsesStreamToTheCallerWhileTheServiceIsStillWriting() throws Exception {
        int rows = 100_000;
        HttpRequest export = HttpRequest.newBuilder(URI.create(root + "api/v1/incidents/export/stream?rows=" + rows))
                .header("Authorization", "Bearer " + ALICE).build();
        long start = System.nanoTime();

        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(export,
                HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = response.body().iterator();
        String header = lines.next();
        long firstLineMillis = (System.nanoTime() - start) / 1_000_000;
        long count = 0;
        while (lines.hasNext()) {
            lines.next();
            count++;
        }
        long totalMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header).isEqualTo("id,team,title");
        assertThat(count).isEqualTo(rows);
        assertThat(totalMillis).isGreaterThanOrEqualTo(EchoUpstreams.STREAM_PAUSE_MS);
        assertThat(firstLineMillis).as("the first line arrives before the service has finished")
                .isLessThan(EchoUpstreams.STREAM_PAUSE_MS - 500);
    }

    @Test
    void anEventStreamWhoseCallerLeavesIsClosedAtTheServiceToo() throws Exception {
        String path = "/api/v1/incidents/" + UUID.randomUUID() + "/live";
        try (java.net.Socket page = new java.net.Socket(root.getHost(), root.getPort())) {
            page.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + root.getAuthority()
                    + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + ALICE + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    page.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            boolean ready = false;
            for (String line = in.readLine(); line != null && !ready; line = in.readLine()) {
                ready = line.equals("event: ready");
            }
            assertThat(ready).as("the stream's first event came through the gateway").isTrue();
        } // the page goes away
        // An endless answer is not read to its end for a caller who is gone: its connection is closed.
        boolean closedAtTheService = false;
        for (long until = System.nanoTime() + 10_000_000_000L; !closedAtTheService && System.nanoTime() < until;
                Thread.sleep(100)) {
            closedAtTheService = Upstreams.receivedBy("incident").stream()
                    .filter(request -> path.equals(request.get("path")))
                    .anyMatch(request -> Boolean.TRUE.equals(((Map<?, ?>) request).get("cutOff")));
        }
        assertThat(closedAtTheService).isTrue();
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
