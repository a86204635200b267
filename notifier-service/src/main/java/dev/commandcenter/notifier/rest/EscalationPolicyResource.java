package dev.commandcenter.notifier.rest;

import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.mapping.OnCallMapper;
import dev.commandcenter.notifier.service.EscalationPolicies;
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
import jakarta.ws.rs.PUT;
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
 * Escalation policies: levels paged in order, each a schedule of the team or a member, with a
 * timeout; the whole list repeated {@code repeatCount} times. Same permissions as schedules.
 */
@Path("/api/v1/oncall/escalation-policies")
@Tag(name = "Escalation policies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class EscalationPolicyResource {
    private final EscalationPolicies policies;
    private final CurrentUser user;

    public EscalationPolicyResource(EscalationPolicies policies, CurrentUser user) {
        this.policies = policies;
        this.user = user;
    }

    @GET
    @Operation(summary = "The team's escalation policies, by name")
    @APIResponse(responseCode = "403", description = "Not a member of the team")
    public Uni<List<OnCallResponses.Policy>> list(@QueryParam("teamId") @NotBlank @Size(max = 100) String teamId) {
        return policies.list(teamId, user).map(all -> all.stream().map(OnCallMapper::response).toList());
    }

    @POST
    @Operation(summary = "Create an escalation policy; a level's schedule must be one of the team's, its user a member")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid (problem+json naming the fields)")
    @APIResponse(responseCode = "409", description = "The team has the most policies it may, or the name is taken")
    public Uni<RestResponse<OnCallResponses.Policy>> create(@Valid @NotNull OnCallRequests.Policy request,
            UriInfo uri) {
        return Uni.createFrom().item(request).map(OnCallMapper::definition)
                .chain(definition -> policies.create(definition, user)).map(OnCallMapper::response)
                .map(created -> RestResponse.ResponseBuilder.<OnCallResponses.Policy>created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build());
    }

    @GET
    @Path("/{id}")
    public Uni<OnCallResponses.Policy> get(@RestPath UUID id) {
        return policies.get(id, user).map(OnCallMapper::response);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a policy's name, description, levels and repeat count (the team stays)")
    public Uni<OnCallResponses.Policy> replace(@RestPath UUID id, @Valid @NotNull OnCallRequests.Policy request) {
        return Uni.createFrom().item(request).map(OnCallMapper::definition)
                .chain(definition -> policies.replace(id, definition, user)).map(OnCallMapper::response);
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return policies.delete(id, user).map(done -> RestResponse.noContent());
    }
}
