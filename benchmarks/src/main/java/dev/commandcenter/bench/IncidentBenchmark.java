package dev.commandcenter.bench;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.KafkaBroker;
import dev.commandcenter.stack.KeycloakServer;
import dev.commandcenter.stack.PostgresServer;
import dev.commandcenter.stack.Progress;
import dev.commandcenter.stack.ServiceSpec;
import dev.commandcenter.stack.StackDirs;
import dev.commandcenter.stack.Suite;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How incident-service behaves at scale, measured on this machine: the packaged service (its
 * default heap of the local run) on real PostgreSQL, Kafka and Keycloak, a team with a million
 * incidents, and one channel of 100,000 messages exported as CSV. Prints the figures and writes
 * them to {@code benchmarks/target/benchmark-results.txt}. Arguments: incidents, messages.
 */
public final class IncidentBenchmark {
    private static final int WARMUP = 5;
    private static final int RUNS = 30;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> results = new ArrayList<>();
    private final String base;
    private final String token;

    private IncidentBenchmark(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path root = StackDirs.root();
        Path runDir = root.resolve("benchmarks/target/run");
        Progress progress = Progress.toStdout();
        StackDirs.deleteTree(runDir);
        Files.createDirectories(runDir);

        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(
                () -> KeycloakServer.start(runDir.resolve("keycloak"), progress));
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(
                () -> KafkaBroker.start(runDir.resolve("kafka"), progress));
        try (PostgresServer postgres = PostgresServer.start(runDir.resolve("postgres"), progress);
                KafkaBroker broker = kafka.join(); KeycloakServer auth = keycloak.join()) {
            InfraEndpoints infra = new InfraEndpoints(broker.bootstrapServers(), auth.url());
            try (Suite suite = Suite.start(root, runDir, postgres, infra, List.of(ServiceSpec.INCIDENT), false,
                    progress)) {
                String jdbc = postgres.jdbcUrl(ServiceSpec.INCIDENT.database());
                IncidentBenchmark benchmark = new IncidentBenchmark(suite.url(ServiceSpec.INCIDENT),
                        infra.tokens().forUser("alice"));
                benchmark.run(jdbc, incidents, messages, suite.pid(ServiceSpec.INCIDENT), progress, infra);
                Path file = root.resolve("benchmarks/target/benchmark-results.txt");
                Files.write(file, benchmark.results);
                progress.step("Results written to " + file);
            }
        }
        System.exit(0);
    }

