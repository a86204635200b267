package dev.commandcenter.notifier;

import static dev.commandcenter.notifier.NotificationResourceTest.as;
import static dev.commandcenter.notifier.OnCallFixtures.SCHEDULES;
import static dev.commandcenter.notifier.OnCallFixtures.businessHours;
import static dev.commandcenter.notifier.OnCallFixtures.createSchedule;
import static dev.commandcenter.notifier.OnCallFixtures.dailyPayments;
import static dev.commandcenter.notifier.OnCallFixtures.json;
import static dev.commandcenter.notifier.OnCallFixtures.layer;
import static dev.commandcenter.notifier.OnCallFixtures.paymentsSchedule;
import static dev.commandcenter.notifier.OnCallFixtures.schedule;
import static dev.commandcenter.notifier.OnCallFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** On-call schedules through the API: CRUD, who is on call, overrides, team permissions, validation, limits. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class OnCallScheduleTest {

    @Test
    void aMemberCreatesReadsReplacesAndDeletesASchedule() {
        String name = unique("Payments");
        Map<String, Object> body = schedule("payments", name, "Europe/Berlin", List.of(
                layer("Nights and weekends", List.of("dave"), "WEEKLY", null, "2026-01-05", "09:00", List.of()),
                layer("Office", List.of("alice", "bob"), "DAILY", null, "2026-01-05", "09:00",
                        List.of(businessHours("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")))));

        String id = json("alice").body(body).post(SCHEDULES).then().statusCode(201)
                .extract().path("id");
        json("alice").body(body).post(SCHEDULES).then().statusCode(409).contentType("application/problem+json");
        as("bob").get(SCHEDULES + "/" + id).then().statusCode(200)
                .body("teamId", equalTo("payments"))
                .body("name", equalTo(name))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("createdBy", equalTo("alice"))
                .body("layers", hasSize(2))
                .body("layers[1].participants", contains("alice", "bob"))
                .body("layers[1].rotation", equalTo("DAILY"))
                .body("layers[1].handoffTime", equalTo("09:00"))
                .body("layers[1].restrictions[0].days", hasSize(5))
                .body("layers[1].restrictions[0].from", equalTo("09:00"));
        as("dave").queryParam("teamId", "payments").get(SCHEDULES).then().statusCode(200)
                .body("name", hasItem(name));

        body.put("name", name + " renamed");
        body.put("timeZone", "America/New_York");
        json("bob").body(body).put(SCHEDULES + "/" + id).then().statusCode(200)
                .body("name", equalTo(name + " renamed")).body("timeZone", equalTo("America/New_York"));
        as("alice").get(SCHEDULES + "/" + id).then().statusCode(200).body("timeZone", equalTo("America/New_York"));

        as("dave").delete(SCHEDULES + "/" + id).then().statusCode(204);
        as("alice").get(SCHEDULES + "/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void whoIsOnCallFollowsTheRotationWithTheNextShifts() {
        String id = paymentsSchedule();

        as("bob").queryParam("at", "2026-01-06T12:00:00Z").queryParam("limit", 3)
                .get(SCHEDULES + "/" + id + "/oncall").then().statusCode(200)
                .body("scheduleId", equalTo(id))
                .body("at", equalTo("2026-01-06T12:00:00Z"))
                .body("current.userId", equalTo("bob"))
                .body("current.start", equalTo("2026-01-06T09:00:00Z"))
                .body("current.end", equalTo("2026-01-07T09:00:00Z"))
                .body("current.override", equalTo(false))
                .body("current.layerName", equalTo("Primary"))
                .body("next.userId", contains("dave", "alice", "bob"))
                .body("next[0].start", equalTo("2026-01-07T09:00:00Z"));
        as("bob").queryParam("at", "2026-01-05T08:00:00Z").get(SCHEDULES + "/" + id + "/oncall")
                .then().statusCode(200).body("current.userId", nullValue()).body("next[0].userId", equalTo("alice"))
                .body("next", hasSize(10));
    }

    @Test
    void aDailyShiftOverTheSpringForwardNightEndsAtNineLocalTime() {
        String id = createSchedule("alice", schedule("payments", unique("Berlin"), "Europe/Berlin", List.of(
                layer("Primary", List.of("alice", "bob"), "DAILY", null, "2026-03-01", "09:00", List.of()))));

        as("alice").queryParam("at", "2026-03-28T12:00:00Z").queryParam("limit", 1)
                .get(SCHEDULES + "/" + id + "/oncall").then().statusCode(200)
                .body("current.start", equalTo("2026-03-28T08:00:00Z"))
                .body("current.end", equalTo("2026-03-29T07:00:00Z"))
                .body("next[0].end", equalTo("2026-03-30T07:00:00Z"));
    }

    @Test
    void anOverrideWinsOverTheRotationUntilItIsRemoved() {
        String id = paymentsSchedule();
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(Duration.ofHours(3));
        String during = start.plus(Duration.ofHours(1)).toString();
        String rotating = as("alice").queryParam("at", during).get(SCHEDULES + "/" + id + "/oncall")
                .then().statusCode(200).extract().path("current.userId");
        String cover = "bob".equals(rotating) ? "dave" : "bob";

        String overrideId = json("alice").body(Map.of("userId", cover, "start", start.toString(), "end",
                end.toString())).post(SCHEDULES + "/" + id + "/overrides")
                .then().statusCode(201).body("userId", equalTo(cover)).body("createdBy", equalTo("alice"))
                .extract().path("id");

        as("bob").queryParam("at", during).get(SCHEDULES + "/" + id + "/oncall").then().statusCode(200)
                .body("current.userId", equalTo(cover))
                .body("current.override", equalTo(true))
                .body("current.start", equalTo(start.toString()))
                .body("current.end", equalTo(end.toString()))
                .body("current.layerName", nullValue());
        as("dave").get(SCHEDULES + "/" + id + "/overrides").then().statusCode(200)
                .body("id", contains(overrideId)).body("[0].start", equalTo(start.toString()));

        as("dave").delete(SCHEDULES + "/" + id + "/overrides/" + overrideId).then().statusCode(204);
        as("bob").queryParam("at", during).get(SCHEDULES + "/" + id + "/oncall").then().statusCode(200)
                .body("current.userId", equalTo(rotating)).body("current.override", equalTo(false));
        as("dave").delete(SCHEDULES + "/" + id + "/overrides/" + overrideId).then().statusCode(404);
    }

    @Test
    void theTeamViewSaysWhoIsOnCallInEachSchedule() {
        String first = paymentsSchedule();
        String second = createSchedule("bob", schedule("payments", unique("Secondary"), "UTC", List.of(
                layer("Backup", List.of("dave"), "WEEKLY", null, "2026-01-05", "09:00", List.of()))));

        Map<String, Map<String, Object>> bySchedule = new HashMap<>();
        as("dave").queryParam("teamId", "payments").queryParam("at", "2026-01-06T12:00:00Z").get("/api/v1/oncall")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$")
                .forEach(s -> bySchedule.put((String) s.get("scheduleId"), s));
        assertCurrent(bySchedule.get(first), "bob", 1);
        assertCurrent(bySchedule.get(second), "dave", 0);
        as("admin").queryParam("teamId", "payments").get("/api/v1/oncall").then().statusCode(200)
                .body("scheduleId", hasItem(first));
    }

    @SuppressWarnings("unchecked")
    private static void assertCurrent(Map<String, Object> onCall, String user, int next) {
        org.assertj.core.api.Assertions.assertThat(((Map<String, Object>) onCall.get("current")).get("userId"))
                .isEqualTo(user);
        org.assertj.core.api.Assertions.assertThat((List<Object>) onCall.get("next"))
                .as("dave alone hands off to nobody")
                .hasSize(next);
    }

    @Test
    void anotherTeamsSchedulesAreNotFoundAndAdministratorsSeeAndChangeEverything() {
        String id = paymentsSchedule();
        String path = SCHEDULES + "/" + id;
        Map<String, Object> body = schedule("payments", unique("Taken over"), "UTC", List.of(dailyPayments()));
        Map<String, Object> cover = Map.of("userId", "carol", "start", Instant.now().plusSeconds(3600).toString(),
                "end", Instant.now().plusSeconds(7200).toString());

        as("carol").get(path).then().statusCode(404).contentType("application/problem+json");
        json("carol").body(body).put(path).then().statusCode(404);
        as("carol").delete(path).then().statusCode(404);
        as("carol").get(path + "/oncall").then().statusCode(404);
        as("carol").get(path + "/overrides").then().statusCode(404);
        json("carol").body(cover).post(path + "/overrides").then().statusCode(404);
        as("carol").delete(path + "/overrides/" + UUID.randomUUID()).then().statusCode(404);
        as("carol").queryParam("teamId", "payments").get(SCHEDULES).then().statusCode(403)
                .contentType("application/problem+json");
        as("carol").queryParam("teamId", "payments").get("/api/v1/oncall").then().statusCode(403);
        json("carol").body(body).post(SCHEDULES).then().statusCode(403);
        as("alice").get(SCHEDULES + "/" + UUID.randomUUID()).then().statusCode(404);

        as("admin").get(path).then().statusCode(200);
        as("admin").queryParam("teamId", "payments").get(SCHEDULES).then().statusCode(200).body("id", hasItem(id));
        json("admin").body(body).put(path).then().statusCode(200).body("name", equalTo(body.get("name")));
        as("admin").delete(path).then().statusCode(204);
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        String path = SCHEDULES + "/" + UUID.randomUUID();
        given().queryParam("teamId", "payments").get("/api/v1/oncall").then().statusCode(401);
        given().queryParam("teamId", "payments").get(SCHEDULES).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(SCHEDULES).then().statusCode(401);
        given().get(path).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").put(path).then().statusCode(401);
        given().delete(path).then().statusCode(401);
        given().get(path + "/oncall").then().statusCode(401);
        given().get(path + "/overrides").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(path + "/overrides").then().statusCode(401);
        given().delete(path + "/overrides/" + UUID.randomUUID()).then().statusCode(401);
        given().get("/backstage/notifier/oncall?team=payments").then().statusCode(401);
        given().contentType(ContentType.URLENC).formParam("teamId", "payments")
                .post("/backstage/notifier/oncall/overrides").then().statusCode(401);
    }

    @Test
    void invalidSchedulesGetProblemDetailsNamingEveryField() {
        json("alice").body(Map.of()).post(SCHEDULES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("teamId")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("timeZone")).body("errors.field", hasItem("layers"));

        Map<String, Object> custom = layer("Custom", List.of("alice"), "CUSTOM", null, "2026-01-05", "09:00",
                List.of(Map.of("days", List.of("MONDAY"), "from", "09:00", "to", "09:00")));
        Map<String, Object> dailyWithHours = layer("Daily", List.of("alice"), "DAILY", 12, "1999-12-31", "09:00",
                List.of());
        json("alice").body(schedule("payments", unique("Bad"), "Mars/Olympus", List.of(custom, dailyWithHours)))
                .post(SCHEDULES).then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.field", contains("layers[0].restrictions[0].to", "layers[0].shiftHours",
                        "layers[1].shiftHours", "layers[1].startDate", "timeZone"));

        json("alice").body(schedule("payments", unique("Outsider"), "UTC", List.of(layer("Primary",
                List.of("alice", "carol"), "DAILY", null, "2026-01-05", "09:00", List.of()))))
                .post(SCHEDULES).then().statusCode(400)
                .body("errors.field", contains("layers[0].participants[1]"))
                .body("errors[0].message", containsString("not a member of team payments"));

        List<String> crowd = new ArrayList<>(Collections.nCopies(51, "alice"));
        List<Map<String, Object>> eleven = new ArrayList<>(Collections.nCopies(11, dailyPayments()));
        json("alice").body(schedule("payments", "x".repeat(101), "UTC", List.of(layer("Primary", crowd, "DAILY",
                null, "2026-01-05", "09:00", List.of())))).post(SCHEDULES).then().statusCode(400)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("layers[0].participants"));
        json("alice").body(schedule("payments", unique("Eleven"), "UTC", eleven)).post(SCHEDULES)
                .then().statusCode(400).body("errors.field", hasItem("layers"));
        json("alice").body(schedule("payments", unique("Bad name"), "UTC", List.of(layer("Primary",
                List.of("alice; drop"), "DAILY", null, "2026-01-05", "09:00", List.of())))).post(SCHEDULES)
                .then().statusCode(400).body("errors.field", hasItem(containsString("layers[0].participants[0]")));
        json("alice").body(schedule("payments", unique("Bad time"), "UTC", List.of(layer("Primary",
                List.of("alice"), "DAILY", null, "2026-01-05", "9 o'clock", List.of())))).post(SCHEDULES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/malformed-body")).body("errors.field", contains("layers[0].handoffTime"));
        json("alice").body(schedule("payments", unique("Bad rotation"), "UTC", List.of(layer("Primary",
                List.of("alice"), "HOURLY", null, "2026-01-05", "09:00", List.of())))).post(SCHEDULES)
                .then().statusCode(400).body("errors.field", contains("layers[0].rotation"));

        String id = paymentsSchedule();
        json("alice").body(schedule("search", unique("Moved"), "UTC", List.of(dailyPayments())))
                .put(SCHEDULES + "/" + id).then().statusCode(400).body("errors.field", contains("teamId"));
        json("alice").body(Map.of("name", "")).put(SCHEDULES + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void invalidQueriesAndOverridesGetProblemDetailsNamingTheField() {
        String id = paymentsSchedule();
        String onCall = SCHEDULES + "/" + id + "/oncall";
        as("alice").queryParam("at", "yesterday").get(onCall).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("at"));
        as("alice").queryParam("at", "+1000000-01-01T00:00:00Z").get(onCall).then().statusCode(400)
                .body("errors.field", contains("at"));
        as("alice").queryParam("limit", 0).get(onCall).then().statusCode(400).body("errors.field", contains("limit"));
        as("alice").queryParam("limit", 51).get(onCall).then().statusCode(400).body("errors.field", contains("limit"));
        as("alice").queryParam("days", 32).get(onCall).then().statusCode(400).body("errors.field", contains("days"));
        as("alice").get("/api/v1/oncall").then().statusCode(400).body("errors.field", contains("teamId"));
        as("alice").queryParam("teamId", "payments").queryParam("at", "soon").get("/api/v1/oncall")
                .then().statusCode(400).body("errors.field", contains("at"));
        as("alice").get(SCHEDULES).then().statusCode(400).body("errors.field", contains("teamId"));

        String overrides = SCHEDULES + "/" + id + "/overrides";
        Instant soon = Instant.now().plus(Duration.ofHours(1));
        json("alice").body(Map.of()).post(overrides).then().statusCode(400)
                .body("errors.field", contains("end", "start", "userId"));
        json("alice").body(Map.of("userId", "carol", "start", soon.toString(), "end", soon.plusSeconds(60).toString()))
                .post(overrides).then().statusCode(400).body("errors.field", contains("userId"));
        json("alice").body(Map.of("userId", "bob", "start", soon.toString(), "end", soon.minusSeconds(60).toString()))
                .post(overrides).then().statusCode(400).body("errors.field", contains("end"))
                .body("errors[0].message", equalTo("must be after start"));
        json("alice").body(Map.of("userId", "bob", "start", "2026-01-01T00:00:00Z", "end", "2026-01-01T02:00:00Z"))
                .post(overrides).then().statusCode(400).body("errors[0].message", equalTo("must be in the future"));
        json("alice").body(Map.of("userId", "bob", "start", soon.toString(), "end",
                soon.plus(Duration.ofDays(32)).toString())).post(overrides).then().statusCode(400)
                .body("errors.field", contains("end"));
        as("alice").get(overrides).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aTeamHasAtMostTwentySchedulesAndNamesAreUniqueInIt() {
        int existing = as("carol").queryParam("teamId", "search").get(SCHEDULES).then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        List<String> made = new ArrayList<>();
        for (int i = existing; i < 20; i++) {
            made.add(createSchedule("carol", searchSchedule(unique("Search"))));
        }
        json("carol").body(searchSchedule(unique("One too many"))).post(SCHEDULES).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("20 schedules"));
        made.forEach(id -> as("carol").delete(SCHEDULES + "/" + id).then().statusCode(204));

        String name = unique("Search");
        createSchedule("carol", searchSchedule(name));
        json("carol").body(searchSchedule(name.toUpperCase())).post(SCHEDULES).then().statusCode(409)
                .body("type", not(endsWith("/internal")));
    }

    private static Map<String, Object> searchSchedule(String name) {
        return schedule("search", name, "UTC", List.of(layer("Primary", List.of("carol"), "WEEKLY", null,
                "2026-01-05", "09:00", List.of())));
    }
}
