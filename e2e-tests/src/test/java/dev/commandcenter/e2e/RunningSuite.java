package dev.commandcenter.e2e;

import static io.restassured.RestAssured.given;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.PostgresServer;
import dev.commandcenter.stack.Progress;
import dev.commandcenter.stack.ServiceSpec;
import dev.commandcenter.stack.SharedInfra;
import dev.commandcenter.stack.StackDirs;
import dev.commandcenter.stack.Suite;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL and the five services as real processes (their packaged jars) on the build's Kafka
 * and Keycloak: started once per test JVM by {@link SuiteExtension} and shared by every e2e test
 * class. Server logs: {@code e2e-tests/target/suite/<service>.log}.
 */
public final class RunningSuite implements AutoCloseable {
    private final InfraEndpoints infra;
    private final PostgresServer postgres;
    private final Suite suite;
    private final Path logDir;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private RunningSuite(InfraEndpoints infra, PostgresServer postgres, Suite suite, Path logDir) {
        this.infra = infra;
        this.postgres = postgres;
        this.suite = suite;
        this.logDir = logDir;
    }

    static RunningSuite start() {
        Path root = StackDirs.root();
        Path runDir = root.resolve("e2e-tests/target/suite");
        StackDirs.deleteTree(runDir);
        InfraEndpoints infra = SharedInfra.get();
        PostgresServer postgres = PostgresServer.start(runDir.resolve("postgres"), Progress.toStdout());
        try {
            Suite suite = Suite.start(root, runDir, postgres, infra, false, Progress.toStdout());
            return new RunningSuite(infra, postgres, suite, runDir);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public InfraEndpoints infra() {
        return infra;
    }

    public String gatewayUrl() {
        return suite.gatewayUrl();
    }

    public String url(ServiceSpec service) {
        return suite.url(service);
    }

    /** Where every service writes its log. */
    public Path logDir() {
        return logDir;
    }

    /** A demo user's access token, fetched once: tokens live 15 minutes, far longer than the e2e tests. */
    public String token(String user) {
        return tokens.computeIfAbsent(user, infra.tokens()::forUser);
    }

    /** A JSON request to the gateway as a demo user. */
    public RequestSpecification gatewayAs(String user) {
        return given().baseUri(gatewayUrl()).auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    /** Stops the services (gateway first), then PostgreSQL. */
    @Override
    public void close() {
        try {
            suite.close();
        } finally {
            postgres.close();
        }
    }
}
