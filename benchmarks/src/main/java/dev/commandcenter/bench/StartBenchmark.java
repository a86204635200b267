package dev.commandcenter.bench;

import dev.commandcenter.stack.PostgresServer;
import dev.commandcenter.stack.Progress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Starting incidents: (a) the start transaction's statements straight at PostgreSQL, (b) the
 * API's throughput at the same concurrency and b/a, (c) start-to-event-on-topic latency at fixed
 * rates, (d) the outbox backlog while starts arrive; plus the raw broker for comparison.
 */
final class StartBenchmark {
    static final String INCIDENT_TOPIC = "incident-events.v1";
    static final String STARTED = "incident.started.v1";
    private static final String DIRECT_DATABASE = "incident_direct";
    /** Connections of the open loop: far more than a keeping-up service needs at 200 starts/s. */
    private static final int OPEN_LOOP_CONNECTIONS = 64;

    /** What a closed loop of {@code connections} callers achieved. */
    record LoopOutcome(long ok, long failed, double seconds, List<Double> sortedMillis, Map<Integer, Long> statuses,
            String firstFailure) {
        double perSecond() {
            return ok / seconds;
        }
    }

    /** One packaged service under test: its API, its database, its process. */
    record Target(String label, ApiClient api, String jdbc, long pid) {
    }

    private final BenchOptions options;
    private final Results results;
    private final Progress progress;
    private final PostgresServer postgres;
    private final Target target;
    private final String bootstrapServers;
    private final CpuMeter cpu;
    private final Path runDir;
    private final Path quarkusApp;
    /** The open loop's senders, each with its connection kept across rates. */
    private final ExecutorService senders = Executors.newFixedThreadPool(OPEN_LOOP_CONNECTIONS,
            ApiClient.daemon("sender"));

    StartBenchmark(BenchOptions options, Results results, Progress progress, PostgresServer postgres, Target target,
            String bootstrapServers, CpuMeter cpu, Path runDir, Path quarkusApp) {
        this.options = options;
        this.results = results;
        this.progress = progress;
        this.postgres = postgres;
        this.target = target;
        this.bootstrapServers = bootstrapServers;
        this.cpu = cpu;
        this.runDir = runDir;
        this.quarkusApp = quarkusApp;
    }

