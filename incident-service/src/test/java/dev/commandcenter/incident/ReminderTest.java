package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.StatusUpdateTest.INCIDENTS;
import static dev.commandcenter.incident.StatusUpdateTest.incidentWithBob;
import static dev.commandcenter.incident.StatusUpdateTest.postUpdate;
import static dev.commandcenter.incident.StatusUpdateTest.publishStatusPlaybook;
import static dev.commandcenter.incident.PermissionMatrix.statuses;
import static dev.commandcenter.incident.PermissionMatrix.wrongCells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.StatusReminder;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.incident.PermissionMatrix.Cell;
import dev.commandcenter.incident.service.Reminders;
import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Status-update reminders with a driven clock ({@link Reminders#fireDue}; the schedule is off in
 * tests): due an interval after the start or the last update, fired once by the bot with an event,
 * pushed back by updates, changed and snoozed by the commander, fired once by two concurrent
 * checks, kept in the database across a restart, and never for ended incidents.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class ReminderTest {
    private static final String REMINDER_30 = "No status update for 30 min: post one for the people following this "
            + "incident.";

    @Inject
    Reminders reminders;

    @Inject
    AgroalDataSource database;

    /** What a replica's check does at {@code now}; returns how many reminders fired (in the whole database). */
    private int fireDue(Instant now) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> reminders.fireDue(now));
        } catch (Throwable e) {
            throw new AssertionError("fireDue failed", e);
        }
    }

    private static JsonPath incident(String id) {
        return as("alice").get(INCIDENTS + id).then().statusCode(200).extract().jsonPath();
    }

    private static Instant instant(JsonPath json, String path) {
        String value = json.getString(path);
        return value == null ? null : Instant.parse(value);
    }

    private static List<String> botReminders(String id) {
        return as("alice").get(INCIDENTS + id + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'BOT' && it.text.startsWith('No status update') }.text", String.class);
    }

    private static List<EventEnvelope> events(String id, String type, int expected) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.INCIDENTS, r -> id.equals(r.key()) && r.value().contains("\"" + type + "\""), expected,
                Duration.ofSeconds(3), Duration.ofSeconds(30));
        return records.stream().map(r -> EventJson.read(r.value())).toList();
    }

    private static Map<String, Object> interval(Integer minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("intervalMinutes", minutes);
        return body;
    }

    @Test
    void anIncidentTakesThePlaybooksIntervalAndTheBotRemindsOnceWhenItIsDue() {
        String id = incidentWithBob(publishStatusPlaybook(30));
        JsonPath started = incident(id);
        assertThat(started.getInt("reminderIntervalMinutes")).isEqualTo(30);
        Instant due = instant(started, "nextReminderAt");
        assertThat(due).isEqualTo(instant(started, "createdAt").plus(30, ChronoUnit.MINUTES));

        fireDue(due.minusSeconds(1));
        assertThat(botReminders(id)).isEmpty();

        Instant check = due.plusSeconds(1);
        assertThat(fireDue(check)).isGreaterThanOrEqualTo(1);
        fireDue(check);

        assertThat(botReminders(id)).containsExactly(REMINDER_30);
        assertThat(as("alice").get(INCIDENTS + id + "/messages").then().extract().jsonPath()
                .getString("find { it.text.startsWith('No status update') }.authorId")).isEqualTo("incident-bot");
        assertThat(instant(incident(id), "nextReminderAt")).isEqualTo(check.plus(30, ChronoUnit.MINUTES));
        List<EventEnvelope> due1 = events(id, "incident.status_update_due.v1", 1);
        assertThat(due1).hasSize(1);
        assertThat(due1.get(0).actorid()).isEqualTo("incident-bot");
        StatusReminder reminder = EventJson.data(due1.get(0), StatusReminder.class);
        assertThat(reminder.intervalMinutes()).isEqualTo(30);
        assertThat(reminder.commanderId()).isEqualTo("alice");
        assertThat(reminder.nextReminderAt()).isEqualTo(check.plus(30, ChronoUnit.MINUTES));
        assertThat(reminder.incidentUrl()).isEqualTo("/backstage/incidents/" + id);

        // The next one is an interval later.
        fireDue(check.plus(30, ChronoUnit.MINUTES));
        assertThat(botReminders(id)).containsExactly(REMINDER_30, REMINDER_30);
    }

    @Test
    void aStatusUpdatePushesTheReminderBackByTheInterval() {
        String id = incidentWithBob(publishStatusPlaybook(30));
        // Overdue, as if no update was posted for a while.
        Sql.execute(database, "UPDATE incident SET next_reminder_at = now() - interval '1 minute' WHERE id = ?::uuid",
                id);

        Instant posted = Instant.parse(postUpdate("bob", id, "INVESTIGATING", "Looking into it").then()
                .statusCode(201).extract().path("createdAt"));

        Instant due = instant(incident(id), "nextReminderAt");
        assertThat(due).isEqualTo(posted.plus(30, ChronoUnit.MINUTES));
        fireDue(due.minusSeconds(1));
        assertThat(botReminders(id)).isEmpty();
        fireDue(due);
        assertThat(botReminders(id)).containsExactly(REMINDER_30);
    }

    @Test
    void theCommanderChangesTheIntervalSnoozesAndTurnsRemindersOff() {
        String id = incidentWithBob(publishStatusPlaybook(30));
        String path = INCIDENTS + id + "/reminder";

        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        JsonPath changed = as("alice").body(interval(10)).put(path).then().statusCode(200)
                .body("reminderIntervalMinutes", equalTo(10)).extract().jsonPath();
        Instant due = instant(changed, "nextReminderAt");
        assertThat(due).isBetween(before.plus(10, ChronoUnit.MINUTES), Instant.now().plus(10, ChronoUnit.MINUTES));

        Instant snoozedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant snoozed = instant(as("alice").body(Map.of("minutes", 90)).post(path + "/snooze").then().statusCode(200)
                .body("reminderIntervalMinutes", equalTo(10)).extract().jsonPath(), "nextReminderAt");
        assertThat(snoozed).isBetween(snoozedAt.plus(90, ChronoUnit.MINUTES), Instant.now().plus(90,
                ChronoUnit.MINUTES));
        fireDue(due.plusSeconds(1));
        assertThat(botReminders(id)).isEmpty();
        fireDue(snoozed);
        assertThat(botReminders(id)).containsExactly("No status update for 10 min: post one for the people "
                + "following this incident.");

        as("alice").body(interval(null)).put(path).then().statusCode(200)
                .body("reminderIntervalMinutes", nullValue()).body("nextReminderAt", nullValue());
        as("alice").body(Map.of("minutes", 5)).post(path + "/snooze").then().statusCode(409)
                .contentType("application/problem+json");
        fireDue(snoozed.plus(1, ChronoUnit.DAYS));
        assertThat(botReminders(id)).hasSize(1);

        List<String> timeline = as("bob").get(INCIDENTS + id + "/timeline").then().extract().jsonPath()
                .getList("text", String.class);
        assertThat(timeline).contains("@alice set status-update reminders to every 10 min",
                "@alice turned status-update reminders off");
        assertThat(timeline).anyMatch(t -> t.startsWith("@alice snoozed the status-update reminder for 1 h 30 min "
                + "(until ") && t.endsWith(" UTC)"));
        List<EventEnvelope> changes = events(id, "incident.reminder_changed.v1", 3);
        assertThat(changes).hasSize(3);
        assertThat(changes.stream().map(e -> EventJson.data(e, StatusReminder.class).intervalMinutes()))
                .containsExactly(10, 10, null);
    }

    @Test
    void invalidReminderChangesAre400AndMembersMayNotChangeThem() {
        String id = incidentWithBob(publishStatusPlaybook(30));
        String path = INCIDENTS + id + "/reminder";

        as("alice").body(interval(0)).put(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("intervalMinutes"));
        as("alice").body(interval(1441)).put(path).then().statusCode(400)
                .body("errors.field", hasItem("intervalMinutes"));
        as("alice").body(Map.of("intervalMinutes", "soon")).put(path).then().statusCode(400)
                .body("errors.field", hasItem("intervalMinutes"));
        as("alice").body(Map.of()).post(path + "/snooze").then().statusCode(400)
                .body("errors.field", hasItem("minutes"));
        as("alice").body(Map.of("minutes", 1441)).post(path + "/snooze").then().statusCode(400)
                .body("errors.field", hasItem("minutes"));
        as("bob").body(interval(5)).put(path).then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("commander (@alice)"));
        as("bob").body(Map.of("minutes", 5)).post(path + "/snooze").then().statusCode(403);

        assertThat(incident(id).getInt("reminderIntervalMinutes")).isEqualTo(30);
    }

    @Test
    void everyReminderEndpointAnswersEachCallerAsTheMatrixSays() {
        UUID playbook = publishStatusPlaybook(30);
        List<Cell> matrix = List.of(
                new Cell("PUT reminder", (spec, id) -> spec.body(interval(15)).put(INCIDENTS + id + "/reminder"),
                        statuses(200, 403, 403, 404, 200)),
                new Cell("POST snooze", (spec, id) -> spec.body(Map.of("minutes", 60))
                        .post(INCIDENTS + id + "/reminder/snooze"), statuses(200, 403, 403, 404, 200)));

        assertThat(wrongCells(matrix, cell -> incidentWithBob(playbook))).isEmpty();
    }

    @Test
    void twoReplicasCheckingAtTheSameInstantFireAReminderOnce() throws Exception {
        String id = incidentWithBob(publishStatusPlaybook(30));
        Instant check = instant(incident(id), "nextReminderAt").plusSeconds(1);

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> awaitThenFire(go, check));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> awaitThenFire(go, check));
        go.countDown();
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);

        assertThat(botReminders(id)).containsExactly(REMINDER_30);
        assertThat(events(id, "incident.status_update_due.v1", 1)).hasSize(1);
    }

    private int awaitThenFire(CountDownLatch go, Instant check) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return fireDue(check);
    }

    @Test
    void aReminderThatFellDueWhileNoReplicaRanFiresAtTheNextCheck() {
        String id = incidentWithBob(publishStatusPlaybook(30));
        // The state lives in the incident's row: a reminder due while the service was down is there after it.
        Sql.execute(database, "UPDATE incident SET next_reminder_at = now() - interval '2 hours' WHERE id = ?::uuid",
                id);

        fireDue(Instant.now());

        assertThat(botReminders(id)).containsExactly(REMINDER_30);
        assertThat(instant(incident(id), "nextReminderAt")).isAfter(Instant.now().plus(29, ChronoUnit.MINUTES));
    }

    @Test
    void endedIncidentsAndIncidentsWithoutAnIntervalNeverGetReminders() {
        String ended = incidentWithBob(publishStatusPlaybook(30));
        as("alice").post(INCIDENTS + ended + "/end").then().statusCode(200).body("nextReminderAt", nullValue())
                .body("reminderIntervalMinutes", equalTo(30));
        // Even a due time left behind in the row does not make an ended incident remind.
        Sql.execute(database, "UPDATE incident SET next_reminder_at = now() - interval '1 hour' WHERE id = ?::uuid",
                ended);
        as("alice").body(interval(5)).put(INCIDENTS + ended + "/reminder").then().statusCode(409);

        String without = incidentWithBob(publishStatusPlaybook(null));
        JsonPath quiet = incident(without);
        assertThat(quiet.getString("reminderIntervalMinutes")).isNull();
        assertThat(quiet.getString("nextReminderAt")).isNull();

        fireDue(Instant.now().plus(2, ChronoUnit.DAYS));

        assertThat(botReminders(ended)).isEmpty();
        assertThat(botReminders(without)).isEmpty();
        assertThat(events(ended, "incident.status_update_due.v1", 0)).isEmpty();
    }
}
