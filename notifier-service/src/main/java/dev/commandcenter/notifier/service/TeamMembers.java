package dev.commandcenter.notifier.service;

import dev.commandcenter.directory.TeamDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Checks that the people a schedule, override or policy names belong to its team (Keycloak is the
 * source of truth): a 400 naming the first field with a non-member, each person asked about once.
 */
@ApplicationScoped
public class TeamMembers {
    private final TeamDirectory directory;

    public TeamMembers(TeamDirectory directory) {
        this.directory = directory;
    }

    /** {@code people} maps each user name to the field that names it first (in the order to check). */
    public Uni<Void> requireAll(Map<String, String> people, String teamId) {
        Uni<Void> checked = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> person : people.entrySet()) {
            checked = checked.chain(() -> directory.requireMember(person.getKey(), teamId, person.getValue()));
        }
        return checked;
    }

    public Uni<Void> require(String userId, String teamId, String field) {
        return directory.requireMember(userId, teamId, field);
    }
}
