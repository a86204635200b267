package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.PlaybookContent.StatusPhase;
import dev.commandcenter.incident.model.StatusUpdate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A status update as the API shows it. */
public record StatusUpdateResponse(UUID id, UUID incidentId, StatusPhase phase, String text, String authorId,
        Instant createdAt) {

    public static StatusUpdateResponse of(StatusUpdate update) {
        return new StatusUpdateResponse(update.id, update.incidentId, update.phase, update.text, update.authorId,
                update.createdAt);
    }

    /** One page, newest first; pass {@code next} as {@code before} for the older ones (null at the end). */
    public record Page(List<StatusUpdateResponse> items, UUID next) {
    }

    /** The playbook's template for a phase; empty text when it has none. */
    public record Template(StatusPhase phase, String text) {
    }
}
