package dev.commandcenter.kit.security;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Paths whose callers authenticate with a key of their own rather than an OIDC token: alerting
 * systems and chat tools, which send their integration key as {@code Authorization: Bearer <key>}
 * (Alertmanager) or sign the request (Slack). OIDC must not judge that credential (it would answer
 * 401 before the service could check the key), so these paths get an OIDC tenant that is disabled:
 * it authenticates nobody, the caller stays anonymous, and the endpoint checks the key itself.
 * Configured by {@code commandcenter.key-authenticated-paths} (path prefixes; none by default).
 */
@ApplicationScoped
public class KeyAuthenticatedPaths implements TenantConfigResolver {
    private static final OidcTenantConfig NO_OIDC = OidcTenantConfig.builder().tenantId("key-authenticated")
            .tenantEnabled(false).build();

    private final List<String> prefixes;

    public KeyAuthenticatedPaths(
            @ConfigProperty(name = "commandcenter.key-authenticated-paths") Optional<List<String>> prefixes) {
        this.prefixes = prefixes.orElse(List.of()).stream().map(p -> p.endsWith("/") ? p : p + "/").toList();
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        String path = context.normalizedPath();
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return Uni.createFrom().item(NO_OIDC);
            }
        }
        return Uni.createFrom().nullItem();
    }
}
