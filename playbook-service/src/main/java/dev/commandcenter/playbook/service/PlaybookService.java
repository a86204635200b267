package dev.commandcenter.playbook.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.events.Outbox;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.playbook.mapping.PlaybookMapper;
import dev.commandcenter.playbook.model.Playbook;
import dev.commandcenter.playbook.repository.PlaybookRepository;
import dev.commandcenter.playbook.rest.CreatePlaybookRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Playbook use cases. Only members of the playbook's team have any access; within the team only
 * playbook members see it (others get 404, as if it did not exist); system administrators see all.
 */
@ApplicationScoped
public class PlaybookService {
    private final PlaybookRepository playbooks;
    private final Outbox outbox;

    public PlaybookService(PlaybookRepository playbooks, Outbox outbox) {
        this.playbooks = playbooks;
        this.outbox = outbox;
    }

    /** Stores the playbook and its {@code playbook.created.v1} event in one transaction. */
    @WithTransaction
    public Uni<Playbook> create(CreatePlaybookRequest request, CurrentUser user) {
        user.requireTeam(request.teamId());
        Playbook playbook = PlaybookMapper.newPlaybook(request, user.id(), Instant.now());
        return playbooks.persist(playbook)
                .call(saved -> outbox.emit(EventType.PLAYBOOK_CREATED, saved.id.toString(), saved.teamId, user.id(),
                        PlaybookMapper.state(saved)));
    }

    @WithSession
    public Uni<Playbook> get(UUID id, CurrentUser user) {
        return playbooks.findById(id).map(playbook -> {
            if (playbook == null || playbook.deletedAt != null || !canSee(playbook, user)) {
                throw ProblemException.notFound("Playbook " + id);
            }
            return playbook;
        });
    }

    @WithSession
    public Uni<List<Playbook>> list(String teamId, int limit, CurrentUser user) {
        if (!user.canAccessTeam(teamId)) {
            return Uni.createFrom().item(List.of());
        }
        return user.isSystemAdmin() ? playbooks.listAll(teamId, limit)
                : playbooks.listForMember(teamId, user.id(), limit);
    }

    static boolean canSee(Playbook playbook, CurrentUser user) {
        return user.isSystemAdmin()
                || (user.teams().contains(playbook.teamId) && playbook.memberIds.contains(user.id()));
    }
}
