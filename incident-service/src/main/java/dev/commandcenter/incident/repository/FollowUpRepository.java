package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.FollowUp;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

    /** The incident's follow-ups, oldest first (bounded per incident, so no paging). */
    public Uni<List<FollowUp>> ofIncident(UUID incidentId) {
        return find("incidentId = ?1 order by createdAt, id", incidentId).list();
    }

    public Uni<Long> countOf(UUID incidentId) {
        return count("incidentId", incidentId);
    }
}
