package dev.commandcenter.bench;

import dev.commandcenter.stack.PostgresServer;
import dev.commandcenter.stack.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Browsing at scale: a team of {@code incidents} incidents and one channel of {@code messages}
 * messages. Every API figure stands beside the same statements (the keyset queries the service
 * sends, with the same parameters) run straight at PostgreSQL in the same run, and their ratio.
 */
final class BrowseBenchmark {
    private static final int WARMUP = 10;
    /** Requests that warm the service's list path up before anything is timed (production flags: C2 needs them). */
    private static final int SERVICE_WARMUP = 300;
    private static final int RUNS = 30;
    private static final int SEED_CHUNK = 100_000;

    /** The columns the service reads for an incident (Hibernate's select list). */
    private static final String INCIDENT_COLUMNS = "i.id, i.active, i.active_stage_id, i.channel_id, i.checklists,"
            + " i.commander_id, i.created_at, i.created_by, i.ended_at, i.ended_by, i.name, i.playbook_id,"
            + " i.public_channel, i.severity, i.team_id, i.version";
    // The statements as incident-service sends them (captured with quarkus.hibernate-orm.log.sql=true).
    private static final String VISIBLE_TO = " AND (i.public_channel = true OR EXISTS (SELECT 1 FROM incident_member m"
            + " WHERE i.id = m.incident_id AND m.user_id = ?))";
    private static final String NEWEST_FIRST = " ORDER BY i.created_at DESC, i.id DESC"
            + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
    /** The eager member collection: one query per incident loaded (the service does not batch it). */
    private static final String MEMBERS = "SELECT m.incident_id, m.user_id FROM incident_member m"
            + " WHERE m.incident_id = ? ORDER BY m.user_id";
    private static final String MESSAGE_COUNT = "SELECT count(*) FROM channel_message m WHERE m.incident_id = ?";

    /** One parameterised statement of a request; {@code ids} says its result feeds the members' query. */
    private record Sql(String text, List<Object> params) {
    }

    private final BenchOptions options;
    private final Results results;
    private final Progress progress;
    private final String jdbc;
    private final ApiClient api;
    private final long servicePid;

    BrowseBenchmark(BenchOptions options, Results results, Progress progress, String jdbc, ApiClient api,
            long servicePid) {
        this.options = options;
        this.results = results;
        this.progress = progress;
        this.jdbc = jdbc;
        this.api = api;
        this.servicePid = servicePid;
    }

