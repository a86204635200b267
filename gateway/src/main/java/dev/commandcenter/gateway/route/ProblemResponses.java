package dev.commandcenter.gateway.route;

import dev.commandcenter.kit.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Problem details written straight onto a Vert.x response, for the answers the gateway gives
 * before or instead of a service: the same {@code application/problem+json} shape as the
 * services' exception mappers produce.
 */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static void send(RoutingContext ctx, int status, String type, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return; // answered already, or nobody is listening any more
        }
        if (response.headWritten()) {
            // Part of an upstream response already went out: the only honest signal left is to cut it.
            response.reset();
            return;
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + type, title, status, detail, ctx.request().path(),
                List.of());
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
