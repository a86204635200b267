package dev.commandcenter.notifier.service;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.IncidentStarted;
import dev.commandcenter.contracts.InvalidEventException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.mapping.NotificationMapper;
import dev.commandcenter.notifier.model.Notification;
import dev.commandcenter.notifier.repository.NotificationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Notification use cases. Notifications belong to the incident's team: only its members see them
 * (other teams get an empty list, as if there were none); system administrators see all.
 */
@ApplicationScoped
public class NotificationService {
    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final NotificationRepository notifications;

    public NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /**
     * Notifies the commander of a started incident. Runs inside the consumer's transaction, so the
     * notification is recorded exactly once per event. Events without a team are skipped; events
     * naming no incident or another team than their envelope are rejected (dead-lettered).
     */
    public Uni<Void> notifyIncidentStarted(EventEnvelope event) {
        if (event.teamid() == null || event.teamid().isBlank()) {
            LOG.warnf("Skipped incident event %s: it names no team", event.id());
            return Uni.createFrom().voidItem();
        }
        IncidentStarted incident = EventJson.data(event, IncidentStarted.class);
        if (incident == null || isBlank(incident.incidentId()) || isBlank(incident.commanderId())
                || !Objects.equals(incident.teamId(), event.teamid())) {
            return Uni.createFrom().failure(new InvalidEventException("Incident event " + event.id()
                    + " names no incident or commander, or another team than its envelope", null));
        }
        return notifications.persist(NotificationMapper.incidentStarted(event, incident, Instant.now()))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<List<Notification>> listForIncident(String incidentId, int limit, CurrentUser user) {
        if (user.isSystemAdmin()) {
            return notifications.listForIncident(incidentId, limit);
        }
        if (user.teams().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return notifications.listForIncident(incidentId, user.teams(), limit);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
