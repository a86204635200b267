package dev.commandcenter.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Real infrastructure for {@code @QuarkusTest}: the build's shared Kafka and Keycloak, and a
 * PostgreSQL server of this test JVM with the service's database (init arg {@code database};
 * omit it for a service without one).
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {
    private static PostgresServer postgres;
    private static final java.util.Set<String> CREATED = new java.util.HashSet<>();
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        InfraEndpoints infra = SharedInfra.get();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", infra.issuer());
        config.put("stack.keycloak-url", infra.keycloakUrl());
        config.put("team-directory.client-secret", DemoRealm.TEAM_DIRECTORY_SECRET);
        if (database != null) {
            PostgresServer server = postgres(database);
            config.put("quarkus.datasource.reactive.url", server.reactiveUrl(database));
            config.put("quarkus.datasource.jdbc.url", server.jdbcUrl(database));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        }
        return config;
    }

    private static synchronized PostgresServer postgres(String database) {
        if (postgres == null) {
            postgres = PostgresServer.start(Path.of("target", "test-postgres").toAbsolutePath(), Progress.toStdout());
            PostgresServer started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-postgres"));
        }
        if (CREATED.add(database)) {
            postgres.createDatabase(database);
        }
        return postgres;
    }

    @Override
    public void stop() {
        // Shared for the whole test JVM (PostgreSQL) or the whole build (Kafka, Keycloak).
    }
}
