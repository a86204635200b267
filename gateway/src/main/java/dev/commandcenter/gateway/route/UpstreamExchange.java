package dev.commandcenter.gateway.route;

import dev.commandcenter.gateway.config.GatewayConfig;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One caller's request carried to a service over the gateway's pooled keep-alive connections, and
 * the answer carried back, both streamed with back-pressure.
 * <p>
 * Rules that keep one request from harming another and leave no caller guessing:
 * <ul>
 * <li>A request is sent again, once, on a fresh connection only if nothing of it reached the service,
 * or if it is a read without a body (safe to repeat) whose connection closed before any answer. A
 * write is never sent twice.</li>
 * <li>Once a request has reached the service whole, the exchange runs to its end even if the caller
 * hangs up: a write is not cut off in the middle of the service's transaction, and the answer is read
 * and dropped, so the connection goes back to the pool clean. (Cancelling an exchange whose answer has
 * already arrived would close the pooled connection under the next request using it.)</li>
 * <li>What cannot be delivered is answered with a problem: 502 if the service is unreachable or closed
 * the connection, 504 if it stays silent; the detail says whether the request may have taken effect.</li>
 * </ul>
 */
final class UpstreamExchange {
    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class);
    /** RFC 9110 7.6.1 connection-specific headers, never forwarded in either direction. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** Request headers the gateway replaces or keeps from the services. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "cookie", "authorization", "content-length",
            "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
            "x-forwarded-prefix", "x-real-ip", "x-request-id");
    /** Response headers the services do not set on the gateway's origin: the session cookies are the gateway's. */
    private static final Set<String> NOT_RETURNED = Set.of("set-cookie", "content-length", "x-request-id");
    /** RFC 9110 9.2.2: repeating these has the effect of sending them once. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE);

    private final RoutingContext ctx;
    private final HttpClient client;
    private final GatewayConfig config;
    private final Upstream upstream;
    private final RequestOptions options;
    private final String accessToken;
    private final String requestId;
    private final boolean hasBody;

    private int attempts;
    private HttpClientRequest current;
    private HttpClientResponse answer;
    /** The whole request was handed to the connection: from here on the service may act on it. */
    private boolean sentWhole;
    private boolean callerGone;
    /** The service's answer arrived whole: its connection may be back in the pool. */
    private boolean answerEnded;

    UpstreamExchange(RoutingContext ctx, HttpClient client, GatewayConfig config, Upstream upstream, String path,
            String accessToken, String requestId) {
        this.ctx = ctx;
        this.client = client;
        this.config = config;
        this.upstream = upstream;
        this.accessToken = accessToken;
        this.requestId = requestId;
        HttpServerRequest request = ctx.request();
        String query = request.query();
        this.options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(join(upstream.baseUrl(config).toString(), path) + (query == null ? "" : "?" + query))
                .setConnectTimeout(config.timeout().connect().toMillis())
                .setIdleTimeout(config.timeout().response().toMillis());
        this.hasBody = declaresBody(request);
    }

    void start() {
        ctx.addEndHandler(ended -> {
            if (ended.failed()) {
                callerHungUp();
            }
        });
        // A caller who leaves while the answer streams (an event stream has no end) closes only the
        // connection; the end handler above does not hear of that before the answer ends.
        ctx.response().closeHandler(closed -> {
            if (!ctx.response().ended()) {
                callerHungUp();
            }
        });
        attempt();
    }

    /**
     * Whether a request that failed without an answer may go out once more: always if none of it was
     * written to the connection, otherwise only a bodiless request whose method is idempotent.
     */
    static boolean maySendAgain(HttpMethod method, boolean hasBody, boolean anyOfItWritten) {
        return !anyOfItWritten || (IDEMPOTENT.contains(method) && !hasBody);
    }

    private void attempt() {
        attempts++;
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                failed(created.cause(), false); // no connection: nothing was sent
                return;
            }
            HttpClientRequest out = created.result();
            out.exceptionHandler(failure -> LOG.debugf("Call to the %s service failed: %s", upstream,
                    failure.getMessage())); // answered through response() below
            if (callerGone) {
                out.reset(); // nothing written yet: only gives the connection back
                return;
            }
            current = out;
            copyRequestHeaders(ctx.request(), out);
            Future<Void> head = hasBody ? out.sendHead() : out.end();
            sentWhole = !hasBody;
            out.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    relay(answered.result());
                } else {
                    // A closed connection fails the response before or after the write fails: wait for both.
                    head.onComplete(written -> failed(answered.cause(), written.succeeded()));
                }
            });
            if (hasBody) {
                head.onSuccess(written -> streamBody(out));
            }
        });
    }

    private void failed(Throwable failure, boolean anyOfItWritten) {
        if (ctx.response().ended() || callerGone) {
            LOG.debugf("Call to the %s service for %s %s ended without an answer, nobody waits for it: %s",
                    upstream, method(), ctx.request().path(), failure.getMessage());
            return; // the gateway answered itself (e.g. 413), or the caller left
        }
        boolean timedOut = failure instanceof TimeoutException || failure instanceof ConnectTimeoutException;
        if (!timedOut && attempts == 1 && maySendAgain(method(), hasBody, anyOfItWritten)) {
            LOG.debugf("The %s service closed the connection for %s %s (%s); sending it again on a fresh one",
                    upstream, method(), ctx.request().path(), failure.getMessage());
            attempt();
            return;
        }
        boolean outcomeUnknown = anyOfItWritten && !IDEMPOTENT.contains(method());
        String service = "The " + upstream.name().toLowerCase(Locale.ROOT) + " service";
        if (timedOut) {
            LOG.warnf("%s did not answer %s %s in time", service, method(), ctx.request().path());
            ProblemResponses.send(ctx, 504, "upstream-timeout", "Gateway Timeout", service
                    + (outcomeUnknown ? " did not answer in time: the request may still take effect. Check its "
                            + "outcome before you repeat it" : " did not answer in time; try again later"));
        } else if (!anyOfItWritten) {
            LOG.warnf("%s is unreachable for %s %s: %s", service, method(), ctx.request().path(),
                    failure.getMessage());
            ProblemResponses.send(ctx, 502, "upstream-unavailable", "Bad Gateway",
                    service + " is not reachable; nothing was sent to it. Try again later");
        } else {
            LOG.warnf("%s closed the connection without answering %s %s: %s", service, method(),
                    ctx.request().path(), failure.getMessage());
            ProblemResponses.send(ctx, 502, outcomeUnknown ? "upstream-interrupted" : "upstream-unavailable",
                    "Bad Gateway", service + " closed the connection without answering"
                            + (outcomeUnknown ? ": the request may or may not have taken effect. Check its outcome "
                                    + "before you repeat it" : "; try again later"));
        }
    }

    /**
     * The caller's connection closed. A request not yet sent whole is cancelled (the service cannot act
     * on half a request); one sent whole runs to its end and its answer is dropped.
     */
    private void callerHungUp() {
        if (callerGone) {
            return;
        }
        callerGone = true;
        LOG.debugf("The caller of %s %s hung up", method(), ctx.request().path());
        if (current != null && !sentWhole) {
            current.reset();
        } else if (answer != null && !answerEnded && isEventStream(answer)) {
            // An event stream has no end to read to: close its connection. Safe, as the answer is still
            // arriving on it, so it is not back in the pool under another caller's request.
            current.reset();
        } else if (answer != null) {
            answer.resume();
        }
    }

    private static boolean isEventStream(HttpClientResponse response) {
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    private void copyRequestHeaders(HttpServerRequest in, HttpClientRequest out) {
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
        } else if (hasBody) {
            out.setChunked(true);
        }
        if (accessToken != null) {
            out.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        } else if (in.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            // An open route (integrations): the caller's own credential, for the service to check.
            out.putHeader(HttpHeaders.AUTHORIZATION, in.getHeader(HttpHeaders.AUTHORIZATION));
        }
        out.putHeader("X-Forwarded-For", in.remoteAddress().hostAddress());
        out.putHeader("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            out.putHeader("X-Forwarded-Host", in.authority().toString());
        }
        out.putHeader(ReverseProxy.REQUEST_ID, requestId);
    }

    /** Streams the caller's body with back-pressure, stopping at the size limit even without a Content-Length. */
    private void streamBody(HttpClientRequest out) {
        HttpServerRequest in = ctx.request();
        if (in.isEnded()) {
            sentWhole = true;
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
                ReverseProxy.bodyTooLarge(ctx); // before cancelling the upstream call, whose failure must not answer 502
                out.reset(); // the request is unfinished, so the connection is still this exchange's alone
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(drained -> in.resume());
            }
        });
        in.endHandler(ended -> {
            if (received[0] <= limit && !callerGone) {
                sentWhole = true;
                out.end();
            }
        });
    }

    private void relay(HttpClientResponse upstreamResponse) {
        answer = upstreamResponse;
        HttpServerResponse response = ctx.response();
        if (callerGone || response.ended() || response.closed()) {
            // Nobody to answer: read the answer to its end and drop it, so the connection is reusable.
            LOG.debugf("Dropping the %s service's answer to %s %s: nobody waits for it", upstream, method(),
                    ctx.request().path());
            upstreamResponse.exceptionHandler(failure -> LOG.debugf("Dropped answer failed: %s", failure.getMessage()));
            upstreamResponse.resume();
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
        } else if (mayHaveBody(method(), upstreamResponse.statusCode())) {
            response.setChunked(true);
        }
        upstreamResponse.handler(chunk -> {
            if (callerGone || response.closed()) {
                return; // dropped: see callerHungUp
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                upstreamResponse.pause();
                response.drainHandler(drained -> upstreamResponse.resume());
            }
        });
        upstreamResponse.endHandler(ended -> {
            answerEnded = true;
            if (!callerGone && !response.closed()) {
                response.end();
            }
        });
        upstreamResponse.exceptionHandler(failure -> {
            // The service's connection failed or fell silent mid-answer (Vert.x has closed it already).
            LOG.debugf("Relaying %s %s stopped: %s", method(), ctx.request().path(), failure.getMessage());
            if (!callerGone && !response.headWritten()) {
                // Nothing of the service's answer went out yet: replace it by the gateway's own.
                response.headers().clear();
                response.setChunked(false).putHeader(ReverseProxy.REQUEST_ID, requestId);
                failed(failure, true);
            } else if (!callerGone) {
                ProblemResponses.send(ctx, 502, "upstream-interrupted", "Bad Gateway", "cut off"); // resets it
            }
        });
    }

    /**
     * A redirect to the service's own origin (services build absolute URLs from the address they
     * were called on) becomes the same path on the gateway; other locations pass unchanged.
     */
    static String onGateway(String location, String upstreamRequestUri) {
        URI upstreamUri = URI.create(upstreamRequestUri);
        String origin = upstreamUri.getScheme() + "://" + upstreamUri.getRawAuthority();
        return location.startsWith(origin + "/") ? location.substring(origin.length()) : location;
    }

    private HttpMethod method() {
        return ctx.request().method();
    }

    private static boolean declaresBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (request.version() == HttpVersion.HTTP_2 && !request.isEnded());
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
}
