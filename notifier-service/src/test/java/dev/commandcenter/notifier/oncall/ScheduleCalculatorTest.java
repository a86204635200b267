package dev.commandcenter.notifier.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rotation rules, without Quarkus: hand-offs, lengths, layers, restrictions, overrides, DST. */
class ScheduleCalculatorTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<String> TEAM = List.of("alice", "bob", "dave");
    private static final Restriction BUSINESS_HOURS = new Restriction(EnumSet.range(DayOfWeek.MONDAY,
            DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

    static Layer layer(List<String> who, RotationLength length, Integer hours, String start, String handoff,
            Restriction... restrictions) {
        return new Layer("layer", who, length, hours, LocalDate.parse(start), LocalTime.parse(handoff),
                List.of(restrictions));
    }

    static Instant local(String dateTime, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), zone).toInstant();
    }

    static String who(ScheduleCalculator schedule, String dateTime, ZoneId zone) {
        return schedule.at(local(dateTime, zone)).userId();
    }

    static ScheduleCalculator schedule(ZoneId zone, Layer... layers) {
        return new ScheduleCalculator(zone, List.of(layers), List.of());
    }

    @Test
    void aDailyRotationHandsOffAtTheHandOffTimeInParticipantOrderAndWrapsAround() {
        ScheduleCalculator daily = schedule(UTC, layer(TEAM, RotationLength.DAILY, null, "2026-01-05", "09:00"));

        assertThat(who(daily, "2026-01-05T08:59", UTC)).as("before the first shift").isNull();
        assertThat(who(daily, "2026-01-05T09:00", UTC)).isEqualTo("alice");
        assertThat(who(daily, "2026-01-06T08:59", UTC)).isEqualTo("alice");
        assertThat(who(daily, "2026-01-06T09:00", UTC)).isEqualTo("bob");
        assertThat(who(daily, "2026-01-07T12:00", UTC)).isEqualTo("dave");
        assertThat(who(daily, "2026-01-08T09:00", UTC)).isEqualTo("alice");
        assertThat(who(daily, "2027-01-05T09:00", UTC)).as("365 days later: 365 mod 3 = 2").isEqualTo("dave");
    }

    @Test
    void anOverrideByThePersonOnCallStaysVisibleAsAnOverride() {
        Instant noon = local("2026-01-05T12:00", UTC);
        ScheduleCalculator covered = new ScheduleCalculator(UTC,
                List.of(layer(TEAM, RotationLength.DAILY, null, "2026-01-05", "09:00")),
                List.of(new Cover("alice", noon, noon.plus(Duration.ofHours(1)))));

        assertThat(covered.between(local("2026-01-05T09:00", UTC), local("2026-01-06T09:00", UTC)))
                .extracting(s -> s.userId() + (s.override() ? " override@" : "@") + s.start())
                .containsExactly("alice@2026-01-05T09:00:00Z", "alice override@2026-01-05T12:00:00Z",
                        "alice@2026-01-05T13:00:00Z");
    }

    @Test
    void aWeeklyRotationLastsSevenDays() {
        ScheduleCalculator weekly = schedule(UTC, layer(TEAM, RotationLength.WEEKLY, null, "2026-01-05", "10:00"));

        assertThat(who(weekly, "2026-01-11T23:00", UTC)).isEqualTo("alice");
        assertThat(who(weekly, "2026-01-12T09:59", UTC)).isEqualTo("alice");
        assertThat(who(weekly, "2026-01-12T10:00", UTC)).isEqualTo("bob");
        assertThat(who(weekly, "2026-01-26T10:00", UTC)).isEqualTo("alice");
        List<Shift> shifts = weekly.between(local("2026-01-05T10:00", UTC), local("2026-01-26T10:00", UTC));
        assertThat(shifts).extracting(Shift::userId).containsExactly("alice", "bob", "dave");
        assertThat(shifts).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).hasDays(7));
    }

    @Test
    void aCustomRotationHandsOffEveryGivenNumberOfHours() {
        ScheduleCalculator twelveHours = schedule(UTC, layer(List.of("alice", "bob"), RotationLength.CUSTOM, 12,
                "2026-01-05", "08:00"));

        assertThat(who(twelveHours, "2026-01-05T19:59", UTC)).isEqualTo("alice");
        assertThat(who(twelveHours, "2026-01-05T20:00", UTC)).isEqualTo("bob");
        assertThat(who(twelveHours, "2026-01-06T08:00", UTC)).isEqualTo("alice");
        assertThat(twelveHours.between(local("2026-01-05T08:00", UTC), local("2026-01-07T08:00", UTC)))
                .extracting(s -> s.start().toString())
                .containsExactly("2026-01-05T08:00:00Z", "2026-01-05T20:00:00Z", "2026-01-06T08:00:00Z",
                        "2026-01-06T20:00:00Z");
    }

    @Test
    void aHandOffToTheSamePersonIsNoHandOff() {
        ScheduleCalculator alone = schedule(UTC, layer(List.of("alice"), RotationLength.DAILY, null, "2026-01-05",
                "09:00"));

        assertThat(alone.between(local("2026-01-05T09:00", UTC), local("2026-01-12T09:00", UTC)))
                .singleElement().extracting(Shift::userId).isEqualTo("alice");
    }

    @Test
    void berlinSpringForwardKeepsTheHandOffAtNineLocalAndTheNightShiftLasts23Hours() {
        ScheduleCalculator daily = schedule(BERLIN, layer(TEAM, RotationLength.DAILY, null, "2026-03-27", "09:00"));

        List<Shift> shifts = daily.between(local("2026-03-28T09:00", BERLIN), local("2026-03-30T09:00", BERLIN));
        assertThat(shifts).extracting(s -> s.start().toString())
                .containsExactly("2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z");
        assertThat(Duration.between(shifts.get(0).start(), shifts.get(0).end())).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(shifts.get(1).start(), shifts.get(1).end())).isEqualTo(Duration.ofHours(24));
        assertThat(who(daily, "2026-03-29T08:59", BERLIN)).isEqualTo("bob");
        assertThat(who(daily, "2026-03-29T09:00", BERLIN)).isEqualTo("dave");
    }

    @Test
    void berlinFallBackKeepsTheHandOffAtNineLocalAndTheNightShiftLasts25Hours() {
        ScheduleCalculator daily = schedule(BERLIN, layer(TEAM, RotationLength.DAILY, null, "2026-10-24", "09:00"));

        List<Shift> shifts = daily.between(local("2026-10-24T09:00", BERLIN), local("2026-10-26T09:00", BERLIN));
        assertThat(shifts).extracting(s -> s.start().toString())
                .containsExactly("2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z");
        assertThat(Duration.between(shifts.get(0).start(), shifts.get(0).end())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aHandOffInTheSpringForwardGapMovesLaterByTheGap() {
        ScheduleCalculator daily = schedule(BERLIN, layer(TEAM, RotationLength.DAILY, null, "2026-03-28", "02:30"));

        assertThat(daily.between(local("2026-03-28T12:00", BERLIN), local("2026-03-29T12:00", BERLIN)))
                .extracting(s -> s.start().toString())
                .containsExactly("2026-03-28T11:00:00Z", "2026-03-29T01:30:00Z");
        assertThat(daily.at(Instant.parse("2026-03-29T01:29:00Z")).userId()).isEqualTo("alice");
        assertThat(daily.at(Instant.parse("2026-03-29T01:30:00Z")).userId()).as("03:30 CEST").isEqualTo("bob");
        assertThat(daily.at(Instant.parse("2026-03-30T00:30:00Z")).userId()).as("02:30 CEST").isEqualTo("dave");
    }

    @Test
    void aHandOffInTheFallBackOverlapHappensTheFirstTimeTheClockShowsIt() {
        ScheduleCalculator daily = schedule(BERLIN, layer(TEAM, RotationLength.DAILY, null, "2026-10-24", "02:30"));

        // 02:30 CEST = 00:30Z; the clock shows 02:15 again (CET) at 01:15Z, after the hand-off.
        assertThat(daily.at(Instant.parse("2026-10-25T00:29:00Z")).userId()).isEqualTo("alice");
        assertThat(daily.at(Instant.parse("2026-10-25T00:30:00Z")).userId()).isEqualTo("bob");
        assertThat(daily.at(Instant.parse("2026-10-25T01:15:00Z")).userId()).isEqualTo("bob");
        assertThat(daily.at(Instant.parse("2026-10-26T01:29:00Z")).userId()).isEqualTo("bob");
        assertThat(daily.at(Instant.parse("2026-10-26T01:30:00Z")).userId()).isEqualTo("dave");
    }

    @Test
    void newYorkWeeklyShiftsAcrossBothDstChangesLast167And169Hours() {
        ScheduleCalculator weekly = schedule(NEW_YORK, layer(List.of("alice", "bob"), RotationLength.WEEKLY, null,
                "2026-03-02", "09:00"));

        List<Shift> spring = weekly.between(local("2026-03-02T09:00", NEW_YORK), local("2026-03-16T09:00", NEW_YORK));
        assertThat(spring).extracting(s -> Duration.between(s.start(), s.end()).toHours()).containsExactly(167L, 168L);
        assertThat(spring.get(1).start()).isEqualTo("2026-03-09T13:00:00Z");
        List<Shift> autumn = weekly.between(local("2026-10-26T09:00", NEW_YORK), local("2026-11-02T09:00", NEW_YORK));
        assertThat(autumn).singleElement().satisfies(s -> {
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(169));
            assertThat(s.end()).isEqualTo("2026-11-02T14:00:00Z");
        });
    }

    @Test
    void aCustomTwelveHourRotationKeepsItsLocalHandOffsAcrossDst() {
        ScheduleCalculator twelve = schedule(BERLIN, layer(List.of("alice", "bob"), RotationLength.CUSTOM, 12,
                "2026-03-28", "08:00"));

        assertThat(twelve.between(local("2026-03-28T20:00", BERLIN), local("2026-03-29T20:00", BERLIN)))
                .extracting(s -> Duration.between(s.start(), s.end()).toHours()).containsExactly(11L, 12L);
        assertThat(who(twelve, "2026-03-29T07:59", BERLIN)).isEqualTo("bob");
        assertThat(who(twelve, "2026-03-29T08:00", BERLIN)).isEqualTo("alice");
    }

    @Test
    void aRestrictedLayerHasNobodyOutsideBusinessHours() {
        ScheduleCalculator office = schedule(BERLIN, layer(TEAM, RotationLength.WEEKLY, null, "2026-01-05", "09:00",
                BUSINESS_HOURS));

        assertThat(who(office, "2026-01-05T08:59", BERLIN)).isNull();
        assertThat(who(office, "2026-01-05T09:00", BERLIN)).isEqualTo("alice");
        assertThat(who(office, "2026-01-05T16:59", BERLIN)).isEqualTo("alice");
        assertThat(who(office, "2026-01-05T17:00", BERLIN)).isNull();
        assertThat(who(office, "2026-01-10T12:00", BERLIN)).as("Saturday").isNull();
        assertThat(office.between(local("2026-01-05T00:00", BERLIN), local("2026-01-06T00:00", BERLIN)))
                .extracting(Shift::userId).containsExactly(null, "alice", null);
    }

    @Test
    void anOvernightRestrictionRunsIntoTheNextDay() {
        Restriction nights = new Restriction(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        ScheduleCalculator night = schedule(UTC, layer(List.of("carol"), RotationLength.DAILY, null, "2026-01-01",
                "00:00", nights));

        assertThat(who(night, "2026-01-09T21:59", UTC)).isNull();
        assertThat(who(night, "2026-01-09T22:00", UTC)).isEqualTo("carol");
        assertThat(who(night, "2026-01-10T05:59", UTC)).as("Saturday morning").isEqualTo("carol");
        assertThat(who(night, "2026-01-10T06:00", UTC)).isNull();
        assertThat(who(night, "2026-01-10T23:00", UTC)).as("Saturday night is not a Friday night").isNull();
    }

    @Test
    void aHigherLayerWinsWhereItHasSomebodyAndTheLowerOneFillsTheRest() {
        ScheduleCalculator layered = schedule(BERLIN,
                layer(List.of("dave"), RotationLength.WEEKLY, null, "2026-01-05", "09:00"),
                layer(List.of("alice", "bob"), RotationLength.DAILY, null, "2026-01-05", "09:00", BUSINESS_HOURS));

        assertThat(layered.at(local("2026-01-05T10:00", BERLIN))).extracting(Shift::userId, Shift::layer)
                .containsExactly("alice", 1);
        assertThat(layered.at(local("2026-01-05T18:00", BERLIN))).extracting(Shift::userId, Shift::layer)
                .containsExactly("dave", 0);
        assertThat(who(layered, "2026-01-06T10:00", BERLIN)).isEqualTo("bob");
        assertThat(layered.between(local("2026-01-05T09:00", BERLIN), local("2026-01-06T09:00", BERLIN)))
                .extracting(Shift::userId).containsExactly("alice", "dave");
    }

    @Test
    void overridesWinOverEveryLayerAndTheNewestOfOverlappingOnesWins() {
        Instant noon = local("2026-01-05T12:00", UTC);
        ScheduleCalculator covered = new ScheduleCalculator(UTC,
                List.of(layer(TEAM, RotationLength.DAILY, null, "2026-01-05", "09:00")),
                List.of(new Cover("carol", noon, noon.plus(Duration.ofHours(4))),
                        new Cover("bob", noon.plus(Duration.ofHours(1)), noon.plus(Duration.ofHours(2)))));

        assertThat(covered.at(noon.minusSeconds(1)).userId()).isEqualTo("alice");
        assertThat(covered.at(noon)).extracting(Shift::userId, Shift::override).containsExactly("carol", true);
        assertThat(covered.between(local("2026-01-05T09:00", UTC), local("2026-01-06T09:00", UTC)))
                .extracting(s -> s.userId() + "@" + s.start())
                .containsExactly("alice@2026-01-05T09:00:00Z", "carol@2026-01-05T12:00:00Z",
                        "bob@2026-01-05T13:00:00Z", "carol@2026-01-05T14:00:00Z", "alice@2026-01-05T16:00:00Z");
    }
}
