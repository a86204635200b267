package dev.commandcenter.notifier.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serializes the changes that count a team's rows against a limit: two concurrent creations would
 * otherwise both see one below the limit and both insert. A transaction-scoped advisory lock, held
 * until the caller's transaction ends; other teams are not held up.
 */
@ApplicationScoped
public class TeamLocks {

    /** Locks {@code what} of {@code teamId} (e.g. its schedules) until the current transaction ends. */
    public Uni<Void> lock(String what, String teamId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", what + ":" + teamId).getSingleResult()).replaceWithVoid();
    }
}
