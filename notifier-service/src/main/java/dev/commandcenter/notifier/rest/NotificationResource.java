package dev.commandcenter.notifier.rest;

import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.mapping.NotificationMapper;
import dev.commandcenter.notifier.service.NotificationService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/notifications")
@Tag(name = "Notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private final NotificationService service;
    private final CurrentUser user;

    public NotificationResource(NotificationService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Operation(summary = "Notifications about an incident of one of your teams, oldest first"
            + " (empty for incidents of other teams)")
    @APIResponse(responseCode = "200", description = "The notifications you may see")
    @APIResponse(responseCode = "400", description = "Invalid query (problem+json with field errors)")
    public Uni<RestResponse<List<NotificationResponse>>> list(
            @QueryParam("incident") @NotBlank @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be an incident id") String incident,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return service.listForIncident(incident, limit, user)
                .map(list -> RestResponse.ok(list.stream().map(NotificationMapper::response).toList()));
    }
}
