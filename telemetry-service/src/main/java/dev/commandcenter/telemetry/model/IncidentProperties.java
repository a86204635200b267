package dev.commandcenter.telemetry.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** What telemetry keeps of an incident: ids, a flag, counts and its creation time; never its name. */
public record IncidentProperties(
        @JsonProperty("incidentID") String incidentId,
        @JsonProperty("userID") String userId,
        @JsonProperty("IsActive") boolean active,
        @JsonProperty("CommanderUserID") String commanderUserId,
        @JsonProperty("TeamID") String teamId,
        @JsonProperty("CreatedAt") Instant createdAt,
        @JsonProperty("ChannelIDs") List<String> channelIds,
        @JsonProperty("PostID") String postId,
        @JsonProperty("NumChecklists") Integer numChecklists,
        @JsonProperty("TotalChecklistItems") Integer totalChecklistItems) {
}
