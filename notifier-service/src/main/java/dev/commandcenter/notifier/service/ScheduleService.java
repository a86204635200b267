package dev.commandcenter.notifier.service;

import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.config.OnCallLimits;
import dev.commandcenter.notifier.model.OnCallSchedule;
import dev.commandcenter.notifier.oncall.Layer;
import dev.commandcenter.notifier.repository.EscalationPolicyRepository;
import dev.commandcenter.notifier.repository.ScheduleRepository;
import dev.commandcenter.notifier.repository.TeamLocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A team's on-call schedules: members of the team (and administrators) see and change them; for
 * everyone else a schedule does not exist (404). Participants must be members of the team.
 */
@ApplicationScoped
public class ScheduleService {
    static final String SCHEDULE = "Schedule";

    private final ScheduleRepository schedules;
    private final EscalationPolicyRepository policies;
    private final TeamMembers members;
    private final TeamLocks locks;
    private final OnCallLimits limits;

    public ScheduleService(ScheduleRepository schedules, EscalationPolicyRepository policies, TeamMembers members,
            TeamLocks locks, OnCallLimits limits) {
        this.schedules = schedules;
        this.policies = policies;
        this.members = members;
        this.locks = locks;
        this.limits = limits;
    }

    public Uni<OnCallSchedule> create(ScheduleDefinition definition, CurrentUser user) {
        return Uni.createFrom().voidItem().invoke(() -> user.requireTeam(definition.teamId()))
                .chain(() -> members.requireAll(participants(definition.layers()), definition.teamId()))
                .chain(() -> Panache.withTransaction(() -> locks.lock("schedules", definition.teamId())
                        .chain(() -> schedules.countOfTeam(definition.teamId()))
                        .chain(count -> {
                            if (count >= limits.schedulesPerTeam()) {
                                throw ProblemException.conflict("Team " + definition.teamId() + " already has "
                                        + limits.schedulesPerTeam() + " schedules; delete one first");
                            }
                            OnCallSchedule schedule = new OnCallSchedule();
                            schedule.id = UUID.randomUUID();
                            schedule.teamId = definition.teamId();
                            schedule.createdBy = user.id();
                            schedule.createdAt = Instant.now();
                            apply(schedule, definition);
                            return schedules.persist(schedule).call(schedules::flush);
                        })));
    }

    /** Replaces a schedule's names, zone and layers; it stays in its team. */
    public Uni<OnCallSchedule> replace(UUID id, ScheduleDefinition definition, CurrentUser user) {
        return get(id, user).invoke(found -> {
            if (!found.teamId.equals(definition.teamId())) {
                throw ProblemException.invalidField("teamId", "a schedule stays in its team (" + found.teamId + ")");
            }
        }).chain(found -> members.requireAll(participants(definition.layers()), found.teamId))
                .chain(() -> Panache.withTransaction(() -> schedules.findById(id).chain(schedule -> {
                    if (schedule == null) {
                        throw ProblemException.notFound(SCHEDULE + " " + id);
                    }
                    apply(schedule, definition);
                    return schedules.flush().replaceWith(schedule);
                })));
    }

    /** Deletes a schedule and its overrides; refused (409) while an escalation policy pages it. */
    public Uni<Void> delete(UUID id, CurrentUser user) {
        return Panache.withTransaction(() -> schedules.findById(id).map(s -> visible(s, id, user))
                .call(schedule -> locks.lock("policies", schedule.teamId))
                .call(schedule -> policies.ofTeam(schedule.teamId).invoke(all -> all.stream()
                        .filter(p -> p.usesSchedule(id)).findFirst().ifPresent(p -> {
                            throw ProblemException.conflict("Escalation policy " + p.name
                                    + " pages this schedule; change the policy first");
                        })))
                .call(schedules::delete)).replaceWithVoid();
    }

    @WithSession
    public Uni<OnCallSchedule> get(UUID id, CurrentUser user) {
        return schedules.findById(id).map(schedule -> visible(schedule, id, user));
    }

    /** The team's schedules; 403 for a team the user is not in. */
    @WithSession
    public Uni<List<OnCallSchedule>> list(String teamId, CurrentUser user) {
        return Uni.createFrom().item(teamId).invoke(user::requireTeam).chain(schedules::ofTeam);
    }

    static OnCallSchedule visible(OnCallSchedule schedule, UUID id, CurrentUser user) {
        if (schedule == null || !user.canAccessTeam(schedule.teamId)) {
            throw ProblemException.notFound(SCHEDULE + " " + id);
        }
        return schedule;
    }

    private static void apply(OnCallSchedule schedule, ScheduleDefinition definition) {
        schedule.name = definition.name();
        schedule.description = definition.description();
        schedule.timeZone = definition.zone().getId();
        schedule.layers = List.copyOf(definition.layers());
        schedule.updatedAt = Instant.now();
    }

    /** Every participant once, with the field that names them first. */
    private static Map<String, String> participants(List<Layer> layers) {
        Map<String, String> people = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            List<String> names = layers.get(i).participants();
            for (int j = 0; j < names.size(); j++) {
                people.putIfAbsent(names.get(j), "layers[" + i + "].participants[" + j + "]");
            }
        }
        return people;
    }
}
