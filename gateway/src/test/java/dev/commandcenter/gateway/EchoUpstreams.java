package dev.commandcenter.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Four real HTTP servers standing in for the services: each answers with what it received (its
 * name, method, path, query, headers, body) and lists every request it saw at {@code /__received}.
 * Test hooks: header {@code X-Echo-Delay-Ms} delays the answer, {@code X-Echo-Status} sets its
 * status, {@code X-Echo-Location} makes it redirect there with an absolute URL of its own origin
 * (as a service behind the gateway would), a path ending in {@code /stream} streams {@code rows} CSV lines after a pause,
 * a path ending in {@code /live} streams Server-Sent Events until the connection closes.
 * Init arg {@code unreachable} names a service whose URL points at a closed port instead;
 * {@code closesReusedConnections} names one that answers only the first request of each connection
 * and closes the connection on any later request without answering (as a service does whose idle
 * timeout strikes just when a pooled connection is reused). It still records that request.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {
    static final List<String> SERVICES = List.of("playbook", "incident", "notifier", "telemetry");
    static final long STREAM_PAUSE_MS = 2500;

    private Vertx vertx;
    private String unreachable;
    private String closesReusedConnections;

    @Override
    public void init(Map<String, String> initArgs) {
        unreachable = initArgs.get("unreachable");
        closesReusedConnections = initArgs.get("closesReusedConnections");
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            int port = service.equals(unreachable) ? closedPort() : startEcho(service);
            config.put("gateway.upstream." + service, "http://127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private int startEcho(String service) {
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        Set<HttpConnection> usedConnections = ConcurrentHashMap.newKeySet();
        boolean closesReused = service.equals(closesReusedConnections);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/__received")) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(received)).encode());
                return;
            }
            JsonObject seen = new JsonObject().put("method", request.method().name()).put("path", request.path())
                    .put("authorization", request.getHeader("Authorization"));
            received.add(seen);
            if (closesReused && !usedConnections.add(request.connection())) {
                request.connection().close();
                return;
            }
            request.response().closeHandler(closed -> seen.put("cutOff", !request.response().ended()));
            request.body().onSuccess(body -> answer(service, request, body));
            request.response().endHandler(ended -> seen.put("answered", true));
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private void answer(String service, HttpServerRequest request, Buffer body) {
        if (request.path().endsWith("/stream")) {
            stream(request);
            return;
        }
        if (request.path().endsWith("/live")) {
            events(request);
            return;
        }
        Map<String, String> headers = new TreeMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + "," + b));
        JsonObject echo = new JsonObject()
                .put("upstream", service)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("authorization", request.getHeader("Authorization"))
                .put("headers", new JsonObject(new HashMap<>(headers)))
                .put("bodyLength", body.length())
                .put("body", body.toString());
        String status = request.getHeader("X-Echo-Status");
        String location = request.getHeader("X-Echo-Location");
        if (location != null) {
            request.response().setStatusCode(303)
                    .putHeader("Location", "http://" + request.authority() + location).end();
            return;
        }
        long delay = Long.parseLong(request.headers().get("X-Echo-Delay-Ms") == null ? "0" : request.getHeader("X-Echo-Delay-Ms"));
        Runnable respond = () -> request.response()
                .setStatusCode(status == null ? 200 : Integer.parseInt(status))
                .putHeader("Content-Type", "application/json")
                .putHeader("Set-Cookie", "upstream=leaked; Path=/")
                .end(echo.encode());
        if (delay > 0) {
            vertx.setTimer(delay, timer -> respond.run());
        } else {
            respond.run();
        }
    }

    /** Server-Sent Events without end, as a page following an incident gets: "ready", then a comment every 100 ms. */
    private void events(HttpServerRequest request) {
        request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .write("event: ready\ndata: {}\n\n");
        long beat = vertx.setPeriodic(100, tick -> {
            if (request.response().closed()) {
                vertx.cancelTimer(tick);
            } else {
                request.response().write(": keep-alive\n\n");
            }
        });
        request.response().exceptionHandler(closed -> vertx.cancelTimer(beat)); // the close handler records it
    }

    /** A header line at once, then, after a pause, {@code rows} rows: a slow export. */
    private void stream(HttpServerRequest request) {
        int rows = Integer.parseInt(request.getParam("rows", "10"));
        request.response().setChunked(true).putHeader("Content-Type", "text/csv").write("id,team,title\n");
        vertx.setTimer(STREAM_PAUSE_MS, timer -> {
            StringBuilder chunk = new StringBuilder();
            for (int row = 1; row <= rows; row++) {
                chunk.append(row).append(",payments,Checkout latency ").append(row).append('\n');
                if (chunk.length() > 64 * 1024) {
                    request.response().write(chunk.toString());
                    chunk.setLength(0);
                }
            }
            request.response().end(chunk.toString());
        });
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
