package dev.commandcenter.notifier.repository;

import dev.commandcenter.notifier.model.Notification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** An incident's notifications in the given teams, oldest first. */
    public Uni<List<Notification>> listForIncident(String incidentId, Collection<String> teamIds, int limit) {
        return find("incidentId = ?1 and teamId in ?2 order by createdAt, id", incidentId, teamIds)
                .page(Page.ofSize(limit)).list();
    }

    /** All of an incident's notifications, for system administrators. */
    public Uni<List<Notification>> listForIncident(String incidentId, int limit) {
        return find("incidentId = ?1 order by createdAt, id", incidentId).page(Page.ofSize(limit)).list();
    }
}