    void run() throws Exception {
        UUID playbook = seedPlaybook(target.jdbc());
        ApiClient api = target.api();
        // Started before the warm-up: starting a recording re-instruments JDK classes and throws away
        // compiled code that inlined them, and the recompilation would fall into (b).
        FlightRecording recording = options.jfr()
                ? FlightRecording.start(target.pid(), runDir.resolve("start-incident.jfr")) : null;
        try (OutboxBacklog backlog = new OutboxBacklog(target.jdbc())) {
            progress.step("Warming up the service: " + options.connections() + " connections for "
                    + options.warmup().toSeconds() + " s ...");
            LoopOutcome warm = closedLoop(api, playbook, options.warmup());
            results.section("Start incident");
            results.add("warm-up: %,d starts in %.0f s (%.0f/s), %d failed", warm.ok(), warm.seconds(),
                    warm.perSecond(), warm.failed());
            drain(backlog, "after the warm-up");

            DirectStart.StartRows rows;
            try (Connection db = DriverManager.getConnection(target.jdbc(), PostgresServer.USER,
                    PostgresServer.PASSWORD)) {
                rows = DirectStart.StartRows.copiedFrom(db);
            }
            new KafkaBaseline(bootstrapServers, results).run(rows.payload().length(), 20_000, options.rates(),
                    Duration.ofSeconds(5));

            results.section("(a) the start transaction straight at PostgreSQL (incident + member + bot message"
                    + " + outbox row, one transaction; the service's schema and indexes in database "
                    + DIRECT_DATABASE + ") and (b) POST /api/v1/incidents, closed loop; " + options.connections()
                    + " connections, " + options.measure().toSeconds() + " s each, in " + options.rounds()
                    + " alternating rounds; (d) the outbox backlog during (b)");
            DirectStart direct = prepareDirect(rows);
            Path pgbench = DirectStart.pgbench();
            if (pgbench == null) {
                results.add("pgbench is not installed (apt-get install postgresql-client): (a) by JDBC");
            } else {
                directByJdbc(direct, "(a) for comparison:");
            }
            List<Double> directs = new ArrayList<>();
            List<Double> apis = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            java.time.Instant wallFrom = null;
            java.time.Instant wallTo = null;
            for (int round = 1; round <= options.rounds(); round++) {
                double a = pgbench != null ? directByPgbench(direct, pgbench, "round " + round + " (a)")
                        : directByJdbc(direct, "round " + round + " (a)");
                CpuMeter.Reading before = cpu.read();
                long from = System.nanoTime();
                wallFrom = java.time.Instant.now();
                LoopOutcome loop = closedLoop(api, playbook, options.measure());
                wallTo = java.time.Instant.now();
                long to = System.nanoTime();
                CpuMeter.Reading after = cpu.read();
                long backlogAtEnd = backlog.now();
                OutboxBacklog.Window during = backlog.window(from, to);
                report("round " + round + " (b) API:", loop, before, after);
                results.add("round %d (b)/(a) = %.2f   (target >= 0.5)", round, loop.perSecond() / a);
                results.add("round %d (d) outbox backlog during (b): max %,d rows, %,d at the end, trend %+.1f rows/s"
                        + " over %d samples -> %s", round, during.max(), backlogAtEnd, during.slopePerSecond(),
                        during.samples(), during.grows(loop.perSecond())
                                ? "GROWS while starts arrive at the measured maximum" : "does not grow");
                double drained = drain(backlog, "after (b)");
                results.add("round %d (d) backlog of %,d rows drained in %.1f s after the load stopped", round,
                        backlogAtEnd, drained);
                directs.add(a);
                apis.add(loop.perSecond());
                ratios.add(loop.perSecond() / a);
            }
            Path jfr = recording == null ? null : recording.stop();
            double maximumPerSecond = median(apis);
            results.add("median of %d rounds: (a) %,.0f transactions/s, (b) %,.0f starts/s, (b)/(a) = %.2f"
                    + "   (target >= 0.5)", options.rounds(), median(directs), maximumPerSecond, median(ratios));

            results.section("(c) Start to event on " + INCIDENT_TOPIC + ", open loop at fixed rates, "
                    + options.rateDuration().toSeconds() + " s each (latency from the scheduled send time)");
            for (int rate : options.rates()) {
                openLoop(api, playbook, rate, options.rateDuration(), backlog, "");
                drain(backlog, "after " + rate + "/s");
            }
            int maximum = (int) Math.floor(maximumPerSecond);
            results.add("at the measured maximum (b):");
            openLoop(api, playbook, maximum, options.rateDuration(), backlog, "");
            drain(backlog, "after " + maximum + "/s");
            if (jfr != null) {
                results.section("Where the service's CPU goes during the last (b) (JFR, " + jfr + ")");
                FlightRecording.summarize(jfr, wallFrom, wallTo, 25, results);
            }
        }
    }

