package dev.commandcenter.gateway.security;

import dev.commandcenter.gateway.config.GatewayConfig;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A bearer token is accepted only if it is meant for at least one service behind the gateway.
 *
 * <p>This is not {@code quarkus.oidc.token.audience}: Quarkus applies that list to every token it
 * verifies, including the ID token of the browser login, whose audience is the gateway's own
 * client id; with the service audiences there, nobody could sign in. So Quarkus keeps its default
 * for ID tokens (audience = {@code quarkus.oidc.client-id}) and this check covers bearer tokens,
 * after Quarkus has verified their issuer, signature and expiry.
 */
@ApplicationScoped
public class ServiceAudienceCheck implements SecurityIdentityAugmentor {
    private final Set<String> serviceAudiences;

    public ServiceAudienceCheck(GatewayConfig config) {
        this.serviceAudiences = Set.copyOf(config.serviceAudiences());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) != null) {
            return Uni.createFrom().item(identity);
        }
        Set<String> audience = identity.getPrincipal() instanceof JsonWebToken token && token.getAudience() != null
                ? token.getAudience()
                : Set.of();
        if (Collections.disjoint(audience, serviceAudiences)) {
            return Uni.createFrom().failure(
                    new AuthenticationFailedException("The token is not meant for any service behind the gateway"));
        }
        return Uni.createFrom().item(identity);
    }
}
