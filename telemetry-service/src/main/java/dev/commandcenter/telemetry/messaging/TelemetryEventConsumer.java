package dev.commandcenter.telemetry.messaging;

import dev.commandcenter.events.ProcessedEvents;
import dev.commandcenter.telemetry.service.TelemetryService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records telemetry for incident and playbook events. Duplicates are skipped; unreadable events go
 * to the channel's dead-letter topic; event types telemetry does not track are ignored.
 */
@ApplicationScoped
public class TelemetryEventConsumer {
    static final String INCIDENT_CONSUMER = "telemetry-service.incident-events";
    static final String PLAYBOOK_CONSUMER = "telemetry-service.playbook-state";

    private final ProcessedEvents processed;
    private final TelemetryService telemetry;

    public TelemetryEventConsumer(ProcessedEvents processed, TelemetryService telemetry) {
        this.processed = processed;
        this.telemetry = telemetry;
    }

    @Incoming("incident-events")
    public Uni<Void> onIncidentEvent(String message) {
        return processed.consumeOnce(INCIDENT_CONSUMER, message, telemetry::record);
    }

    @Incoming("playbook-state")
    public Uni<Void> onPlaybookEvent(String message) {
        return processed.consumeOnce(PLAYBOOK_CONSUMER, message, telemetry::record);
    }
}
