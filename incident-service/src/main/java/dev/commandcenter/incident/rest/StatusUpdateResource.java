package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.PlaybookContent.StatusPhase;
import dev.commandcenter.incident.service.StatusUpdateService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Status updates: members post them; whoever may see the incident lists them and reads the templates. */
@Path("/api/v1/incidents/{id}/status-updates")
@Tag(name = "Status updates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// A change the caller stops waiting for still completes (or rolls back) whole.
@Cancellable(false)
public class StatusUpdateResource {
    static final String UUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String PHASE = "(?i)INVESTIGATING|IDENTIFIED|MONITORING|RESOLVED";

    private final StatusUpdateService updates;
    private final CurrentUser user;

    public StatusUpdateResource(StatusUpdateService updates, CurrentUser user) {
        this.updates = updates;
        this.user = user;
    }

    @POST
    @Operation(summary = "Post a status update in a phase (members, while the incident is ongoing): timeline "
            + "message, incident.status_updated.v1 with the communication plan's audiences, reminder pushed back")
    @APIResponse(responseCode = "201", description = "Posted")
    @APIResponse(responseCode = "403", description = "You can see the incident but are not a member")
    @APIResponse(responseCode = "409", description = "The incident has ended, or holds the most status updates it "
            + "can (incident.status-updates.max-per-incident)")
    public Uni<RestResponse<StatusUpdateResponse>> post(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.StatusUpdate request) {
        return updates.post(id, request.phase(), request.text(), user)
                .map(update -> RestResponse.status(RestResponse.Status.CREATED, StatusUpdateResponse.of(update)));
    }

    @GET
    @Operation(summary = "The incident's status updates, newest first (keyset: before = the previous page's next)")
    public Uni<StatusUpdateResponse.Page> list(@RestPath UUID id,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("before")
            @Pattern(regexp = UUID_TEXT, message = "must be the 'next' value of a page") String before,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return updates.list(id, before == null ? null : UUID.fromString(before), limit, user).map(slice -> new StatusUpdateResponse.Page(
                slice.updates().stream().map(StatusUpdateResponse::of).toList(), slice.next()));
    }

    @GET
    @Path("/template")
    @Operation(summary = "The playbook's template for a phase, where a status update in it starts (empty if none)")
    public Uni<StatusUpdateResponse.Template> template(@RestPath UUID id,
            @QueryParam("phase") @NotNull @Pattern(regexp = PHASE, message = "must be one of INVESTIGATING, "
                    + "IDENTIFIED, MONITORING, RESOLVED") String phase) {
        StatusPhase parsed = StatusPhase.valueOf(phase.toUpperCase(Locale.ROOT));
        return updates.template(id, parsed, user).map(text -> new StatusUpdateResponse.Template(parsed, text));
    }
}
