package dev.commandcenter.notifier.rest;

import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.mapping.SubscriptionMapper;
import dev.commandcenter.notifier.service.Subscriptions;
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
 * A team's subscriptions: which incident events go to which webhook or email addresses. Members of
 * the team manage them; other teams' subscriptions are 404, their lists 403; administrators all.
 */
@Path("/api/v1/notifications/subscriptions")
@Tag(name = "Subscriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class SubscriptionResource {
    private final Subscriptions subscriptions;
    private final CurrentUser user;

    public SubscriptionResource(Subscriptions subscriptions, CurrentUser user) {
        this.subscriptions = subscriptions;
        this.user = user;
    }

    @GET
    @Operation(summary = "The team's subscriptions, by name")
    @APIResponse(responseCode = "403", description = "Not a member of the team")
    public Uni<List<SubscriptionResponse>> list(@QueryParam("teamId") @NotBlank @Size(max = 100) String teamId) {
        return subscriptions.list(teamId, user)
                .map(all -> all.stream().map(s -> SubscriptionMapper.response(s, null)).toList());
    }

    @POST
    @Operation(summary = "Subscribe a webhook (GENERIC, SLACK, MATTERMOST, TEAMS) or email addresses to event types;"
            + " a GENERIC webhook's signing secret is in this answer only")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid, or a URL webhooks may not reach (problem+json naming the fields)")
    @APIResponse(responseCode = "409", description = "The team has the most subscriptions it may, or the name is taken")
    public Uni<RestResponse<SubscriptionResponse>> create(@Valid @NotNull SubscriptionRequest request, UriInfo uri) {
        return Uni.createFrom().item(request).map(SubscriptionMapper::definition)
                .chain(definition -> subscriptions.create(definition, user))
                .map(created -> SubscriptionMapper.response(created.subscription(), created.secret()))
                .map(created -> RestResponse.ResponseBuilder.<SubscriptionResponse>created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build());
    }

    @GET
    @Path("/{id}")
    public Uni<SubscriptionResponse> get(@RestPath UUID id) {
        return subscriptions.get(id, user).map(s -> SubscriptionMapper.response(s, null));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a subscription's name, event types and target (the team stays; a GENERIC webhook"
            + " keeps its secret, one that becomes GENERIC gets a new one in this answer)")
    public Uni<SubscriptionResponse> replace(@RestPath UUID id, @Valid @NotNull SubscriptionRequest request) {
        return Uni.createFrom().item(request).map(SubscriptionMapper::definition)
                .chain(definition -> subscriptions.replace(id, definition, user))
                .map(replaced -> SubscriptionMapper.response(replaced.subscription(), replaced.secret()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription and its deliveries")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return subscriptions.delete(id, user).map(done -> RestResponse.noContent());
    }
}
