package dev.commandcenter.telemetry.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A telemetry record in the shape of a Rudder {@code track} call: metadata, event, action, properties. */
public record TelemetryEventResponse(
        UUID id,
        String type,
        String event,
        String action,
        @JsonProperty("diagnosticID") String diagnosticId,
        String serverVersion,
        String pluginVersion,
        @JsonProperty("eventTimeStamp") Instant eventTimestamp,
        Instant createdAt,
        Instant originalTimestamp,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object integrations,
        Map<String, Object> properties) {

    /** Rudder's type for every event this service records. */
    public static final String TRACK = "track";
}
