package dev.commandcenter.notifier.repository;

import dev.commandcenter.notifier.model.Subscription;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    /** All of a team's subscriptions (at most notifier.limits.subscriptions-per-team), by name. */
    public Uni<List<Subscription>> ofTeam(String teamId) {
        return list("teamId = ?1 order by lower(name), id", teamId);
    }

    public Uni<Long> countOfTeam(String teamId) {
        return count("teamId", teamId);
    }
}
