package dev.commandcenter.incident.model;

import dev.commandcenter.contracts.PlaybookContent;
import java.util.List;

/**
 * What an incident inherits from its playbook besides the checklists: the roles to staff, the
 * status-update templates and reminder interval, the communication plan, what counts as an
 * incident, the severity levels with their criteria, the post-incident learning flow, and what an
 * alert may do to the incident it started. Absent
 * parts (older events, rows written before this existed) read as empty.
 */
public record PlaybookSettings(
        List<PlaybookContent.Role> roles,
        List<PlaybookContent.StatusTemplate> statusTemplates,
        Integer statusUpdateReminderMinutes,
        List<PlaybookContent.CommunicationChannel> communicationPlan,
        List<String> incidentCriteria,
        List<PlaybookContent.Severity> severities,
        PlaybookContent.LearningFlow learningFlow,
        PlaybookContent.AlertHandling alertHandling) {

    public static final PlaybookSettings NONE = new PlaybookSettings(null, null, null, null, null, null, null, null);

    public PlaybookSettings {
        roles = roles == null ? List.of() : List.copyOf(roles);
        statusTemplates = statusTemplates == null ? List.of() : List.copyOf(statusTemplates);
        communicationPlan = communicationPlan == null ? List.of() : List.copyOf(communicationPlan);
        incidentCriteria = incidentCriteria == null ? List.of() : List.copyOf(incidentCriteria);
        severities = severities == null ? List.of() : List.copyOf(severities);
        learningFlow = learningFlow == null ? new PlaybookContent.LearningFlow(List.of(), List.of(), true)
                : learningFlow;
        alertHandling = alertHandling == null ? new PlaybookContent.AlertHandling(false) : alertHandling;
    }

    public static PlaybookSettings of(PlaybookContent content) {
        return new PlaybookSettings(content.roles(), content.statusTemplates(), content.statusUpdateReminderMinutes(),
                content.communicationPlan(), content.incidentCriteria(), content.severities(), content.learningFlow(),
                content.alertHandling());
    }

    /** The playbook's template text for a status-update phase, or empty. */
    public String templateFor(PlaybookContent.StatusPhase phase) {
        return statusTemplates.stream().filter(t -> t.phase() == phase).map(PlaybookContent.StatusTemplate::text)
                .filter(text -> text != null).findFirst().orElse("");
    }

    /** The criteria of a severity level, or null if the playbook gives none. */
    public String criteriaOf(String level) {
        return severities.stream().filter(s -> s.level().equals(level)).map(PlaybookContent.Severity::criteria)
                .findFirst().orElse(null);
    }
}
