package dev.commandcenter.incident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentAccess.Relation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The permission matrix, cell by cell, as the README states it: written out here rather than
 * derived from the rule's code, so a change to either shows up.
 */
class IncidentAccessTest {
    private static final Set<Action> MEMBER_ACTIONS = EnumSet.of(Action.VIEW, Action.JOIN, Action.LEAVE,
            Action.POST_MESSAGE, Action.EDIT_CHECKLIST, Action.SET_ACTIVE_STAGE, Action.CHANGE_SEVERITY,
            Action.POST_STATUS_UPDATE, Action.ADD_MEMBER, Action.WORK_LEARNING);
    private static final Set<Action> TEAM_MEMBER_ACTIONS_ON_PUBLIC = EnumSet.of(Action.VIEW, Action.JOIN);

    @ParameterizedTest
    @EnumSource(Action.class)
    void theCommanderAndAdministratorsMayDoEverything(Action action) {
        assertThat(IncidentAccess.allows(action, Relation.COMMANDER, incident(true))).isTrue();
        assertThat(IncidentAccess.allows(action, Relation.COMMANDER, incident(false))).isTrue();
        assertThat(IncidentAccess.allows(action, Relation.ADMIN, incident(false))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void membersMayWorkTheIncidentButNotRunIt(Action action) {
        boolean expected = MEMBER_ACTIONS.contains(action);
        assertThat(IncidentAccess.allows(action, Relation.MEMBER, incident(true))).isEqualTo(expected);
        assertThat(IncidentAccess.allows(action, Relation.MEMBER, incident(false))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void teamMembersMaySeeAndJoinPublicIncidentsOnly(Action action) {
        assertThat(IncidentAccess.allows(action, Relation.TEAM_MEMBER, incident(true)))
                .isEqualTo(TEAM_MEMBER_ACTIONS_ON_PUBLIC.contains(action));
        assertThat(IncidentAccess.allows(action, Relation.TEAM_MEMBER, incident(false))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void outsidersMayDoNothing(Action action) {
        assertThat(IncidentAccess.allows(action, Relation.OUTSIDER, incident(true))).isFalse();
    }

    @Test
    void theRelationComesFromTheTeamTheCommanderAndTheMembers() {
        Incident incident = incident(true);
        assertThat(IncidentAccess.relation(incident, "alice", true, false)).isEqualTo(Relation.COMMANDER);
        assertThat(IncidentAccess.relation(incident, "bob", true, false)).isEqualTo(Relation.MEMBER);
        assertThat(IncidentAccess.relation(incident, "dave", true, false)).isEqualTo(Relation.TEAM_MEMBER);
        assertThat(IncidentAccess.relation(incident, "bob", false, false)).isEqualTo(Relation.OUTSIDER);
        assertThat(IncidentAccess.relation(incident, "carol", false, true)).isEqualTo(Relation.ADMIN);
    }

    @Test
    void everyActionIsInTheMatrix() {
        assertThat(Arrays.stream(Action.values()).filter(a -> a.least() == Relation.COMMANDER))
                .containsExactlyInAnyOrder(Action.END, Action.CHANGE_COMMANDER, Action.REMOVE_MEMBER,
                        Action.STAFF_ROLES, Action.MANAGE_REMINDER, Action.MANAGE_LEARNING);
    }

    private static Incident incident(boolean publicChannel) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.teamId = "payments";
        incident.publicChannel = publicChannel;
        incident.commanderId = "alice";
        incident.memberIds.add("alice");
        incident.memberIds.add("bob");
        return incident;
    }
}
