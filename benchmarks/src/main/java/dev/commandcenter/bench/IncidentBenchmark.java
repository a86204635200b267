package dev.commandcenter.bench;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.KafkaBroker;
import dev.commandcenter.stack.KeycloakServer;
import dev.commandcenter.stack.PostgresServer;
import dev.commandcenter.stack.Progress;
import dev.commandcenter.stack.ServiceSpec;
import dev.commandcenter.stack.StackDirs;
import dev.commandcenter.stack.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How incident-service performs on this machine, each figure beside what the database or the
 * broker does on its own in the same run: the packaged service with production JVM flags on real
 * PostgreSQL, Kafka and Keycloak. Starting incidents (throughput, start-to-event latency, outbox
 * backlog) and browsing at scale (a team of a million incidents, a 100,000-message CSV export).
 * Prints the figures and writes them to {@code benchmarks/target/benchmark-results.txt}.
 * Options: see {@link BenchOptions} and benchmarks/README.md.
 */
public final class IncidentBenchmark {

    /** Kept referenced: java.util.logging forgets the level of a logger nobody holds. */
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    private IncidentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        KAFKA_LOG.setLevel(java.util.logging.Level.WARNING); // the clients' INFO lines would drown the progress
        Path root = StackDirs.root();
        Path runDir = root.resolve("benchmarks/target/run");
        Progress progress = Progress.toStdout();
        StackDirs.deleteTree(runDir);
        Files.createDirectories(runDir);
        Results results = new Results(root.resolve("benchmarks/target/benchmark-results.txt"));

        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(
                () -> KeycloakServer.start(runDir.resolve("keycloak"), progress));
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(
                () -> KafkaBroker.start(runDir.resolve("kafka"), progress));
        try (PostgresServer postgres = PostgresServer.start(runDir.resolve("postgres"), progress);
                KafkaBroker broker = kafka.join(); KeycloakServer auth = keycloak.join()) {
            InfraEndpoints infra = new InfraEndpoints(broker.bootstrapServers(), auth.url());
            List<String> jvm = new ArrayList<>(options.productionJvm() ? Suite.PRODUCTION_JVM : Suite.LOCAL_JVM);
            jvm.addAll(options.serviceOptions());
            try (Suite suite = Suite.start(root, runDir, postgres, infra, List.of(ServiceSpec.INCIDENT), jvm, false,
                    progress)) {
                long servicePid = suite.pid(ServiceSpec.INCIDENT);
                results.add("# incident-service benchmark, %s, %d cores; service JVM: %s; %s",
                        LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                        String.join(" ", jvm), String.join(" ", args));
                results.add("# event-kit at: %s", Git.lastCommit(root, "event-kit"));
                results.add("# incident-service at: %s", Git.lastCommit(root, "incident-service"));
                results.add("# packaged service: %s", Git.packaged(ServiceSpec.INCIDENT.runner(root).getParent()));
                String jdbc = postgres.jdbcUrl(ServiceSpec.INCIDENT.database());
                ApiClient api = new ApiClient(suite.url(ServiceSpec.INCIDENT), () -> infra.tokens().forUser("alice"));
                Map<String, CpuMeter.Group> groups = new LinkedHashMap<>();
                groups.put("service", CpuMeter.Group.of(servicePid));
                groups.put("postgres", CpuMeter.Group.withChildren(postmasterPid(runDir)));
                groups.put("kafka", CpuMeter.Group.of(broker.pid()));
                groups.put("driver", CpuMeter.Group.of(ProcessHandle.current().pid()));
                StartBenchmark.Target target = new StartBenchmark.Target("A", api, jdbc, servicePid);
                if (options.compare() != null) {
                    compare(options, root, runDir, postgres, infra, jvm, target, groups, broker, results, progress);
                } else {
                    CpuMeter cpu = new CpuMeter(groups);
                    if (options.runs(BenchOptions.START)) {
                        new StartBenchmark(options, results, progress, postgres, target, broker.bootstrapServers(),
                                cpu, runDir, ServiceSpec.INCIDENT.runner(root).getParent()).run();
                    }
                    if (options.runs(BenchOptions.BROWSE)) {
                        new BrowseBenchmark(options, results, progress, jdbc, api, servicePid).run();
                    }
                }
                progress.step("Results written to " + results.file());
            }
        }
        System.exit(0);
    }

    /** A/B: the service packaged in another source tree beside this one, measured in alternation. */
    private static void compare(BenchOptions options, Path root, Path runDir, PostgresServer postgres,
            InfraEndpoints infra, List<String> jvm, StartBenchmark.Target a, Map<String, CpuMeter.Group> groups,
            KafkaBroker broker, Results results, Progress progress) throws Exception {
        ServiceSpec other = new ServiceSpec(ServiceSpec.INCIDENT.name(), "incident_b", 0);
        results.add("# B: %s; packaged service: %s", Git.lastCommit(options.compare(), "incident-service"),
                Git.packaged(other.runner(options.compare()).getParent()));
        Path runDirB = runDir.resolve("b");
        Files.createDirectories(runDirB);
        try (Suite suiteB = Suite.start(options.compare(), runDirB, postgres, infra, List.of(other), jvm, false,
                progress)) {
            StartBenchmark.Target b = new StartBenchmark.Target("B", new ApiClient(suiteB.url(other), a.api().tokens()),
                    postgres.jdbcUrl(other.database()), suiteB.pid(other));
            Map<String, CpuMeter.Group> all = new LinkedHashMap<>();
            all.put("service A", CpuMeter.Group.of(a.pid()));
            all.put("service B", CpuMeter.Group.of(b.pid()));
            groups.forEach((name, group) -> {
                if (!name.equals("service")) {
                    all.put(name, group);
                }
            });
            new StartBenchmark(options, results, progress, postgres, a, broker.bootstrapServers(), new CpuMeter(all),
                    runDir, ServiceSpec.INCIDENT.runner(root).getParent()).compare(b, options.rounds());
        }
    }

    private static long postmasterPid(Path runDir) {
        try {
            return Long.parseLong(Files.readAllLines(runDir.resolve("postgres/data/postmaster.pid")).get(0).trim());
        } catch (Exception e) {
            return -1;
        }
    }
}
