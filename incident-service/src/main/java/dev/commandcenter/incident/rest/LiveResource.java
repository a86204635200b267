package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.live.LiveUpdates;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Server-Sent Events for a page that follows an incident: an event {@code ready} once connected,
 * an event {@code change} (JSON: incident, event type, actor, time) whenever the incident changes,
 * and a comment every {@code incident.live.heartbeat} so proxies (the gateway's idle timeout among
 * them) keep it open.
 *
 * <p>An event stream's response head goes out before its first event, so who may follow (404,
 * 429) is decided by {@link #admit} before the method runs, where a refusal is still a problem
 * response.
 */
@Path("/api/v1/incidents/{id}/live")
@Tag(name = "Incidents")
@Authenticated
public class LiveResource {
    private static final String SLOT = LiveResource.class.getName() + ".slot";

    private final IncidentService incidents;
    private final LiveUpdates live;
    private final CurrentUser user;
    private final Duration heartbeat;

    public LiveResource(IncidentService incidents, LiveUpdates live, CurrentUser user,
            @ConfigProperty(name = "incident.live.heartbeat", defaultValue = "15s") Duration heartbeat) {
        this.incidents = incidents;
        this.live = live;
        this.user = user;
        this.heartbeat = heartbeat;
    }

    /**
     * Before {@link #follow}: the incident must be visible to the caller and a stream place free.
     * {@code @PermitAll} because the filter runs for every request of the service, the intake's too
     * (chat tools and alerting systems have no token): the class's {@code @Authenticated} would refuse
     * those with 401. {@link #follow} itself still requires a signed-in caller.
     */
    @ServerRequestFilter
    @PermitAll
    public Uni<Void> admit(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() != LiveResource.class) {
            return Uni.createFrom().voidItem();
        }
        UUID id = UUID.fromString(request.getUriInfo().getPathParameters().getFirst("id"));
        return incidents.get(id, user).invoke(visible -> request.setProperty(SLOT, live.reserve(user.id())))
                .replaceWithVoid();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow an incident you may see: an SSE event `change` each time it changes")
    @APIResponse(responseCode = "404", description = "No such incident, or you may not see it")
    @APIResponse(responseCode = "429", description = "Too many live streams open (per user or on this replica)")
    public Multi<OutboundSseEvent> follow(@RestPath UUID id, @Context Sse sse, @Context ContainerRequestContext request) {
        LiveUpdates.Slot slot = (LiveUpdates.Slot) request.getProperty(SLOT);
        Multi<OutboundSseEvent> changes = live.follow(id, slot)
                .map(change -> sse.newEventBuilder().name("change").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(change).build());
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(sse.newEventBuilder().name("ready")
                .data("{\"incidentId\":\"" + id + "\"}").build());
        return Multi.createBy().concatenating().streams(ready, Multi.createBy().merging().streams(changes, beats))
                .onTermination().invoke(slot::release);
    }
}