    void run() throws Exception {
        int incidents = options.incidents();
        int messages = options.messages();
        results.section(String.format("Browse and export: %,d incidents of team payments, a channel of %,d messages;"
                + " each API figure beside the same SQL run directly (JDBC, prepared) and the ratio", incidents,
                messages));
        String channelIncident;
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD)) {
            long started = System.nanoTime();
            seedIncidents(db, incidents);
            results.add("seed: %,d incidents with members in %.1f s", incidents, Results.seconds(started));
            started = System.nanoTime();
            channelIncident = seedChannel(db, incidents, messages);
            results.add("seed: %,d channel messages in %.1f s", messages, Results.seconds(started));
            Cursor middle = cursorAt(db, incidents / 2);

            progress.step("Warming up the list path (" + SERVICE_WARMUP + " requests) ...");
            for (int i = 0; i < SERVICE_WARMUP; i++) {
                api.getOk("/api/v1/incidents?teamId=payments&limit=50" + (i % 2 == 0 ? "" : "&status=ended"));
                api.getOk("/api/v1/incidents/" + channelIncident);
            }
            progress.step("Listing (" + RUNS + " timed requests each, after " + WARMUP + " warm-up requests) ...");
            results.add("%-42s %-20s %-14s %-14s %s", "ms (p50 p95)", "API (ids)", "keyset query",
                    "all statements", "API/query API/all (p50)");
            list(db, "list, first page of 50 (newest)", "", "", List.of());
            list(db, String.format("list, page of 50 after the %,dth", incidents / 2),
                    "&after=" + encode(middle.encoded()), " AND (i.created_at, i.id) < (?, ?)",
                    List.of(middle.createdAt(), middle.id()));
            list(db, "list, ongoing only", "&status=ongoing", " AND i.active = ?", List.of(true));
            list(db, "list, ended only", "&status=ended", " AND i.active = ?", List.of(false));
            list(db, "list, commander=bob", "&commander=bob", " AND i.commander_id = ?", List.of("bob"));
            list(db, "list, name contains 'bench-4242'", "&q=bench-4242",
                    " AND lower(i.name) LIKE ? ESCAPE '!'", List.of("%bench-4242%"));
            details(db, channelIncident);
            export(db, channelIncident);
        }
        results.add(String.format("service RSS after browsing: %d MB (peak %d MB)", rssMb(servicePid, "VmRSS"),
                rssMb(servicePid, "VmHWM")));
    }

    private void seedIncidents(Connection db, int count) throws SQLException {
        try (Statement sql = db.createStatement()) {
            // Newest last: incident g started (count - g) seconds ago; one in 10 private, one in 50 ongoing.
            for (int from = 1; from <= count; from += SEED_CHUNK) {
                int to = Math.min(count, from + SEED_CHUNK - 1);
                progress.step(String.format("Seeding incidents %,d-%,d of %,d ...", from, to, count));
                sql.execute("WITH seeded AS (INSERT INTO incident (id, team_id, playbook_id, name, channel_id,"
                        + " public_channel, commander_id, created_by, active, checklists, created_at, ended_at,"
                        + " ended_by, version)"
                        + " SELECT gen_random_uuid(), 'payments', '00000000-0000-0000-0000-000000000001',"
                        + " 'bench-' || g,"
                        + " gen_random_uuid(), g % 10 <> 0, (ARRAY['alice','bob','dave'])[1 + g % 3],"
                        + " (ARRAY['alice','bob','dave'])[1 + g % 3], g % 50 = 0, '[]',"
                        + " now() - (" + count + " - g) * interval '1 second',"
                        + " CASE WHEN g % 50 = 0 THEN NULL ELSE now() - (" + count + " - g) * interval '1 second'"
                        + " + interval '1 hour' END, CASE WHEN g % 50 = 0 THEN NULL ELSE 'alice' END, 1"
                        + " FROM generate_series(" + from + ", " + to + ") g RETURNING id, commander_id)"
                        + " INSERT INTO incident_member (incident_id, user_id) SELECT id, commander_id FROM seeded");
            }
            progress.step("ANALYZE ...");
            sql.execute("ANALYZE incident");
            sql.execute("ANALYZE incident_member");
        }
    }

    /** The channel of the newest seeded incident alice commands, filled with {@code count} messages. */
    private String seedChannel(Connection db, int incidents, int count) throws SQLException {
        int g = incidents - incidents % 3; // commander (ARRAY['alice','bob','dave'])[1 + g % 3] = alice
        String id;
        try (PreparedStatement find = db.prepareStatement(
                "SELECT id FROM incident WHERE team_id = 'payments' AND lower(name) = lower(?)")) {
            find.setString(1, "bench-" + g);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                id = row.getString(1);
            }
        }
        try (Statement sql = db.createStatement()) {
            for (int from = 1; from <= count; from += SEED_CHUNK) {
                int to = Math.min(count, from + SEED_CHUNK - 1);
                progress.step(String.format("Seeding channel messages %,d-%,d of %,d ...", from, to, count));
                sql.execute("INSERT INTO channel_message (id, incident_id, kind, author_id, text, created_at)"
                        + " SELECT gen_random_uuid(), '" + id + "', CASE WHEN g % 10 = 0 THEN 'SYSTEM' ELSE 'USER' END,"
                        + " (ARRAY['alice','bob','dave'])[1 + g % 3], 'Message ' || g || ': checking the dashboards,"
                        + " \"p99\" is up, see' || chr(10) || 'the graph, then roll back',"
                        + " now() + g * interval '1 millisecond' FROM generate_series(" + from + ", " + to + ") g");
            }
            sql.execute("ANALYZE channel_message");
        }
        return id;
    }

    private record Cursor(Timestamp createdAt, UUID id, String encoded) {
    }

    /** The list cursor of the incident at {@code rank} (newest first), encoded as the service does. */
    private static Cursor cursorAt(Connection db, int rank) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(
                "SELECT created_at, id FROM incident WHERE team_id = 'payments' ORDER BY created_at DESC, id DESC"
                        + " OFFSET " + rank + " LIMIT 1")) {
            row.next();
            OffsetDateTime at = row.getObject(1, OffsetDateTime.class);
            UUID id = row.getObject(2, UUID.class);
            String raw = at.toInstant() + "\n" + id;
            return new Cursor(Timestamp.from(at.toInstant()), id,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A list request as alice (not an administrator: the visibility filter applies) and its statements. */
    private void list(Connection db, String name, String query, String condition, List<Object> params)
            throws Exception {
        List<Object> all = new ArrayList<>();
        all.add("payments");
        all.add("alice");
        all.addAll(params);
        all.add(0);
        all.add(51); // the service asks for one more than the page to know whether there is a next one
        Sql page = new Sql("SELECT " + INCIDENT_COLUMNS + " FROM incident i WHERE i.team_id = ?" + VISIBLE_TO
                + condition + NEWEST_FIRST, all);
        compare(name, "/api/v1/incidents?teamId=payments&limit=50" + query, () -> run(db, page, 1),
                () -> {
                    for (UUID id : run(db, page, 1)) {
                        run(db, new Sql(MEMBERS, List.of(id)), 0);
                    }
                });
    }

    private void details(Connection db, String incidentId) throws Exception {
        UUID id = UUID.fromString(incidentId);
        Sql incident = new Sql("SELECT " + INCIDENT_COLUMNS + " FROM incident i WHERE i.id = ?", List.of(id));
        compare("details of one incident", "/api/v1/incidents/" + incidentId, () -> run(db, incident, 0),
                () -> {
                    run(db, incident, 0);
                    run(db, new Sql(MEMBERS, List.of(id)), 0);
                    run(db, new Sql(MESSAGE_COUNT, List.of(id)), 0);
                });
    }

    @FunctionalInterface
    private interface Direct {
        void run() throws SQLException;
    }

    /**
     * Times the API request, its main keyset query alone, and all the statements the service sends
     * for it, alternately, so that drift on this shared machine hits all three alike.
     */
    private void compare(String name, String path, Direct query, Direct statements) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            api.getOk(path);
            query.run();
            statements.run();
        }
        List<Double> apiMillis = new ArrayList<>();
        List<Double> queryMillis = new ArrayList<>();
        List<Double> allMillis = new ArrayList<>();
        int items = 0;
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            String body = api.getOk(path);
            apiMillis.add(Results.millis(System.nanoTime() - started));
            items = body.split("\"id\":", -1).length - 1;
            started = System.nanoTime();
            query.run();
            queryMillis.add(Results.millis(System.nanoTime() - started));
            started = System.nanoTime();
            statements.run();
            allMillis.add(Results.millis(System.nanoTime() - started));
        }
        List<Double> a = Results.sorted(apiMillis);
        List<Double> q = Results.sorted(queryMillis);
        List<Double> s = Results.sorted(allMillis);
        double api50 = Results.percentile(a, 0.5);
        results.add("%-42s %6.1f %6.1f (%2d)  %6.1f %6.1f  %6.1f %6.1f  %6.1f  %6.1f", name, api50,
                Results.percentile(a, 0.95), items, Results.percentile(q, 0.5), Results.percentile(q, 0.95),
                Results.percentile(s, 0.5), Results.percentile(s, 0.95), api50 / Results.percentile(q, 0.5),
                api50 / Results.percentile(s, 0.5));
    }

    /** Runs one statement, reads every column of every row; returns the values of column {@code idColumn}. */
    private static List<UUID> run(Connection db, Sql sql, int idColumn) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql.text())) {
            int n = 1;
            for (Object param : sql.params()) {
                statement.setObject(n++, param);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rows.getString(c);
                    }
                    if (idColumn > 0) {
                        ids.add(rows.getObject(idColumn, UUID.class));
                    }
                }
            }
        }
        return ids;
    }

    /** The CSV export against the same keyset pages (500 messages each) read directly. */
    private void export(Connection db, String incidentId) throws Exception {
        progress.step("Exporting the channel as CSV ...");
        long rssBefore = rssMb(servicePid, "VmRSS");
        HttpRequest request = api.get("/api/v1/incidents/" + incidentId + "/channel.csv");
        long started = System.nanoTime();
        long bytes = 0;
        long lines = 0;
        double firstByteMs = -1;
        long peakRss = rssBefore;
        HttpResponse<InputStream> response = api.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                if (firstByteMs < 0 && read > 0) {
                    firstByteMs = Results.millis(System.nanoTime() - started);
                }
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                peakRss = Math.max(peakRss, rssMb(servicePid, "VmRSS"));
            }
        }
        double apiSeconds = Results.seconds(started);

        started = System.nanoTime();
        long rows = 0;
        long afterSeq = 0;
        UUID id = UUID.fromString(incidentId);
        try (PreparedStatement page = db.prepareStatement("SELECT m.id, m.author_id, m.created_at, m.incident_id,"
                + " m.kind, m.seq, m.text FROM channel_message m WHERE m.incident_id = ? AND m.seq > ?"
                + " ORDER BY m.seq OFFSET 0 ROWS FETCH FIRST ? ROWS ONLY")) {
            while (true) {
                page.setObject(1, id);
                page.setLong(2, afterSeq);
                page.setInt(3, 500);
                int inPage = 0;
                try (ResultSet r = page.executeQuery()) {
                    while (r.next()) {
                        for (int c = 1; c <= 7; c++) {
                            r.getString(c);
                        }
                        afterSeq = r.getLong(6);
                        inPage++;
                    }
                }
                rows += inPage;
                if (inPage < 500) {
                    break;
                }
            }
        }
        double sqlSeconds = Results.seconds(started);
        results.add("channel.csv: status %d, %.1f MB, %,d lines in %.2f s (first bytes after %.0f ms); the same"
                        + " %,d keyset pages read directly: %.2f s; API/SQL %.1f", response.statusCode(), bytes / 1e6,
                lines, apiSeconds, firstByteMs, (rows + 499) / 500, sqlSeconds, apiSeconds / sqlSeconds);
        results.add("channel.csv: service RSS %d MB before, %d MB at most while streaming", rssBefore, peakRss);
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
