package dev.commandcenter.incident.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a status-update reminder is due, and what the bot says: pure rules, no infrastructure. */
class ReminderRuleTest {
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void theNextReminderIsAnIntervalAfterItsStartingPointAndNeverWithoutAnInterval() {
        assertThat(ReminderRule.nextDue(START, 30)).isEqualTo(Instant.parse("2026-11-29T10:30:00Z"));
        assertThat(ReminderRule.nextDue(START, 1440)).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(ReminderRule.nextDue(START, null)).isNull();
    }

    @Test
    void aReminderIsDueFromItsTimeOnWhileTheIncidentIsOngoing() {
        Instant due = ReminderRule.nextDue(START, 30);
        assertThat(ReminderRule.isDue(true, due, due.minusNanos(1000))).isFalse();
        assertThat(ReminderRule.isDue(true, due, due)).isTrue();
        assertThat(ReminderRule.isDue(true, due, due.plusSeconds(3600))).isTrue();
        assertThat(ReminderRule.isDue(false, due, due.plusSeconds(1))).isFalse();
        assertThat(ReminderRule.isDue(true, null, due)).isFalse();
    }

    @Test
    void theBotSaysHowLongNoUpdateWasPostedInMinutesAndHours() {
        assertThat(ReminderRule.reminderText(30))
                .isEqualTo("No status update for 30 min: post one for the people following this incident.");
        assertThat(ReminderRule.minutes(60)).isEqualTo("1 h");
        assertThat(ReminderRule.minutes(90)).isEqualTo("1 h 30 min");
        assertThat(ReminderRule.minutes(1440)).isEqualTo("24 h");
    }
}
