package dev.commandcenter.incident.service;

import java.time.Duration;
import java.time.Instant;

/**
 * When the status-update reminder is due: an interval after the start, the last status update, the
 * last reminder or a change of the interval; a snooze moves it to a time of its own. No interval: never.
 */
public final class ReminderRule {
    /** Intervals and snoozes are between a minute and a day. */
    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 1440;

    private ReminderRule() {
    }

    /** The next due time counted from {@code from}, or null when reminders are off. */
    public static Instant nextDue(Instant from, Integer intervalMinutes) {
        return intervalMinutes == null ? null : from.plus(Duration.ofMinutes(intervalMinutes));
    }

    /** Whether a reminder fires at {@code now}: the incident is ongoing and its due time has come. */
    public static boolean isDue(boolean active, Instant nextReminderAt, Instant now) {
        return active && nextReminderAt != null && !nextReminderAt.isAfter(now);
    }

    /** What the bot posts when a reminder fires. */
    public static String reminderText(int intervalMinutes) {
        return "No status update for " + minutes(intervalMinutes) + ": post one for the people following this "
                + "incident.";
    }

    /** "30 min", "2 h", "1 h 30 min". */
    public static String minutes(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
    }
}
