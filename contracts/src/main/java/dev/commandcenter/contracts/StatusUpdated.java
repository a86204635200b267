package dev.commandcenter.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code incident.status_updated.v1}: a status update as the people following the
 * incident should read it. Unlike the other incident events it carries the text, and the
 * playbook's communication plan ({@code audiences}: where, when, who, how) so the notifier can
 * broadcast it without asking incident-service. {@code incidentUrl} is the incident page's path.
 */
public record StatusUpdated(
        String incidentId,
        String teamId,
        String incidentName,
        String statusUpdateId,
        PlaybookContent.StatusPhase phase,
        String text,
        String authorId,
        List<PlaybookContent.CommunicationChannel> audiences,
        String incidentUrl,
        Instant at) {
}
