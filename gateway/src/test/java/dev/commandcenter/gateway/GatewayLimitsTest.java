package dev.commandcenter.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rate limit, timeouts and an unreachable service, with limits small enough to reach in a test. */
@QuarkusTest
@TestProfile(GatewayLimitsTest.TightLimits.class)
@WithTestResource(StackTestResource.class)
@WithTestResource(value = EchoUpstreams.class, initArgs = @ResourceArg(name = "unreachable", value = "telemetry"))
class GatewayLimitsTest {
    private static final InfraEndpoints INFRA = SharedInfra.get();

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.burst", "5",
                    "gateway.rate-limit.requests", "1",
                    "gateway.rate-limit.period", "1h",
                    "gateway.timeout.response", "1s");
        }
    }

    @Test
    void aCallerOverTheirRateGetsTooManyRequestsWithRetryAfterAndOthersAreUnaffected() {
        String bob = INFRA.tokens().forUser("bob");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(bob).get("/api/v1/playbooks").then().statusCode(200);
        }

        given().auth().oauth2(bob).get("/api/v1/playbooks")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429));
        given().auth().oauth2(INFRA.tokens().forUser("carol")).get("/api/v1/playbooks").then().statusCode(200);
    }

    @Test
    void anUnreachableServiceIsABadGatewayProblem() {
        given().auth().oauth2(INFRA.tokens().forUser("alice")).get("/api/v1/telemetry/events")
                .then().statusCode(502).contentType("application/problem+json")
                .body("title", equalTo("Bad Gateway"))
                .body("detail", containsString("telemetry service"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAGatewayTimeoutProblem() {
        given().auth().oauth2(INFRA.tokens().forUser("admin")).header("X-Echo-Delay-Ms", "4000")
                .get("/api/v1/incidents")
                .then().statusCode(504).contentType("application/problem+json")
                .body("title", equalTo("Gateway Timeout"))
                .body("detail", containsString("incident service"));
    }
}
