package dev.commandcenter.notifier.rest;

import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.mapping.SubscriptionMapper;
import dev.commandcenter.notifier.service.DeliveryLog;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The delivery log: what was sent where for an incident or a subscription, with every attempt. */
@Path("/api/v1/notifications/deliveries")
@Tag(name = "Deliveries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class DeliveryResource {
    private final DeliveryLog log;
    private final CurrentUser user;

    public DeliveryResource(DeliveryLog log, CurrentUser user) {
        this.log = log;
        this.user = user;
    }

    @GET
    @Operation(summary = "Deliveries of an incident (empty for incidents of other teams) or of a subscription,"
            + " newest first, a page at a time; give exactly one of incidentId and subscriptionId")
    @APIResponse(responseCode = "400", description = "Invalid query (problem+json with field errors)")
    @APIResponse(responseCode = "404", description = "The subscription does not exist or is another team's")
    public Uni<DeliveryResponses.Page> list(
            @QueryParam("incidentId") @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be an incident id") String incidentId,
            @QueryParam("subscriptionId") UUID subscriptionId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1000) int page,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        boolean byIncident = incidentId != null && !incidentId.isBlank();
        if (byIncident == (subscriptionId != null)) {
            return Uni.createFrom().failure(ProblemException.invalidField("incidentId",
                    "give exactly one of incidentId and subscriptionId"));
        }
        return (byIncident ? log.ofIncident(incidentId, page, limit, user)
                : log.ofSubscription(subscriptionId, page, limit, user))
                .map(found -> new DeliveryResponses.Page(found.deliveries().stream()
                        .map(d -> SubscriptionMapper.response(d, found.attemptsOf(d.id))).toList(),
                        found.more() ? page + 1 : null));
    }
}
