package dev.commandcenter.telemetry.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.telemetry.model.IncidentFields;
import dev.commandcenter.telemetry.model.IncidentProperties;
import dev.commandcenter.telemetry.model.PlaybookProperties;
import dev.commandcenter.telemetry.model.TelemetryEvent;
import dev.commandcenter.telemetry.model.TrackedAction;
import dev.commandcenter.telemetry.rest.TelemetryEventResponse;
import dev.commandcenter.telemetry.service.ServerMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Events to content-free telemetry records, records to responses. Only ids, flags, counts and
 * timestamps are copied; names, titles, descriptions and texts never leave the event.
 */
public final class TelemetryMapper {
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };

    private TelemetryMapper() {
    }

    /** The seed's type and action for an event type; empty for the ones the seed does not track. */
    public static Optional<TrackedAction> tracked(EventType type) {
        return Optional.ofNullable(switch (type) {
            case INCIDENT_STARTED -> new TrackedAction(TelemetryEvent.INCIDENT, "create");
            case INCIDENT_ENDED -> new TrackedAction(TelemetryEvent.INCIDENT, "end");
            case PLAYBOOK_CREATED -> new TrackedAction(TelemetryEvent.PLAYBOOK, "create");
            case PLAYBOOK_UPDATED -> new TrackedAction(TelemetryEvent.PLAYBOOK, "update");
            case PLAYBOOK_DELETED -> new TrackedAction(TelemetryEvent.PLAYBOOK, "delete");
            case TASK_ADDED -> new TrackedAction(TelemetryEvent.TASKS, "add_task");
            case TASK_REMOVED -> new TrackedAction(TelemetryEvent.TASKS, "remove_task");
            case TASK_RENAMED -> new TrackedAction(TelemetryEvent.TASKS, "rename_task");
            case TASK_STATE_MODIFIED -> new TrackedAction(TelemetryEvent.TASKS, "modify_task_state");
            case TASK_MOVED -> new TrackedAction(TelemetryEvent.TASKS, "move_task");
            case TASK_ASSIGNEE_SET -> new TrackedAction(TelemetryEvent.TASKS, "set_assignee_for_task");
            case TASK_SLASH_COMMAND_RUN -> new TrackedAction(TelemetryEvent.TASKS, "run_task_slash_command");
            // Not tracked by the telemetry seed: commander, members, stage, severity and messages.
            case INCIDENT_COMMANDER_CHANGED, INCIDENT_MEMBER_ADDED, INCIDENT_MEMBER_REMOVED, INCIDENT_STAGE_CHANGED,
                    INCIDENT_SEVERITY_CHANGED, INCIDENT_MESSAGE_POSTED -> null;
            // Nor roles, status updates and their reminders.
            case INCIDENT_ROLE_ASSIGNED, INCIDENT_ROLE_UNASSIGNED, INCIDENT_ROLE_ADDED, INCIDENT_ROLE_REMOVED,
                    INCIDENT_STATUS_UPDATED, INCIDENT_STATUS_UPDATE_DUE, INCIDENT_REMINDER_CHANGED -> null;
            // Nor the post-incident learning flow, follow-ups and the retrospective.
            case INCIDENT_LEARNING_ENTERED, INCIDENT_LEARNING_OPTED_OUT, INCIDENT_LEARNING_TASK_UPDATED,
                    INCIDENT_LEARNING_ADVANCED, INCIDENT_CLOSED, INCIDENT_TIMESTAMPS_UPDATED, INCIDENT_FOLLOW_UP_CHANGED,
                    INCIDENT_RETROSPECTIVE_SAVED, INCIDENT_ALERT_RECEIVED -> null;
        });
    }

    public static IncidentProperties incident(EventEnvelope event, IncidentFields incident, String incidentId,
            boolean active) {
        return new IncidentProperties(incidentId, event.actorid(), active, incident.commanderId(), event.teamid(),
                incident.createdAt(), incident.channelId() == null ? List.of() : List.of(incident.channelId()),
                incident.announcementPostId(), incident.numChecklists(), incident.totalChecklistItems());
    }

    public static PlaybookProperties playbook(EventEnvelope event, PlaybookState playbook) {
        List<PlaybookContent.Stage> stages = Objects.requireNonNullElse(playbook.stages(), List.of());
        int steps = stages.stream().mapToInt(stage -> stage.steps() == null ? 0 : stage.steps().size()).sum();
        return new PlaybookProperties(playbook.id(), event.teamid(), stages.size(), steps, event.actorid());
    }

    /** The record of an event, stamped with this server's metadata. */
    public static TelemetryEvent record(EventEnvelope event, String type, String action, String subjectId,
            Object properties, ServerMetadata server, Instant now) {
        TelemetryEvent record = new TelemetryEvent();
        record.id = UUID.randomUUID();
        record.eventId = event.id();
        record.type = type;
        record.action = action;
        record.teamId = event.teamid();
        record.subjectId = subjectId;
        record.properties = EventJson.writeValue(properties);
        record.diagnosticId = server.diagnosticId();
        record.serverVersion = server.serverVersion();
        record.pluginVersion = server.pluginVersion();
        record.eventTimestamp = Objects.requireNonNullElse(event.time(), now);
        record.originalTimestamp = record.eventTimestamp;
        record.createdAt = now;
        return record;
    }

    public static TelemetryEventResponse response(TelemetryEvent record) {
        return new TelemetryEventResponse(record.id, TelemetryEventResponse.TRACK, record.type, record.action,
                record.diagnosticId, record.serverVersion, record.pluginVersion, record.eventTimestamp,
                record.createdAt, record.originalTimestamp, null, EventJson.readValue(record.properties, PROPERTIES));
    }
}
