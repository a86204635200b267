package dev.commandcenter.playbook.repository;

import dev.commandcenter.playbook.model.Playbook;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlaybookRepository implements PanacheRepositoryBase<Playbook, UUID> {

    /** Live playbooks of a team that the user is a member of, newest first. */
    public Uni<List<Playbook>> listForMember(String teamId, String userId, int limit) {
        return find("select distinct p from Playbook p join p.memberIds m where p.teamId = ?1 and m = ?2"
                + " and p.deletedAt is null order by p.createdAt desc, p.id desc", teamId, userId)
                .page(Page.ofSize(limit)).list();
    }

    /** Live playbooks of a team, for system administrators. */
    public Uni<List<Playbook>> listAll(String teamId, int limit) {
        return find("teamId = ?1 and deletedAt is null order by createdAt desc, id desc", teamId)
                .page(Page.ofSize(limit)).list();
    }
}
