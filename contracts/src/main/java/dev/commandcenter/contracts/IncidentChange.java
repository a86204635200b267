package dev.commandcenter.contracts;

import java.time.Instant;

/**
 * Payload of the incident events after the start: who was made commander, added or removed,
 * which stage became active, which checklist item changed and its new state. Ids only: the
 * names and texts stay in incident-service.
 */
public record IncidentChange(
        String incidentId,
        String teamId,
        String userId,
        String stageId,
        String itemId,
        String state,
        long incidentVersion,
        Instant at) {
}
