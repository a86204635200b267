package dev.commandcenter.notifier.service;

import dev.commandcenter.kit.problem.Problem;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.config.OnCallLimits;
import dev.commandcenter.notifier.model.EscalationPolicy;
import dev.commandcenter.notifier.model.ScheduleOverride;
import dev.commandcenter.notifier.oncall.EscalationLevel;
import dev.commandcenter.notifier.repository.EscalationPolicyRepository;
import dev.commandcenter.notifier.repository.OverrideRepository;
import dev.commandcenter.notifier.repository.ScheduleRepository;
import dev.commandcenter.notifier.repository.TeamLocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A team's escalation policies: whom to page, level after level. A level pages a schedule of the
 * same team (whoever is on call when it is paged) or a member of the team. The paging engine asks
 * {@link #resolveLevel} for the people of a level at the moment it pages it.
 */
@ApplicationScoped
public class EscalationPolicies {
    private static final String POLICY = "Escalation policy";

    private final EscalationPolicyRepository policies;
    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;
    private final TeamMembers members;
    private final TeamLocks locks;
    private final OnCallLimits limits;

    public EscalationPolicies(EscalationPolicyRepository policies, ScheduleRepository schedules,
            OverrideRepository overrides, TeamMembers members, TeamLocks locks, OnCallLimits limits) {
        this.policies = policies;
        this.schedules = schedules;
        this.overrides = overrides;
        this.members = members;
        this.locks = locks;
        this.limits = limits;
    }

    public Uni<EscalationPolicy> create(PolicyDefinition definition, CurrentUser user) {
        return Uni.createFrom().voidItem().invoke(() -> user.requireTeam(definition.teamId()))
                .chain(() -> requireTargetsOfTeam(definition))
                .chain(() -> Panache.withTransaction(() -> locks.lock("policies", definition.teamId())
                        .chain(() -> policies.countOfTeam(definition.teamId()))
                        .chain(count -> {
                            if (count >= limits.policiesPerTeam()) {
                                throw ProblemException.conflict("Team " + definition.teamId() + " already has "
                                        + limits.policiesPerTeam() + " escalation policies; delete one first");
                            }
                            EscalationPolicy policy = new EscalationPolicy();
                            policy.id = UUID.randomUUID();
                            policy.teamId = definition.teamId();
                            policy.createdBy = user.id();
                            policy.createdAt = Instant.now();
                            apply(policy, definition);
                            return requireSchedulesExist(definition)
                                    .chain(() -> policies.persist(policy)).call(policies::flush);
                        })));
    }

    public Uni<EscalationPolicy> replace(UUID id, PolicyDefinition definition, CurrentUser user) {
        return get(id, user).invoke(found -> {
            if (!found.teamId.equals(definition.teamId())) {
                throw ProblemException.invalidField("teamId", "a policy stays in its team (" + found.teamId + ")");
            }
        }).chain(() -> requireTargetsOfTeam(definition))
                .chain(() -> Panache.withTransaction(() -> locks.lock("policies", definition.teamId())
                        .chain(() -> policies.findById(id)).chain(policy -> {
                            if (policy == null) {
                                throw ProblemException.notFound(POLICY + " " + id);
                            }
                            apply(policy, definition);
                            return requireSchedulesExist(definition).chain(policies::flush).replaceWith(policy);
                        })));
    }

    public Uni<Void> delete(UUID id, CurrentUser user) {
        return Panache.withTransaction(() -> policies.findById(id).map(p -> visible(p, id, user))
                .chain(policies::delete));
    }

    @WithSession
    public Uni<EscalationPolicy> get(UUID id, CurrentUser user) {
        return policies.findById(id).map(policy -> visible(policy, id, user));
    }

    @WithSession
    public Uni<List<EscalationPolicy>> list(String teamId, CurrentUser user) {
        return Uni.createFrom().item(teamId).invoke(user::requireTeam).chain(policies::ofTeam);
    }

    /**
     * The people to page for level {@code levelIndex} (0 = first) of a policy at {@code at}: the
     * level's user, or whoever its schedule has on call then (nobody when the schedule has a gap).
     * For the paging engine, which acts for the team of the incident, not for a signed-in user.
     */
    @WithSession
    public Uni<List<String>> resolveLevel(UUID policyId, int levelIndex, Instant at) {
        return policies.findById(policyId).chain(policy -> {
            if (policy == null) {
                throw ProblemException.notFound(POLICY + " " + policyId);
            }
            if (levelIndex < 0 || levelIndex >= policy.levels.size()) {
                throw ProblemException.invalidField("levelIndex", "the policy has levels 0 to "
                        + (policy.levels.size() - 1));
            }
            EscalationLevel level = policy.levels.get(levelIndex);
            if (!level.targetsSchedule()) {
                return Uni.createFrom().item(List.of(level.userId()));
            }
            return schedules.findById(level.scheduleId()).chain(schedule -> schedule == null
                    || !schedule.teamId.equals(policy.teamId) ? Uni.createFrom().item(List.<String>of())
                    : overrides.overlapping(List.of(schedule.id), at, at.plusSeconds(1),
                            limits.futureOverridesPerSchedule()).map(covering -> {
                                String user = schedule.calculator(covering.stream().map(ScheduleOverride::cover)
                                        .toList()).at(at).userId();
                                return user == null ? List.<String>of() : List.of(user);
                            }));
        });
    }

    static EscalationPolicy visible(EscalationPolicy policy, UUID id, CurrentUser user) {
        if (policy == null || !user.canAccessTeam(policy.teamId)) {
            throw ProblemException.notFound(POLICY + " " + id);
        }
        return policy;
    }

    private Uni<Void> requireTargetsOfTeam(PolicyDefinition definition) {
        Map<String, String> people = new LinkedHashMap<>();
        for (int i = 0; i < definition.levels().size(); i++) {
            EscalationLevel level = definition.levels().get(i);
            if (level.userId() != null) {
                people.putIfAbsent(level.userId(), "levels[" + i + "].userId");
            }
        }
        return members.requireAll(people, definition.teamId());
    }

    /** In the writing transaction, after the team's policies are locked: a deleted schedule cannot slip in. */
    private Uni<Void> requireSchedulesExist(PolicyDefinition definition) {
        Set<UUID> named = definition.levels().stream().filter(EscalationLevel::targetsSchedule)
                .map(EscalationLevel::scheduleId).collect(Collectors.toSet());
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return schedules.ofTeam(definition.teamId()).invoke(teamSchedules -> {
            Set<UUID> ofTeam = teamSchedules.stream().map(s -> s.id).collect(Collectors.toSet());
            List<Problem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < definition.levels().size(); i++) {
                UUID scheduleId = definition.levels().get(i).scheduleId();
                if (scheduleId != null && !ofTeam.contains(scheduleId)) {
                    errors.add(new Problem.FieldError("levels[" + i + "].scheduleId",
                            "is not a schedule of team " + definition.teamId()));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
        }).replaceWithVoid();
    }

    private static void apply(EscalationPolicy policy, PolicyDefinition definition) {
        policy.name = definition.name();
        policy.description = definition.description();
        policy.repeatCount = definition.repeatCount();
        policy.levels = List.copyOf(definition.levels());
        policy.updatedAt = Instant.now();
    }
}
