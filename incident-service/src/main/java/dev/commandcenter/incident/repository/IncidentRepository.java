package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.Incident;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    public Uni<Boolean> channelNameTaken(String teamId, String name) {
        return count("teamId = ?1 and lower(name) = lower(?2)", teamId, name).map(count -> count > 0);
    }

    /** The team's public incidents and the private ones the user is a member of, newest first. */
    public Uni<List<Incident>> listVisible(String teamId, String userId, int limit) {
        return find("select distinct i from Incident i left join i.memberIds m where i.teamId = ?1"
                + " and (i.publicChannel = true or m = ?2) order by i.createdAt desc, i.id desc", teamId, userId)
                .page(Page.ofSize(limit)).list();
    }

    public Uni<List<Incident>> listAll(String teamId, int limit) {
        return find("teamId = ?1 order by createdAt desc, id desc", teamId).page(Page.ofSize(limit)).list();
    }
}
