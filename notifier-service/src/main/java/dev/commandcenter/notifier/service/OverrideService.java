package dev.commandcenter.notifier.service;

import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.config.OnCallLimits;
import dev.commandcenter.notifier.model.ScheduleOverride;
import dev.commandcenter.notifier.repository.OverrideRepository;
import dev.commandcenter.notifier.repository.ScheduleRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Overrides of a schedule: a member of the team covers a time range (a swap, a holiday). Only ranges
 * that have not ended may be added; ended ones are kept a while, then dropped.
 */
@ApplicationScoped
public class OverrideService {
    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;
    private final TeamMembers members;
    private final OnCallLimits limits;

    public OverrideService(ScheduleRepository schedules, OverrideRepository overrides, TeamMembers members,
            OnCallLimits limits) {
        this.schedules = schedules;
        this.overrides = overrides;
        this.members = members;
        this.limits = limits;
    }

    /** A person who covers a range. */
    public record NewOverride(String userId, Instant start, Instant end) {
    }

    public Uni<ScheduleOverride> add(UUID scheduleId, NewOverride request, CurrentUser user) {
        Instant now = Instant.now();
        return Panache.withSession(() -> schedules.findById(scheduleId))
                .map(schedule -> ScheduleService.visible(schedule, scheduleId, user))
                .invoke(schedule -> requireSensibleRange(request, now))
                .call(schedule -> members.require(request.userId(), schedule.teamId, "userId"))
                .chain(schedule -> Panache.withTransaction(() -> schedules.findById(scheduleId,
                                LockModeType.PESSIMISTIC_WRITE)
                        .chain(locked -> {
                            if (locked == null) {
                                throw ProblemException.notFound(ScheduleService.SCHEDULE + " " + scheduleId);
                            }
                            return overrides.deleteEndedBefore(scheduleId,
                                    now.minus(Duration.ofDays(limits.endedOverridesKeptDays())));
                        })
                        .chain(() -> overrides.countNotEnded(scheduleId, now))
                        .chain(count -> {
                            if (count >= limits.futureOverridesPerSchedule()) {
                                throw ProblemException.conflict("The schedule already has "
                                        + limits.futureOverridesPerSchedule() + " overrides to come; remove one first");
                            }
                            ScheduleOverride override = new ScheduleOverride();
                            override.id = UUID.randomUUID();
                            override.scheduleId = scheduleId;
                            override.userId = request.userId();
                            override.startsAt = request.start();
                            override.endsAt = request.end();
                            override.createdBy = user.id();
                            override.createdAt = now;
                            return overrides.persist(override);
                        })));
    }

    /** The schedule's overrides that have not ended, by start. */
    @WithSession
    public Uni<List<ScheduleOverride>> upcoming(UUID scheduleId, CurrentUser user) {
        return schedules.findById(scheduleId).map(schedule -> ScheduleService.visible(schedule, scheduleId, user))
                .chain(schedule -> overrides.notEnded(scheduleId, Instant.now(),
                        limits.futureOverridesPerSchedule()));
    }

    public Uni<Void> remove(UUID scheduleId, UUID overrideId, CurrentUser user) {
        return Panache.withTransaction(() -> schedules.findById(scheduleId)
                .map(schedule -> ScheduleService.visible(schedule, scheduleId, user))
                .chain(schedule -> overrides.findById(overrideId))
                .chain(override -> {
                    if (override == null || !override.scheduleId.equals(scheduleId)) {
                        throw ProblemException.notFound("Override " + overrideId);
                    }
                    return overrides.delete(override);
                }));
    }

    private void requireSensibleRange(NewOverride request, Instant now) {
        if (!request.end().isAfter(request.start())) {
            throw ProblemException.invalidField("end", "must be after start");
        }
        if (!request.end().isAfter(now)) {
            throw ProblemException.invalidField("end", "must be in the future");
        }
        if (Duration.between(request.start(), request.end()).compareTo(Duration.ofDays(limits.overrideMaxDays())) > 0) {
            throw ProblemException.invalidField("end", "an override covers at most " + limits.overrideMaxDays()
                    + " days");
        }
    }
}
