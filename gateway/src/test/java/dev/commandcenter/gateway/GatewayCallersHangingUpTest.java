package dev.commandcenter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Callers who give up on their requests (timeouts, closed tabs) while others keep working through
 * the same few pooled connections: nobody else loses a request, and no request that reached a
 * service is cut off there half-way (a service would see its transaction torn down mid-way).
 */
@QuarkusTest
@TestProfile(GatewayCallersHangingUpTest.FewConnectionsNoRateLimit.class)
@WithTestResource(StackTestResource.class)
@WithTestResource(EchoUpstreams.class)
class GatewayCallersHangingUpTest {
    private static final InfraEndpoints INFRA = SharedInfra.get();
    private static final String ALICE = INFRA.tokens().forUser("alice");
    private static final int HANG_UPS_PER_CALLER = 40;

    public static class FewConnectionsNoRateLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Waiting for a connection counts against the connect timeout: generous, the machine may be slow.
            return Map.of("gateway.pool.max-size", "4", "gateway.timeout.connect", "20s",
                    "gateway.rate-limit.requests", "1000000",
                    "gateway.rate-limit.burst", "1000000");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void callersWhoHangUpCostNoOtherCallerTheirRequestAndCutNothingOffAtTheService() throws Exception {
        String incident = "/api/v1/incidents/" + UUID.randomUUID();
        Map<Integer, AtomicInteger> patientStatuses = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        AtomicInteger abandoned = new AtomicInteger();
        CountDownLatch hangingUp = new CountDownLatch(2);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(callers.submit(() -> {
                for (int call = 0; call < HANG_UPS_PER_CALLER; call++) {
                    // A connection of its own each time, so the gateway serves these on all its event loops.
                    try (Socket impatient = new Socket(root.getHost(), root.getPort())) {
                        impatient.getOutputStream().write(("GET " + incident + "/timeline HTTP/1.1\r\nHost: "
                                + root.getAuthority() + "\r\nAuthorization: Bearer " + ALICE + "\r\nX-Echo-Delay-Ms: "
                                + ThreadLocalRandom.current().nextInt(50, 100) + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 40));
                        if (impatient.getInputStream().available() == 0) {
                            abandoned.incrementAndGet();
                        }
                    } // hangs up, answered or not
                    Thread.sleep(20);
                }
                hangingUp.countDown();
                return null;
            }));
            running.add(callers.submit(() -> {
                HttpClient patient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                while (hangingUp.getCount() > 0) {
                    HttpResponse<String> answer = patient.send(HttpRequest.newBuilder(
                            URI.create(root + incident.substring(1) + "/checklists/s-triage/items"))
                            .header("Authorization", "Bearer " + ALICE).header("Content-Type", "application/json")
                            .header("X-Echo-Delay-Ms", "5")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Check the error rate\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    patientStatuses.computeIfAbsent(answer.statusCode(), status -> new AtomicInteger()).incrementAndGet();
                    if (answer.statusCode() != 200) {
                        synchronized (failures) {
                            failures.add(answer.statusCode() + " " + answer.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> caller : running) {
            caller.get();
        }
        callers.shutdown();

        assertThat(abandoned.get()).as("callers gave up on requests in flight").isGreaterThan(HANG_UPS_PER_CALLER);
        assertThat(failures).as("answers to the callers who waited, of %s", patientStatuses).isEmpty();
        assertThat(patientStatuses.get(200).get()).isPositive();
        Thread.sleep(200); // the last abandoned requests finish at the service
        List<Map<String, String>> cutOff = Upstreams.receivedBy("incident").stream()
                .filter(request -> request.get("path").startsWith(incident))
                .filter(request -> Boolean.TRUE.equals(((Map<?, ?>) request).get("cutOff"))).toList();
        assertThat(cutOff).as("requests the service saw cut off half-way").isEmpty();
    }
}
