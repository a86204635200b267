package dev.commandcenter.gateway.route;

import dev.commandcenter.gateway.config.GatewayConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Forwards {@code /api/*} and {@code /backstage/*} to the service that owns the path
 * ({@link UpstreamExchange}: streaming both ways, safe re-sending, callers who hang up). The
 * caller's verified access token, or the browser session's, goes along as
 * {@code Authorization: Bearer}, and each service verifies it again. Anonymous callers, unknown
 * paths, oversized bodies, callers over their rate and unreachable services get problem details
 * from the gateway itself.
 */
@ApplicationScoped
public class ReverseProxy {
    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final GatewayConfig config;
    private final RateLimiter rateLimiter;
    private final HttpClient client;

    public ReverseProxy(GatewayConfig config, RateLimiter rateLimiter, Vertx vertx) {
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.pool().keepAlive().toSeconds()))
                .setConnectTimeout((int) config.timeout().connect().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.pool().maxSize()));
    }

    void register(@Observes Router router) {
        // Before Quarkus' own size check (order -2), which would answer 413 without a problem body.
        router.route().order(-3).handler(this::rejectDeclaredOversizeBody);
        router.route("/api/*").handler(this::proxy);
        router.route("/backstage/*").handler(this::proxy);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void rejectDeclaredOversizeBody(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && parseLength(declared) > config.maxBodySize().asLongValue()) {
            bodyTooLarge(ctx);
        } else {
            ctx.next();
        }
    }

    private void proxy(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestId = requestId(request);
        ctx.response().putHeader(REQUEST_ID, requestId);
        Optional<SecurityIdentity> identity = identity(ctx);

        OptionalLong retryAfter = rateLimiter.tryAcquire(identity.map(ReverseProxy::callerKey)
                .orElse("address:" + request.remoteAddress().hostAddress()));
        if (retryAfter.isPresent()) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getAsLong()));
            ProblemResponses.send(ctx, 429, "rate-limited", "Too Many Requests",
                    "Too many requests from you; retry after " + retryAfter.getAsLong() + " s");
            return;
        }
        String path = ctx.normalizedPath();
        Optional<String> accessToken = identity.map(i -> i.getCredential(AccessTokenCredential.class))
                .map(AccessTokenCredential::getToken);
        boolean open = RouteTable.isOpen(path);
        if (accessToken.isEmpty() && !open) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ProblemResponses.send(ctx, 401, "unauthenticated", "Unauthorized",
                    "Sign in, or send a valid bearer token");
            return;
        }
        Optional<Upstream> upstream = RouteTable.upstreamFor(path);
        if (upstream.isEmpty()) {
            ProblemResponses.send(ctx, 404, "not-found", "Not Found", "No service serves " + path);
            return;
        }
        new UpstreamExchange(ctx, client, config, upstream.get(), path,
                open ? null : accessToken.get(), requestId).start();
    }

    static void bodyTooLarge(RoutingContext ctx) {
        if (ctx.request().version() != HttpVersion.HTTP_2 && !ctx.response().headWritten()) {
            // The rest of an oversized body is not worth reading: close once the answer is out.
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        ProblemResponses.send(ctx, 413, "payload-too-large", "Payload Too Large",
                "The request body is larger than the gateway accepts");
    }

    private static Optional<SecurityIdentity> identity(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                ? Optional.of(user.getSecurityIdentity())
                : Optional.empty();
    }

    private static String callerKey(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
        return "subject:" + (subject != null ? subject : identity.getPrincipal().getName());
    }

    private static String requestId(HttpServerRequest request) {
        String incoming = request.getHeader(REQUEST_ID);
        return incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
