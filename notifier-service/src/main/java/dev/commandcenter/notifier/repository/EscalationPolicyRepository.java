package dev.commandcenter.notifier.repository;

import dev.commandcenter.notifier.model.EscalationPolicy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EscalationPolicyRepository implements PanacheRepositoryBase<EscalationPolicy, UUID> {

    public Uni<List<EscalationPolicy>> ofTeam(String teamId) {
        return list("teamId = ?1 order by lower(name), id", teamId);
    }

    public Uni<Long> countOfTeam(String teamId) {
        return count("teamId", teamId);
    }
}
