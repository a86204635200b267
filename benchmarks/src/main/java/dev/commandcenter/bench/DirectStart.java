package dev.commandcenter.bench;

import dev.commandcenter.stack.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start-incident transaction's own statements driven straight at PostgreSQL: incident,
 * incident_member, the bot's channel_message and the outbox_event row, in one transaction, with
 * the very values the service wrote (checklists, announcement, event payload), at the API run's
 * concurrency. By pgbench (a C client, prepared statements) when it is installed, and by JDBC
 * threads in this JVM.
 */
final class DirectStart {
    /** What one start writes, copied from a start the service made. */
    record StartRows(String playbookId, String checklists, String activeStageId, String announcement,
            String payload) {
        static StartRows copiedFrom(Connection serviceDb) throws SQLException {
            try (PreparedStatement sql = serviceDb.prepareStatement("SELECT i.playbook_id, i.checklists,"
                    + " i.active_stage_id, m.text, o.payload FROM incident i"
                    + " JOIN channel_message m ON m.incident_id = i.id AND m.kind = 'BOT'"
                    + " JOIN outbox_event o ON o.message_key = i.id::text AND o.event_type = 'incident.started.v1'"
                    + " ORDER BY i.created_at DESC LIMIT 1"); ResultSet row = sql.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("The service has not started an incident yet");
                }
                return new StartRows(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5));
            }
        }
    }

    record Outcome(String client, double perSecond, double meanLatencyMs, long transactions, long failures) {
    }

    static final String INSERT_INCIDENT = "INSERT INTO incident (id, team_id, playbook_id, name, channel_id,"
            + " public_channel, severity, commander_id, created_by, active, checklists, active_stage_id, created_at,"
            + " ended_at, ended_by, version) VALUES (?, 'payments', ?, ?, ?, true, NULL, 'alice', 'alice', true, ?, ?,"
            + " ?, NULL, NULL, 0)";
    static final String INSERT_MEMBER = "INSERT INTO incident_member (incident_id, user_id) VALUES (?, 'alice')";
    static final String INSERT_MESSAGE = "INSERT INTO channel_message (id, incident_id, kind, author_id, text,"
            + " created_at) VALUES (?, ?, 'BOT', 'incident-bot', ?, ?)";
    static final String INSERT_OUTBOX = "INSERT INTO outbox_event (event_id, topic, message_key, event_type,"
            + " payload, created_at) VALUES (?, 'incident-events.v1', ?, 'incident.started.v1', ?, ?) RETURNING seq";

    private final String jdbcUrl;
    private final int port;
    private final String database;
    private final StartRows rows;

    DirectStart(String jdbcUrl, int port, String database, StartRows rows) {
        this.jdbcUrl = jdbcUrl;
        this.port = port;
        this.database = database;
        this.rows = rows;
    }

    /** VACUUM ANALYZE, so that what runs next does not meet this run's dead tuples and stale statistics. */
    void vacuum() throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                java.sql.Statement sql = db.createStatement()) {
            sql.execute("VACUUM ANALYZE");
        }
    }

    /** pgbench on PATH, if any. */
    static Path pgbench() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    Outcome withPgbench(Path pgbench, Path workDir, int clients, Duration duration)
            throws IOException, InterruptedException {
        Path script = workDir.resolve("start-incident.pgbench");
        String id = "md5('i' || :client_id || '.' || :n)::uuid";
        // The rows' texts go in as pgbench variables (-D), sent as statement parameters as the
        // service sends them; as literals, pgbench would read every ":xyz" inside the JSON as a variable.
        Files.writeString(script, String.join("\n",
                "\\set n random(1, 1000000000000)",
                "BEGIN;",
                "INSERT INTO incident (id, team_id, playbook_id, name, channel_id, public_channel, severity,"
                        + " commander_id, created_by, active, checklists, active_stage_id, created_at, ended_at,"
                        + " ended_by, version) VALUES (" + id + ", 'payments', :playbook,"
                        + " 'pgbench-' || :client_id || '-' || :n, md5('c' || :client_id || '.' || :n)::uuid, true,"
                        + " NULL, 'alice', 'alice', true, :checklists, :stage, now(), NULL, NULL, 0);",
                "INSERT INTO incident_member (incident_id, user_id) VALUES (" + id + ", 'alice');",
                "INSERT INTO channel_message (id, incident_id, kind, author_id, text, created_at) VALUES"
                        + " (gen_random_uuid(), " + id + ", 'BOT', 'incident-bot', :announcement, now());",
                "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, created_at) VALUES"
                        + " (gen_random_uuid()::text, 'incident-events.v1', " + id + "::text, 'incident.started.v1',"
                        + " :payload, now()) RETURNING seq;",
                "END;", ""), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(pgbench.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", PostgresServer.USER, "-n", "-M", "prepared", "-c",
                Integer.toString(clients), "-j", "2", "-T", Long.toString(duration.toSeconds()),
                "-D", "playbook=" + rows.playbookId(), "-D", "checklists=" + rows.checklists(),
                "-D", "stage=" + rows.activeStageId(), "-D", "announcement=" + rows.announcement(),
                "-D", "payload=" + rows.payload(), "-f", script.toString(), database).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Files.writeString(workDir.resolve("pgbench.out"), output);
        double tps = number(output, "tps = ([0-9.]+)");
        double latency = number(output, "latency average = ([0-9.]+) ms");
        long transactions = (long) number(output, "number of transactions actually processed: ([0-9]+)");
        long failed = output.contains("number of failed transactions")
                ? (long) number(output, "number of failed transactions: ([0-9]+)") : 0;
        return new Outcome("pgbench -M prepared", tps, latency, transactions, failed);
    }

    Outcome withJdbc(int clients, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong busyNanos = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Connection c = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
            c.setAutoCommit(false);
            connections.add(c);
        }
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        for (Connection c : connections) {
            Thread thread = new Thread(() -> {
                try (PreparedStatement incident = c.prepareStatement(INSERT_INCIDENT);
                        PreparedStatement member = c.prepareStatement(INSERT_MEMBER);
                        PreparedStatement message = c.prepareStatement(INSERT_MESSAGE);
                        PreparedStatement outbox = c.prepareStatement(INSERT_OUTBOX)) {
                    UUID playbook = UUID.fromString(rows.playbookId());
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        UUID id = UUID.randomUUID();
                        Timestamp now = Timestamp.from(Instant.now());
                        try {
                            incident.setObject(1, id);
                            incident.setObject(2, playbook);
                            incident.setString(3, "jdbc-" + id);
                            incident.setObject(4, UUID.randomUUID());
                            incident.setString(5, rows.checklists());
                            incident.setString(6, rows.activeStageId());
                            incident.setTimestamp(7, now);
                            incident.executeUpdate();
                            member.setObject(1, id);
                            member.executeUpdate();
                            message.setObject(1, UUID.randomUUID());
                            message.setObject(2, id);
                            message.setString(3, rows.announcement());
                            message.setTimestamp(4, now);
                            message.executeUpdate();
                            outbox.setString(1, UUID.randomUUID().toString());
                            outbox.setString(2, id.toString());
                            outbox.setString(3, rows.payload());
                            outbox.setTimestamp(4, now);
                            try (ResultSet seq = outbox.executeQuery()) {
                                seq.next();
                            }
                            c.commit();
                            done.incrementAndGet();
                            busyNanos.addAndGet(System.nanoTime() - t0);
                        } catch (SQLException e) {
                            failed.incrementAndGet();
                            c.rollback();
                        }
                    }
                } catch (SQLException e) {
                    failed.incrementAndGet();
                }
            }, "direct-start");
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = Results.seconds(started);
        for (Connection c : connections) {
            c.close();
        }
        long count = done.get();
        return new Outcome("JDBC, " + clients + " threads", count / seconds,
                count == 0 ? 0 : busyNanos.get() / 1e6 / count, count, failed.get());
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("No " + regex + " in pgbench's output:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }
}
