package dev.commandcenter.notifier.oncall;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A window of local time in which a restricted layer has someone on call, e.g. business hours
 * Monday to Friday 09:00-17:00. A window whose end is not after its start runs overnight: it starts
 * on one of {@code days} and ends the next day.
 */
public record Restriction(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public boolean overnight() {
        return !to.isAfter(from);
    }
}
