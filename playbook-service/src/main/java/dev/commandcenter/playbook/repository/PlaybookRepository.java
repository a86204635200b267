package dev.commandcenter.playbook.repository;

import dev.commandcenter.playbook.model.Playbook;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlaybookRepository implements PanacheRepositoryBase<Playbook, UUID> {

    /**
     * One page of a team's live playbooks, in {@code sort} order after {@code after}; only those
     * {@code memberId} belongs to unless it is null (system administrators). Fetches
     * {@code limit} rows; callers ask for one more than they show to know whether a next page exists.
     */
    public Uni<List<Playbook>> page(String teamId, String memberId, String titleSearch, PlaybookSort sort,
            PlaybookCursor after, int limit) {
        StringBuilder query = new StringBuilder("from Playbook p where p.teamId = :team and p.deletedAt is null");
        Parameters params = Parameters.with("team", teamId);
        if (memberId != null) {
            query.append(" and :member member of p.memberIds");
            params.and("member", memberId);
        }
        if (titleSearch != null && !titleSearch.isBlank()) {
            query.append(" and lower(p.title) like :search escape '!'");
            params.and("search", "%" + likeEscape(PlaybookCursor.titleKey(titleSearch.strip())) + "%");
        }
        if (after != null) {
            switch (sort) {
                case CREATED -> query.append(" and (p.createdAt, p.id) < (:at, :id)");
                case UPDATED -> query.append(" and (p.updatedAt, p.id) < (:at, :id)");
                case TITLE -> query.append(" and (lower(p.title), p.id) > (:title, :id)");
            }
            if (sort == PlaybookSort.TITLE) {
                params.and("title", after.key());
            } else {
                params.and("at", after.instant());
            }
            params.and("id", after.id());
        }
        query.append(switch (sort) {
            case CREATED -> " order by p.createdAt desc, p.id desc";
            case UPDATED -> " order by p.updatedAt desc, p.id desc";
            case TITLE -> " order by lower(p.title), p.id";
        });
        return find(query.toString(), params).range(0, limit - 1).list();
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
