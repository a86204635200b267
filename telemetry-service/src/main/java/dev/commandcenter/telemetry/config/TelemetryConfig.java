package dev.commandcenter.telemetry.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The metadata every telemetry record carries about the server that produced it. */
@ConfigMapping(prefix = "telemetry")
public interface TelemetryConfig {

    /** This server's identifier; when absent, one is generated once and kept in the database. */
    Optional<String> diagnosticId();

    String serverVersion();

    String pluginVersion();
}
