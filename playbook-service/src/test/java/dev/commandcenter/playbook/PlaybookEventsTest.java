package dev.commandcenter.playbook;

import static dev.commandcenter.playbook.Api.INFRA;
import static dev.commandcenter.playbook.Api.PLAYBOOKS;
import static dev.commandcenter.playbook.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.stack.StackTestResource;
import dev.commandcenter.stack.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookEventsTest {

    @Test
    void everyChangePublishesExactlyOneEventWithTheFullStateKeyedByPlaybook() {
        String id = Api.create("alice", "major-incident", "Evented").path("id");
        String stage = as("alice").get(PLAYBOOKS + "/" + id).path("stages[0].id");
        as("alice").body(Map.of("title", "Detect early")).patch(PLAYBOOKS + "/" + id + "/stages/" + stage)
                .then().statusCode(200);
        as("alice").put(PLAYBOOKS + "/" + id + "/members/bob").then().statusCode(200);
        as("alice").body(Map.of("title", "Rejected", "slashCommand", "no slash")).post(PLAYBOOKS + "/" + id
                + "/stages/" + stage + "/steps").then().statusCode(400);
        as("bob").delete(PLAYBOOKS + "/" + id).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = TopicReader.read(INFRA.kafkaBootstrapServers(),
                Topics.PLAYBOOKS, r -> id.equals(r.key()), 4, Duration.ofSeconds(3), Duration.ofSeconds(30));

        List<EventEnvelope> events = records.stream().map(r -> EventJson.read(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly("playbook.created.v1",
                "playbook.updated.v1", "playbook.updated.v1", "playbook.deleted.v1");
        assertThat(events).extracting(EventEnvelope::id).doesNotHaveDuplicates();
        assertThat(events).extracting(EventEnvelope::actorid).containsExactly("alice", "alice", "alice", "bob");
        assertThat(events).allSatisfy(e -> assertThat(e.teamid()).isEqualTo("payments"));
        List<PlaybookState> states = events.stream().map(e -> EventJson.data(e, PlaybookState.class)).toList();
        assertThat(states).extracting(PlaybookState::version).containsExactly(0L, 1L, 2L, 3L);
        assertThat(states.get(1).stages().get(0).title()).isEqualTo("Detect early");
        assertThat(states.get(1).content().roles()).hasSize(6);
        assertThat(states.get(2).memberIds()).containsExactly("alice", "bob");
        assertThat(states.get(3).deleted()).isTrue();
        assertThat(states.get(3).content().title()).isEqualTo("Evented");
    }
}
