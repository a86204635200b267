package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.service.Reminders;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The status-update reminder of an incident: the commander (or an administrator) sets its interval or snoozes it. */
@Path("/api/v1/incidents/{id}/reminder")
@Tag(name = "Status updates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// A change the caller stops waiting for still completes (or rolls back) whole.
@Cancellable(false)
public class ReminderResource {
    private final Reminders reminders;
    private final IncidentReplies replies;
    private final CurrentUser user;

    public ReminderResource(Reminders reminders, IncidentReplies replies, CurrentUser user) {
        this.reminders = reminders;
        this.replies = replies;
        this.user = user;
    }

    @PUT
    @Operation(summary = "Set the minutes between status-update reminders, or null to turn them off (the "
            + "commander or an administrator); the next one is due an interval from now")
    public Uni<RestResponse<IncidentResponse>> setInterval(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.ReminderInterval request) {
        return replies.ok(reminders.setInterval(id, request.intervalMinutes(), user));
    }

    @POST
    @Path("/snooze")
    @Operation(summary = "Move the next status-update reminder to the given minutes from now (the commander or an "
            + "administrator)")
    @APIResponse(responseCode = "409", description = "Reminders are off, or the incident has ended")
    public Uni<RestResponse<IncidentResponse>> snooze(@RestPath UUID id, @Valid @NotNull ChangeRequests.Snooze request) {
        return replies.ok(reminders.snooze(id, request.minutes(), user));
    }
}
