package dev.commandcenter.incident.model;

import dev.commandcenter.contracts.PlaybookContent;
import java.time.Instant;
import java.util.List;

/**
 * One status of an incident's learning flow (Documenting, Reviewing, ...) with its tasks, copied
 * from the playbook when the incident entered the flow and changed by its members from then on.
 */
public record LearningStatus(String name, List<Task> tasks) {

    public LearningStatus {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** Whether every task is done or skipped (a status without tasks is). */
    public boolean resolved() {
        return tasks.stream().allMatch(task -> task.state() != Checklist.State.OPEN);
    }

    public LearningStatus withTasks(List<Task> newTasks) {
        return new LearningStatus(name, newTasks);
    }

    /**
     * A task: pre-baked kinds are checked off by the platform when done in it, custom ones by hand.
     * {@code custom} marks tasks added during the incident.
     */
    public record Task(String id, PlaybookContent.LearningTaskKind kind, String title, String instructions,
            boolean custom, Checklist.State state, String assigneeId, Instant stateChangedAt, String stateChangedBy) {

        public Task withState(Checklist.State newState, String by, Instant at) {
            return new Task(id, kind, title, instructions, custom, newState, assigneeId, at, by);
        }

        public Task withAssignee(String assignee) {
            return new Task(id, kind, title, instructions, custom, state, assignee, stateChangedAt, stateChangedBy);
        }
    }
}
