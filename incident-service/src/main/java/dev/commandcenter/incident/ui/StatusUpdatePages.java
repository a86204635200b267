package dev.commandcenter.incident.ui;

import static dev.commandcenter.incident.ui.IncidentPageRenderer.orEmpty;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.rest.ChangeRequests;
import dev.commandcenter.incident.service.Reminders;
import dev.commandcenter.incident.service.StatusUpdateService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Forms of the incident page's status updates: post one, set or snooze the reminder. */
@Path("/backstage/incidents/{id}")
@Tag(name = "Backstage pages")
@Authenticated
@Produces(MediaType.TEXT_HTML)
// A change the caller stops waiting for still completes (or rolls back) whole.
@Cancellable(false)
public class StatusUpdatePages {
    private final StatusUpdateService statusUpdates;
    private final Reminders reminders;

    private final IncidentPageRenderer pages;
    private final CurrentUser user;

    public StatusUpdatePages(StatusUpdateService statusUpdates, Reminders reminders, IncidentPageRenderer pages, CurrentUser user) {
        this.statusUpdates = statusUpdates;
        this.reminders = reminders;
        this.pages = pages;
        this.user = user;
    }

    @POST
    @Path("/status-updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: post a status update")
    public Uni<RestResponse<String>> postStatusUpdate(@RestPath UUID id, @RestForm String phase,
            @RestForm String text) {
        PlaybookContent.StatusPhase parsed = phase(phase);
        String invalid = pages.invalid(new ChangeRequests.StatusUpdate(parsed, text));
        if (invalid != null) {
            String what = parsed == null ? "choose a phase" : "the status update " + invalid + " (up to 4,000 characters)";
            return pages.page(id, "Not posted: " + what + ".", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> statusUpdates.post(id, parsed, text, user).replaceWithVoid(), "#status-updates");
    }

    @POST
    @Path("/reminder")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: set the minutes between status-update reminders (empty: off)")
    public Uni<RestResponse<String>> reminderInterval(@RestPath UUID id, @RestForm String intervalMinutes) {
        Integer minutes = minutes(intervalMinutes);
        boolean off = intervalMinutes == null || intervalMinutes.isBlank();
        if ((minutes == null && !off) || pages.invalid(new ChangeRequests.ReminderInterval(minutes)) != null) {
            return pages.page(id, "Reminder not changed: the interval must be 1 to 1,440 minutes, or empty for no "
                    + "reminders.", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> reminders.setInterval(id, minutes, user).replaceWithVoid(), "#status-updates");
    }

    @POST
    @Path("/reminder/snooze")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: snooze the status-update reminder")
    public Uni<RestResponse<String>> snoozeReminder(@RestPath UUID id, @RestForm String minutes) {
        Integer parsed = minutes(minutes);
        if (pages.invalid(new ChangeRequests.Snooze(parsed)) != null) {
            return pages.page(id, "Reminder not snoozed: snooze it for 1 to 1,440 minutes.", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> reminders.snooze(id, parsed, user).replaceWithVoid(), "#status-updates");
    }

    /** A phase from a form (any case), or null. */
    private static PlaybookContent.StatusPhase phase(String value) {
        try {
            return PlaybookContent.StatusPhase.valueOf(orEmpty(value).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whole minutes from a form, or null when absent or not a number. */
    private static Integer minutes(String value) {
        try {
            return Integer.valueOf(orEmpty(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
