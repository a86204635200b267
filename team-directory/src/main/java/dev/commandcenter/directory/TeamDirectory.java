package dev.commandcenter.directory;

import dev.commandcenter.kit.problem.ProblemException;
import io.quarkus.cache.CacheResult;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Which teams a user belongs to, asked of Keycloak (the source of truth for team membership)
 * through its admin API with the read-only {@code team-directory} service account. Answers are
 * cached briefly; Keycloak being down turns into a 503, never into a wrong yes.
 */
@ApplicationScoped
public class TeamDirectory {
    private static final String REALMS = "/realms/";

    private final KeycloakAdminApi api;
    private final String realm;
    private final OidcClient oidcClient;
    private volatile Tokens tokens;

    public TeamDirectory(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer, OidcClients clients) {
        int at = issuer.indexOf(REALMS);
        if (at < 0) {
            throw new IllegalStateException("quarkus.oidc.auth-server-url must be a Keycloak realm URL: " + issuer);
        }
        this.realm = issuer.substring(at + REALMS.length()).replaceAll("/+$", "");
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(issuer.substring(0, at)))
                .connectTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                .readTimeout(3, java.util.concurrent.TimeUnit.SECONDS)
                .build(KeycloakAdminApi.class);
        this.oidcClient = clients.getClient("team-directory");
    }

    /** The user's teams; empty if Keycloak does not know the user. */
    @CacheResult(cacheName = "team-directory")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<Set<String>> teamsOf(String username) {
        return bearer().flatMap(bearer -> api.findUsers(bearer, realm, username, true, true)
                .flatMap(users -> {
                    List<KeycloakAdminApi.User> exact = users.stream()
                            .filter(u -> u.enabled() && username.equalsIgnoreCase(u.username())).toList();
                    if (exact.isEmpty()) {
                        return Uni.createFrom().item(Set.<String>of());
                    }
                    return api.groupsOf(bearer, realm, exact.get(0).id()).map(groups -> {
                        Set<String> teams = new TreeSet<>();
                        groups.forEach(g -> teams.add(g.name()));
                        return Set.copyOf(teams);
                    });
                }));
    }

    /** Fails with 400 naming {@code field} unless {@code username} is a member of {@code teamId}. */
    public Uni<Void> requireMember(String username, String teamId, String field) {
        return teamsOf(username)
                .onFailure().transform(e -> new ProblemException(503, "directory-unavailable",
                        "Service Unavailable", "Team membership cannot be checked right now; try again shortly",
                        List.of()))
                .invoke(teams -> {
                    if (!teams.contains(teamId)) {
                        throw ProblemException.invalidField(field,
                                username + " is not a member of team " + teamId);
                    }
                }).replaceWithVoid();
    }

    private Uni<String> bearer() {
        Tokens current = tokens;
        if (current != null && !current.isAccessTokenWithinRefreshInterval()
                && !current.isAccessTokenExpired()) {
            return Uni.createFrom().item("Bearer " + current.getAccessToken());
        }
        return oidcClient.getTokens().map(fresh -> {
            tokens = fresh;
            return "Bearer " + fresh.getAccessToken();
        });
    }
}
