package dev.commandcenter.incident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookContent.LearningTaskKind;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.LearningStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learning flow's advance and close rule, without storage. */
class LearningFlowRuleTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    private static List<LearningStatus> flow() {
        return LearningFlow.fromPlaybook(new PlaybookContent.LearningFlow(List.of(
                new PlaybookContent.LearningStatus("Documenting", List.of(
                        new PlaybookContent.LearningTask(LearningTaskKind.WRITE_POSTMORTEM, "Write it up", null),
                        new PlaybookContent.LearningTask(LearningTaskKind.UPDATE_TIMESTAMPS, "Times", null))),
                new PlaybookContent.LearningStatus("Reviewing", List.of(
                        new PlaybookContent.LearningTask(LearningTaskKind.CREATE_FOLLOW_UPS, "Follow-ups", null)))),
                List.of("SEV1"), true));
    }

    private static List<LearningStatus> set(List<LearningStatus> statuses, int status, int task,
            Checklist.State state) {
        String id = statuses.get(status).tasks().get(task).id();
        return LearningFlow.replace(statuses, id, t -> t.withState(state, "alice", AT));
    }

    @Test
    void copiesThePlaybookWithEveryTaskOpenAndItsOwnId() {
        List<LearningStatus> statuses = flow();
        assertThat(statuses).extracting(LearningStatus::name).containsExactly("Documenting", "Reviewing");
        assertThat(statuses.get(0).tasks()).allSatisfy(task -> {
            assertThat(task.state()).isEqualTo(Checklist.State.OPEN);
            assertThat(task.id()).isNotBlank();
            assertThat(task.custom()).isFalse();
        });
        assertThat(LearningFlow.current(statuses)).isZero();
    }

    @Test
    void staysWhileATaskOfTheCurrentStatusIsOpen() {
        List<LearningStatus> statuses = set(flow(), 0, 0, Checklist.State.DONE);
        assertThat(LearningFlow.next(statuses, 0)).isEqualTo(new LearningFlow.Step(LearningFlow.Move.STAY, 0));
    }

    @Test
    void advancesWhenEveryTaskIsDoneOrSkipped() {
        List<LearningStatus> statuses = set(set(flow(), 0, 0, Checklist.State.DONE), 0, 1, Checklist.State.SKIPPED);
        assertThat(LearningFlow.next(statuses, 0)).isEqualTo(new LearningFlow.Step(LearningFlow.Move.ADVANCE, 1));
        assertThat(LearningFlow.passed(statuses, 0)).isTrue();
        assertThat(LearningFlow.passed(statuses, 1)).isFalse();
    }

    @Test
    void skipsPastLaterStatusesThatAreResolvedAlreadyAndClosesAfterTheLast() {
        List<LearningStatus> ahead = set(flow(), 1, 0, Checklist.State.DONE);
        List<LearningStatus> statuses = set(set(ahead, 0, 0, Checklist.State.DONE), 0, 1, Checklist.State.DONE);
        assertThat(LearningFlow.next(statuses, 0)).isEqualTo(new LearningFlow.Step(LearningFlow.Move.CLOSE, -1));
        assertThat(LearningFlow.current(statuses)).isEqualTo(-1);
    }

    @Test
    void aStatusWithoutTasksIsResolved() {
        List<LearningStatus> statuses = List.of(new LearningStatus("Empty", List.of()));
        assertThat(LearningFlow.current(statuses)).isEqualTo(-1);
        assertThat(LearningFlow.next(statuses, 0).move()).isEqualTo(LearningFlow.Move.CLOSE);
    }

    @Test
    void checksOffOpenTasksOfAKindInTheCurrentAndLaterStatuses() {
        List<LearningStatus> statuses = flow();
        LearningFlow.Result result = LearningFlow.check(statuses, LearningTaskKind.CREATE_FOLLOW_UPS, "bob", AT);
        assertThat(result.checked()).hasSize(1);
        assertThat(result.checked().get(0).statusIndex()).isEqualTo(1);
        LearningStatus.Task checked = result.statuses().get(1).tasks().get(0);
        assertThat(checked.state()).isEqualTo(Checklist.State.DONE);
        assertThat(checked.stateChangedBy()).isEqualTo("bob");
        assertThat(result.statuses().get(0)).isEqualTo(statuses.get(0));

        LearningFlow.Result again = LearningFlow.check(result.statuses(), LearningTaskKind.CREATE_FOLLOW_UPS, "bob",
                AT);
        assertThat(again.checked()).isEmpty();
        assertThat(LearningFlow.check(statuses, LearningTaskKind.SCHEDULE_REVIEW, "bob", AT).checked()).isEmpty();
    }

    @Test
    void customTasksAreAddedAtTheEndOfTheirStatus() {
        LearningStatus.Task task = new LearningStatus.Task("c1", LearningTaskKind.CUSTOM, "Tell finance", null, true,
                Checklist.State.OPEN, null, null, null);
        List<LearningStatus> statuses = LearningFlow.add(flow(), 1, task);
        assertThat(statuses.get(1).tasks()).extracting(LearningStatus.Task::title).containsExactly("Follow-ups",
                "Tell finance");
        assertThat(LearningFlow.statusOf(statuses, "c1")).isEqualTo(1);
        assertThat(LearningFlow.statusOf(statuses, "nope")).isEqualTo(-1);
    }
}
