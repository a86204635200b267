package dev.commandcenter.notifier;

import static dev.commandcenter.notifier.NotificationResourceTest.as;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the on-call API and the calls that make schedules and policies for a test. */
final class OnCallFixtures {
    static final String SCHEDULES = "/api/v1/oncall/schedules";
    static final String POLICIES = "/api/v1/oncall/escalation-policies";

    private OnCallFixtures() {
    }

    static RequestSpecification json(String user) {
        return as(user).contentType(ContentType.JSON);
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> layer(String name, List<String> participants, String rotation, Integer shiftHours,
            String startDate, String handoffTime, List<Map<String, Object>> restrictions) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("name", name);
        layer.put("participants", participants);
        layer.put("rotation", rotation);
        layer.put("shiftHours", shiftHours);
        layer.put("startDate", startDate);
        layer.put("handoffTime", handoffTime);
        layer.put("restrictions", restrictions);
        return layer;
    }

    /** alice, bob, dave take turns every day at 09:00 from Monday 2026-01-05. */
    static Map<String, Object> dailyPayments() {
        return layer("Primary", List.of("alice", "bob", "dave"), "DAILY", null, "2026-01-05", "09:00", List.of());
    }

    static Map<String, Object> businessHours(String... days) {
        return Map.of("days", List.of(days), "from", "09:00", "to", "17:00");
    }

    static Map<String, Object> schedule(String team, String name, String zone, List<Map<String, Object>> layers) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("teamId", team);
        schedule.put("name", name);
        schedule.put("description", "Who answers pages for " + name);
        schedule.put("timeZone", zone);
        schedule.put("layers", new ArrayList<>(layers));
        return schedule;
    }

    static String createSchedule(String user, Map<String, Object> schedule) {
        return json(user).body(schedule).post(SCHEDULES).then().statusCode(201).extract().path("id");
    }

    /** A payments schedule of the daily rotation in UTC, made by alice. */
    static String paymentsSchedule() {
        return createSchedule("alice", schedule("payments", unique("Payments primary"), "UTC",
                List.of(dailyPayments())));
    }

    static Map<String, Object> level(String scheduleId, String userId, int timeoutMinutes) {
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("scheduleId", scheduleId);
        level.put("userId", userId);
        level.put("timeoutMinutes", timeoutMinutes);
        return level;
    }

    static Map<String, Object> policy(String team, String name, int repeatCount, List<Map<String, Object>> levels) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("teamId", team);
        policy.put("name", name);
        policy.put("description", "Pages for " + name);
        policy.put("repeatCount", repeatCount);
        policy.put("levels", new ArrayList<>(levels));
        return policy;
    }

    static String createPolicy(String user, Map<String, Object> policy) {
        return json(user).body(policy).post(POLICIES).then().statusCode(201).extract().path("id");
    }
}