    private void run(String jdbc, int incidents, int messages, long servicePid, Progress progress,
            InfraEndpoints infra) throws Exception {
        record("# incident-service benchmark, " + LocalDateTime.now().withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + incidents + " incidents, " + messages
                + " messages");
        String channelIncident;
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD)) {
            long started = System.nanoTime();
            progress.step("Seeding " + incidents + " incidents of team payments ...");
            seedIncidents(db, incidents);
            record(String.format("seed: %d incidents with members in %.1f s", incidents, seconds(started)));
            started = System.nanoTime();
            progress.step("Seeding a channel of " + messages + " messages ...");
            channelIncident = seedChannel(db, messages);
            record(String.format("seed: %d channel messages in %.1f s", messages, seconds(started)));
            String middle = cursorAt(db, incidents / 2);

            progress.step("Listing (" + RUNS + " timed requests each, after " + WARMUP + " warm-up requests) ...");
            time("list, first page of 50 (newest)", "/api/v1/incidents?teamId=payments&limit=50");
            time("list, page of 50 after the 500,000th incident",
                    "/api/v1/incidents?teamId=payments&limit=50&after=" + encode(middle));
            time("list, ongoing only", "/api/v1/incidents?teamId=payments&status=ongoing&limit=50");
            time("list, ended only", "/api/v1/incidents?teamId=payments&status=ended&limit=50");
            time("list, commander=bob", "/api/v1/incidents?teamId=payments&commander=bob&limit=50");
            time("list, name contains 'bench-4242'",
                    "/api/v1/incidents?teamId=payments&q=bench-4242&limit=50");
            time("details of one incident", "/api/v1/incidents/" + channelIncident);
        }
        exportChannel(channelIncident, servicePid, progress);
        record(String.format("service RSS after the run: %d MB (peak %d MB)", rssMb(servicePid, "VmRSS"),
                rssMb(servicePid, "VmHWM")));
    }

    private static void seedIncidents(Connection db, int count) throws SQLException {
        try (Statement sql = db.createStatement()) {
            // Newest last: incident g started (count - g) seconds ago; one in 10 private, one in 50 ongoing.
            sql.execute("INSERT INTO incident (id, team_id, playbook_id, name, channel_id, public_channel,"
                    + " commander_id, created_by, active, checklists, created_at, ended_at, ended_by, version)"
                    + " SELECT gen_random_uuid(), 'payments', '00000000-0000-0000-0000-000000000001', 'bench-' || g,"
                    + " gen_random_uuid(), g % 10 <> 0, (ARRAY['alice','bob','dave'])[1 + g % 3],"
                    + " (ARRAY['alice','bob','dave'])[1 + g % 3], g % 50 = 0, '[]',"
                    + " now() - (" + count + " - g) * interval '1 second',"
                    + " CASE WHEN g % 50 = 0 THEN NULL ELSE now() - (" + count + " - g) * interval '1 second'"
                    + " + interval '1 hour' END, CASE WHEN g % 50 = 0 THEN NULL ELSE 'alice' END, 1"
                    + " FROM generate_series(1, " + count + ") g");
            sql.execute("INSERT INTO incident_member (incident_id, user_id) SELECT id, commander_id FROM incident");
            sql.execute("ANALYZE incident");
            sql.execute("ANALYZE incident_member");
        }
    }

    private static String seedChannel(Connection db, int count) throws SQLException {
        try (Statement sql = db.createStatement()) {
            String id;
            try (ResultSet newest = sql.executeQuery(
                    "SELECT id FROM incident WHERE commander_id = 'alice' ORDER BY created_at DESC LIMIT 1")) {
                newest.next();
                id = newest.getString(1);
            }
            sql.execute("INSERT INTO channel_message (id, incident_id, kind, author_id, text, created_at)"
                    + " SELECT gen_random_uuid(), '" + id + "', CASE WHEN g % 10 = 0 THEN 'SYSTEM' ELSE 'USER' END,"
                    + " (ARRAY['alice','bob','dave'])[1 + g % 3], 'Message ' || g || ': checking the dashboards,"
                    + " \"p99\" is up, see' || chr(10) || 'the graph, then roll back',"
                    + " now() + g * interval '1 millisecond' FROM generate_series(1, " + count + ") g");
            sql.execute("ANALYZE channel_message");
            return id;
        }
    }

    /** The list cursor of the incident at {@code rank} (newest first), encoded as the service does. */
    private static String cursorAt(Connection db, int rank) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(
                "SELECT created_at, id FROM incident WHERE team_id = 'payments' ORDER BY created_at DESC, id DESC"
                        + " OFFSET " + rank + " LIMIT 1")) {
            row.next();
            String raw = row.getObject(1, OffsetDateTime.class).toInstant() + "\n" + row.getString(2);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void time(String name, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build();
        for (int i = 0; i < WARMUP; i++) {
            send(request);
        }
        List<Double> millis = new ArrayList<>();
        int items = 0;
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            String body = send(request);
            millis.add((System.nanoTime() - started) / 1e6);
            items = body.split("\"id\":", -1).length - 1;
        }
        Collections.sort(millis);
        record(String.format("%-55s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d ids in the answer)", name,
                millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1), millis.get(RUNS - 1), items));
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private void exportChannel(String incidentId, long pid, Progress progress) throws Exception {
        progress.step("Exporting the channel as CSV ...");
        long rssBefore = rssMb(pid, "VmRSS");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/" + incidentId
                + "/channel.csv")).header("Authorization", "Bearer " + token).GET().build();
        long started = System.nanoTime();
        long bytes = 0;
        long lines = 0;
        double firstByteMs = -1;
        long peakRss = rssBefore;
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                if (firstByteMs < 0 && read > 0) {
                    firstByteMs = (System.nanoTime() - started) / 1e6;
                }
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                peakRss = Math.max(peakRss, rssMb(pid, "VmRSS"));
            }
        }
        record(String.format("channel.csv: status %d, %.1f MB, %d lines in %.2f s (first bytes after %.0f ms);"
                        + " service RSS %d MB before, %d MB at most while streaming", response.statusCode(),
                bytes / 1e6, lines, seconds(started), firstByteMs, rssBefore, peakRss));
    }

    private static long rssMb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private void record(String line) {
        System.out.println("[bench] " + line);
        results.add(line);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
