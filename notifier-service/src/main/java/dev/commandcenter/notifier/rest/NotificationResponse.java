package dev.commandcenter.notifier.rest;

import java.time.Instant;
import java.util.UUID;

public record NotificationResponse(
        UUID id,
        String incidentId,
        String teamId,
        String recipient,
        String channel,
        String kind,
        Instant createdAt) {
}
