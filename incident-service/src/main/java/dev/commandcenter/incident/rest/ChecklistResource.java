package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.service.ChecklistService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The incident's checklists, worked by its members (the task actions of the telemetry seed). */
@Path("/api/v1/incidents/{id}/checklists")
@Tag(name = "Incident checklists")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// A change the caller stops waiting for still completes (or rolls back) whole.
@Cancellable(false)
public class ChecklistResource {
    private final ChecklistService checklists;
    private final IncidentReplies replies;
    private final CurrentUser user;

    public ChecklistResource(ChecklistService checklists, IncidentReplies replies, CurrentUser user) {
        this.checklists = checklists;
        this.replies = replies;
        this.user = user;
    }

    @POST
    @Path("/{stageId}/items")
    @Operation(summary = "Add a checklist item at the end of a stage")
    @APIResponse(responseCode = "413", description = "The checklists would outgrow their bound")
    public Uni<RestResponse<IncidentResponse>> addItem(@RestPath UUID id, @RestPath @Size(max = 40) String stageId,
            @Valid @NotNull ChangeRequests.Item request) {
        return replies.ok(checklists.addItem(id, stageId, request.title(), request.description(), request.slashCommand(),
                user));
    }

    @PATCH
    @Path("/{stageId}/items/{itemId}")
    @Operation(summary = "Rename or edit a checklist item")
    @APIResponse(responseCode = "413", description = "The checklists would outgrow their bound")
    public Uni<RestResponse<IncidentResponse>> editItem(@RestPath UUID id, @RestPath @Size(max = 40) String stageId,
            @RestPath @Size(max = 40) String itemId, @Valid @NotNull ChangeRequests.ItemPatch request) {
        return replies.ok(checklists.editItem(id, stageId, itemId, request.title(), request.description(),
                request.slashCommand(), user));
    }

    @DELETE
    @Path("/{stageId}/items/{itemId}")
    @Operation(summary = "Remove a checklist item")
    public Uni<RestResponse<IncidentResponse>> removeItem(@RestPath UUID id, @RestPath @Size(max = 40) String stageId,
            @RestPath @Size(max = 40) String itemId) {
        return replies.ok(checklists.removeItem(id, stageId, itemId, user));
    }

    @PUT
    @Path("/{stageId}/items/{itemId}/state")
    @Operation(summary = "Check (DONE), uncheck (OPEN) or skip (SKIPPED) a checklist item")
    public Uni<RestResponse<IncidentResponse>> setItemState(@RestPath UUID id,
            @RestPath @Size(max = 40) String stageId, @RestPath @Size(max = 40) String itemId,
            @Valid @NotNull ChangeRequests.ItemState request) {
        return replies.ok(checklists.setItemState(id, stageId, itemId, request.state(), user));
    }

    @POST
    @Path("/{stageId}/items/{itemId}/move")
    @Operation(summary = "Move a checklist item within its stage or to another stage")
    public Uni<RestResponse<IncidentResponse>> moveItem(@RestPath UUID id, @RestPath @Size(max = 40) String stageId,
            @RestPath @Size(max = 40) String itemId, @Valid @NotNull ChangeRequests.Move request) {
        return replies.ok(checklists.moveItem(id, stageId, itemId, request.toStageId(), request.position(), user));
    }

    @PUT
    @Path("/{stageId}/items/{itemId}/assignee")
    @Operation(summary = "Assign a checklist item to a member of the incident (userId null: unassign)")
    public Uni<RestResponse<IncidentResponse>> assignItem(@RestPath UUID id,
            @RestPath @Size(max = 40) String stageId, @RestPath @Size(max = 40) String itemId,
            @Valid @NotNull ChangeRequests.Assignee request) {
        return replies.ok(checklists.assignItem(id, stageId, itemId, request.userId(), user));
    }

    @POST
    @Path("/{stageId}/items/{itemId}/run")
    @Operation(summary = "Run the item's slash command (recorded in the timeline and published as an event)")
    public Uni<RestResponse<IncidentResponse>> runItemCommand(@RestPath UUID id,
            @RestPath @Size(max = 40) String stageId, @RestPath @Size(max = 40) String itemId) {
        return replies.ok(checklists.runItemCommand(id, stageId, itemId, user));
    }
}
