package dev.commandcenter.contracts;

import java.time.Instant;

/**
 * Payload of {@code incident.status_update_due.v1} (the bot reminded the channel that no status
 * update was posted within the interval) and {@code incident.reminder_changed.v1} (the interval was
 * changed or the reminder snoozed). {@code intervalMinutes} null: reminders are off;
 * {@code nextReminderAt} null: none is due.
 */
public record StatusReminder(
        String incidentId,
        String teamId,
        String commanderId,
        Integer intervalMinutes,
        Instant nextReminderAt,
        String incidentUrl,
        Instant at) {
}
