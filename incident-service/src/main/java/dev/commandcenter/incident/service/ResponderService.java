package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.directory.TeamDirectory;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Who responds: the commander and the members (join, add, leave, remove). */
@ApplicationScoped
public class ResponderService {
    private final IncidentRepository incidents;
    private final IncidentChanges changes;
    private final TeamDirectory directory;

    public ResponderService(IncidentRepository incidents, IncidentChanges changes, TeamDirectory directory) {
        this.incidents = incidents;
        this.changes = changes;
        this.directory = directory;
    }

    /** The commander hands over command, to a member of the incident only. */
    public Uni<Incident> changeCommander(UUID id, String commanderId, CurrentUser user) {
        return changes.apply(id, user, Action.CHANGE_COMMANDER, incident -> {
            if (!incident.memberIds.contains(commanderId)) {
                throw ProblemException.invalidField("userId", commanderId + " is not a member of this incident; "
                        + "add them to the channel first");
            }
            if (commanderId.equals(incident.commanderId)) {
                return null;
            }
            incident.handCommandTo(commanderId);
            return Change.of(EventType.INCIDENT_COMMANDER_CHANGED, "@" + user.id() + " made @" + commanderId
                    + " the commander").user(commanderId);
        });
    }

    /** Members invite members of the incident's team (checked against Keycloak). */
    public Uni<Incident> addMember(UUID id, String memberId, CurrentUser user) {
        return Panache.withSession(() -> incidents.findById(id))
                .map(incident -> IncidentAccess.require(Action.ADD_MEMBER, incident, id, user))
                .call(incident -> directory.requireMember(memberId, incident.teamId, "userId"))
                .chain(checked -> changes.apply(id, user, Action.ADD_MEMBER, incident -> {
                    if (!incident.memberIds.add(memberId)) {
                        return null;
                    }
                    return Change.of(EventType.INCIDENT_MEMBER_ADDED, "@" + user.id() + " added @" + memberId
                            + " to the incident").user(memberId);
                }));
    }

    /**
     * A member of the team joins a public incident by themselves (as in a public channel); private
     * incidents stay invisible to non-members (404).
     */
    public Uni<Incident> join(UUID id, CurrentUser user) {
        return changes.apply(id, user, Action.JOIN, incident -> incident.memberIds.add(user.id())
                ? Change.of(EventType.INCIDENT_MEMBER_ADDED, "@" + user.id() + " joined the incident").user(user.id())
                : null);
    }

    /** A member leaves; the commander hands over command first. */
    public Uni<Incident> leave(UUID id, CurrentUser user) {
        return changes.apply(id, user, Action.LEAVE, true, incident -> {
            if (!incident.memberIds.contains(user.id())) {
                return null;
            }
            requireNotCommander(incident, user.id());
            incident.memberIds.remove(user.id());
            return Change.of(EventType.INCIDENT_MEMBER_REMOVED, "@" + user.id() + " left the incident"
                    + released(incident.releaseRolesOf(user.id()))).user(user.id());
        });
    }

    /** The commander removes a member (not themselves: they hand over command first). */
    public Uni<Incident> removeMember(UUID id, String memberId, CurrentUser user) {
        return changes.apply(id, user, Action.REMOVE_MEMBER, incident -> {
            if (!incident.memberIds.contains(memberId)) {
                throw ProblemException.notFound("Member " + memberId);
            }
            requireNotCommander(incident, memberId);
            incident.memberIds.remove(memberId);
            return Change.of(EventType.INCIDENT_MEMBER_REMOVED, "@" + user.id() + " removed @" + memberId
                    + " from the incident" + released(incident.releaseRolesOf(memberId))).user(memberId);
        });
    }

    private static String released(List<String> roles) {
        return roles.isEmpty() ? "" : "; no one holds " + String.join(", ", roles) + " now";
    }

    private static void requireNotCommander(Incident incident, String memberId) {
        if (memberId.equals(incident.commanderId)) {
            throw ProblemException.conflict("@" + memberId + " is the commander; make someone else the "
                    + "commander first");
        }
    }
}
