package dev.commandcenter.notifier.service;

import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.model.OnCallSchedule;
import dev.commandcenter.notifier.model.ScheduleOverride;
import dev.commandcenter.notifier.oncall.Shift;
import dev.commandcenter.notifier.repository.OverrideRepository;
import dev.commandcenter.notifier.repository.ScheduleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is on call: computed on every question from the schedules' definitions and their overrides
 * (nothing is stored per shift), so a changed rotation or a new override answers at once.
 */
@ApplicationScoped
public class OnCallService {
    /**
     * How far back the shift running at the asked instant is looked for: longer than the longest
     * shift (a custom rotation of 720 h), so its real start is found.
     */
    static final Duration LOOK_BACK = Duration.ofDays(31);
    /** Bounds the overrides read for one answer: every override that has not ended, and some ended ones. */
    private static final int MAX_OVERRIDES_READ = 2_000;

    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;

    public OnCallService(ScheduleRepository schedules, OverrideRepository overrides) {
        this.schedules = schedules;
        this.overrides = overrides;
    }

    /** A schedule with the shift running at the asked instant first, then the coming ones. */
    public record ScheduleShifts(OnCallSchedule schedule, List<Shift> shifts) {

        public Shift current() {
            return shifts.get(0);
        }

        public List<Shift> next() {
            return shifts.subList(1, shifts.size());
        }
    }

    /** The shift at {@code at} and up to {@code limit} coming shifts within {@code horizon}. */
    @WithSession
    public Uni<ScheduleShifts> onCall(UUID scheduleId, Instant at, Duration horizon, int limit, CurrentUser user) {
        return schedules.findById(scheduleId).map(schedule -> ScheduleService.visible(schedule, scheduleId, user))
                .chain(schedule -> shifts(List.of(schedule), at.minus(LOOK_BACK), at.plus(horizon))
                        .map(all -> around(schedule, all.get(schedule.id), at, limit)));
    }

    /** Each of the team's schedules with who is on call at {@code at} and the next shift. */
    @WithSession
    public Uni<List<ScheduleShifts>> team(String teamId, Instant at, Duration horizon, CurrentUser user) {
        return Uni.createFrom().item(teamId).invoke(user::requireTeam).chain(schedules::ofTeam)
                .chain(all -> shifts(all, at.minus(LOOK_BACK), at.plus(horizon))
                        .map(byId -> all.stream().map(s -> around(s, byId.get(s.id), at, 1)).toList()));
    }

    /** Every shift of the team's schedules from {@code from} to {@code to}, by schedule. */
    @WithSession
    public Uni<Map<UUID, List<Shift>>> calendar(List<OnCallSchedule> teamSchedules, Instant from, Instant to) {
        return shifts(teamSchedules, from, to);
    }

    private Uni<Map<UUID, List<Shift>>> shifts(List<OnCallSchedule> all, Instant from, Instant to) {
        if (all.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return overrides.overlapping(all.stream().map(s -> s.id).toList(), from, to, MAX_OVERRIDES_READ)
                .map(found -> {
                    Map<UUID, List<ScheduleOverride>> bySchedule = found.stream()
                            .collect(Collectors.groupingBy(o -> o.scheduleId));
                    return all.stream().collect(Collectors.toMap(s -> s.id, s -> s.calculator(bySchedule
                            .getOrDefault(s.id, List.of()).stream().map(ScheduleOverride::cover).toList())
                            .between(from, to)));
                });
    }

    private static ScheduleShifts around(OnCallSchedule schedule, List<Shift> shifts, Instant at, int limit) {
        List<Shift> fromNow = shifts.stream().filter(s -> s.end().isAfter(at)).limit(limit + 1L).toList();
        return new ScheduleShifts(schedule, fromNow);
    }
}
