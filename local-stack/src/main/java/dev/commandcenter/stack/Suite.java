package dev.commandcenter.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The five services as real processes, wired to PostgreSQL, Kafka and Keycloak. */
public final class Suite implements AutoCloseable {
    /** JVM flags of the local run and the tests: quick start-up and a small heap, not for measuring. */
    public static final List<String> LOCAL_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /** JVM flags as a production deployment would use them: full JIT, a fixed heap, G1. For measuring. */
    public static final List<String> PRODUCTION_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

    private final Map<ServiceSpec, ChildProcess> processes;
    private final Map<ServiceSpec, Integer> ports;

    private Suite(Map<ServiceSpec, ChildProcess> processes, Map<ServiceSpec, Integer> ports) {
        this.processes = processes;
        this.ports = ports;
    }

    /**
     * Starts every service and waits until each reports ready. {@code usePreferredPorts} picks the
     * documented ports (gateway 8080 ...) when free, as the local run does; tests use free ports.
     */
    public static Suite start(Path root, Path runDir, PostgresServer postgres, InfraEndpoints infra,
            boolean usePreferredPorts, Progress progress) {
        return start(root, runDir, postgres, infra, ServiceSpec.ALL, usePreferredPorts, progress);
    }

    /** Starts only {@code services} (a benchmark needs one service, not the suite). */
    public static Suite start(Path root, Path runDir, PostgresServer postgres, InfraEndpoints infra,
            List<ServiceSpec> services, boolean usePreferredPorts, Progress progress) {
        return start(root, runDir, postgres, infra, services, LOCAL_JVM, usePreferredPorts, progress);
    }

    /**
     * Starts only {@code services}, each JVM with {@code jvmOptions} (for example {@link #PRODUCTION_JVM},
     * plus a flight recording or {@code -D} overrides of the service's configuration).
     */
    public static Suite start(Path root, Path runDir, PostgresServer postgres, InfraEndpoints infra,
            List<ServiceSpec> services, List<String> jvmOptions, boolean usePreferredPorts, Progress progress) {
        Map<ServiceSpec, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec spec : services) {
            ports.put(spec, usePreferredPorts ? Net.preferredPort(spec.preferredPort()) : Net.freePort());
            if (!Files.isRegularFile(spec.runner(root))) {
                throw new StackException(spec.name() + " is not built (" + spec.runner(root)
                        + " is missing): run ./mvnw package -DskipTests first");
            }
        }
        Map<ServiceSpec, ChildProcess> processes = new LinkedHashMap<>();
        Suite suite = new Suite(processes, ports);
        try {
            for (ServiceSpec spec : services) {
                if (spec.hasDatabase()) {
                    postgres.createDatabase(spec.database());
                }
                List<String> command = new ArrayList<>(List.of(KafkaBroker.javaExecutable()));
                configuration(spec, ports, postgres, infra).forEach((key, value) -> command.add("-D" + key + "=" + value));
                command.addAll(jvmOptions);
                command.addAll(List.of("-jar", spec.runner(root).toString()));
                Path log = runDir.resolve(spec.name() + ".log");
                progress.step(spec.name() + " on http://" + Net.HOST + ":" + ports.get(spec) + ", log " + log);
                processes.put(spec, ChildProcess.start(spec.name(), command, runDir, log, Map.of()));
            }
            for (ServiceSpec spec : services) {
                String ready = suite.url(spec) + "/q/health/ready";
                Net.awaitReady(processes.get(spec), Duration.ofSeconds(120), () -> Net.httpStatus(ready) == 200,
                        progress);
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    static Map<String, String> configuration(ServiceSpec spec, Map<ServiceSpec, Integer> ports,
            PostgresServer postgres, InfraEndpoints infra) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.host", Net.HOST);
        config.put("quarkus.http.port", Integer.toString(ports.get(spec)));
        config.put("quarkus.oidc.auth-server-url", infra.issuer());
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        config.put("team-directory.client-secret", DemoRealm.TEAM_DIRECTORY_SECRET);
        // Links to incidents (in alert answers and messages) point at the gateway, the one public origin.
        if (ports.containsKey(ServiceSpec.GATEWAY)) {
            config.put("incident.public-url", "http://" + Net.HOST + ":" + ports.get(ServiceSpec.GATEWAY));
            config.put("notifier.public-url", "http://" + Net.HOST + ":" + ports.get(ServiceSpec.GATEWAY));
        }
        if (spec.hasDatabase()) {
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(spec.database()));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(spec.database()));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        }
        if (spec == ServiceSpec.GATEWAY) {
            config.put("quarkus.oidc.credentials.secret", DemoRealm.GATEWAY_SECRET);
            config.put("gateway.upstream.playbook", "http://" + Net.HOST + ":" + ports.get(ServiceSpec.PLAYBOOK));
            config.put("gateway.upstream.incident", "http://" + Net.HOST + ":" + ports.get(ServiceSpec.INCIDENT));
            config.put("gateway.upstream.notifier", "http://" + Net.HOST + ":" + ports.get(ServiceSpec.NOTIFIER));
            config.put("gateway.upstream.telemetry", "http://" + Net.HOST + ":" + ports.get(ServiceSpec.TELEMETRY));
        }
        return config;
    }

    public String url(ServiceSpec spec) {
        return "http://" + Net.HOST + ":" + ports.get(spec);
    }

    /** The operating-system process id of a started service. */
    public long pid(ServiceSpec spec) {
        return processes.get(spec).pid();
    }

    public String gatewayUrl() {
        return url(ServiceSpec.GATEWAY);
    }

    /** Stops the gateway first, then the backends. */
    @Override
    public void close() {
        List<ChildProcess> reversed = new ArrayList<>(processes.values());
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(ChildProcess::close);
    }
}
