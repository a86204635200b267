package dev.commandcenter.kit.security;

import dev.commandcenter.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified token: user id (the Keycloak user name), teams (the
 * {@code groups} claim) and whether they are a system administrator (realm role {@code admin}).
 *
 * <p>Callers that cannot sign in (an alerting system, a chat tool) authenticate with an integration
 * key instead; the service then acts for a user it has checked itself: {@link #actingFor}.
 */
@RequestScoped
public class CurrentUser {
    public static final String ADMIN_ROLE = "admin";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Acting acting;

    /** A user the service vouches for: an integration's owner, a chat user mapped to a team member. */
    private record Acting(String id, Set<String> teams, boolean systemAdmin) {
    }

    @Inject
    public CurrentUser(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
        this.acting = null;
    }

    private CurrentUser(Acting acting) {
        this.identity = null;
        this.token = null;
        this.acting = acting;
    }

    /**
     * Acts for a user without a token: the caller (an integration key, a verified chat request) has
     * established who they are and which teams they belong to.
     */
    public static CurrentUser actingFor(String id, Set<String> teams, boolean systemAdmin) {
        return new CurrentUser(new Acting(id, Set.copyOf(teams), systemAdmin));
    }

    public String id() {
        return acting != null ? acting.id() : identity.getPrincipal().getName();
    }

    public Set<String> teams() {
        if (acting != null) {
            return new TreeSet<>(acting.teams());
        }
        Object groups = token.getClaim("groups");
        Set<String> teams = new TreeSet<>();
        if (groups instanceof Collection<?> values) {
            values.forEach(v -> teams.add(unquote(v.toString())));
        }
        return teams;
    }

    public boolean isSystemAdmin() {
        return acting != null ? acting.systemAdmin() : identity.hasRole(ADMIN_ROLE);
    }

    /** Whether the user may see the team's data at all: a member of the team, or an administrator. */
    public boolean canAccessTeam(String teamId) {
        return isSystemAdmin() || teams().contains(teamId);
    }

    /** Fails with 403 unless the user belongs to the team (administrators may act for any team). */
    public void requireTeam(String teamId) {
        if (!canAccessTeam(teamId)) {
            throw ProblemException.forbidden("You are not a member of team " + teamId);
        }
    }

    /** The teams whose data the caller may list; empty for administrators, meaning all. */
    public List<String> visibleTeamsOrAllForAdmin() {
        return isSystemAdmin() ? List.of() : List.copyOf(teams());
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
