package dev.commandcenter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway's pooled connections to the services: a caller who hangs up must not cost another
 * caller their request, a connection the service closed is replaced for requests that may safely be
 * sent again, and a write is never sent twice. One connection per service makes reuse certain.
 */
@QuarkusTest
@TestProfile(GatewayUpstreamConnectionsTest.OneConnectionPerService.class)
@WithTestResource(StackTestResource.class)
@WithTestResource(value = EchoUpstreams.class,
        initArgs = @ResourceArg(name = "closesReusedConnections", value = "notifier"))
class GatewayUpstreamConnectionsTest {
    private static final InfraEndpoints INFRA = SharedInfra.get();
    private static final String ALICE = INFRA.tokens().forUser("alice");
    private static final HttpClient CALLER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static class OneConnectionPerService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.pool.max-size", "1");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void aCallerWhoHangsUpDoesNotCutOffTheNextRequestOnTheSameConnection() throws Exception {
        for (int round = 0; round < 3; round++) {
            // Each caller on a connection of its own, so each may be served by another event loop of the gateway.
            assertThat(newCaller().send(HttpRequest.newBuilder(URI.create(root + "api/v1/incidents"))
                    .header("Authorization", "Bearer " + ALICE).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            String abandoned = "/api/v1/incidents/" + UUID.randomUUID();
            String next = "/api/v1/incidents/" + UUID.randomUUID() + "/checklists/s-triage/items";
            try (Socket caller = new Socket(root.getHost(), root.getPort())) {
                OutputStream out = caller.getOutputStream();
                out.write(("GET " + abandoned + " HTTP/1.1\r\nHost: " + root.getAuthority() + "\r\nAuthorization: Bearer "
                        + ALICE + "\r\nX-Echo-Delay-Ms: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!Upstreams.pathsReceivedBy("incident").contains(abandoned) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } // hangs up while the service is still working on it

            // Waits for the only connection, which the abandoned request's answer frees.
            HttpResponse<String> answer = newCaller().send(HttpRequest.newBuilder(URI.create(root + next.substring(1)))
                    .header("Authorization", "Bearer " + ALICE).header("Content-Type", "application/json")
                    .header("X-Echo-Delay-Ms", "500")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Page the database on-call\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as("round %d: %s", round, answer.body()).isEqualTo(200);
            assertThat(JsonPath.from(answer.body()).getString("body"))
                    .isEqualTo("{\"title\":\"Page the database on-call\"}");
            List<Map<String, Object>> received = receivedBy("incident", next);
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).containsEntry("answered", true).doesNotContainKey("cutOff");
            assertThat(receivedBy("incident", abandoned).get(0))
                    .as("the abandoned request ran to its end instead of being cut off mid-way")
                    .containsEntry("answered", true).doesNotContainKey("cutOff");
        }
    }

    private static HttpClient newCaller() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @Test
    void aReadOnAConnectionTheServiceClosedIsSentAgainOnAFreshOne() throws Exception {
        HttpResponse<String> first = get("/api/v1/notifications/" + UUID.randomUUID());
        String path = "/api/v1/notifications/" + UUID.randomUUID();

        HttpResponse<String> second = get(path); // on the pooled connection, which the service closes

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(JsonPath.from(second.body()).getString("path")).isEqualTo(path);
    }

    @Test
    void aWriteIsNeverSentTwiceAndTheCallerLearnsItsOutcomeIsUnknown() throws Exception {
        assertThat(get("/api/v1/oncall/now").statusCode()).isEqualTo(200); // leaves a used connection in the pool
        String path = "/api/v1/oncall/schedules/" + UUID.randomUUID() + "/overrides";

        HttpResponse<String> answer = CALLER.send(HttpRequest.newBuilder(URI.create(root + path.substring(1)))
                .header("Authorization", "Bearer " + ALICE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"bob\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonPath problem = JsonPath.from(answer.body());
        assertThat(problem.getString("type")).endsWith("/upstream-interrupted");
        assertThat(problem.getString("detail")).contains("notifier service").contains("may or may not have taken effect");
        assertThat(receivedBy("notifier", path)).as("sent once, never again").hasSize(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CALLER.send(HttpRequest.newBuilder(URI.create(root + path.substring(1)))
                .header("Authorization", "Bearer " + ALICE).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static List<Map<String, Object>> receivedBy(String service, String path) {
        return (List) Upstreams.receivedBy(service).stream().filter(request -> path.equals(request.get("path")))
                .toList();
    }
}
