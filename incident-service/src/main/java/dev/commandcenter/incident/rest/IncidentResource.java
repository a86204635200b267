package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.incident.mapping.IncidentMapper;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.service.ChannelExport;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/incidents")
@Tag(name = "Incidents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// A change the caller stops waiting for still completes (or rolls back) whole; cancelling it mid-transaction
// only left the outcome unknown and the session closed under the work.
@Cancellable(false)
public class IncidentResource {
    private final IncidentService service;
    private final ChannelExport export;
    private final CurrentUser user;

    public IncidentResource(IncidentService service, ChannelExport export, CurrentUser user) {
        this.service = service;
        this.export = export;
        this.user = user;
    }

    @POST
    @Operation(summary = "Start an incident from a playbook you are a member of; you become its commander")
    @APIResponse(responseCode = "201", description = "Started: channel created, announcement posted")
    @APIResponse(responseCode = "404", description = "No such playbook, or you are not a member of it")
    @APIResponse(responseCode = "409", description = "The team already has a channel with this name")
    public Uni<RestResponse<IncidentResponse>> start(@Valid @NotNull StartIncidentRequest request, UriInfo uri) {
        return service.start(request, user)
                .map(started -> IncidentMapper.response(started, IncidentService.MESSAGES_AT_START, Instant.now()))
                .map(incident -> RestResponse.ResponseBuilder
                        .<IncidentResponse>created(uri.getAbsolutePathBuilder().path(incident.id().toString()).build())
                        .header("ETag", "\"" + incident.version() + "\"").entity(incident).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An incident you may see (404 otherwise)")
    public Uni<RestResponse<IncidentResponse>> get(@RestPath UUID id) {
        return respond(service.get(id, user));
    }

    @GET
    @Operation(summary = "A team's incidents you may see (public ones and yours; administrators: all), newest "
            + "first, one page at a time")
    public Uni<RestResponse<IncidentPage>> list(
            @QueryParam("teamId") @NotBlank @Size(max = 100) @NoControlCharacters String teamId,
            @Parameter(description = "ongoing, ended or all") @QueryParam("status") @DefaultValue("all")
            @Pattern(regexp = "ongoing|ended|all", message = "must be ongoing, ended or all") String status,
            @Parameter(description = "Only incidents this user commands") @QueryParam("commander") @Size(max = 100)
            @NoControlCharacters String commander,
            @Parameter(description = "Only incidents of this severity level") @QueryParam("severity")
            @Size(max = 20) @NoControlCharacters String severity,
            @Parameter(description = "Case-insensitive part of the channel name") @QueryParam("q") @Size(max = 100)
            @NoControlCharacters String q,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("after") @Size(max = 200)
            @NoControlCharacters String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        Boolean active = switch (status) {
            case "ongoing" -> Boolean.TRUE;
            case "ended" -> Boolean.FALSE;
            default -> null;
        };
        return service.list(teamId, active, commander, severity, q, after, limit, user).map(RestResponse::ok);
    }

    @GET
    @Path("/{id}/channel.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"incident-channel.csv\"")
    @Operation(summary = "The whole channel as RFC 4180 CSV (system messages included, attachments excluded), "
            + "streamed")
    public Multi<String> exportChannel(@RestPath UUID id) {
        return service.get(id, user).onItem().transformToMulti(incident -> export.csv(incident.id));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "When steps were resolved and the state changed: the channel's bot and system messages")
    public Uni<RestResponse<List<MessageResponse>>> timeline(@RestPath UUID id,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(100) int limit) {
        return service.timeline(id, after, limit, user)
                .map(list -> RestResponse.ok(list.stream().map(IncidentMapper::response).toList()));
    }

    @GET
    @Path("/{id}/messages")
    @Operation(summary = "The incident channel's messages, oldest first, after the cursor `after` (a seq)")
    public Uni<RestResponse<List<MessageResponse>>> messages(@RestPath UUID id,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(100) int limit) {
        return service.messages(id, after, limit, user)
                .map(list -> RestResponse.ok(list.stream().map(IncidentMapper::response).toList()));
    }

    @POST
    @Path("/{id}/messages")
    @Operation(summary = "Post a message to the incident channel (members)")
    @APIResponse(responseCode = "201", description = "Posted")
    @APIResponse(responseCode = "403", description = "You can see the incident but are not a member")
    @APIResponse(responseCode = "409", description = "The channel is full (incident.limits.channel.*)")
    public Uni<RestResponse<MessageResponse>> post(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.PostMessage request) {
        return service.post(id, request.text(), user)
                .map(message -> RestResponse.status(RestResponse.Status.CREATED, IncidentMapper.response(message)));
    }

    @PUT
    @Path("/{id}/commander")
    @Operation(summary = "Make another member of the incident its commander")
    public Uni<RestResponse<IncidentResponse>> changeCommander(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.UserRef request) {
        return respond(service.changeCommander(id, request.userId(), user));
    }

    @POST
    @Path("/{id}/members")
    @Operation(summary = "Add a member of the incident's team to the incident")
    public Uni<RestResponse<IncidentResponse>> addMember(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.UserRef request) {
        return respond(service.addMember(id, request.userId(), user));
    }

    @POST
    @Path("/{id}/join")
    @Operation(summary = "Join a public incident of your team (private ones: 404)")
    public Uni<RestResponse<IncidentResponse>> join(@RestPath UUID id) {
        return respond(service.join(id, user));
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Remove a member (not the commander)")
    public Uni<RestResponse<IncidentResponse>> removeMember(@RestPath UUID id, @RestPath @Size(max = 100) String userId) {
        return respond(service.removeMember(id, userId, user));
    }

    @PUT
    @Path("/{id}/severity")
    @Operation(summary = "Set the severity to one of the playbook's levels (null clears it)")
    public Uni<RestResponse<IncidentResponse>> changeSeverity(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.Severity request) {
        return respond(service.changeSeverity(id, request.severity(), user));
    }

    @PUT
    @Path("/{id}/active-stage")
    @Operation(summary = "Make a stage the active one")
    public Uni<RestResponse<IncidentResponse>> setActiveStage(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.ActiveStage request) {
        return respond(service.setActiveStage(id, request.stageId(), user));
    }

    @POST
    @Path("/{id}/checklists/{stageId}/items")
    @Operation(summary = "Add a checklist item at the end of a stage")
    @APIResponse(responseCode = "413", description = "The checklists would outgrow their bound")
    public Uni<RestResponse<IncidentResponse>> addItem(@RestPath UUID id, @RestPath @Size(max = 40) String stageId,
            @Valid @NotNull ChangeRequests.Item request) {
        return respond(service.addItem(id, stageId, request.title(), request.description(), request.slashCommand(),
                user));
    }

    @PATCH
    @Path("/{id}/checklists/{stageId}/items/{itemId}")
    @Operation(summary = "Rename or edit a checklist item")
    @APIResponse(responseCode = "413", description = "The checklists would outgrow their bound")
    public Uni<RestResponse<IncidentResponse>> editItem(@RestPath UUID id, @RestPath @Size(max = 40) String stageId,
            @RestPath @Size(max = 40) String itemId, @Valid @NotNull ChangeRequests.ItemPatch request) {
        return respond(service.editItem(id, stageId, itemId, request.title(), request.description(),
                request.slashCommand(), user));
    }

    @DELETE
    @Path("/{id}/checklists/{stageId}/items/{itemId}")
    @Operation(summary = "Remove a checklist item")
    public Uni<RestResponse<IncidentResponse>> removeItem(@RestPath UUID id, @RestPath @Size(max = 40) String stageId,
            @RestPath @Size(max = 40) String itemId) {
        return respond(service.removeItem(id, stageId, itemId, user));
    }

    @PUT
    @Path("/{id}/checklists/{stageId}/items/{itemId}/state")
    @Operation(summary = "Check (DONE), uncheck (OPEN) or skip (SKIPPED) a checklist item")
    public Uni<RestResponse<IncidentResponse>> setItemState(@RestPath UUID id,
            @RestPath @Size(max = 40) String stageId, @RestPath @Size(max = 40) String itemId,
            @Valid @NotNull ChangeRequests.ItemState request) {
        return respond(service.setItemState(id, stageId, itemId, request.state(), user));
    }

    @POST
    @Path("/{id}/checklists/{stageId}/items/{itemId}/move")
    @Operation(summary = "Move a checklist item within its stage or to another stage")
    public Uni<RestResponse<IncidentResponse>> moveItem(@RestPath UUID id, @RestPath @Size(max = 40) String stageId,
            @RestPath @Size(max = 40) String itemId, @Valid @NotNull ChangeRequests.Move request) {
        return respond(service.moveItem(id, stageId, itemId, request.toStageId(), request.position(), user));
    }

    @PUT
    @Path("/{id}/checklists/{stageId}/items/{itemId}/assignee")
    @Operation(summary = "Assign a checklist item to a member of the incident (userId null: unassign)")
    public Uni<RestResponse<IncidentResponse>> assignItem(@RestPath UUID id,
            @RestPath @Size(max = 40) String stageId, @RestPath @Size(max = 40) String itemId,
            @Valid @NotNull ChangeRequests.Assignee request) {
        return respond(service.assignItem(id, stageId, itemId, request.userId(), user));
    }

    @POST
    @Path("/{id}/checklists/{stageId}/items/{itemId}/run")
    @Operation(summary = "Run the item's slash command (recorded in the timeline and published as an event)")
    public Uni<RestResponse<IncidentResponse>> runItemCommand(@RestPath UUID id,
            @RestPath @Size(max = 40) String stageId, @RestPath @Size(max = 40) String itemId) {
        return respond(service.runItemCommand(id, stageId, itemId, user));
    }

    @POST
    @Path("/{id}/end")
    @Operation(summary = "End the incident")
    @APIResponse(responseCode = "409", description = "The incident has ended already")
    public Uni<RestResponse<IncidentResponse>> end(@RestPath UUID id) {
        return respond(service.end(id, user));
    }

    private Uni<RestResponse<IncidentResponse>> respond(Uni<Incident> incident) {
        return incident.chain(service::details).map(details -> RestResponse.ResponseBuilder.ok(details)
                .header("ETag", "\"" + details.version() + "\"").build());
    }
}
