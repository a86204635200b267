package dev.commandcenter.notifier.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the on-call API answers. Layers and levels read back as they were sent. */
public final class OnCallResponses {
    private OnCallResponses() {
    }

    public record Schedule(UUID id, String teamId, String name, String description, String timeZone,
            List<OnCallRequests.Layer> layers, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    public record Override(UUID id, UUID scheduleId, String userId, Instant start, Instant end, String createdBy,
            Instant createdAt) {
    }

    public record Policy(UUID id, String teamId, String name, String description, int repeatCount,
            List<OnCallRequests.Level> levels, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    /**
     * A stretch with one person on call ({@code userId} null: nobody), put there by an override or by
     * the layer numbered {@code layer} (0 = lowest) named {@code layerName}.
     */
    public record Shift(String userId, Instant start, Instant end, boolean override, Integer layer,
            String layerName) {
    }

    /**
     * Who is on call in a schedule at {@code at}: the running shift (its start may be up to 31 days
     * back at the most) and the next ones.
     */
    public record OnCall(UUID scheduleId, String scheduleName, String teamId, String timeZone, Instant at,
            Shift current, List<Shift> next) {
    }
}
