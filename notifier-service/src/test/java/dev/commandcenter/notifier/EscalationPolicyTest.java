package dev.commandcenter.notifier;

import static dev.commandcenter.notifier.NotificationResourceTest.as;
import static dev.commandcenter.notifier.OnCallFixtures.POLICIES;
import static dev.commandcenter.notifier.OnCallFixtures.SCHEDULES;
import static dev.commandcenter.notifier.OnCallFixtures.createPolicy;
import static dev.commandcenter.notifier.OnCallFixtures.createSchedule;
import static dev.commandcenter.notifier.OnCallFixtures.json;
import static dev.commandcenter.notifier.OnCallFixtures.layer;
import static dev.commandcenter.notifier.OnCallFixtures.level;
import static dev.commandcenter.notifier.OnCallFixtures.paymentsSchedule;
import static dev.commandcenter.notifier.OnCallFixtures.policy;
import static dev.commandcenter.notifier.OnCallFixtures.schedule;
import static dev.commandcenter.notifier.OnCallFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.notifier.service.EscalationPolicies;
import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Escalation policies through the API, and the people a level pages (what the paging engine asks). */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class EscalationPolicyTest {

    @Inject
    EscalationPolicies policies;

    List<String> resolve(String policyId, int level, Instant at) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> policies.resolveLevel(UUID.fromString(policyId), level, at));
    }

    @Test
    void aMemberCreatesReadsReplacesAndDeletesAPolicy() {
        String schedule = paymentsSchedule();
        String name = unique("Payments escalation");
        Map<String, Object> body = policy("payments", name, 2, List.of(level(schedule, null, 5),
                level(null, "dave", 15)));

        String id = createPolicy("alice", body);
        as("bob").get(POLICIES + "/" + id).then().statusCode(200)
                .body("teamId", equalTo("payments"))
                .body("name", equalTo(name))
                .body("repeatCount", equalTo(2))
                .body("createdBy", equalTo("alice"))
                .body("levels[0].scheduleId", equalTo(schedule))
                .body("levels[0].userId", nullValue())
                .body("levels[0].timeoutMinutes", equalTo(5))
                .body("levels[1].userId", equalTo("dave"));
        as("dave").queryParam("teamId", "payments").get(POLICIES).then().statusCode(200).body("name", hasItem(name));
        json("alice").body(body).post(POLICIES).then().statusCode(409).contentType("application/problem+json");

        body.put("repeatCount", 0);
        body.put("levels", List.of(level(null, "bob", 30)));
        json("bob").body(body).put(POLICIES + "/" + id).then().statusCode(200)
                .body("repeatCount", equalTo(0)).body("levels.userId", contains("bob"));

        as("dave").delete(POLICIES + "/" + id).then().statusCode(204);
        as("alice").get(POLICIES + "/" + id).then().statusCode(404);
    }

    @Test
    void aLevelPagesWhoeverItsScheduleHasOnCallThenOrItsUser() throws Throwable {
        String schedule = paymentsSchedule();
        String id = createPolicy("alice", policy("payments", unique("Resolve"), 1, List.of(level(schedule, null, 5),
                level(null, "dave", 10))));

        assertThat(resolve(id, 0, Instant.parse("2026-01-06T12:00:00Z"))).containsExactly("bob");
        assertThat(resolve(id, 0, Instant.parse("2026-01-07T09:00:00Z"))).containsExactly("dave");
        assertThat(resolve(id, 0, Instant.parse("2026-01-01T00:00:00Z"))).as("before the rotation starts").isEmpty();
        assertThat(resolve(id, 1, Instant.parse("2026-01-06T12:00:00Z"))).containsExactly("dave");

        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        Instant during = start.plus(Duration.ofMinutes(30));
        String cover = resolve(id, 0, during).contains("alice") ? "bob" : "alice";
        json("bob").body(Map.of("userId", cover, "start", start.toString(), "end",
                start.plus(Duration.ofHours(1)).toString())).post(SCHEDULES + "/" + schedule + "/overrides")
                .then().statusCode(201);
        assertThat(resolve(id, 0, during)).containsExactly(cover);

        assertThatThrownBy(() -> resolve(id, 2, during)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("levelIndex");
        assertThatThrownBy(() -> resolve(UUID.randomUUID().toString(), 0, during))
                .isInstanceOf(ProblemException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aScheduleAPolicyPagesCannotBeDeletedUntilThePolicyLetsGoOfIt() {
        String schedule = paymentsSchedule();
        String id = createPolicy("alice", policy("payments", unique("Holds"), 0, List.of(level(schedule, null, 5))));

        as("alice").delete(SCHEDULES + "/" + schedule).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("Escalation policy"));
        as("alice").delete(POLICIES + "/" + id).then().statusCode(204);
        as("alice").delete(SCHEDULES + "/" + schedule).then().statusCode(204);
    }

    @Test
    void anotherTeamsPoliciesAreNotFoundAndAdministratorsSeeAndChangeEverything() {
        String id = createPolicy("alice", policy("payments", unique("Private"), 0, List.of(level(null, "bob", 5))));
        Map<String, Object> body = policy("payments", unique("Changed"), 1, List.of(level(null, "dave", 5)));

        as("carol").get(POLICIES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        json("carol").body(body).put(POLICIES + "/" + id).then().statusCode(404);
        as("carol").delete(POLICIES + "/" + id).then().statusCode(404);
        as("carol").queryParam("teamId", "payments").get(POLICIES).then().statusCode(403);
        json("carol").body(body).post(POLICIES).then().statusCode(403);

        as("admin").queryParam("teamId", "payments").get(POLICIES).then().statusCode(200).body("id", hasItem(id));
        json("admin").body(body).put(POLICIES + "/" + id).then().statusCode(200)
                .body("levels.userId", contains("dave"));
        as("admin").delete(POLICIES + "/" + id).then().statusCode(204);
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        String path = POLICIES + "/" + UUID.randomUUID();
        given().queryParam("teamId", "payments").get(POLICIES).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(POLICIES).then().statusCode(401);
        given().get(path).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").put(path).then().statusCode(401);
        given().delete(path).then().statusCode(401);
    }

    @Test
    void invalidPoliciesGetProblemDetailsNamingTheField() {
        String ours = paymentsSchedule();
        String theirs = createSchedule("carol", schedule("search", unique("Search"), "UTC", List.of(layer("Primary",
                List.of("carol"), "WEEKLY", null, "2026-01-05", "09:00", List.of()))));

        json("alice").body(Map.of()).post(POLICIES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("levels", "name", "repeatCount", "teamId"));
        json("alice").body(policy("payments", unique("Bounds"), 10, List.of(level(null, "bob", 0))))
                .post(POLICIES).then().statusCode(400)
                .body("errors.field", contains("levels[0].timeoutMinutes", "repeatCount"));
        json("alice").body(policy("payments", unique("Targets"), 0, List.of(level(ours, "bob", 5),
                level(null, null, 5)))).post(POLICIES).then().statusCode(400)
                .body("errors.field", contains("levels[0]", "levels[1]"));
        json("alice").body(policy("payments", unique("Foreign"), 0, List.of(level(null, "bob", 5),
                level(theirs, null, 5), level(UUID.randomUUID().toString(), null, 5)))).post(POLICIES)
                .then().statusCode(400)
                .body("errors.field", contains("levels[1].scheduleId", "levels[2].scheduleId"))
                .body("errors[0].message", equalTo("is not a schedule of team payments"));
        json("alice").body(policy("payments", unique("Outsider"), 0, List.of(level(null, "carol", 5))))
                .post(POLICIES).then().statusCode(400).body("errors.field", contains("levels[0].userId"));
        json("alice").body(policy("payments", unique("Empty"), 0, List.of())).post(POLICIES).then().statusCode(400)
                .body("errors.field", contains("levels"));

        String id = createPolicy("alice", policy("payments", unique("Stays"), 0, List.of(level(ours, null, 5))));
        json("alice").body(policy("search", unique("Moved"), 0, List.of(level(null, "carol", 5))))
                .put(POLICIES + "/" + id).then().statusCode(400).body("errors.field", contains("teamId"));
        as("alice").get(POLICIES).then().statusCode(400).body("errors.field", contains("teamId"));
    }
}
