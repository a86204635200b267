package dev.commandcenter.notifier.oncall;

import java.util.UUID;

/**
 * One level of an escalation policy: page whoever is on call in {@code scheduleId} at the time, or
 * {@code userId}; exactly one of them is set. Unacknowledged after {@code timeoutMinutes}, the next
 * level is paged.
 */
public record EscalationLevel(UUID scheduleId, String userId, int timeoutMinutes) {

    public boolean targetsSchedule() {
        return scheduleId != null;
    }
}
