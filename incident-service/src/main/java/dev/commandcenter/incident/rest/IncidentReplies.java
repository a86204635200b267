package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.service.IncidentService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestResponse;

/** How every endpoint that changes an incident answers: the incident as it is now, with its ETag. */
@ApplicationScoped
public class IncidentReplies {
    private final IncidentService service;

    public IncidentReplies(IncidentService service) {
        this.service = service;
    }

    public Uni<RestResponse<IncidentResponse>> ok(Uni<Incident> incident) {
        return incident.chain(service::details)
                .map(details -> IncidentResponses.response(details, Instant.now()))
                .map(response -> RestResponse.ResponseBuilder.ok(response)
                        .header("ETag", "\"" + response.version() + "\"").build());
    }
}
