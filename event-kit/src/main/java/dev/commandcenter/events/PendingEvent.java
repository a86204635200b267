package dev.commandcenter.events;

/** An outbox row waiting to be relayed, as the relay reads it. */
public record PendingEvent(long seq, String eventId, String topic, String messageKey, String eventType,
        String payload) {
}
