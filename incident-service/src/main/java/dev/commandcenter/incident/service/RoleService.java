package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.IncidentRole;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Staffing the incident's roles (the playbook's, and roles added during the incident): the
 * commander and administrators assign, reassign and unassign them; holders are members of the
 * incident. The commander role is held by the commander: giving it away hands over command.
 */
@ApplicationScoped
public class RoleService {
    /** An incident holds at most this many roles (the playbook's 20 and some added during it). */
    public static final int MAX_ROLES = 30;

    private final IncidentChanges changes;

    public RoleService(IncidentChanges changes) {
        this.changes = changes;
    }

    /** Gives a role to a member of the incident (reassigning it if someone holds it). */
    public Uni<Incident> assign(UUID id, String roleId, String holderId, CurrentUser user) {
        return changes.apply(id, user, Action.STAFF_ROLES, incident -> {
            IncidentRole role = role(incident, roleId);
            if (!incident.memberIds.contains(holderId)) {
                throw ProblemException.invalidField("userId", holderId + " is not a member of this incident; "
                        + "add them first");
            }
            if (holderId.equals(role.holderId())) {
                return null;
            }
            if (role.commander()) {
                incident.handCommandTo(holderId);
                return Change.of(EventType.INCIDENT_COMMANDER_CHANGED, "@" + user.id() + " made @" + holderId
                        + " the commander (" + role.name() + ")").user(holderId);
            }
            incident.roles = replace(incident.roles, role.withHolder(holderId));
            String text = "@" + user.id() + " made @" + holderId + " the " + role.name()
                    + (role.holderId() == null ? "" : " (instead of @" + role.holderId() + ")");
            return Change.of(EventType.INCIDENT_ROLE_ASSIGNED, text).user(holderId).state(role.id());
        });
    }

    /** Frees a role; the commander role is never empty (hand over command instead). */
    public Uni<Incident> unassign(UUID id, String roleId, CurrentUser user) {
        return changes.apply(id, user, Action.STAFF_ROLES, incident -> {
            IncidentRole role = role(incident, roleId);
            if (role.commander()) {
                throw ProblemException.conflict("The " + role.name() + " role is the commander's; make someone "
                        + "else the commander instead");
            }
            if (role.holderId() == null) {
                return null;
            }
            incident.roles = replace(incident.roles, role.withHolder(null));
            return Change.of(EventType.INCIDENT_ROLE_UNASSIGNED, "@" + user.id() + " took the " + role.name()
                    + " role from @" + role.holderId()).user(role.holderId()).state(role.id());
        });
    }

    /** Adds a role the playbook does not define, open until someone is assigned. */
    public Uni<Incident> add(UUID id, String name, String responsibilities, CurrentUser user) {
        return changes.apply(id, user, Action.STAFF_ROLES, incident -> {
            String title = name.strip();
            if (incident.roles.stream().anyMatch(r -> r.name().equalsIgnoreCase(title))) {
                throw ProblemException.conflict("The incident already has a role named \"" + title + "\"");
            }
            if (incident.roles.size() >= MAX_ROLES) {
                throw new ProblemException(413, "too-many-roles", "Too many roles", "An incident holds at most "
                        + MAX_ROLES + " roles; nothing was added. Remove a role added during the incident first.",
                        List.of());
            }
            IncidentRole role = IncidentRole.custom(title, Texts.blankToNull(responsibilities), incident.roles);
            List<IncidentRole> roles = new ArrayList<>(incident.roles);
            roles.add(role);
            incident.roles = List.copyOf(roles);
            return Change.of(EventType.INCIDENT_ROLE_ADDED, "@" + user.id() + " added the role " + role.name())
                    .state(role.id());
        });
    }

    /** Removes a role added during the incident (the playbook's roles stay; unassign them instead). */
    public Uni<Incident> remove(UUID id, String roleId, CurrentUser user) {
        return changes.apply(id, user, Action.STAFF_ROLES, incident -> {
            IncidentRole role = role(incident, roleId);
            if (!role.custom()) {
                throw ProblemException.conflict("The " + role.name() + " role comes from the playbook; unassign "
                        + "it instead");
            }
            incident.roles = incident.roles.stream().filter(r -> !r.id().equals(roleId)).toList();
            return Change.of(EventType.INCIDENT_ROLE_REMOVED, "@" + user.id() + " removed the role " + role.name())
                    .user(role.holderId()).state(role.id());
        });
    }

    private static IncidentRole role(Incident incident, String roleId) {
        return incident.roles.stream().filter(r -> r.id().equals(roleId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Role " + roleId));
    }

    private static List<IncidentRole> replace(List<IncidentRole> roles, IncidentRole changed) {
        return roles.stream().map(r -> Objects.equals(r.id(), changed.id()) ? changed : r).toList();
    }
}
