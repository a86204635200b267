package dev.commandcenter.telemetry.rest;

import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.telemetry.mapping.TelemetryMapper;
import dev.commandcenter.telemetry.service.TelemetryService;
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

@Path("/api/v1/telemetry/events")
@Tag(name = "Telemetry")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TelemetryResource {
    private final TelemetryService service;
    private final CurrentUser user;

    public TelemetryResource(TelemetryService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Operation(summary = "Telemetry recorded about an incident or playbook of one of your teams, oldest first"
            + " (empty for other teams' items)")
    @APIResponse(responseCode = "200", description = "The records you may see")
    @APIResponse(responseCode = "400", description = "Invalid query (problem+json with field errors)")
    public Uni<RestResponse<List<TelemetryEventResponse>>> list(
            @QueryParam("subject") @NotBlank @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be an incident or playbook id") String subject,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return service.listForSubject(subject, limit, user)
                .map(list -> RestResponse.ok(list.stream().map(TelemetryMapper::response).toList()));
    }
}
