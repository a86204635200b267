package dev.commandcenter.telemetry.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What telemetry keeps of a playbook: ids and counts; never its title or its stages' and steps' texts. */
public record PlaybookProperties(
        @JsonProperty("PlaybookID") String playbookId,
        @JsonProperty("TeamID") String teamId,
        @JsonProperty("NumChecklists") int numChecklists,
        @JsonProperty("TotalChecklistItems") int totalChecklistItems,
        @JsonProperty("userID") String userId) {
}
