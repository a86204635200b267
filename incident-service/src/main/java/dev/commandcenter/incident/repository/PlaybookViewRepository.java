package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.PlaybookView;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlaybookViewRepository implements PanacheRepositoryBase<PlaybookView, UUID> {
    static final int MAX_PER_TEAM = 500;

    /** The team's live playbooks by title; callers keep those the user may start incidents from. */
    public Uni<List<PlaybookView>> liveOfTeam(String teamId) {
        return find("teamId = ?1 and deleted = false order by lower(title), id", teamId).range(0, MAX_PER_TEAM - 1)
                .list();
    }
}
