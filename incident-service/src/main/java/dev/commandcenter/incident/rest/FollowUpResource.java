package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.service.FollowUpService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Follow-up actions of an incident: members track them, also after the end (at most 100). */
@Path("/api/v1/incidents/{id}/follow-ups")
@Tag(name = "Follow-up actions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class FollowUpResource {
    private final FollowUpService followUps;
    private final CurrentUser user;

    public FollowUpResource(FollowUpService followUps, CurrentUser user) {
        this.followUps = followUps;
        this.user = user;
    }

    @GET
    @Operation(summary = "The incident's follow-up actions, oldest first")
    public Uni<List<FollowUpResponse>> list(@RestPath UUID id) {
        return followUps.list(id, user).map(all -> all.stream().map(FollowUpResponse::of).toList());
    }

    @POST
    @Operation(summary = "Add a follow-up action, optionally assigned to a member of the incident")
    @APIResponse(responseCode = "201", description = "Added; checks off the learning flow's follow-up tasks")
    @APIResponse(responseCode = "413", description = "The incident holds the most follow-ups it can")
    public Uni<RestResponse<FollowUpResponse>> create(@RestPath UUID id,
            @Valid @NotNull LearningRequests.NewFollowUp request, UriInfo uri) {
        return followUps.create(id, request.title(), request.assigneeId(), user).map(FollowUpResponse::of)
                .map(created -> RestResponse.ResponseBuilder.<FollowUpResponse>created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build());
    }

    @PATCH
    @Path("/{followUpId}")
    @Operation(summary = "Rename, (un)assign or mark a follow-up done; absent fields stay as they are")
    public Uni<FollowUpResponse> update(@RestPath UUID id, @RestPath UUID followUpId,
            @Valid @NotNull LearningRequests.FollowUpPatch request) {
        return followUps.update(id, followUpId, new FollowUpService.Patch(request.title(), request.assigneeId(),
                request.done()), user).map(FollowUpResponse::of);
    }

    @DELETE
    @Path("/{followUpId}")
    @Operation(summary = "Delete a follow-up action")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id, @RestPath UUID followUpId) {
        return followUps.delete(id, followUpId, user).map(done -> RestResponse.noContent());
    }
}
