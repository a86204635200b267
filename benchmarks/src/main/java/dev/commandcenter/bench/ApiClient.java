package dev.commandcenter.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** incident-service's API as one user calls it (a bearer token of the demo realm), one connection per thread. */
final class ApiClient {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** A start's answer: status, the new incident's id (null unless 201), and the body when it failed. */
    record Started(int status, String incidentId, String body) {
    }

    /**
     * For the streamed CSV export only; timed requests go over {@link RawHttp}. HTTP/1.1: the
     * default (HTTP/2 by h2c upgrade) would multiplex callers over one connection.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4, daemon("http-client")))
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong names = new AtomicLong();
    private final ThreadLocal<RawHttp> connection;
    private final java.util.function.Supplier<String> tokens;
    private volatile String token;
    private volatile long tokenFetched;

    /** {@code tokens} gives a fresh access token; one is used for up to four minutes (they live longer). */
    ApiClient(String base, java.util.function.Supplier<String> tokens) {
        this.base = base;
        this.tokens = tokens;
        URI uri = URI.create(base);
        this.connection = ThreadLocal.withInitial(() -> new RawHttp(uri));
        token();
    }

    java.util.function.Supplier<String> tokens() {
        return tokens;
    }

    String base() {
        return base;
    }

    String token() {
        if (System.nanoTime() - tokenFetched > 240_000_000_000L || token == null) {
            synchronized (this) {
                if (System.nanoTime() - tokenFetched > 240_000_000_000L || token == null) {
                    token = tokens.get();
                    tokenFetched = System.nanoTime();
                }
            }
        }
        return token;
    }

    HttpClient http() {
        return http;
    }

    /** Starts an incident on this thread's own keep-alive connection. */
    Started start(UUID playbookId) throws IOException {
        String body = "{\"playbookId\":\"" + playbookId + "\",\"name\":\"api-" + run + "-" + names.incrementAndGet()
                + "\"}";
        RawHttp.Answer answer = connection.get().postJson("/api/v1/incidents", token(), body);
        if (answer.status() != 201) {
            return new Started(answer.status(), null, answer.body());
        }
        Matcher id = ID.matcher(answer.body());
        return new Started(201, id.find() ? id.group(1) : null, null);
    }

    /** Closes this thread's connection (a thread that is done with the API). */
    void closeConnection() {
        connection.get().close();
        connection.remove();
    }

    /** A GET on this thread's own keep-alive connection; fails unless 200. */
    String getOk(String path) throws IOException {
        RawHttp.Answer answer = connection.get().get(path, token());
        if (answer.status() != 200) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token()).GET()
                .build();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
