package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.LearningStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rules of the learning flow, free of storage: the current status is the first one with an
 * open task; when a change resolves it (every task done or skipped) the flow advances past every
 * resolved status, and after the last it closes. Statuses already passed stay as they are.
 */
public final class LearningFlow {
    /** What the flow does after a change. */
    public enum Move {
        STAY, ADVANCE, CLOSE
    }

    /** The move and, for {@link Move#ADVANCE}, the index of the new current status. */
    public record Step(Move move, int index) {
    }

    /** A pre-baked task the platform checked off, by its status's index. */
    public record Checked(int statusIndex, LearningStatus.Task task) {
    }

    private LearningFlow() {
    }

    /** The playbook's statuses as the incident's own: every task open, unassigned, with its own id. */
    public static List<LearningStatus> fromPlaybook(PlaybookContent.LearningFlow flow) {
        return flow.statuses().stream().map(status -> new LearningStatus(status.name(),
                (status.tasks() == null ? List.<PlaybookContent.LearningTask>of() : status.tasks()).stream()
                        .map(task -> new LearningStatus.Task(UUID.randomUUID().toString(), task.kind(), task.title(),
                                task.instructions(), false, Checklist.State.OPEN, null, null, null))
                        .toList())).toList();
    }

    /** The index of the current status: the first with an open task; -1 when every status is resolved. */
    public static int current(List<LearningStatus> statuses) {
        for (int i = 0; i < statuses.size(); i++) {
            if (!statuses.get(i).resolved()) {
                return i;
            }
        }
        return -1;
    }

    /** Where the flow goes from the status it was at ({@code before}) now that {@code statuses} changed. */
    public static Step next(List<LearningStatus> statuses, int before) {
        int now = current(statuses);
        if (now < 0) {
            return new Step(Move.CLOSE, -1);
        }
        return now > before ? new Step(Move.ADVANCE, now) : new Step(Move.STAY, now);
    }

    /** Whether a status lies behind the current one (its tasks are settled and stay so). */
    public static boolean passed(List<LearningStatus> statuses, int index) {
        int now = current(statuses);
        return now < 0 || index < now;
    }

    /**
     * Checks off the open tasks of a pre-baked kind in the current and later statuses, as done in the
     * platform by {@code by}; returns the statuses and the tasks it checked (none: unchanged).
     */
    public static Result check(List<LearningStatus> statuses, PlaybookContent.LearningTaskKind kind, String by,
            Instant at) {
        List<LearningStatus> result = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            int index = i;
            LearningStatus status = statuses.get(i);
            result.add(status.withTasks(status.tasks().stream().map(task -> {
                if (task.kind() != kind || task.state() != Checklist.State.OPEN) {
                    return task;
                }
                LearningStatus.Task done = task.withState(Checklist.State.DONE, by, at);
                checked.add(new Checked(index, done));
                return done;
            }).toList()));
        }
        return new Result(List.copyOf(result), List.copyOf(checked));
    }

    public record Result(List<LearningStatus> statuses, List<Checked> checked) {
    }

    /** The index of the status holding a task, or -1. */
    public static int statusOf(List<LearningStatus> statuses, String taskId) {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).tasks().stream().anyMatch(task -> task.id().equals(taskId))) {
                return i;
            }
        }
        return -1;
    }

    /** The statuses with one task replaced by what {@code change} makes of it. */
    public static List<LearningStatus> replace(List<LearningStatus> statuses, String taskId,
            java.util.function.UnaryOperator<LearningStatus.Task> change) {
        return statuses.stream().map(status -> status.withTasks(status.tasks().stream()
                .map(task -> task.id().equals(taskId) ? change.apply(task) : task).toList())).toList();
    }

    /** The statuses with a task added at the end of one status. */
    public static List<LearningStatus> add(List<LearningStatus> statuses, int index, LearningStatus.Task task) {
        List<LearningStatus> result = new ArrayList<>(statuses);
        List<LearningStatus.Task> tasks = new ArrayList<>(statuses.get(index).tasks());
        tasks.add(task);
        result.set(index, statuses.get(index).withTasks(tasks));
        return List.copyOf(result);
    }
}
