package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.mapping.IncidentMapper;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/incidents")
@Tag(name = "Incidents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {
    private final IncidentService service;
    private final CurrentUser user;

    public IncidentResource(IncidentService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Operation(summary = "Start an incident from a playbook you are a member of; you become its commander")
    @APIResponse(responseCode = "201", description = "Started: channel created, announcement posted")
    @APIResponse(responseCode = "404", description = "No such playbook, or you are not a member of it")
    @APIResponse(responseCode = "409", description = "The team already has a channel with this name")
    public Uni<RestResponse<IncidentResponse>> start(@Valid @NotNull StartIncidentRequest request, UriInfo uri) {
        return service.start(request, user).map(incident -> RestResponse.ResponseBuilder
                .<IncidentResponse>created(uri.getAbsolutePathBuilder().path(incident.id.toString()).build())
                .entity(IncidentMapper.response(incident)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An incident you may see (404 otherwise)")
    public Uni<RestResponse<IncidentResponse>> get(@RestPath UUID id) {
        return service.get(id, user).map(incident -> RestResponse.ok(IncidentMapper.response(incident)));
    }

    @GET
    @Operation(summary = "A team's incidents you may see, newest first")
    public Uni<RestResponse<List<IncidentResponse>>> list(@QueryParam("teamId") @NotBlank String teamId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return service.list(teamId, limit, user)
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
}
