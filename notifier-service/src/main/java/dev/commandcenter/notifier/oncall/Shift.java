package dev.commandcenter.notifier.oncall;

import java.time.Instant;

/**
 * A stretch of time in which one person (or, with a null {@code userId}, nobody) is on call.
 * {@code layer} is the index of the layer that put them there, or -1 for an override.
 */
public record Shift(String userId, Instant start, Instant end, int layer) {
    public static final int OVERRIDE = -1;

    public boolean nobody() {
        return userId == null;
    }

    public boolean override() {
        return layer == OVERRIDE;
    }

    Shift until(Instant newEnd) {
        return new Shift(userId, start, newEnd, layer);
    }
}
