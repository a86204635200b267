package dev.commandcenter.playbook.rest;

import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.playbook.mapping.PlaybookMapper;
import dev.commandcenter.playbook.service.PlaybookService;
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

@Path("/api/v1/playbooks")
@Tag(name = "Playbooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlaybookResource {
    private final PlaybookService service;
    private final CurrentUser user;

    public PlaybookResource(PlaybookService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Operation(summary = "Create a playbook in one of your teams; you become its first member")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid request (problem+json with field errors)")
    @APIResponse(responseCode = "403", description = "Not a member of the team")
    public Uni<RestResponse<PlaybookResponse>> create(@Valid @NotNull CreatePlaybookRequest request, UriInfo uri) {
        return service.create(request, user).map(playbook -> RestResponse.ResponseBuilder
                .<PlaybookResponse>created(uri.getAbsolutePathBuilder().path(playbook.id.toString()).build())
                .entity(PlaybookMapper.response(playbook)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A playbook you are a member of (404 otherwise)")
    public Uni<RestResponse<PlaybookResponse>> get(@RestPath UUID id) {
        return service.get(id, user).map(playbook -> RestResponse.ok(PlaybookMapper.response(playbook)));
    }

    @GET
    @Operation(summary = "Playbooks of a team that you are a member of, newest first")
    public Uni<RestResponse<List<PlaybookResponse>>> list(@QueryParam("teamId") @NotBlank String teamId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return service.list(teamId, limit, user)
                .map(list -> RestResponse.ok(list.stream().map(PlaybookMapper::response).toList()));
    }
}
