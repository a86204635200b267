package dev.commandcenter.notifier.delivery;

import java.time.Instant;

/**
 * What one event says to the people subscribed to it, before it is shaped for a channel: rendered
 * once when the event is consumed and stored with each delivery, so retries send the same words.
 * {@code incidentUrl} is absolute (under {@code notifier.public-url}): every message carries it.
 */
public record Message(String eventId, String eventType, String teamId, String incidentId, String incidentName,
        String title, String text, String incidentUrl, Instant occurredAt) {
}
