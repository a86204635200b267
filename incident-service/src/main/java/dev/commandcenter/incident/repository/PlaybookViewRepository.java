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

    /**
     * The playbook, read only: the session keeps no snapshot of it and flushes do not compare it.
     * A snapshot of its JSON columns (members, stages, severities) costs a serialise-and-parse of
     * each, which the start of an incident, reading the playbook only, has no use for.
     */
    public Uni<PlaybookView> findReadOnly(UUID id) {
        return getSession().chain(session -> session
                .createSelectionQuery("from PlaybookView where id = :id", PlaybookView.class)
                .setParameter("id", id).setReadOnly(true).getSingleResultOrNull());
    }

    /** The team's live playbooks by title; callers keep those the user may start incidents from. */
    public Uni<List<PlaybookView>> liveOfTeam(String teamId) {
        return find("teamId = ?1 and deleted = false order by lower(title), id", teamId).range(0, MAX_PER_TEAM - 1)
                .list();
    }
}
