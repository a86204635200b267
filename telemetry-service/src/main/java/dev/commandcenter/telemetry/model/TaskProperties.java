package dev.commandcenter.telemetry.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the telemetry seed collects for a checklist action: the incident and the user, nothing else. */
public record TaskProperties(
        @JsonProperty("IncidentID") String incidentId,
        @JsonProperty("UserID") String userId) {
}
