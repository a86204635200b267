package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.live.LiveUpdates;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.kit.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Before {@link LiveResource#follow}: the incident must be visible to the caller and a stream place
 * free, decided while a refusal can still be a problem response. A request filter sees every request,
 * so it lives apart from the {@code @Authenticated} resource: there, the class's security check
 * applied to the filter too and refused every anonymous request, the integrations' included.
 */
public class LiveAdmission {
    private final IncidentService incidents;
    private final LiveUpdates live;
    private final CurrentUser user;

    public LiveAdmission(IncidentService incidents, LiveUpdates live, CurrentUser user) {
        this.incidents = incidents;
        this.live = live;
        this.user = user;
    }

    @ServerRequestFilter
    public Uni<Void> admit(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() != LiveResource.class) {
            return Uni.createFrom().voidItem();
        }
        UUID id = UUID.fromString(request.getUriInfo().getPathParameters().getFirst("id"));
        return incidents.get(id, user).invoke(visible -> request.setProperty(LiveResource.SLOT,
                live.reserve(user.id()))).replaceWithVoid();
    }
}
