package dev.commandcenter.telemetry.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * The metadata every telemetry record carries about the server that produced it. The bounds are
 * the widths of their columns: a longer value would make every insert fail, so it stops the start.
 */
@ConfigMapping(prefix = "telemetry")
public interface TelemetryConfig {

    /** This server's identifier; when absent, one is generated once and kept in the database. */
    Optional<@Size(max = 100) String> diagnosticId();

    /** The version of the platform this service runs in. */
    @Size(max = 50)
    String serverVersion();

    /** This service's own version. */
    @Size(max = 50)
    String pluginVersion();
}
