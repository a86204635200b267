package dev.commandcenter.notifier.oncall;

import java.time.Instant;

/** An override: {@code userId} is on call from {@code start} (inclusive) to {@code end} (exclusive). */
public record Cover(String userId, Instant start, Instant end) {

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
