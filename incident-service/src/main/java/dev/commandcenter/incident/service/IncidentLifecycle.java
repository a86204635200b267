package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;

/** Where an incident stands: its severity, its active stage, and its end. */
@ApplicationScoped
public class IncidentLifecycle {
    private final IncidentRepository incidents;
    private final PlaybookViewRepository playbooks;
    private final IncidentChanges changes;
    private final LearningService learning;

    public IncidentLifecycle(IncidentRepository incidents, PlaybookViewRepository playbooks, IncidentChanges changes,
            LearningService learning) {
        this.incidents = incidents;
        this.playbooks = playbooks;
        this.changes = changes;
        this.learning = learning;
    }

    /**
     * Sets the severity to one of the levels of the incident's playbook (null: no severity); the
     * reason, if given, is part of the timeline message.
     */
    public Uni<Incident> changeSeverity(UUID id, String severity, String reason, CurrentUser user) {
        return Panache.withSession(() -> incidents.findById(id)
                        .map(incident -> IncidentAccess.require(Action.CHANGE_SEVERITY, incident, id, user))
                        .chain(incident -> playbooks.findById(incident.playbookId)))
                .invoke(playbook -> requireSeverity(playbook, severity))
                .chain(checked -> changes.apply(id, user, Action.CHANGE_SEVERITY, incident -> {
                    if (Objects.equals(incident.severity, severity)) {
                        return null;
                    }
                    incident.severity = severity;
                    String why = Texts.blankToNull(reason);
                    String text = (severity == null ? "@" + user.id() + " cleared the severity"
                            : "@" + user.id() + " set the severity to " + severity)
                            + (why == null ? "" : ": " + why);
                    return Change.of(EventType.INCIDENT_SEVERITY_CHANGED, text).state(severity);
                }));
    }

    /** Fails with 400 unless the severity is blank or one of the playbook's levels. */
    static void requireSeverity(PlaybookView playbook, String severity) {
        boolean known = playbook != null && playbook.severities.contains(severity == null ? "" : severity.strip());
        if (severity != null && !severity.isBlank() && !known) {
            throw ProblemException.invalidField("severity", "must be one of the playbook's severities "
                    + (playbook == null ? "[]" : playbook.severities));
        }
    }

    public Uni<Incident> setActiveStage(UUID id, String stageId, CurrentUser user) {
        return changes.apply(id, user, Action.SET_ACTIVE_STAGE, incident -> {
            Checklist stage = ChecklistEdits.stage(incident.checklists, stageId);
            if (stageId.equals(incident.activeStageId)) {
                return null;
            }
            incident.activeStageId = stageId;
            return Change.of(EventType.INCIDENT_STAGE_CHANGED, "@" + user.id() + " made \"" + stage.title()
                    + "\" the active stage").stage(stageId);
        });
    }

    /**
     * Ends the incident: no longer active, end time set, system message, {@code incident.ended.v1};
     * in the same transaction it enters the learning flow if its playbook chose its severity for it.
     */
    public Uni<Incident> end(UUID id, CurrentUser user) {
        return Panache.withTransaction(() -> changes.apply(id, user, Action.END, incident -> {
            incident.active = false;
            incident.endedAt = IncidentChanges.now();
            incident.endedBy = user.id();
            incident.nextReminderAt = null;
            return Change.of(EventType.INCIDENT_ENDED, "@" + user.id() + " ended the incident")
                    .payload(IncidentEvents.ended(incident));
        }).chain(ended -> learning.enterIfChosen(ended, user.id())));
    }
}
