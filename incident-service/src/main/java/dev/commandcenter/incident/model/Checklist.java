package dev.commandcenter.incident.model;

import java.time.Instant;
import java.util.List;

/**
 * One stage of an incident's checklist, copied from the playbook when the incident started and
 * changed only by the incident's members from then on.
 */
public record Checklist(String id, String title, List<Item> items) {

    public enum State {
        OPEN, DONE, SKIPPED
    }

    /** A step to take: who it is assigned to and when it was last checked, skipped or run. */
    public record Item(
            String id,
            String title,
            String description,
            String slashCommand,
            State state,
            String assigneeId,
            Instant stateChangedAt,
            String stateChangedBy,
            Instant commandLastRunAt) {

        public Item withState(State newState, String by, Instant at) {
            return new Item(id, title, description, slashCommand, newState, assigneeId, at, by, commandLastRunAt);
        }

        public Item withText(String newTitle, String newDescription, String newSlashCommand) {
            return new Item(id, newTitle, newDescription, newSlashCommand, state, assigneeId, stateChangedAt,
                    stateChangedBy, commandLastRunAt);
        }

        public Item withAssignee(String assignee) {
            return new Item(id, title, description, slashCommand, state, assignee, stateChangedAt, stateChangedBy,
                    commandLastRunAt);
        }

        public Item withCommandRunAt(Instant at) {
            return new Item(id, title, description, slashCommand, state, assigneeId, stateChangedAt, stateChangedBy,
                    at);
        }
    }

    public Checklist withItems(List<Item> newItems) {
        return new Checklist(id, title, List.copyOf(newItems));
    }
}
