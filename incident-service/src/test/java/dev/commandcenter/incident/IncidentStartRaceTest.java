package dev.commandcenter.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many callers starting an incident with one channel name at the same moment (a page retried by
 * several people, an alerting system firing twice): the database's unique index decides, one wins,
 * every other caller learns of the conflict as a problem, and none sees a server error.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentStartRaceTest {
    private static final int CALLERS = 8;

    @TestHTTPResource("/api/v1/incidents")
    URI incidents;

    @Test
    void concurrentStartsWithOneChannelNameGiveOneIncidentAndConflictsForTheRest() {
        UUID playbook = IncidentResourceTest.publishPlaybook("payments", List.of("alice", "bob"), true);
        IncidentResourceTest.start("alice", playbook, "first-" + UUID.randomUUID(), null); // read model is ready
        // Tokens fetched beforehand, and one connection per caller, so that the starts leave together.
        Map<String, String> tokens = Map.of("alice", IncidentResourceTest.INFRA.tokens().forUser("alice"),
                "bob", IncidentResourceTest.INFRA.tokens().forUser("bob"));

        for (int round = 0; round < 3; round++) {
            String name = "race-" + UUID.randomUUID();
            String body = "{\"playbookId\":\"" + playbook + "\",\"name\":\"" + name + "\"}";
            List<CompletableFuture<HttpResponse<String>>> starts = IntStream.range(0, CALLERS)
                    .mapToObj(caller -> HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(incidents)
                            .header("Authorization", "Bearer " + tokens.get(caller % 2 == 0 ? "alice" : "bob"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            List<HttpResponse<String>> answers = starts.stream().map(CompletableFuture::join).toList();

            Map<Integer, Long> statuses = answers.stream()
                    .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
            assertThat(statuses).as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, (long) CALLERS - 1));
            for (HttpResponse<String> conflict : answers.stream().filter(a -> a.statusCode() == 409).toList()) {
                assertThat(conflict.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                JsonPath problem = JsonPath.from(conflict.body());
                assertThat(problem.getString("type")).isEqualTo("https://command-center.dev/problems/conflict");
                assertThat(problem.getInt("status")).isEqualTo(409);
                assertThat(problem.getString("detail")).isNotBlank()
                        .doesNotContainIgnoringCase("insert").doesNotContainIgnoringCase("constraint")
                        .doesNotContain("incident_team_channel_name").doesNotContain("23505");
            }
            IncidentResourceTest.as("alice").queryParam("teamId", "payments").queryParam("q", name)
                    .get("/api/v1/incidents").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.equalTo(1));
        }
    }
}
