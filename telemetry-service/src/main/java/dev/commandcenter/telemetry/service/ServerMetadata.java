package dev.commandcenter.telemetry.service;

import dev.commandcenter.telemetry.config.TelemetryConfig;
import dev.commandcenter.telemetry.repository.SettingRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.UUID;

/**
 * The metadata of this server that every telemetry record carries. The diagnostic id is the
 * configured one or else one generated on first start and kept in the database, so it is stable
 * across restarts and shared by every replica. It is resolved before the consumers start.
 */
@ApplicationScoped
public class ServerMetadata {
    static final String DIAGNOSTIC_ID = "diagnostic-id";

    private final TelemetryConfig config;
    private final SettingRepository settings;
    private volatile String diagnosticId;

    public ServerMetadata(TelemetryConfig config, SettingRepository settings) {
        this.config = config;
        this.settings = settings;
    }

    void resolveDiagnosticId(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event)
            throws Throwable {
        String configured = config.diagnosticId().map(String::strip).orElse("");
        diagnosticId = !configured.isEmpty() ? configured : VertxContextSupport.subscribeAndAwait(() ->
                Panache.withTransaction(() -> settings.getOrCreate(DIAGNOSTIC_ID, UUID.randomUUID().toString())));
    }

    public String diagnosticId() {
        return diagnosticId;
    }

    public String serverVersion() {
        return config.serverVersion();
    }

    public String pluginVersion() {
        return config.pluginVersion();
    }
}
