package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.service.ChannelService;
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

/** The incident's channel: its messages, its timeline, and posting to it (members). */
@Path("/api/v1/incidents/{id}")
@Tag(name = "Incident channel")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// A change the caller stops waiting for still completes (or rolls back) whole.
@Cancellable(false)
public class ChannelResource {
    private final ChannelService channel;
    private final CurrentUser user;

    public ChannelResource(ChannelService channel, CurrentUser user) {
        this.channel = channel;
        this.user = user;
    }

    @GET
    @Path("/timeline")
    @Operation(summary = "When steps were resolved and the state changed: the channel's bot and system messages")
    public Uni<RestResponse<List<MessageResponse>>> timeline(@RestPath UUID id,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(100) int limit) {
        return channel.timeline(id, after, limit, user)
                .map(list -> RestResponse.ok(list.stream().map(IncidentResponses::response).toList()));
    }

    @GET
    @Path("/messages")
    @Operation(summary = "The incident channel's messages, oldest first, after the cursor `after` (a seq)")
    public Uni<RestResponse<List<MessageResponse>>> messages(@RestPath UUID id,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(100) int limit) {
        return channel.messages(id, after, limit, user)
                .map(list -> RestResponse.ok(list.stream().map(IncidentResponses::response).toList()));
    }

    @POST
    @Path("/messages")
    @Operation(summary = "Post a message to the incident channel (members)")
    @APIResponse(responseCode = "201", description = "Posted")
    @APIResponse(responseCode = "403", description = "You can see the incident but are not a member")
    @APIResponse(responseCode = "409", description = "The channel is full (incident.limits.channel.*)")
    public Uni<RestResponse<MessageResponse>> post(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.PostMessage request) {
        return channel.post(id, request.text(), user)
                .map(message -> RestResponse.status(RestResponse.Status.CREATED, IncidentResponses.response(message)));
    }
}
