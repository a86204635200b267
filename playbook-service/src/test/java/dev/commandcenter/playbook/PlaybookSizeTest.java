package dev.commandcenter.playbook;

import static dev.commandcenter.playbook.Api.INFRA;
import static dev.commandcenter.playbook.Api.PLAYBOOKS;
import static dev.commandcenter.playbook.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventLimits;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A playbook's total size is bounded by what one event can carry: growing it beyond
 * {@link EventLimits#MAX_AGGREGATE_BYTES} is refused with 413 before anything is stored, and the
 * largest allowed playbook is published.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookSizeTest {
    private static final int LIMIT = EventLimits.MAX_AGGREGATE_BYTES;
    /** The longest ISO-8601 form of a stored time (microseconds): an estimate is exact or a few bytes high. */
    private static final Instant LONGEST_TIME = Instant.parse("2026-01-01T00:00:00.123456Z");

    @Inject
    AgroalDataSource database;

    @Test
    void aPlaybookGrownStepByStepIsRefusedAtTheLimitAndNothingIsStored() {
        ExtractableResponse<Response> created = Api.create("alice", "blank", "Size: grown step by step");
        String id = created.path("id");
        String description = "Check the dashboards, page the owner, über-alert the bridge; write down what you see. "
                .repeat(60).substring(0, 4096);
        // A head start of 100 such steps in one update (~420 KB), then one step per request as an editor adds them.
        List<PlaybookContent.Step> first = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            first.add(new PlaybookContent.Step(null, "Step " + i, description, null));
        }
        as("alice").header("If-Match", "\"0\"").body(EventJson.writeValue(content("Size: grown step by step", "",
                first))).put(PLAYBOOKS + "/" + id).then().statusCode(200);
        String stage = "s-1";

        int added = 100;
        Response refused = null;
        while (refused == null) {
            Response response = as("alice").body(Map.of("title", "Step " + added, "description", description))
                    .post(PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps");
            if (response.statusCode() == 200) {
                added++;
                assertThat(added).as("steps accepted").isLessThan(200);
            } else {
                refused = response;
            }
        }
        int version = added - 99;

        refused.then().statusCode(413).contentType("application/problem+json")
                .body("type", endsWith("/playbook-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString("a playbook can be at most 524,288 bytes"))
                .body("detail", containsString("Nothing was saved"));
        ExtractableResponse<Response> stored = as("alice").get(PLAYBOOKS + "/" + id).then().statusCode(200)
                .body("version", equalTo(version))
                .body("stages[0].steps.size()", equalTo(added))
                .extract();
        assertThat(stored.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(sizeOf(stored)).isBetween((long) LIMIT - 5000, (long) LIMIT);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE message_key = ?", id)).isEqualTo(version + 1);
        assertThat(count("SELECT count(*) FROM playbook WHERE id = ?::uuid AND version = " + version, id)).isOne();

        Map<String, Object> content = PlaybookEditingTest.content(stored.jsonPath());
        @SuppressWarnings("unchecked")
        List<Object> steps = new ArrayList<>((List<Object>) stored.jsonPath().getList("stages[0].steps"));
        steps.add(Map.of("title", "One more through a full update", "description", description));
        @SuppressWarnings("unchecked")
        Map<String, Object> firstStage = new java.util.HashMap<>((Map<String, Object>) (Map<?, ?>) stored.jsonPath()
                .getMap("stages[0]"));
        firstStage.put("steps", steps);
        content.put("stages", List.of(firstStage));
        as("alice").header("If-Match", "\"" + version + "\"").body(content).put(PLAYBOOKS + "/" + id)
                .then().statusCode(413).body("type", endsWith("/playbook-too-large"));
        assertThat(count("SELECT count(*) FROM outbox_event WHERE message_key = ?", id)).isEqualTo(version + 1);

        String lastStep = stored.path("stages[0].steps[" + (added - 1) + "].id");
        as("alice").delete(PLAYBOOKS + "/" + id + "/stages/" + stage + "/steps/" + lastStep)
                .then().statusCode(200).body("version", equalTo(version + 1));
    }

    @Test
    void theLargestAllowedPlaybookIsPublishedOnItsTopic() {
        ExtractableResponse<Response> created = Api.create("alice", "blank", "Size: largest allowed");
        String id = created.path("id");
        PlaybookContent largest = contentOfSize(created, "Size: largest allowed", "t-", LIMIT);

        as("alice").header("If-Match", "\"0\"").body(EventJson.writeValue(largest)).put(PLAYBOOKS + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));

        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.PLAYBOOKS, r -> id.equals(r.key()), 2, Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertThat(records).hasSize(2);
        EventEnvelope updated = EventJson.read(records.get(1).value());
        assertThat(updated.type()).isEqualTo("playbook.updated.v1");
        PlaybookState state = EventJson.data(updated, PlaybookState.class);
        assertThat(state.version()).isEqualTo(1);
        assertThat(state.content()).isEqualTo(largest);
        assertThat(EventJson.sizeOf(updated.data())).isBetween((long) LIMIT - LONGEST_TIME.toString().length(),
                (long) LIMIT);
        assertThat(records.get(1).serializedValueSize()).isLessThan(EventLimits.MAX_EVENT_BYTES);

        as("alice").body(Map.of("title", "x")).post(PLAYBOOKS + "/" + id + "/stages/s-1/steps")
                .then().statusCode(413);
    }

    @Test
    void creatingOrDuplicatingAPlaybookBeyondTheLimitIsRefusedAndCreatesNothing() {
        String description = "d".repeat(4096);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            steps.add(Map.of("title", "Step " + i, "description", description));
        }
        as("alice").body(Map.of("teamId", "payments", "title", "Size: created too large",
                        "stages", List.of(Map.of("title", "All", "steps", steps))))
                .post(PLAYBOOKS).then().statusCode(413).contentType("application/problem+json")
                .body("type", endsWith("/playbook-too-large"));
        as("alice").queryParam("teamId", "payments").queryParam("q", "Size: created too large").get(PLAYBOOKS)
                .then().statusCode(200).body("items", empty());

        // Short step ids that a copy replaces with fresh UUIDs: the copy is ~5 KB larger than the original.
        ExtractableResponse<Response> created = Api.create("alice", "blank", "Size: duplicated");
        String id = created.path("id");
        as("alice").header("If-Match", "\"0\"")
                .body(EventJson.writeValue(contentOfSize(created, "Size: duplicated", "", LIMIT - 1000)))
                .put(PLAYBOOKS + "/" + id).then().statusCode(200);

        as("alice").post(PLAYBOOKS + "/" + id + "/duplicate").then().statusCode(413)
                .body("type", endsWith("/playbook-too-large"));
        as("alice").queryParam("teamId", "payments").queryParam("q", "Copy of Size: duplicated").get(PLAYBOOKS)
                .then().statusCode(200).body("items", empty());
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%Copy of Size: duplicated%"))
                .isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%Size: created too large%"))
                .isZero();
    }

    /**
     * Content whose state, once stored as version 1 of {@code created} by alice, is {@code target}
     * bytes as its event carries it (or up to 7 bytes less, if the update time has fewer digits).
     */
    private static PlaybookContent contentOfSize(ExtractableResponse<Response> created, String title,
            String idPrefix, int target) {
        List<PlaybookContent.Step> steps = new ArrayList<>();
        String filler = "f".repeat(3000);
        long size = stateSize(created, content(title, "", steps));
        while (true) {
            PlaybookContent.Step step = new PlaybookContent.Step(idPrefix + steps.size(), "Step " + steps.size(),
                    filler, null);
            long grown = size + EventJson.sizeOf(step) + (steps.isEmpty() ? 0 : 1);
            if (grown > target) {
                break;
            }
            steps.add(step);
            size = grown;
        }
        PlaybookContent content = content(title, "d".repeat((int) (target - size)), steps);
        assertThat(stateSize(created, content)).isEqualTo(target);
        return content;
    }

    private static PlaybookContent content(String title, String description, List<PlaybookContent.Step> steps) {
        return new PlaybookContent(title, description, true,
                List.of(new PlaybookContent.Stage("s-1", "Stage", List.copyOf(steps))), List.of(), List.of(), null,
                List.of(), List.of(), List.of(), new PlaybookContent.LearningFlow(List.of(), List.of(), true),
                new PlaybookContent.AlertHandling(false));
    }

    private static long stateSize(ExtractableResponse<Response> created, PlaybookContent content) {
        return EventJson.sizeOf(new PlaybookState(created.path("id"), "payments", content, List.of("alice"), false,
                1, "alice", Instant.parse(created.path("createdAt")), "alice", LONGEST_TIME));
    }

    /** The size of the stored playbook's state as its events carry it, rebuilt from the API's answer. */
    private static long sizeOf(ExtractableResponse<Response> playbook) {
        PlaybookContent content = EventJson.readValue(playbook.asString(),
                new com.fasterxml.jackson.core.type.TypeReference<PlaybookContent>() {
                });
        return EventJson.sizeOf(new PlaybookState(playbook.path("id"), playbook.path("teamId"), content,
                playbook.jsonPath().getList("memberIds", String.class), false,
                playbook.jsonPath().getLong("version"), playbook.path("createdBy"),
                Instant.parse(playbook.path("createdAt")), playbook.path("updatedBy"),
                Instant.parse(playbook.path("updatedAt"))));
    }

    private long count(String sql, String parameter) {
        return Sql.number(database, sql, parameter);
    }
}
