package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.Incident;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /**
     * The incident, loaded after taking its row lock: concurrent changes of one incident queue up
     * behind each other and each sees the state its predecessor committed.
     */
    public Uni<Incident> findForUpdate(UUID id) {
        return getSession().chain(session -> session.createNativeQuery("SELECT id FROM incident WHERE id = :id FOR UPDATE")
                .setParameter("id", id).getResultList()).chain(locked -> findById(id));
    }

    /**
     * Locks up to {@code limit} ongoing incidents whose status-update reminder is due at {@code now},
     * earliest first, skipping those another transaction holds (another replica firing them, or a
     * change in progress: they fire at the next check). Returns their ids.
     */
    public Uni<List<UUID>> lockDueReminders(java.time.Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("SELECT id FROM incident WHERE active AND "
                        + "next_reminder_at <= :now ORDER BY next_reminder_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                        UUID.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }

    /** The incidents with these ids (in no particular order). */
    public Uni<List<Incident>> findByIds(List<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** One page of a team's incidents, newest first, after {@code after}; {@code limit} rows at most. */
    public Uni<List<Incident>> page(IncidentFilter filter, IncidentCursor after, int limit) {
        StringBuilder query = new StringBuilder("from Incident i where i.teamId = :team");
        Parameters params = Parameters.with("team", filter.teamId());
        if (filter.viewer() != null) {
            query.append(" and (i.publicChannel = true or :viewer member of i.memberIds)");
            params.and("viewer", filter.viewer());
        }
        if (filter.active() != null) {
            query.append(" and i.active = :active");
            params.and("active", filter.active());
        }
        if (filter.commanderId() != null && !filter.commanderId().isBlank()) {
            query.append(" and i.commanderId = :commander");
            params.and("commander", filter.commanderId());
        }
        if (filter.severity() != null && !filter.severity().isBlank()) {
            query.append(" and i.severity = :severity");
            params.and("severity", filter.severity());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            query.append(" and lower(i.name) like :search escape '!'");
            params.and("search", "%" + filter.search().strip().toLowerCase(Locale.ROOT).replace("!", "!!")
                    .replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.learningState() != null) {
            query.append(" and i.learningState = :learningState");
            params.and("learningState", filter.learningState());
        }
        if (filter.learningStatus() != null) {
            query.append(" and i.learningStatus = :learningStatus");
            params.and("learningStatus", filter.learningStatus());
        }
        if (after != null) {
            query.append(" and (i.createdAt, i.id) < (:at, :id)");
            params.and("at", after.createdAt()).and("id", after.id());
        }
        query.append(" order by i.createdAt desc, i.id desc");
        return find(query.toString(), params).range(0, limit - 1).list();
    }
}
