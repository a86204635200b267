package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.incident.integration.Alert;
import dev.commandcenter.incident.integration.AlertOutcome;
import dev.commandcenter.incident.integration.AlertOutcome.Result;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.Integration;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seed 002: an alert starts an incident by itself. The first alert with a key starts one from the
 * integration's playbook (channel, announcement, the alert's details and links posted), for the
 * integration's owner, who becomes commander; repeats of the key while that incident is open are
 * added to its timeline, and so are acknowledgements and resolutions (a resolution ends the incident
 * if the playbook's alert handling, or the integration itself, says so). Once the incident has ended, the key's next alert starts a new one.
 *
 * <p>Exactly one incident per key, however many duplicates arrive at once: the alert's transaction
 * first writes the key's row ({@code INSERT ... ON CONFLICT DO UPDATE}), so duplicates queue on it and
 * the later ones see the incident the first started.
 */
@ApplicationScoped
public class AlertIntake {
    /** Alert severities as alerting systems name them, most severe first, matched to the playbook's levels by rank. */
    private static final List<Set<String>> SEVERITY_RANKS = List.of(
            Set.of("critical", "crit", "p1", "sev1", "emergency", "fatal"),
            Set.of("error", "high", "p2", "sev2", "major"),
            Set.of("warning", "warn", "medium", "p3", "sev3", "minor"),
            Set.of("info", "low", "p4", "p5", "sev4", "informational"));

    private final IncidentService incidentService;
    private final IncidentLifecycle lifecycle;
    private final IncidentChanges changes;
    private final IncidentRepository incidents;
    private final PlaybookViewRepository playbooks;
    private final String publicUrl;

    public AlertIntake(IncidentService incidentService, IncidentLifecycle lifecycle, IncidentChanges changes,
            IncidentRepository incidents, PlaybookViewRepository playbooks,
            @ConfigProperty(name = "incident.public-url") String publicUrl) {
        this.incidentService = incidentService;
        this.lifecycle = lifecycle;
        this.changes = changes;
        this.incidents = incidents;
        this.playbooks = playbooks;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Where the suite is reached from outside (the gateway), without a trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    /** The incident's one known URL: where every message about it points. */
    public String incidentUrl(UUID incidentId) {
        return publicUrl + StatusUpdateService.incidentUrl(incidentId);
    }

    /** Acts on one alert, in the caller's transaction (the one that authenticated the integration). */
    public Uni<AlertOutcome> receive(Integration integration, Alert alert) {
        return switch (alert.action()) {
            case TRIGGER -> trigger(integration, alert);
            case ACKNOWLEDGE, RESOLVE -> update(integration, alert);
        };
    }

    private Uni<AlertOutcome> trigger(Integration integration, Alert alert) {
        UUID fresh = UUID.randomUUID();
        Instant now = IncidentChanges.now();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO alert_key (integration_id, dedup_key, incident_id, status, alerts, first_at, last_at)
                        VALUES (:integration, :key, :incident, 'TRIGGERED', 1, :now, :now)
                        ON CONFLICT (integration_id, dedup_key) DO UPDATE
                            SET alerts = alert_key.alerts + 1, last_at = EXCLUDED.last_at, status = 'TRIGGERED'
                        RETURNING incident_id, alerts""", Object[].class)
                .setParameter("integration", integration.id).setParameter("key", alert.dedupKey())
                .setParameter("incident", fresh).setParameter("now", now)
                .getSingleResult())
                .chain(row -> {
                    UUID incidentId = (UUID) row[0];
                    if (incidentId.equals(fresh)) {
                        return start(integration, alert, fresh);
                    }
                    return incidents.findForUpdate(incidentId).chain(incident -> {
                        if (incident != null && incident.active) {
                            int count = ((Number) row[1]).intValue();
                            return post(integration, incident, alert, "fired again (" + count + " times so far)")
                                    .replaceWith(outcome(Result.APPENDED, alert, incidentId));
                        }
                        // Its incident has ended: the key starts over with a new one.
                        return rebind(integration, alert, fresh, now).chain(() -> start(integration, alert, fresh));
                    });
                });
    }

    private Uni<AlertOutcome> update(Integration integration, Alert alert) {
        String status = alert.action() == Alert.Action.RESOLVE ? "RESOLVED" : "ACKNOWLEDGED";
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE alert_key SET status = :status, last_at = :now
                        WHERE integration_id = :integration AND dedup_key = :key
                        RETURNING incident_id""", UUID.class)
                .setParameter("status", status).setParameter("now", IncidentChanges.now())
                .setParameter("integration", integration.id).setParameter("key", alert.dedupKey())
                .getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item((Incident) null)
                        : incidents.findForUpdate(rows.get(0)))
                .chain(incident -> {
                    if (incident == null || !incident.active) {
                        return Uni.createFrom().item(outcome(Result.IGNORED, alert, null));
                    }
                    boolean resolve = alert.action() == Alert.Action.RESOLVE;
                    Uni<Incident> posted = post(integration, incident, alert, resolve ? "resolved" : "was acknowledged");
                    if (!resolve) {
                        return posted.replaceWith(outcome(Result.ACKNOWLEDGED, alert, incident.id));
                    }
                    return posted.chain(() -> playbooks.findReadOnly(incident.playbookId)).chain(playbook -> {
                        if (!endsOnResolve(integration, playbook)) {
                            return Uni.createFrom().item(outcome(Result.RESOLVED, alert, incident.id));
                        }
                        return lifecycle.end(incident.id, owner(integration))
                                .replaceWith(outcome(Result.ENDED, alert, incident.id));
                    });
                });
    }

    private Uni<Void> rebind(Integration integration, Alert alert, UUID fresh, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE alert_key SET incident_id = :incident, alerts = 1, first_at = :now, last_at = :now
                        WHERE integration_id = :integration AND dedup_key = :key""")
                .setParameter("incident", fresh).setParameter("now", now)
                .setParameter("integration", integration.id).setParameter("key", alert.dedupKey())
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<AlertOutcome> start(Integration integration, Alert alert, UUID incidentId) {
        return playbooks.findReadOnly(integration.playbookId).chain(playbook -> {
            if (playbook == null || playbook.deleted || !playbook.teamId.equals(integration.teamId)) {
                throw ProblemException.conflict("The playbook of integration " + integration.name
                        + " no longer exists; choose another one for it");
            }
            NewIncident request = new NewIncident(playbook.id, channelName(alert, incidentId), null,
                    severityFor(playbook, alert.severity()));
            return incidentService.startFor(incidentId, playbook, request, integration.ownerId,
                    List.of(details(integration, alert, incidentId)));
        }).replaceWith(outcome(Result.STARTED, alert, incidentId));
    }

    private Uni<Incident> post(Integration integration, Incident incident, Alert alert, String what) {
        String text = "Alert \"" + alert.summary() + "\" " + what + " (integration " + integration.name + ").";
        return changes.record(incident, integration.ownerId,
                Change.of(EventType.INCIDENT_ALERT_RECEIVED, text).byBot().state(alert.action().name()));
    }

    /** What the channel shows about the alert that started it: summary, source, severity, details, links, URL. */
    private String details(Integration integration, Alert alert, UUID incidentId) {
        // Plain text: the channel shows messages as they are written.
        StringBuilder text = new StringBuilder("Alert from ").append(integration.name);
        if (alert.source() != null) {
            text.append(" (").append(alert.source()).append(")");
        }
        text.append(": ").append(alert.summary());
        if (alert.severity() != null) {
            text.append("\n\nSeverity: ").append(alert.severity());
        }
        text.append("\nKey: ").append(alert.dedupKey());
        if (!alert.details().isEmpty()) {
            text.append("\n");
            alert.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> text.append("\n- ").append(e.getKey()).append(": ").append(e.getValue()));
        }
        if (!alert.links().isEmpty()) {
            text.append("\n\nLinks:");
            alert.links().forEach(link -> text.append("\n- ")
                    .append(link.text() == null ? "" : link.text() + ": ").append(link.href()));
        }
        text.append("\n\nIncident: ").append(incidentUrl(incidentId));
        return text.toString();
    }

    /** The summary as a channel name, made unique by the incident's id (the team's names are unique). */
    static String channelName(Alert alert, UUID incidentId) {
        String summary = alert.summary().strip();
        String base = summary.length() > 80 ? summary.substring(0, 80).strip() : summary;
        return base + " #" + incidentId.toString().substring(0, 8);
    }

    /**
     * The playbook's level for an alert severity: the same code if the playbook has it, else by rank
     * (critical → the first, most severe level; error → the second; ...; the last level at most); null
     * if the playbook has none or the alert says nothing recognisable.
     */
    static String severityFor(PlaybookView playbook, String alertSeverity) {
        List<String> levels = playbook.severities;
        if (levels.isEmpty() || alertSeverity == null) {
            return null;
        }
        String wanted = alertSeverity.strip().toLowerCase(Locale.ROOT);
        for (String level : levels) {
            if (level.equalsIgnoreCase(wanted)) {
                return level;
            }
        }
        for (int rank = 0; rank < SEVERITY_RANKS.size(); rank++) {
            if (SEVERITY_RANKS.get(rank).contains(wanted)) {
                return levels.get(Math.min(rank, levels.size() - 1));
            }
        }
        return null;
    }

    /** The playbook's alert handling decides for all its alert sources; the integration may also say so for itself. */
    static boolean endsOnResolve(Integration integration, PlaybookView playbook) {
        return integration.resolveEnds
                || playbook != null && playbook.settings.alertHandling().resolveEndsIncident();
    }

    /** The owner, acting for the integration on incidents it started (which it may end by its setting). */
    private static CurrentUser owner(Integration integration) {
        return CurrentUser.actingFor(integration.ownerId, Set.of(integration.teamId), true);
    }

    private AlertOutcome outcome(Result result, Alert alert, UUID incidentId) {
        return new AlertOutcome(result, alert.dedupKey(), incidentId, incidentId == null ? null : incidentUrl(incidentId));
    }
}
