package dev.commandcenter.telemetry.service;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.InvalidEventException;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.telemetry.mapping.TelemetryMapper;
import dev.commandcenter.telemetry.model.IncidentFields;
import dev.commandcenter.telemetry.model.TaskProperties;
import dev.commandcenter.telemetry.model.TelemetryEvent;
import dev.commandcenter.telemetry.model.TrackedAction;
import dev.commandcenter.telemetry.repository.TelemetryEventRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Telemetry use cases. Records belong to the team of the event they came from: only its members
 * see them (other teams get an empty list); system administrators see all.
 */
@ApplicationScoped
public class TelemetryService {
    private static final Logger LOG = Logger.getLogger(TelemetryService.class);
    private static final IncidentFields NO_INCIDENT_FIELDS = new IncidentFields(null, null, null, null, null, null,
            null, null);

    private final TelemetryEventRepository records;
    private final ServerMetadata server;

    public TelemetryService(TelemetryEventRepository records, ServerMetadata server) {
        this.records = records;
        this.server = server;
    }

    /**
     * Records an incident or playbook event; other event types are ignored. Runs inside the
     * consumer's transaction, so each event is recorded at most once. Events without a team are
     * skipped; events naming no item, or another team than their envelope, are rejected (dead-lettered).
     */
    public Uni<Void> record(EventEnvelope event) {
        EventType type = EventType.fromValue(event.type()).orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        if (event.teamid() == null || event.teamid().isBlank()) {
            LOG.warnf("Skipped %s event %s: it names no team", event.type(), event.id());
            return Uni.createFrom().voidItem();
        }
        TrackedAction tracked = TelemetryMapper.tracked(type).orElse(null);
        if (tracked == null) {
            return Uni.createFrom().voidItem();
        }
        TelemetryEvent record = switch (tracked.type()) {
            case TelemetryEvent.INCIDENT -> incident(event, tracked.action(), type == EventType.INCIDENT_STARTED);
            case TelemetryEvent.TASKS -> task(event, tracked.action());
            case TelemetryEvent.PLAYBOOK -> playbook(event, tracked.action());
            default -> throw new IllegalStateException("No record for telemetry type " + tracked.type());
        };
        return records.persist(record).replaceWithVoid();
    }

    private TelemetryEvent incident(EventEnvelope event, String action, boolean active) {
        IncidentFields incident = Objects.requireNonNullElse(EventJson.data(event, IncidentFields.class),
                NO_INCIDENT_FIELDS);
        String incidentId = incident.incidentId() != null ? incident.incidentId() : event.subject();
        requireItemOfEnvelopeTeam(event, incidentId, incident.teamId());
        return TelemetryMapper.record(event, TelemetryEvent.INCIDENT, action, incidentId,
                TelemetryMapper.incident(event, incident, incidentId, active), server, Instant.now());
    }

    /** A checklist action: which incident and who, nothing of the task itself (seed: tasks data). */
    private TelemetryEvent task(EventEnvelope event, String action) {
        IncidentChange change = EventJson.data(event, IncidentChange.class);
        String incidentId = change != null && change.incidentId() != null ? change.incidentId() : event.subject();
        requireItemOfEnvelopeTeam(event, incidentId, change == null ? null : change.teamId());
        return TelemetryMapper.record(event, TelemetryEvent.TASKS, action, incidentId,
                new TaskProperties(incidentId, event.actorid()), server, Instant.now());
    }

    private TelemetryEvent playbook(EventEnvelope event, String action) {
        PlaybookState playbook = EventJson.data(event, PlaybookState.class);
        if (playbook == null) {
            throw invalid(event);
        }
        requireItemOfEnvelopeTeam(event, playbook.id(), playbook.teamId());
        return TelemetryMapper.record(event, TelemetryEvent.PLAYBOOK, action, playbook.id(),
                TelemetryMapper.playbook(event, playbook), server, Instant.now());
    }

    private static void requireItemOfEnvelopeTeam(EventEnvelope event, String itemId, String itemTeamId) {
        if (itemId == null || itemId.isBlank() || (itemTeamId != null && !itemTeamId.equals(event.teamid()))) {
            throw invalid(event);
        }
    }

    private static InvalidEventException invalid(EventEnvelope event) {
        return new InvalidEventException(
                event.type() + " event " + event.id() + " names no item, or another team than its envelope", null);
    }

    @WithSession
    public Uni<List<TelemetryEvent>> listForSubject(String subjectId, int limit, CurrentUser user) {
        if (user.isSystemAdmin()) {
            return records.listForSubject(subjectId, limit);
        }
        if (user.teams().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return records.listForSubject(subjectId, user.teams(), limit);
    }
}
