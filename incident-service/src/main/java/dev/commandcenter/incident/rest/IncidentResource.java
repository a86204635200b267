package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.incident.service.ChannelExport;
import dev.commandcenter.incident.service.IncidentLifecycle;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.incident.service.ResponderService;
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
    private final ResponderService responders;
    private final IncidentLifecycle lifecycle;
    private final ChannelExport export;
    private final IncidentReplies replies;
    private final CurrentUser user;

    public IncidentResource(IncidentService service, ResponderService responders, IncidentLifecycle lifecycle,
            ChannelExport export, IncidentReplies replies, CurrentUser user) {
        this.service = service;
        this.responders = responders;
        this.lifecycle = lifecycle;
        this.export = export;
        this.replies = replies;
        this.user = user;
    }

    @POST
    @Operation(summary = "Start an incident from a playbook you are a member of; you become its commander")
    @APIResponse(responseCode = "201", description = "Started: channel created, announcement posted")
    @APIResponse(responseCode = "404", description = "No such playbook, or you are not a member of it")
    @APIResponse(responseCode = "409", description = "The team already has a channel with this name")
    public Uni<RestResponse<IncidentResponse>> start(@Valid @NotNull StartIncidentRequest request, UriInfo uri) {
        return service.start(request.toNewIncident(), user)
                .map(started -> IncidentResponses.response(started, IncidentService.MESSAGES_AT_START, Instant.now()))
                .map(incident -> RestResponse.ResponseBuilder
                        .<IncidentResponse>created(uri.getAbsolutePathBuilder().path(incident.id().toString()).build())
                        .header("ETag", "\"" + incident.version() + "\"").entity(incident).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An incident you may see (404 otherwise)")
    public Uni<RestResponse<IncidentResponse>> get(@RestPath UUID id) {
        return replies.ok(service.get(id, user));
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
            @Parameter(description = "Only incidents in this learning status (its name), or none, active, closed, "
                    + "opted_out") @QueryParam("learning") @Size(max = 100) @NoControlCharacters String learning,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("after") @Size(max = 200)
            @NoControlCharacters String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        Boolean active = switch (status) {
            case "ongoing" -> Boolean.TRUE;
            case "ended" -> Boolean.FALSE;
            default -> null;
        };
        return service.list(teamId, active, commander, severity, q, learning, after, limit, user)
                .map(slice -> RestResponse.ok(IncidentPage.of(slice, Instant.now())));
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

    @PUT
    @Path("/{id}/commander")
    @Operation(summary = "Make another member of the incident its commander (the commander or an administrator)")
    public Uni<RestResponse<IncidentResponse>> changeCommander(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.UserRef request) {
        return replies.ok(responders.changeCommander(id, request.userId(), user));
    }

    @POST
    @Path("/{id}/members")
    @Operation(summary = "Add a member of the incident's team to the incident")
    public Uni<RestResponse<IncidentResponse>> addMember(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.UserRef request) {
        return replies.ok(responders.addMember(id, request.userId(), user));
    }

    @POST
    @Path("/{id}/join")
    @Operation(summary = "Join a public incident of your team (private ones: 404)")
    public Uni<RestResponse<IncidentResponse>> join(@RestPath UUID id) {
        return replies.ok(responders.join(id, user));
    }

    @POST
    @Path("/{id}/leave")
    @Operation(summary = "Leave the incident (members; the commander hands over command first)")
    @APIResponse(responseCode = "409", description = "You are the commander")
    public Uni<RestResponse<IncidentResponse>> leave(@RestPath UUID id) {
        return replies.ok(responders.leave(id, user));
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Remove a member (the commander or an administrator; not the commander)")
    public Uni<RestResponse<IncidentResponse>> removeMember(@RestPath UUID id, @RestPath @Size(max = 100) String userId) {
        return replies.ok(responders.removeMember(id, userId, user));
    }

    @PUT
    @Path("/{id}/severity")
    @Operation(summary = "Set the severity to one of the playbook's levels (null clears it), with an optional reason")
    public Uni<RestResponse<IncidentResponse>> changeSeverity(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.Severity request) {
        return replies.ok(lifecycle.changeSeverity(id, request.severity(), request.reason(), user));
    }

    @PUT
    @Path("/{id}/active-stage")
    @Operation(summary = "Make a stage the active one")
    public Uni<RestResponse<IncidentResponse>> setActiveStage(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.ActiveStage request) {
        return replies.ok(lifecycle.setActiveStage(id, request.stageId(), user));
    }

    @POST
    @Path("/{id}/end")
    @Operation(summary = "End the incident (the commander or an administrator)")
    @APIResponse(responseCode = "409", description = "The incident has ended already")
    public Uni<RestResponse<IncidentResponse>> end(@RestPath UUID id) {
        return replies.ok(lifecycle.end(id, user));
    }
}
