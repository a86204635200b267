package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.Integration;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IntegrationRepository implements PanacheRepositoryBase<Integration, UUID> {

    /** The live integration a presented secret belongs to (by its hash), or null. */
    public Uni<Integration> findBySecretHash(String hash) {
        return find("secretHash = ?1 and revokedAt is null", hash).firstResult();
    }

    /** The team's integrations, newest first, revoked ones included (bounded: see IntegrationService). */
    public Uni<List<Integration>> ofTeam(String teamId, int limit) {
        return find("teamId = ?1 order by createdAt desc, id desc", teamId).page(0, limit).list();
    }

    public Uni<Long> countLive(String teamId) {
        return count("teamId = ?1 and revokedAt is null", teamId);
    }
}
