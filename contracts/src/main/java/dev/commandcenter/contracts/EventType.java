package dev.commandcenter.contracts;

import java.util.Arrays;
import java.util.Optional;

/** Every event type, versioned in its name, with the topic it travels on. */
public enum EventType {
    PLAYBOOK_CREATED("playbook.created.v1", Topics.PLAYBOOKS),
    PLAYBOOK_UPDATED("playbook.updated.v1", Topics.PLAYBOOKS),
    PLAYBOOK_DELETED("playbook.deleted.v1", Topics.PLAYBOOKS),
    INCIDENT_STARTED("incident.started.v1", Topics.INCIDENTS),
    INCIDENT_ENDED("incident.ended.v1", Topics.INCIDENTS),
    INCIDENT_COMMANDER_CHANGED("incident.commander_changed.v1", Topics.INCIDENTS),
    INCIDENT_MEMBER_ADDED("incident.member_added.v1", Topics.INCIDENTS),
    INCIDENT_MEMBER_REMOVED("incident.member_removed.v1", Topics.INCIDENTS),
    INCIDENT_STAGE_CHANGED("incident.stage_changed.v1", Topics.INCIDENTS),
    INCIDENT_SEVERITY_CHANGED("incident.severity_changed.v1", Topics.INCIDENTS),
    INCIDENT_MESSAGE_POSTED("incident.message_posted.v1", Topics.INCIDENTS),
    /** A role of the incident was given to a member ({@code userId}) or freed; {@code state} is the role's id. */
    INCIDENT_ROLE_ASSIGNED("incident.role_assigned.v1", Topics.INCIDENTS),
    INCIDENT_ROLE_UNASSIGNED("incident.role_unassigned.v1", Topics.INCIDENTS),
    /** A role was added to or removed from the incident during it ({@code state}: the role's id). */
    INCIDENT_ROLE_ADDED("incident.role_added.v1", Topics.INCIDENTS),
    INCIDENT_ROLE_REMOVED("incident.role_removed.v1", Topics.INCIDENTS),
    /** A status update was posted ({@link StatusUpdated}: its text and the communication plan's audiences). */
    INCIDENT_STATUS_UPDATED("incident.status_updated.v1", Topics.INCIDENTS),
    /** No status update within the reminder interval: the bot reminded the channel ({@link StatusReminder}). */
    INCIDENT_STATUS_UPDATE_DUE("incident.status_update_due.v1", Topics.INCIDENTS),
    /** The status-update reminder's interval was changed or it was snoozed ({@link StatusReminder}). */
    INCIDENT_REMINDER_CHANGED("incident.reminder_changed.v1", Topics.INCIDENTS),
    /** The checklist ("task") actions of the telemetry seed: add_task, remove_task, ... */
    TASK_ADDED("incident.task_added.v1", Topics.INCIDENTS),
    TASK_REMOVED("incident.task_removed.v1", Topics.INCIDENTS),
    TASK_RENAMED("incident.task_renamed.v1", Topics.INCIDENTS),
    TASK_STATE_MODIFIED("incident.task_state_modified.v1", Topics.INCIDENTS),
    TASK_MOVED("incident.task_moved.v1", Topics.INCIDENTS),
    TASK_ASSIGNEE_SET("incident.task_assignee_set.v1", Topics.INCIDENTS),
    /**
     * A step's slash command was run; {@code state} "executed" when the platform carried it out itself
     * (its own {@code /incident} commands), null when it is for the team's chat to run.
     */
    TASK_SLASH_COMMAND_RUN("incident.task_slash_command_run.v1", Topics.INCIDENTS),
    /**
     * Post-incident learning: entered ({@code state}: the first status's index), opted out, a task
     * changed ({@code stageId}: the status's index, {@code itemId}: the task, {@code state}: its new
     * state, or "assigned"/"added"), advanced to the next status ({@code state}: its index), closed.
     */
    INCIDENT_LEARNING_ENTERED("incident.learning_entered.v1", Topics.INCIDENTS),
    INCIDENT_LEARNING_OPTED_OUT("incident.learning_opted_out.v1", Topics.INCIDENTS),
    INCIDENT_LEARNING_TASK_UPDATED("incident.learning_task_updated.v1", Topics.INCIDENTS),
    INCIDENT_LEARNING_ADVANCED("incident.learning_advanced.v1", Topics.INCIDENTS),
    INCIDENT_CLOSED("incident.closed.v1", Topics.INCIDENTS),
    /** The identified/resolved times were set. */
    INCIDENT_TIMESTAMPS_UPDATED("incident.timestamps_updated.v1", Topics.INCIDENTS),
    /** A follow-up action was created, changed or deleted ({@code itemId}: its id, {@code state}: what). */
    INCIDENT_FOLLOW_UP_CHANGED("incident.follow_up_changed.v1", Topics.INCIDENTS),
    /** The retrospective was saved ({@code state}: its new version). */
    INCIDENT_RETROSPECTIVE_SAVED("incident.retrospective_saved.v1", Topics.INCIDENTS),
    /** An alerting system reported on an incident's alert: fired again, acknowledged or resolved. */
    INCIDENT_ALERT_RECEIVED("incident.alert_received.v1", Topics.INCIDENTS);

    private final String value;
    private final String topic;

    EventType(String value, String topic) {
        this.value = value;
        this.topic = topic;
    }

    public String value() {
        return value;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
