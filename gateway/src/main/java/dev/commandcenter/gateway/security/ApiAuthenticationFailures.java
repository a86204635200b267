package dev.commandcenter.gateway.security;

import dev.commandcenter.gateway.route.ProblemResponses;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A rejected bearer token (bad signature, foreign issuer, expired, no service audience) on the
 * proxied paths is answered with a 401 problem, before anything reaches a service.
 */
@ApplicationScoped
public class ApiAuthenticationFailures {

    void register(@Observes Router router) {
        router.route("/api/*").failureHandler(this::handle);
        router.route("/backstage/*").failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (ctx.failure() instanceof AuthenticationFailedException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemResponses.send(ctx, 401, "unauthenticated", "Unauthorized",
                    "The bearer token is invalid, expired, or not meant for this system");
        } else {
            ctx.next();
        }
    }
}
