package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.model.FollowUp;
import java.time.Instant;
import java.util.UUID;

/** A follow-up action of an incident. */
public record FollowUpResponse(UUID id, UUID incidentId, String title, String assigneeId, boolean done,
        String createdBy, Instant createdAt) {

    public static FollowUpResponse of(FollowUp followUp) {
        return new FollowUpResponse(followUp.id, followUp.incidentId, followUp.title, followUp.assigneeId,
                followUp.done, followUp.createdBy, followUp.createdAt);
    }
}
