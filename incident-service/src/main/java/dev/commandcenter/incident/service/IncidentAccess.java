package dev.commandcenter.incident.service;

import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import java.util.List;
import java.util.UUID;

/**
 * Who may do what in an incident: one rule per action, decided from how the caller relates to the
 * incident. Every endpoint and page goes through {@link #require}; the matrix is in the API docs
 * (incident-service README) and {@code IncidentAccessTest} covers each cell.
 *
 * <ul>
 * <li>Outside the team, and private incidents for team members who are not in them: it does not
 * exist (404).</li>
 * <li>Team members see public incidents and may join them; everything else: 403.</li>
 * <li>Members post, work the checklists, set the active stage and the severity, post status updates,
 * add members, work the learning flow, follow-ups and retrospective, and may always leave (the
 * commander hands over command first).</li>
 * <li>The commander (and system administrators) also end the incident, change the commander,
 * remove members, staff roles, change the status-update reminder, and enter or opt out of the
 * learning flow.</li>
 * </ul>
 */
public final class IncidentAccess {
    /** The problem type of "no such incident (for you)", which pages show as their own 404. */
    public static final String INCIDENT_NOT_FOUND = "incident-not-found";

    /** How the caller relates to an incident, most privileged first. */
    public enum Relation {
        ADMIN, COMMANDER, MEMBER, TEAM_MEMBER, OUTSIDER
    }

    /** What the caller wants to do; each names the least relation that may. */
    public enum Action {
        VIEW(Relation.TEAM_MEMBER),
        JOIN(Relation.TEAM_MEMBER),
        LEAVE(Relation.MEMBER),
        POST_MESSAGE(Relation.MEMBER),
        EDIT_CHECKLIST(Relation.MEMBER),
        SET_ACTIVE_STAGE(Relation.MEMBER),
        CHANGE_SEVERITY(Relation.MEMBER),
        POST_STATUS_UPDATE(Relation.MEMBER),
        ADD_MEMBER(Relation.MEMBER),
        END(Relation.COMMANDER),
        CHANGE_COMMANDER(Relation.COMMANDER),
        REMOVE_MEMBER(Relation.COMMANDER),
        STAFF_ROLES(Relation.COMMANDER),
        MANAGE_REMINDER(Relation.COMMANDER),
        /** Work the learning flow (tasks, timestamps), the follow-ups and the retrospective. */
        WORK_LEARNING(Relation.MEMBER),
        /** Enter the learning flow or opt out of it. */
        MANAGE_LEARNING(Relation.COMMANDER);

        private final Relation least;

        Action(Relation least) {
            this.least = least;
        }

        public Relation least() {
            return least;
        }
    }

    private IncidentAccess() {
    }

    public static Relation relation(Incident incident, CurrentUser user) {
        return relation(incident, user.id(), user.teams().contains(incident.teamId), user.isSystemAdmin());
    }

    static Relation relation(Incident incident, String userId, boolean inTeam, boolean admin) {
        if (admin) {
            return Relation.ADMIN;
        }
        if (!inTeam) {
            return Relation.OUTSIDER;
        }
        if (userId.equals(incident.commanderId)) {
            return Relation.COMMANDER;
        }
        return incident.memberIds.contains(userId) ? Relation.MEMBER : Relation.TEAM_MEMBER;
    }

    /** Whether the relation allows the action on this incident (visibility included). */
    public static boolean allows(Action action, Relation relation, Incident incident) {
        if (relation == Relation.OUTSIDER || (relation == Relation.TEAM_MEMBER && !incident.publicChannel)) {
            return false;
        }
        return relation.ordinal() <= action.least().ordinal();
    }

    public static boolean allows(Action action, Incident incident, CurrentUser user) {
        return incident != null && allows(action, relation(incident, user), incident);
    }

    /**
     * The incident if the caller may do the action: 404 if they may not see it (or it is null), 403
     * if they see it but may not.
     */
    public static Incident require(Action action, Incident incident, UUID id, CurrentUser user) {
        if (incident == null) {
            throw notFound(id);
        }
        Relation relation = relation(incident, user);
        if (!allows(Action.VIEW, relation, incident)) {
            throw notFound(id);
        }
        if (!allows(action, relation, incident)) {
            throw ProblemException.forbidden(action.least() == Relation.COMMANDER
                    ? "Only the incident's commander (@" + incident.commanderId + ") or an administrator can do this"
                    : "Only members of this incident can change it; join it or ask a member to add you");
        }
        return incident;
    }

    public static ProblemException notFound(UUID id) {
        return new ProblemException(404, INCIDENT_NOT_FOUND, "Not Found",
                "Incident " + id + " does not exist or is not visible to you", List.of());
    }
}