    /**
     * Before/after on one machine at one time: this run's service and {@code other} (another
     * packaged build) on the same PostgreSQL and broker, warmed up alike, then measured in
     * alternation (A B, B A, ...) so that the load other people put on the machine meanwhile falls
     * on both. Each round: (b) closed loop, then (c) open loop at 100 starts/s.
     */
    void compare(Target other, int rounds) throws Exception {
        List<Target> both = List.of(target, other);
        Map<Target, UUID> playbooks = new java.util.HashMap<>();
        Map<Target, OutboxBacklog> backlogs = new java.util.HashMap<>();
        try {
            for (Target t : both) {
                playbooks.put(t, seedPlaybook(t.jdbc()));
                backlogs.put(t, new OutboxBacklog(t.jdbc()));
            }
            results.section(String.format("A/B: A = %s, B = %s; %d rounds of (b) %d s and (c) at 100/s for %d s,"
                    + " alternating", target.label(), other.label(), rounds, options.measure().toSeconds(),
                    options.rateDuration().toSeconds()));
            for (Target t : both) {
                progress.step("Warming up " + t.label() + " for " + options.warmup().toSeconds() + " s ...");
                LoopOutcome warm = closedLoop(t.api(), playbooks.get(t), options.warmup());
                results.add("warm-up %s: %,d starts (%.0f/s)", t.label(), warm.ok(), warm.perSecond());
                drain(backlogs.get(t), "after the warm-up of " + t.label());
            }
            Map<Target, List<Double>> throughput = new java.util.HashMap<>();
            Map<Target, List<Double>> serviceCpu = new java.util.HashMap<>();
            for (int round = 1; round <= rounds; round++) {
                List<Target> order = round % 2 == 1 ? both : List.of(other, target);
                for (Target t : order) {
                    CpuMeter.Reading before = cpu.read();
                    LoopOutcome loop = closedLoop(t.api(), playbooks.get(t), options.measure());
                    CpuMeter.Reading after = cpu.read();
                    report("round " + round + " (b) " + t.label() + ":", loop, before, after);
                    throughput.computeIfAbsent(t, k -> new ArrayList<>()).add(loop.perSecond());
                    serviceCpu.computeIfAbsent(t, k -> new ArrayList<>()).add(CpuMeter.millisPerUnit(before, after,
                            "service " + t.label(), loop.ok()));
                    drain(backlogs.get(t), "after (b) of " + t.label());
                }
                for (Target t : order) {
                    openLoop(t.api(), playbooks.get(t), 100, options.rateDuration(), backlogs.get(t),
                            " round " + round + " " + t.label());
                    drain(backlogs.get(t), "after (c) of " + t.label());
                }
            }
            double a = median(throughput.get(target));
            double b = median(throughput.get(other));
            results.add("median (b): A %.0f starts/s, B %.0f starts/s, B/A = %.2f; median service CPU per start:"
                    + " A %.2f ms, B %.2f ms, B/A = %.2f", a, b, b / a, median(serviceCpu.get(target)),
                    median(serviceCpu.get(other)), median(serviceCpu.get(other)) / median(serviceCpu.get(target)));
        } finally {
            for (OutboxBacklog backlog : backlogs.values()) {
                backlog.close();
            }
        }
    }

    private static double median(List<Double> values) {
        return Results.percentile(Results.sorted(values), 0.5);
    }

    private void report(String label, LoopOutcome loop, CpuMeter.Reading before, CpuMeter.Reading after) {
        results.add("%s %,.0f starts/s (%,d in %.1f s; %d failed%s); request p50 %.1f ms, p99 %.1f ms", label,
                loop.perSecond(), loop.ok(), loop.seconds(), loop.failed(), loop.failed() == 0 ? ""
                        : ", statuses " + loop.statuses() + ", first: " + loop.firstFailure(),
                Results.percentile(loop.sortedMillis(), 0.5), Results.percentile(loop.sortedMillis(), 0.99));
        results.add("    " + CpuMeter.perUnit(before, after, loop.ok(), "start"));
    }

