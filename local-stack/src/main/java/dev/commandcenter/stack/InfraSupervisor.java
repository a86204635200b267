package dev.commandcenter.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Runs Kafka and Keycloak for one build (see {@link SharedInfra}) and stops them when the watched
 * process exits or this process is terminated.
 */
public final class InfraSupervisor {
    private InfraSupervisor() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long watched = Long.parseLong(args[1]);
        Progress progress = Progress.toStdout();
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(
                () -> KafkaBroker.start(dir.resolve("kafka"), progress));
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(
                () -> KeycloakServer.start(dir.resolve("keycloak"), progress));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            progress.step("Stopping shared Kafka and Keycloak");
            kafka.thenAccept(KafkaBroker::close);
            keycloak.thenAccept(KeycloakServer::close);
            kafka.handle((k, e) -> null).join();
            keycloak.handle((k, e) -> null).join();
            try {
                Files.deleteIfExists(dir.resolve(SharedInfra.STATE_FILE));
            } catch (Exception ignored) {
                // the next build finds a dead supervisor pid and starts afresh
            }
        }, "stop-shared-infra"));
        try {
            Properties state = new Properties();
            state.setProperty("kafka.bootstrap.servers", kafka.join().bootstrapServers());
            state.setProperty("keycloak.url", keycloak.join().url());
            state.setProperty("supervisor.pid", Long.toString(ProcessHandle.current().pid()));
            SharedInfra.store(state, dir.resolve(SharedInfra.STATE_FILE));
            progress.step("Shared infrastructure ready: Kafka " + kafka.join().bootstrapServers() + ", Keycloak "
                    + keycloak.join().url());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            Files.writeString(dir.resolve(SharedInfra.FAILURE_FILE), "Shared test infrastructure failed: "
                    + cause.getMessage());
            System.exit(1);
        }
        ProcessHandle.of(watched).ifPresent(handle -> handle.onExit().join());
        System.exit(0);
    }
}
