package dev.commandcenter.notifier.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The delivery log's answers. */
public final class DeliveryResponses {
    private DeliveryResponses() {
    }

    public record Attempt(int number, Instant at, Integer statusCode, String error, int durationMs) {
    }

    public record Delivery(UUID id, String eventId, String eventType, UUID subscriptionId, String teamId,
            String incidentId, String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode,
            String lastError, Instant createdAt, Instant deliveredAt, List<Attempt> attemptLog) {
    }

    /** One page, newest first; {@code nextPage} is null on the last. */
    public record Page(List<Delivery> deliveries, Integer nextPage) {
    }
}
