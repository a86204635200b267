package dev.commandcenter.stack;

import java.nio.file.Path;
import java.util.List;

/** One of the suite's services as the launcher runs it: module, database, preferred local port. */
public record ServiceSpec(String name, String database, int preferredPort) {

    public static final ServiceSpec PLAYBOOK = new ServiceSpec("playbook-service", "playbook", 8081);
    public static final ServiceSpec INCIDENT = new ServiceSpec("incident-service", "incident", 8082);
    public static final ServiceSpec NOTIFIER = new ServiceSpec("notifier-service", "notifier", 8083);
    public static final ServiceSpec TELEMETRY = new ServiceSpec("telemetry-service", "telemetry", 8084);
    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", null, 8080);

    /** Backends first, the gateway last. */
    public static final List<ServiceSpec> ALL = List.of(PLAYBOOK, INCIDENT, NOTIFIER, TELEMETRY, GATEWAY);

    public boolean hasDatabase() {
        return database != null;
    }

    /** The fast-jar Quarkus builds in the module's target directory. */
    public Path runner(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
