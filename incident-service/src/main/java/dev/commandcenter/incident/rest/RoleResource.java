package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.model.IncidentRole;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.incident.service.RoleService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The incident's roles and their holders; staffing them is for the commander and administrators. */
@Path("/api/v1/incidents/{id}/roles")
@Tag(name = "Incident roles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// A change the caller stops waiting for still completes (or rolls back) whole.
@Cancellable(false)
public class RoleResource {
    private final RoleService roles;
    private final IncidentService incidents;
    private final IncidentReplies replies;
    private final CurrentUser user;

    public RoleResource(RoleService roles, IncidentService incidents, IncidentReplies replies, CurrentUser user) {
        this.roles = roles;
        this.incidents = incidents;
        this.replies = replies;
        this.user = user;
    }

    @GET
    @Operation(summary = "The incident's roles and who holds each (null: open)")
    public Uni<List<IncidentRole>> list(@RestPath UUID id) {
        return incidents.get(id, user).map(incident -> incident.roles);
    }

    @POST
    @Operation(summary = "Add a role the playbook does not define (the commander or an administrator)")
    @APIResponse(responseCode = "409", description = "A role of that name exists")
    @APIResponse(responseCode = "413", description = "The incident holds the most roles it can")
    public Uni<RestResponse<IncidentResponse>> add(@RestPath UUID id, @Valid @NotNull ChangeRequests.NewRole request) {
        return replies.ok(roles.add(id, request.name(), request.responsibilities(), user));
    }

    @DELETE
    @Path("/{roleId}")
    @Operation(summary = "Remove a role added during the incident (the commander or an administrator)")
    public Uni<RestResponse<IncidentResponse>> remove(@RestPath UUID id, @RestPath @Size(max = 40) String roleId) {
        return replies.ok(roles.remove(id, roleId, user));
    }

    @PUT
    @Path("/{roleId}/holder")
    @Operation(summary = "Give a role to a member of the incident, or reassign it (the commander or an "
            + "administrator); the commander role hands over command")
    public Uni<RestResponse<IncidentResponse>> assign(@RestPath UUID id, @RestPath @Size(max = 40) String roleId,
            @Valid @NotNull ChangeRequests.UserRef request) {
        return replies.ok(roles.assign(id, roleId, request.userId(), user));
    }

    @DELETE
    @Path("/{roleId}/holder")
    @Operation(summary = "Free a role (the commander or an administrator; not the commander role)")
    public Uni<RestResponse<IncidentResponse>> unassign(@RestPath UUID id, @RestPath @Size(max = 40) String roleId) {
        return replies.ok(roles.unassign(id, roleId, user));
    }
}
