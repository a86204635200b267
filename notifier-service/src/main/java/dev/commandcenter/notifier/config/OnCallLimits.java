package dev.commandcenter.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * How much on-call data a team may hold, so that no team's schedules or their answers grow without
 * bound. The shape of one schedule or policy (layers, participants, levels, text sizes) is bounded
 * by the API's validation; these are the counts that accumulate over time.
 */
@ConfigMapping(prefix = "oncall.limits")
public interface OnCallLimits {

    /** Most schedules a team may have; creating more is refused (409). */
    @WithDefault("20")
    @Min(1)
    int schedulesPerTeam();

    /** Most overrides of one schedule that have not ended yet; adding more is refused (409). */
    @WithDefault("500")
    @Min(1)
    int futureOverridesPerSchedule();

    /** Longest time range one override may cover, in days. */
    @WithDefault("31")
    @Min(1)
    int overrideMaxDays();

    /** Ended overrides are kept this many days (for "who was on call"), then deleted when one is added. */
    @WithDefault("90")
    @Min(1)
    int endedOverridesKeptDays();

    /** Most escalation policies a team may have; creating more is refused (409). */
    @WithDefault("20")
    @Min(1)
    int policiesPerTeam();
}
