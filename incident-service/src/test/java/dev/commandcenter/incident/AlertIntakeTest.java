package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.INFRA;
import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static dev.commandcenter.incident.IntegrationFixtures.alerting;
import static dev.commandcenter.incident.IntegrationFixtures.create;
import static dev.commandcenter.incident.LearningFixtures.timeline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 through each intake format, with payloads shaped as the tools' documentation shows them:
 * an alert starts an incident by itself, repeats join it, acknowledgements and resolutions are
 * posted (and may end it); keys are checked, bodies bounded, floods refused.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class AlertIntakeTest {
    private static final String GENERIC = "/api/v1/intake/alerts";
    private static final String ALERTMANAGER = "/api/v1/intake/alertmanager";
    private static final String PAGERDUTY = "/api/v1/intake/pagerduty/v2/enqueue";

    @Inject
    AgroalDataSource database;

    @Test
    void aGenericAlertStartsAnIncidentWithItsDetailsAndRepeatsJoinIt() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String key = create(playbook, "GENERIC", Map.of()).secret();
        String dedup = "checkout-5xx-" + UUID.randomUUID();
        Map<String, Object> alert = Map.of("dedupKey", dedup, "summary", "Checkout 5xx rate above 5%",
                "severity", "critical", "source", "grafana.example.com",
                "links", List.of(Map.of("href", "https://grafana.example.com/d/checkout", "text", "Dashboard")),
                "details", Map.of("service", "checkout", "region", "eu-west-1"));

        Response started = alerting(key).body(alert).post(GENERIC);
        started.then().statusCode(201).body("result", equalTo("started")).body("dedupKey", equalTo(dedup));
        String id = started.path("incidentId");
        String url = "http://localhost:8080/backstage/incidents/" + id;
        started.then().body("incidentUrl", equalTo(url)).header("Location", equalTo(url));

        as("alice").get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("commanderId", equalTo("alice"))
                .body("severity", equalTo("SEV1"))
                .body("name", equalTo("Checkout 5xx rate above 5% #" + id.substring(0, 8)))
                .body("active", equalTo(true));
        List<String> messages = timeline(id);
        assertThat(messages.get(0)).contains("@alice started this incident");
        assertThat(messages.get(1)).contains("Checkout 5xx rate above 5%", "(grafana.example.com)", "Severity: critical",
                "- region: eu-west-1", "- service: checkout", "- Dashboard: https://grafana.example.com/d/checkout",
                "Incident: " + url);

        alerting(key).body(alert).post(GENERIC).then().statusCode(200).body("result", equalTo("appended"))
                .body("incidentId", equalTo(id)).body("incidentUrl", equalTo(url));
        assertThat(timeline(id)).anyMatch(text -> text.contains("fired again (2 times so far)"));
        assertThat(TopicReader.read(INFRA.kafkaBootstrapServers(), Topics.INCIDENTS, r -> id.equals(r.key()), 2,
                Duration.ofSeconds(2), Duration.ofSeconds(30))).extracting(r -> r.value().contains("incident.started.v1")
                        ? "started" : r.value().contains("incident.alert_received.v1") ? "alert" : "other")
                .containsExactly("started", "alert");
    }

    @Test
    void concurrentDuplicatesStartExactlyOneIncident() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String key = create(playbook, "GENERIC", Map.of()).secret();
        String dedup = "flapping-" + UUID.randomUUID();
        String body = "{\"dedupKey\": \"" + dedup + "\", \"summary\": \"Flapping " + dedup + "\"}";

        List<CompletableFuture<Response>> all = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> alerting(key).body(body).post(GENERIC))).toList();
        List<Response> answers = all.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201);
        assertThat(answers).extracting(r -> r.<String>path("result")).containsOnlyOnce("started")
                .containsOnly("started", "appended");
        assertThat(answers).extracting(r -> r.<String>path("incidentId")).containsOnly(
                answers.get(0).<String>path("incidentId"));
        assertThat(Sql.number(database, "SELECT count(*) FROM incident WHERE name LIKE ?", "Flapping " + dedup + "%"))
                .isEqualTo(1);
        assertThat(Sql.number(database, "SELECT alerts FROM alert_key WHERE dedup_key = ?", dedup)).isEqualTo(8);
    }

    @Test
    void alertmanagerFiringThenResolvedEndsTheIncidentAndTheNextFiringStartsAnother() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String key = create(playbook, "ALERTMANAGER", Map.of("resolveEnds", true)).secret();
        String group = "{}:{alertname=\"HighLatency-" + UUID.randomUUID() + "\"}";

        Response firing = alerting(key).body(alertmanager(group, "firing", "firing", "firing")).post(ALERTMANAGER);
        firing.then().statusCode(201).body("result", equalTo("started"));
        String id = firing.path("incidentId");
        as("alice").get("/api/v1/incidents/" + id).then().body("severity", equalTo("SEV1"))
                .body("name", startsWith("Checkout p99 latency above 2 s (2 of 2 firing)"));
        assertThat(timeline(id).get(1)).contains("(checkout)", "alertname: HighLatency",
                "- Runbook: https://runbooks.example.com/checkout-latency",
                "- Alertmanager: http://alertmanager.example.com:9093",
                "- Source of HighLatency: http://prometheus.example.com:9090/graph?g0.expr=histogram_quantile",
                "2 firing, 0 resolved");

        alerting(key).body(alertmanager(group, "firing", "firing", "resolved")).post(ALERTMANAGER).then()
                .statusCode(200).body("result", equalTo("appended"));
        alerting(key).body(alertmanager(group, "resolved", "resolved", "resolved")).post(ALERTMANAGER).then()
                .statusCode(200).body("result", equalTo("ended")).body("incidentId", equalTo(id));
        as("alice").get("/api/v1/incidents/" + id).then().body("active", equalTo(false));
        assertThat(timeline(id)).anyMatch(text -> text.contains("\" resolved (integration "))
                .anyMatch(text -> text.contains("ended the incident"));

        Response again = alerting(key).body(alertmanager(group, "firing", "firing", "firing")).post(ALERTMANAGER);
        again.then().statusCode(201).body("result", equalTo("started")).body("incidentId", not(equalTo(id)));
    }

    @Test
    void thePlaybooksAlertHandlingDecidesWhetherAResolutionEndsTheIncident() {
        UUID ends = publishPlaybook("payments", List.of("alice"), true, new PlaybookContent.AlertHandling(true));
        UUID posts = publishPlaybook("payments", List.of("alice"), true, new PlaybookContent.AlertHandling(false));
        String endsKey = create(ends, "GENERIC", Map.of()).secret();
        String postsKey = create(posts, "GENERIC", Map.of()).secret();
        String dedup = "queue-depth-" + UUID.randomUUID();
        String firing = "{\"dedupKey\": \"" + dedup + "\", \"summary\": \"Queue depth " + dedup + "\"}";
        String resolved = "{\"dedupKey\": \"" + dedup + "\", \"summary\": \"Queue depth\", \"status\": \"resolved\"}";

        String ended = alerting(endsKey).body(firing).post(GENERIC).then().statusCode(201).extract().path("incidentId");
        String open = alerting(postsKey).body(firing).post(GENERIC).then().statusCode(201).extract().path("incidentId");
        alerting(endsKey).body(resolved).post(GENERIC).then().statusCode(200).body("result", equalTo("ended"));
        alerting(postsKey).body(resolved).post(GENERIC).then().statusCode(200).body("result", equalTo("resolved"));

        as("alice").get("/api/v1/incidents/" + ended).then().body("active", equalTo(false));
        as("alice").get("/api/v1/incidents/" + open).then().body("active", equalTo(true));
    }

    @Test
    void pagerDutyEventsAreAnsweredAsPagerDutyAnswers() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String key = create(playbook, "PAGERDUTY", Map.of()).secret();
        String dedup = "srv01/HTTP-" + UUID.randomUUID();
        Map<String, Object> trigger = Map.of("routing_key", key, "event_action", "trigger", "dedup_key", dedup,
                "payload", Map.of("summary", "DISK at 99% on machine prod-datapipe03.example.com",
                        "source", "prod-datapipe03.example.com", "severity", "warning",
                        "component", "mysql", "group", "prod-datapipe", "class", "disk",
                        "custom_details", Map.of("free space", "1%", "ping time", "1500ms")),
                "links", List.of(Map.of("href", "https://example.com/", "text", "Link text")));

        given().contentType(ContentType.JSON).body(trigger).post(PAGERDUTY).then().statusCode(202)
                .body("status", equalTo("success")).body("message", equalTo("Event processed"))
                .body("dedup_key", equalTo(dedup));
        given().contentType(ContentType.JSON).body(trigger).post(PAGERDUTY).then().statusCode(202)
                .body("dedup_key", equalTo(dedup));
        String id = Sql.text(database, "SELECT incident_id::text FROM alert_key WHERE dedup_key = ?", dedup);
        as("alice").get("/api/v1/incidents/" + id).then().statusCode(200).body("active", equalTo(true))
                .body("severity", equalTo("SEV2"));
        assertThat(timeline(id).get(1)).contains("class: disk", "free space: 1%", "- Link text: https://example.com/");

        given().contentType(ContentType.JSON).body(Map.of("routing_key", key, "event_action", "acknowledge",
                "dedup_key", dedup)).post(PAGERDUTY).then().statusCode(202).body("status", equalTo("success"));
        given().contentType(ContentType.JSON).body(Map.of("routing_key", key, "event_action", "resolve",
                "dedup_key", dedup)).post(PAGERDUTY).then().statusCode(202);
        List<String> texts = timeline(id);
        assertThat(texts).anyMatch(text -> text.contains("was acknowledged"))
                .anyMatch(text -> text.contains("\" resolved (integration "))
                .noneMatch(text -> text.contains("ended the incident"));
        assertThat(texts).filteredOn(text -> text.contains("fired again")).hasSize(1);
        as("alice").get("/api/v1/incidents/" + id).then().body("active", equalTo(true));
        assertThat(Sql.text(database, "SELECT status FROM alert_key WHERE dedup_key = ?", dedup)).isEqualTo("RESOLVED");

        given().contentType(ContentType.JSON).body(Map.of("routing_key", key, "event_action", "trigger",
                "payload", Map.of("summary", "No key given", "source", "cron", "severity", "info")))
                .post(PAGERDUTY).then().statusCode(202).body("dedup_key", matchesPattern("[0-9a-f-]{36}"));
        given().contentType(ContentType.JSON).body(Map.of("routing_key", key, "event_action", "resolve",
                "dedup_key", "never-seen")).post(PAGERDUTY).then().statusCode(202);
    }

    @Test
    void badKeysAreRefusedAndNothingIsCreated() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String generic = create(playbook, "GENERIC", Map.of()).secret();
        String alertmanager = create(playbook, "ALERTMANAGER", Map.of()).secret();
        String summary = "Refused " + UUID.randomUUID();
        String body = "{\"summary\": \"" + summary + "\"}";

        given().contentType(ContentType.JSON).body(body).post(GENERIC).then().statusCode(401)
                .contentType("application/problem+json");
        // Without a valid key, not even the payload is judged.
        alerting("icc_not-a-key").body("{\"summary\": ").post(GENERIC).then().statusCode(401);
        alerting("icc_not-a-key").body(body).post(GENERIC).then().statusCode(401);
        alerting(alertmanager).body(body).post(GENERIC).then().statusCode(401)
                .body("detail", containsString("another kind"));
        alerting(generic).body(alertmanager("g", "firing", "firing")).post(ALERTMANAGER).then().statusCode(401);
        // A signed-in user's token is not an integration key either.
        given().auth().oauth2(INFRA.tokens().forUser("alice")).contentType(ContentType.JSON).body(body).post(GENERIC)
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("routing_key", generic, "event_action", "trigger",
                "payload", Map.of("summary", summary, "source", "x", "severity", "info"))).post(PAGERDUTY)
                .then().statusCode(401);
        assertThat(Sql.number(database, "SELECT count(*) FROM incident WHERE name LIKE ?", summary + "%")).isZero();
    }

    @Test
    void malformedAndOversizedPayloadsAreRefusedWithProblems() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String key = create(playbook, "GENERIC", Map.of()).secret();
        String pagerduty = create(playbook, "PAGERDUTY", Map.of()).secret();
        String alertmanager = create(playbook, "ALERTMANAGER", Map.of()).secret();
        String big = "x".repeat(300 * 1024);

        alerting(key).body("{\"summary\": ").post(GENERIC).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("body"));
        alerting(key).body("[1, 2]").post(GENERIC).then().statusCode(400).body("errors.field", hasItem("body"));
        alerting(key).body("{\"severity\": \"critical\", \"status\": \"burning\", \"links\": [{\"href\": \"javascript:alert(1)\"}]}")
                .post(GENERIC).then().statusCode(400)
                .body("errors.field", equalTo(List.of("links[0].href", "status", "summary")));
        alerting(key).body("{\"summary\": \"Resolved without a key\", \"status\": \"resolved\"}").post(GENERIC).then()
                .statusCode(400).body("errors.field", hasItem("dedupKey"));
        alerting(key).body("{\"summary\": \"" + big + "\"}").post(GENERIC).then().statusCode(413)
                .contentType("application/problem+json").body("title", equalTo("Payload Too Large"));
        alerting(alertmanager).body(Map.of("version", "3", "status", "firing")).post(ALERTMANAGER).then().statusCode(400)
                .body("errors.field", equalTo(List.of("alerts", "groupKey", "version")));
        given().contentType(ContentType.JSON).body(Map.of("routing_key", pagerduty, "event_action", "trigger",
                "payload", Map.of("summary", "Bad severity", "source", "x", "severity", "sev0"))).post(PAGERDUTY)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("payload.severity")));
        given().contentType(ContentType.JSON).body(Map.of("routing_key", pagerduty, "event_action", "snooze"))
                .post(PAGERDUTY).then().statusCode(400).body("errors.field", equalTo(List.of("event_action")));
        assertThat(Sql.number(database, "SELECT count(*) FROM incident WHERE name LIKE 'Resolved without a key%' "
                + "OR name LIKE 'Bad severity%'")).isZero();
    }

    @Test
    void aFloodFromOneIntegrationIsRefusedWithRetryAfter() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String key = create(playbook, "GENERIC", Map.of("ratePerMinute", 3)).secret();
        String other = create(playbook, "GENERIC", Map.of("ratePerMinute", 3)).secret();
        String resolve = "{\"summary\": \"Nothing\", \"dedupKey\": \"unknown\", \"status\": \"resolved\"}";

        for (int i = 0; i < 3; i++) {
            alerting(key).body(resolve).post(GENERIC).then().statusCode(200).body("result", equalTo("ignored"));
        }
        alerting(key).body(resolve).post(GENERIC).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        alerting(other).body(resolve).post(GENERIC).then().statusCode(200);
    }

    /** An Alertmanager notification (webhook version 4) of one group with an alert per status given. */
    private static Map<String, Object> alertmanager(String groupKey, String status, String... alertStatuses) {
        List<Map<String, Object>> alerts = IntStream.range(0, alertStatuses.length).mapToObj(i -> Map.<String, Object>of(
                "status", alertStatuses[i],
                "labels", Map.of("alertname", "HighLatency", "severity", "critical", "job", "checkout",
                        "instance", "checkout-" + i + ":8080"),
                "annotations", Map.of("summary", "Checkout p99 latency above 2 s",
                        "description", "p99 latency is 2.4 s\nfor 10 minutes"),
                "startsAt", "2026-11-29T10:00:00.000Z",
                "endsAt", "resolved".equals(alertStatuses[i]) ? "2026-11-29T10:20:00.000Z" : "0001-01-01T00:00:00Z",
                "generatorURL", "http://prometheus.example.com:9090/graph?g0.expr=histogram_quantile",
                "fingerprint", "c0ffee0" + i)).toList();
        return Map.of("version", "4", "groupKey", groupKey, "truncatedAlerts", 0, "status", status,
                "receiver", "command-center", "groupLabels", Map.of("alertname", "HighLatency"),
                "commonLabels", Map.of("alertname", "HighLatency", "severity", "critical", "job", "checkout"),
                "commonAnnotations", Map.of("summary", "Checkout p99 latency above 2 s",
                        "runbook_url", "https://runbooks.example.com/checkout-latency"),
                "externalURL", "http://alertmanager.example.com:9093", "alerts", alerts);
    }
}
