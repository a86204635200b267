package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.service.AlertIntake;
import dev.commandcenter.incident.service.IntegrationService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * A team's integrations: how its alerting systems and chat tools reach the platform. Members of the
 * target playbook (and administrators) create them; the key is answered once.
 */
@Path("/api/v1/integrations")
@Tag(name = "Integrations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class IntegrationResource {
    private final IntegrationService integrations;
    private final AlertIntake intake;
    private final CurrentUser user;

    public IntegrationResource(IntegrationService integrations, AlertIntake intake, CurrentUser user) {
        this.integrations = integrations;
        this.intake = intake;
        this.user = user;
    }

    @POST
    @Operation(summary = "Create an integration; the answer holds its key, shown this once")
    @APIResponse(responseCode = "201", description = "Created; `secret` is the key for alert integrations")
    @APIResponse(responseCode = "400", description = "Invalid, or not a playbook of the team you are a member of")
    @APIResponse(responseCode = "409", description = "The team has the most integrations it may have")
    public Uni<RestResponse<IntegrationResponse>> create(@Valid @NotNull IntegrationRequests.Create request,
            UriInfo uri) {
        return integrations.create(request.toNew(), user).map(created -> RestResponse.ResponseBuilder
                .<IntegrationResponse>created(uri.getAbsolutePathBuilder().path(created.integration().id.toString())
                        .build())
                .entity(IntegrationResponse.of(created.integration(), created.secret(), intake.publicUrl()))
                .build());
    }

    @GET
    @Operation(summary = "The team's integrations, newest first, revoked ones included (at most 200)")
    public Uni<List<IntegrationResponse>> list(@QueryParam("teamId") @NotBlank @Size(max = 100) String teamId) {
        return integrations.list(teamId, user).map(all -> all.stream()
                .map(integration -> IntegrationResponse.of(integration, null, intake.publicUrl())).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<IntegrationResponse> get(@RestPath UUID id) {
        return integrations.get(id, user).map(integration -> IntegrationResponse.of(integration, null,
                intake.publicUrl()));
    }

    @POST
    @Path("/{id}/rotate")
    @Operation(summary = "Replace the key (alert integrations: a new one is answered once; chat tools: send the new "
            + "token or signing secret); the old one stops working at once")
    public Uni<IntegrationResponse> rotate(@RestPath UUID id, @Valid IntegrationRequests.Rotate request) {
        return integrations.rotate(id, request == null ? null : request.secret(), user)
                .map(rotated -> IntegrationResponse.of(rotated.integration(), rotated.secret(), intake.publicUrl()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke the integration: its key is forgotten and what it sends is refused from now on")
    public Uni<IntegrationResponse> revoke(@RestPath UUID id) {
        return integrations.revoke(id, user).map(integration -> IntegrationResponse.of(integration, null,
                intake.publicUrl()));
    }
}