    private UUID seedPlaybook(String jdbc) throws SQLException {
        UUID id = UUID.randomUUID();
        StringBuilder stages = new StringBuilder("[");
        String[] titles = {"Triage", "Mitigate", "Recover"};
        for (int s = 0; s < titles.length; s++) {
            stages.append(s == 0 ? "" : ",").append("{\"id\":\"stage-").append(s + 1).append("\",\"title\":\"")
                    .append(titles[s]).append("\",\"steps\":[");
            for (int i = 0; i < 4; i++) {
                stages.append(i == 0 ? "" : ",").append("{\"id\":\"step-").append(s + 1).append('-').append(i + 1)
                        .append("\",\"title\":\"").append(titles[s]).append(" step ").append(i + 1)
                        .append("\",\"description\":\"Check the dashboards and the error budget, then write down"
                                + " what you saw in the channel.\",\"slashCommand\":")
                        .append(i == 0 ? "\"/page oncall\"" : "null").append('}');
            }
            stages.append("]}");
        }
        stages.append(']');
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement insert = db.prepareStatement("INSERT INTO playbook_view (id, team_id, title,"
                        + " public_channel, member_ids, stages, deleted, version, severities) VALUES (?, 'payments',"
                        + " 'Card payments outage', true, '[\"alice\",\"bob\",\"dave\"]', ?, false, 1,"
                        + " '[\"SEV1\",\"SEV2\",\"SEV3\"]')")) {
            insert.setObject(1, id);
            insert.setString(2, stages.toString());
            insert.executeUpdate();
        }
        return id;
    }

    /** Database {@value #DIRECT_DATABASE} with the service's own migrations, and the transaction to drive at it. */
    private DirectStart prepareDirect(DirectStart.StartRows rows) throws Exception {
        postgres.createDatabase(DIRECT_DATABASE);
        String jdbc = postgres.jdbcUrl(DIRECT_DATABASE);
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD)) {
            List<String> applied = ServiceSchema.apply(quarkusApp, db);
            results.add("schema: %s", String.join(", ", applied));
        }
        return new DirectStart(jdbc, postgres.port(), DIRECT_DATABASE, rows);
    }

    private double directByPgbench(DirectStart direct, Path pgbench, String label) throws Exception {
        progress.step("pgbench, " + options.connections() + " clients, " + options.measure().toSeconds() + " s ...");
        CpuMeter.Reading before = cpu.read();
        DirectStart.Outcome outcome = direct.withPgbench(pgbench, runDir, options.connections(), options.measure());
        CpuMeter.Reading after = cpu.read();
        report(label, outcome, before, after);
        direct.vacuum();
        return outcome.perSecond();
    }

    private double directByJdbc(DirectStart direct, String label) throws Exception {
        progress.step("JDBC, " + options.connections() + " threads, " + options.measure().toSeconds() + " s ...");
        CpuMeter.Reading before = cpu.read();
        DirectStart.Outcome outcome = direct.withJdbc(options.connections(), options.measure());
        CpuMeter.Reading after = cpu.read();
        report(label, outcome, before, after);
        direct.vacuum();
        return outcome.perSecond();
    }

    private void report(String label, DirectStart.Outcome outcome, CpuMeter.Reading before, CpuMeter.Reading after) {
        results.add("%s %-20s %,8.0f transactions/s, mean %.1f ms (%,d transactions, %d failed)", label,
                outcome.client(), outcome.perSecond(), outcome.meanLatencyMs(), outcome.transactions(),
                outcome.failures());
        results.add("    " + CpuMeter.perUnit(before, after, outcome.transactions(), "transaction"));
    }

    /** {@code connections} callers, each starting incidents one after the other until {@code duration} passed. */
    private LoopOutcome closedLoop(ApiClient api, UUID playbook, Duration duration) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        String[] firstFailure = {null};
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < options.connections(); c++) {
            Thread caller = new Thread(() -> {
                List<Double> mine = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        ApiClient.Started answer = api.start(playbook);
                        mine.add(Results.millis(System.nanoTime() - t0));
                        statuses.merge(answer.status(), 1L, Long::sum);
                        if (answer.status() == 201) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            synchronized (firstFailure) {
                                if (firstFailure[0] == null) {
                                    firstFailure[0] = answer.status() + " " + answer.body();
                                }
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        synchronized (firstFailure) {
                            if (firstFailure[0] == null) {
                                firstFailure[0] = e.toString();
                            }
                        }
                    }
                }
                millis.addAll(mine);
                api.closeConnection();
            }, "caller-" + c);
            callers.add(caller);
            caller.start();
        }
        long nextReport = started + TimeUnit.SECONDS.toNanos(5);
        for (Thread caller : callers) {
            while (caller.isAlive()) {
                caller.join(500);
                if (System.nanoTime() > nextReport) {
                    progress.step(String.format("  ... %,d starts so far (%.0f/s)", ok.get(),
                            ok.get() / Results.seconds(started)));
                    nextReport += TimeUnit.SECONDS.toNanos(5);
                }
            }
        }
        double seconds = Results.seconds(started);
        return new LoopOutcome(ok.get(), failed.get(), seconds, Results.sorted(millis), new TreeMap<>(statuses),
                firstFailure[0]);
    }

    /** Starts at a fixed rate regardless of answers (open loop); each event matched by its incident id. */
    private void openLoop(ApiClient api, UUID playbook, int rate, Duration duration, OutboxBacklog backlog,
            String label) throws Exception {
        progress.step("Open loop at " + rate + " starts/s for " + duration.toSeconds() + " s" + label + " ...");
        int count = (int) (rate * duration.toSeconds());
        Map<String, Long> scheduled = new ConcurrentHashMap<>();
        List<Double> httpMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        List<Future<?>> answers = new ArrayList<>(count);
        // A fixed set of connections, as wrk2 does: a start waits for a free one when the service
        // falls behind, and that wait counts, since latency runs from the scheduled time.
        try (TopicWatcher watcher = new TopicWatcher(bootstrapServers, INCIDENT_TOPIC, STARTED)) {
            CpuMeter.Reading before = cpu.read();
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime() + 50_000_000L;
            long lateSends = 0;
            for (int i = 0; i < count; i++) {
                long intended = start + i * period;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -5_000_000L) {
                    lateSends++;
                }
                answers.add(senders.submit(() -> {
                    try {
                        ApiClient.Started answer = api.start(playbook);
                        httpMillis.add(Results.millis(System.nanoTime() - intended));
                        if (answer.status() == 201 && answer.incidentId() != null) {
                            scheduled.put(answer.incidentId(), intended);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> answer : answers) {
                answer.get(180, TimeUnit.SECONDS);
            }
            long sendsEnded = System.nanoTime();
            int seen = watcher.await(scheduled.keySet(), Duration.ofSeconds(90));
            CpuMeter.Reading after = cpu.read();
            List<Double> endToEnd = new ArrayList<>();
            scheduled.forEach((id, at) -> {
                Long arrived = watcher.seen(id);
                if (arrived != null) {
                    endToEnd.add(Results.millis(arrived - at));
                }
            });
            List<Double> e2e = Results.sorted(endToEnd);
            List<Double> http = Results.sorted(httpMillis);
            OutboxBacklog.Window window = backlog.window(start, sendsEnded);
            results.add("(c)%s %4d starts/s: start->event p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms"
                            + " | HTTP 201 p50 %6.1f ms p99 %6.1f ms | %d/%d events seen, %d failed%s", label, rate,
                    Results.percentile(e2e, 0.5), Results.percentile(e2e, 0.99), Results.percentile(e2e, 1.0),
                    Results.percentile(http, 0.5), Results.percentile(http, 0.99), seen, scheduled.size(), failed.get(),
                    lateSends > 0 ? ", " + lateSends + " sends >5 ms late" : "");
            results.add("       backlog max %,d rows, trend %+.1f rows/s -> %s; %s", window.max(),
                    window.slopePerSecond(), window.grows(rate) ? "GROWS" : "does not grow",
                    CpuMeter.perUnit(before, after, scheduled.size(), "start"));
        }
    }

    /** Waits for the relay to publish every waiting row, printing progress; returns seconds or -1. */
    private double drain(OutboxBacklog backlog, String when) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long nextReport = started + TimeUnit.SECONDS.toNanos(5);
        while (Results.seconds(started) < 300) {
            long rows = backlog.now();
            if (rows == 0) {
                return Results.seconds(started);
            }
            if (System.nanoTime() > nextReport) {
                progress.step("  ... " + rows + " outbox rows still unpublished " + when);
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
            Thread.sleep(50);
        }
        results.add("outbox not drained 300 s " + when + ": %,d rows left", backlog.now());
        return -1;
    }
}
