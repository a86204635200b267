package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookContent.StatusPhase;
import dev.commandcenter.contracts.StatusUpdated;
import dev.commandcenter.incident.config.StatusUpdateConfig;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.PlaybookSettings;
import dev.commandcenter.incident.model.StatusUpdate;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import dev.commandcenter.incident.repository.StatusUpdateRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Status updates: members tell the people following an incident where it stands, in a phase, starting
 * from the playbook's template for it. Each is a row of its own, a timeline message and an
 * {@code incident.status_updated.v1} carrying the communication plan's audiences; it pushes the
 * reminder back by the interval.
 */
@ApplicationScoped
public class StatusUpdateService {
    public static final String TOO_MANY = "too-many-status-updates";

    private final IncidentChanges changes;
    private final IncidentRepository incidents;
    private final StatusUpdateRepository updates;
    private final PlaybookViewRepository playbooks;
    private final int maxPerIncident;

    public StatusUpdateService(IncidentChanges changes, IncidentRepository incidents, StatusUpdateRepository updates,
            PlaybookViewRepository playbooks, StatusUpdateConfig config) {
        this.changes = changes;
        this.incidents = incidents;
        this.updates = updates;
        this.playbooks = playbooks;
        this.maxPerIncident = config.maxPerIncident();
    }

    /** A page of status updates and the cursor of the next, older page (null at the end). */
    public record Slice(List<StatusUpdate> updates, UUID next) {
    }

    /** Posts a status update while the incident is ongoing (409 after the end, and beyond the bound). */
    public Uni<StatusUpdate> post(UUID id, StatusPhase phase, String text, CurrentUser user) {
        StatusUpdate update = StatusUpdate.of(id, phase, text.strip(), user.id(), IncidentChanges.now());
        return changes.applyChained(id, user, Action.POST_STATUS_UPDATE, incident -> updates.countOf(incident.id)
                .invoke(count -> {
                    if (count >= maxPerIncident) {
                        throw new ProblemException(409, TOO_MANY, "Too many status updates", "Not posted: this "
                                + "incident holds " + count + " status updates, the most it can (" + maxPerIncident
                                + "). Continue in a follow-up incident.", List.of());
                    }
                })
                .chain(count -> updates.persist(update))
                .chain(() -> playbooks.findReadOnly(incident.playbookId))
                .map(playbook -> {
                    incident.nextReminderAt = ReminderRule.nextDue(update.createdAt, incident.reminderIntervalMinutes);
                    List<PlaybookContent.CommunicationChannel> audiences = playbook == null ? List.of()
                            : playbook.settings.communicationPlan();
                    return Change.of(EventType.INCIDENT_STATUS_UPDATED, "@" + user.id() + " posted a status update ("
                            + phaseName(phase) + "): " + update.text)
                            .payload(new StatusUpdated(incident.id.toString(), incident.teamId, incident.name,
                                    update.id.toString(), phase, update.text, user.id(), audiences,
                                    incidentUrl(incident.id), update.createdAt));
                }))
                .replaceWith(update);
    }

    /** Newest first; {@code before} is the id of the last status update of the previous page. */
    @WithSession
    public Uni<Slice> list(UUID id, UUID before, int limit, CurrentUser user) {
        return incidents.findById(id).map(incident -> IncidentAccess.require(Action.VIEW, incident, id, user))
                .chain(incident -> before == null ? Uni.createFrom().nullItem() : updates.findById(before)
                        .map(cursor -> {
                            if (cursor == null || !cursor.incidentId.equals(incident.id)) {
                                throw ProblemException.invalidField("before", "is not a status update of this "
                                        + "incident; use the 'next' value of a page");
                            }
                            return cursor;
                        }))
                .chain(cursor -> updates.page(id, cursor, limit + 1))
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<StatusUpdate> shown = more ? rows.subList(0, limit) : rows;
                    return new Slice(List.copyOf(shown), more ? shown.get(shown.size() - 1).id : null);
                });
    }

    /** The playbook's template text for the phase (empty when it has none), for whoever may see the incident. */
    @WithSession
    public Uni<String> template(UUID id, StatusPhase phase, CurrentUser user) {
        return incidents.findById(id).map(incident -> IncidentAccess.require(Action.VIEW, incident, id, user))
                .chain(incident -> playbooks.findById(incident.playbookId))
                .map(playbook -> (playbook == null ? PlaybookSettings.NONE : playbook.settings).templateFor(phase));
    }

    /** "Investigating", "Identified", ... */
    public static String phaseName(StatusPhase phase) {
        String name = phase.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The incident page's path, for the links the notifier sends. */
    public static String incidentUrl(UUID id) {
        return "/backstage/incidents/" + id;
    }
}
