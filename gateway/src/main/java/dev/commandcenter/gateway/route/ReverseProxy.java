package dev.commandcenter.gateway.route;

import dev.commandcenter.gateway.config.GatewayConfig;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Forwards {@code /api/*} and {@code /backstage/*} to the service that owns the path. Bodies stream
 * through in both directions (nothing is buffered whole); the caller's verified access token, or
 * the browser session's, goes along as {@code Authorization: Bearer}, and each service verifies it
 * again. Anonymous callers, unknown paths, oversized bodies, callers over their rate and
 * unreachable services get problem details from the gateway itself.
 */
@ApplicationScoped
public class ReverseProxy {
    static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    /** RFC 9110 7.6.1 connection-specific headers, never forwarded in either direction. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** Request headers the gateway replaces or keeps from the services. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "cookie", "authorization", "content-length",
            "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
            "x-forwarded-prefix", "x-real-ip", "x-request-id");
    /** Response headers the services do not set on the gateway's origin: the session cookies are the gateway's. */
    private static final Set<String> NOT_RETURNED = Set.of("set-cookie", "content-length", "x-request-id");

    private final GatewayConfig config;
    private final RateLimiter rateLimiter;
    private final HttpClient client;

    public ReverseProxy(GatewayConfig config, RateLimiter rateLimiter, Vertx vertx) {
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(200)
                .setKeepAlive(true)
                .setConnectTimeout((int) config.timeout().connect().toMillis()));
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
        Optional<String> accessToken = identity.map(i -> i.getCredential(AccessTokenCredential.class))
                .map(AccessTokenCredential::getToken);
        if (accessToken.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ProblemResponses.send(ctx, 401, "unauthenticated", "Unauthorized",
                    "Sign in, or send a valid bearer token");
            return;
        }
        String path = ctx.normalizedPath();
        Optional<Upstream> upstream = RouteTable.upstreamFor(path);
        if (upstream.isEmpty()) {
            ProblemResponses.send(ctx, 404, "not-found", "Not Found", "No service serves " + path);
            return;
        }
        forward(ctx, upstream.get(), path, accessToken.get(), requestId);
    }

    private void forward(RoutingContext ctx, Upstream upstream, String path, String accessToken, String requestId) {
        HttpServerRequest request = ctx.request();
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(join(upstream.baseUrl(config).toString(), path) + (query == null ? "" : "?" + query))
                .setConnectTimeout(config.timeout().connect().toMillis())
                .setIdleTimeout(config.timeout().response().toMillis());
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                upstreamFailed(ctx, upstream, created.cause());
                return;
            }
            HttpClientRequest upstreamRequest = created.result();
            upstreamRequest.exceptionHandler(failure -> LOG.debugf("Call to the %s service failed: %s",
                    upstream, failure.getMessage())); // answered through response() below
            copyRequestHeaders(request, upstreamRequest, accessToken, requestId);
            upstreamRequest.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    relay(ctx, answered.result());
                } else {
                    upstreamFailed(ctx, upstream, answered.cause());
                }
            });
            streamBody(ctx, upstreamRequest);
        });
    }

    private void copyRequestHeaders(HttpServerRequest in, HttpClientRequest out, String accessToken, String requestId) {
        Set<String> hopByHop = hopByHop(in.headers());
        in.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!hopByHop.contains(name) && !NOT_FORWARDED.contains(name)) {
                out.headers().add(header.getKey(), header.getValue());
            }
        });
        String declaredLength = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declaredLength != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, declaredLength);
        } else if (in.headers().contains(HttpHeaders.TRANSFER_ENCODING) || in.version() == HttpVersion.HTTP_2) {
            out.setChunked(true);
        }
        out.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        out.putHeader("X-Forwarded-For", in.remoteAddress().hostAddress());
        out.putHeader("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            out.putHeader("X-Forwarded-Host", in.authority().toString());
        }
        out.putHeader(REQUEST_ID, requestId);
    }

    /** Streams the caller's body with back-pressure, stopping at the size limit even without a Content-Length. */
    private void streamBody(RoutingContext ctx, HttpClientRequest out) {
        HttpServerRequest in = ctx.request();
        if (in.isEnded()) {
            out.end();
            return;
        }
        long limit = config.maxBodySize().asLongValue();
        long[] received = { 0 };
        in.handler(chunk -> {
            if (received[0] > limit) {
                return; // already answered 413; the rest of the body is read and dropped
            }
            received[0] += chunk.length();
            if (received[0] > limit) {
                bodyTooLarge(ctx); // before cancelling the upstream call, whose failure must not answer 502
                out.reset();
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(drained -> in.resume());
            }
        });
        in.endHandler(ended -> {
            if (received[0] <= limit) {
                out.end();
            }
        });
        in.exceptionHandler(failure -> out.reset());
    }

    private void relay(RoutingContext ctx, HttpClientResponse upstreamResponse) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            upstreamResponse.request().reset();
            return;
        }
        response.setStatusCode(upstreamResponse.statusCode());
        Set<String> hopByHop = hopByHop(upstreamResponse.headers());
        upstreamResponse.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!hopByHop.contains(name) && !NOT_RETURNED.contains(name)) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        String location = upstreamResponse.getHeader(HttpHeaders.LOCATION);
        if (location != null) {
            response.headers().set(HttpHeaders.LOCATION, onGateway(location, upstreamResponse.request().absoluteURI()));
        }
        String length = upstreamResponse.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (mayHaveBody(ctx.request().method(), upstreamResponse.statusCode())) {
            response.setChunked(true);
        }
        upstreamResponse.pipeTo(response).onFailure(failure -> {
            LOG.debugf("Relaying %s %s stopped: %s", ctx.request().method(), ctx.request().path(), failure.getMessage());
            upstreamResponse.request().reset();
            response.reset();
        });
    }

    /**
     * A redirect to the service's own origin (services build absolute URLs from the address they
     * were called on) becomes the same path on the gateway; other locations pass unchanged.
     */
    static String onGateway(String location, String upstreamRequestUri) {
        URI upstream = URI.create(upstreamRequestUri);
        String origin = upstream.getScheme() + "://" + upstream.getRawAuthority();
        return location.startsWith(origin + "/") ? location.substring(origin.length()) : location;
    }

    private void upstreamFailed(RoutingContext ctx, Upstream upstream, Throwable failure) {
        String service = upstream.name().toLowerCase(Locale.ROOT) + " service";
        HttpServerRequest request = ctx.request();
        if (ctx.response().ended()) {
            return; // the gateway already answered (e.g. 413) and cancelled the upstream call
        }
        if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException) {
            LOG.warnf("The %s did not answer %s %s in time", service, request.method(), request.path());
            ProblemResponses.send(ctx, 504, "upstream-timeout", "Gateway Timeout",
                    "The " + service + " did not answer in time; try again later");
        } else {
            LOG.warnf("The %s is unreachable for %s %s: %s", service, request.method(), request.path(),
                    failure.getMessage());
            ProblemResponses.send(ctx, 502, "upstream-unavailable", "Bad Gateway",
                    "The " + service + " is not reachable; try again later");
        }
    }

    private static void bodyTooLarge(RoutingContext ctx) {
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

    /** The standard hop-by-hop headers plus any the {@code Connection} header names. */
    private static Set<String> hopByHop(MultiMap headers) {
        Set<String> named = headers.getAll(HttpHeaders.CONNECTION).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        named.addAll(HOP_BY_HOP);
        return named;
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    private static String join(String base, String path) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
