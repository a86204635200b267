package dev.commandcenter.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The local run: PostgreSQL, Kafka, Keycloak and all five services, until Ctrl-C. Started by
 * {@code ./run.sh}, which builds the services first.
 */
public final class LocalStack {
    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path root = StackDirs.root();
        Path runDir = root.resolve("target/local-run");
        Progress progress = Progress.toStdout();
        StackDirs.deleteTree(runDir);
        Files.createDirectories(runDir);
        long started = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        Resources resources = new Resources();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            progress.step("Stopping the suite ...");
            resources.close();
            progress.step("Stopped.");
            stopped.countDown();
        }, "stop-local-stack"));

        progress.step("Starting the incident command center in " + runDir);
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(
                () -> KeycloakServer.start(runDir.resolve("keycloak"), 8180, progress));
        resources.keycloak = keycloak;
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(
                () -> KafkaBroker.start(runDir.resolve("kafka"), progress));
        resources.kafka = kafka;
        try {
            resources.postgres = PostgresServer.start(runDir.resolve("postgres"), progress);
            InfraEndpoints infra = new InfraEndpoints(kafka.join().bootstrapServers(), keycloak.join().url());
            resources.suite = Suite.start(root, runDir, resources.postgres, infra, true, progress);
            printWelcome(resources.suite, infra, (System.nanoTime() - started) / 1_000_000_000L);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof StackException ? e.getCause() : e;
            System.err.println("[stack] FAILED: " + cause.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private static void printWelcome(Suite suite, InfraEndpoints infra, long seconds) {
        StringBuilder text = new StringBuilder();
        text.append("\n=== Incident command center is running (started in ").append(seconds).append(" s) ===\n\n");
        text.append("  Open:      ").append(suite.gatewayUrl()).append("/   (log in as a demo user)\n");
        text.append("  API:       ").append(suite.gatewayUrl()).append("/api/v1/...  (bearer token, see README)\n\n");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            text.append(String.format("  %-18s %s   (OpenAPI %s/q/openapi, health %s/q/health)%n", spec.name(),
                    suite.url(spec), suite.url(spec), suite.url(spec)));
        }
        text.append(String.format("  %-18s %s   (realm %s; admin console: admin / admin)%n", "keycloak",
                infra.keycloakUrl(), DemoRealm.REALM));
        text.append(String.format("  %-18s %s%n%n", "kafka", infra.kafkaBootstrapServers()));
        text.append("  Demo users (password = user name):\n");
        for (DemoRealm.User user : DemoRealm.USERS) {
            text.append(String.format("    %-6s / %-6s  teams %s%s%n", user.username(), user.password(), user.teams(),
                    user.systemAdmin() ? ", system administrator" : ""));
        }
        text.append("\n  Press Ctrl-C to stop everything.\n");
        System.out.println(text);
        System.out.flush();
    }

    /** What is running, closed in reverse order of dependency. */
    private static final class Resources {
        volatile Suite suite;
        volatile PostgresServer postgres;
        volatile CompletableFuture<KafkaBroker> kafka;
        volatile CompletableFuture<KeycloakServer> keycloak;

        synchronized void close() {
            if (suite != null) {
                suite.close();
            }
            if (kafka != null) {
                kafka.handle((broker, error) -> broker).thenAccept(b -> { if (b != null) { b.close(); } }).join();
            }
            if (keycloak != null) {
                keycloak.handle((server, error) -> server).thenAccept(k -> { if (k != null) { k.close(); } }).join();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
