package dev.commandcenter.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final PlaybookContent content = new PlaybookContent("Outage", "desc", true,
            List.of(new PlaybookContent.Stage("s-1", "Default Stage",
                    List.of(new PlaybookContent.Step("t-1", "Page on-call", null, "/page oncall")))),
            List.of(new PlaybookContent.Role("Major Incident Manager", "Assess the severity", true)),
            List.of(new PlaybookContent.StatusTemplate(PlaybookContent.StatusPhase.INVESTIGATING, "Looking into it")),
            30, List.of(), List.of("Customers cannot pay"), List.of(new PlaybookContent.Severity("SEV1", "Critical", "")),
            new PlaybookContent.LearningFlow(List.of(), List.of("SEV1"), true), null);
    private final PlaybookState playbook = new PlaybookState("pb-1", "payments", content, List.of("alice"), false, 1,
            "alice", Instant.parse("2026-11-23T10:00:00Z"), "alice", Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void writesAStructuredCloudEventWithTeamAndActorExtensions() throws Exception {
        EventEnvelope event = EventEnvelope.of(EventType.PLAYBOOK_CREATED, "/playbook-service", "pb-1", "payments",
                "alice", EventJson.toTree(playbook));

        JsonNode json = new ObjectMapper().readTree(EventJson.write(event));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("type").asText()).isEqualTo("playbook.created.v1");
        assertThat(json.get("source").asText()).isEqualTo("/playbook-service");
        assertThat(json.get("subject").asText()).isEqualTo("pb-1");
        assertThat(json.get("teamid").asText()).isEqualTo("payments");
        assertThat(json.get("actorid").asText()).isEqualTo("alice");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(Instant.parse(json.get("time").asText())).isNotNull();
        JsonNode data = json.get("data");
        assertThat(data.at("/content/stages/0/steps/0/slashCommand").asText()).isEqualTo("/page oncall");
        assertThat(data.at("/content/roles/0/name").asText()).isEqualTo("Major Incident Manager");
        assertThat(data.at("/content/statusTemplates/0/phase").asText()).isEqualTo("INVESTIGATING");
        assertThat(data.has("title")).as("convenience accessors are not part of the schema").isFalse();
    }

    @Test
    void roundTripsThePayload() {
        EventEnvelope event = EventEnvelope.of(EventType.PLAYBOOK_CREATED, "/playbook-service", "pb-1", "payments",
                "alice", EventJson.toTree(playbook));

        EventEnvelope read = EventJson.read(EventJson.write(event));

        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.is(EventType.PLAYBOOK_CREATED)).isTrue();
        assertThat(EventJson.data(read, PlaybookState.class)).isEqualTo(playbook);
        assertThat(EventJson.data(read, PlaybookState.class).totalSteps()).isEqualTo(1);
    }

    @Test
    void rejectsMessagesThatAreNotCloudEvents() {
        assertThatThrownBy(() -> EventJson.read("{\"hello\":1}")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventJson.read("not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventJson.read(
                "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\"}"))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void everyTypeIsVersionedAndFindable() {
        for (EventType type : EventType.values()) {
            assertThat(type.value()).matches("[a-z]+\\.[a-z_]+\\.v\\d+");
            assertThat(EventType.fromValue(type.value())).contains(type);
        }
        assertThat(EventType.fromValue("nope.v1")).isEmpty();
        assertThat(Topics.deadLetter(Topics.INCIDENTS, "notifier")).isEqualTo("incident-events.v1.notifier.dlq");
    }

    @Test
    void sizeOfCountsTheUtf8BytesOfWhatAnEventCarries() {
        PlaybookState international = new PlaybookState("pb-2", "payments", PlaybookContent.of("Zahlungsausfall 支付 😀 lone \ud800 surrogate",
                "quote \" backslash \\ newline \n", true, content.stages()), List.of("alice"), false, 12, "alice",
                Instant.parse("2026-11-23T10:00:00.123456Z"), "alice", Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(EventJson.sizeOf(international))
                .isEqualTo(EventJson.writeValue(international).getBytes(StandardCharsets.UTF_8).length);
        EventEnvelope event = EventEnvelope.of(EventType.PLAYBOOK_UPDATED, "/playbook-service", "pb-2", "payments",
                "alice", EventJson.toTree(international));
        assertThat(EventJson.sizeOf(event.data())).isEqualTo(EventJson.sizeOf(international));
    }

    @Test
    void anEventCarryingTheLargestAllowedStateStaysWellBelowTheEventLimit() {
        String filler = "x".repeat(4000);
        List<PlaybookContent.Step> steps = new java.util.ArrayList<>();
        PlaybookState state = playbook;
        while (EventJson.sizeOf(state) < EventLimits.MAX_AGGREGATE_BYTES - 5000) {
            steps.add(new PlaybookContent.Step("t-" + steps.size(), "Step", filler, null));
            state = new PlaybookState("pb-1", "payments", PlaybookContent.of("Big", "", true,
                    List.of(new PlaybookContent.Stage("s-1", "Stage", List.copyOf(steps)))), List.of("alice"), false,
                    Long.MAX_VALUE, "a".repeat(100), Instant.now(), "b".repeat(100), Instant.now());
        }
        EventEnvelope event = EventEnvelope.of(EventType.PLAYBOOK_UPDATED, "/playbook-service", "pb-1",
                "a".repeat(100), "b".repeat(100), EventJson.toTree(state));

        assertThat(EventJson.sizeOf(state)).isLessThanOrEqualTo(EventLimits.MAX_AGGREGATE_BYTES);
        assertThat(EventJson.write(event).getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(EventLimits.MAX_EVENT_BYTES - 100_000);
    }
}
