package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.StatusUpdate;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StatusUpdateRepository implements PanacheRepositoryBase<StatusUpdate, UUID> {

    /** The incident's status updates, newest first, strictly older than {@code before} (null: from the newest). */
    public Uni<List<StatusUpdate>> page(UUID incidentId, StatusUpdate before, int limit) {
        if (before == null) {
            return find("incidentId = ?1 order by createdAt desc, id desc", incidentId).page(Page.ofSize(limit))
                    .list();
        }
        return find("incidentId = :incident and (createdAt, id) < (:at, :id) order by createdAt desc, id desc",
                Parameters.with("incident", incidentId).and("at", before.createdAt).and("id", before.id))
                .page(Page.ofSize(limit)).list();
    }

    /** The incident's status updates, oldest first (an incident holds at most a bounded number of them). */
    public Uni<List<StatusUpdate>> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by createdAt, id", incidentId);
    }

    public Uni<Long> countOf(UUID incidentId) {
        return count("incidentId", incidentId);
    }
}
