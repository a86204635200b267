package dev.commandcenter.incident.ui;

import static dev.commandcenter.incident.ui.IncidentPageRenderer.orEmpty;

import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.rest.ChangeRequests;
import dev.commandcenter.incident.rest.LearningRequests;
import dev.commandcenter.incident.service.FollowUpService;
import dev.commandcenter.incident.service.LearningService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Forms of the incident page's learning section: enter, opt out, work the tasks, key times, follow-ups. */
@Path("/backstage/incidents/{id}")
@Tag(name = "Backstage pages")
@Authenticated
@Produces(MediaType.TEXT_HTML)
// A change the caller stops waiting for still completes (or rolls back) whole.
@Cancellable(false)
public class LearningPages {
    private final LearningService learning;
    private final FollowUpService followUps;

    private final IncidentPageRenderer pages;
    private final CurrentUser user;

    public LearningPages(LearningService learning, FollowUpService followUps, IncidentPageRenderer pages, CurrentUser user) {
        this.learning = learning;
        this.followUps = followUps;
        this.pages = pages;
        this.user = user;
    }

    @POST
    @Path("/learning/enter")
    @Operation(summary = "Form: enter the learning flow")
    public Uni<RestResponse<String>> enterLearning(@RestPath UUID id) {
        return pages.act(id, () -> learning.enter(id, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/learning/opt-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: opt out of the learning flow with a reason")
    public Uni<RestResponse<String>> optOutOfLearning(@RestPath UUID id, @RestForm String reason) {
        String why = orEmpty(reason).strip();
        String invalid = pages.invalid(new LearningRequests.OptOut(why));
        if (invalid != null) {
            return pages.page(id, "Not opted out: the reason " + invalid + " (up to 1,000 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> learning.optOut(id, why, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/learning/tasks/{taskId}/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: check, skip or reopen a learning task")
    public Uni<RestResponse<String>> learningTaskState(@RestPath UUID id, @RestPath String taskId,
            @RestForm String state) {
        Checklist.State parsed;
        try {
            parsed = Checklist.State.valueOf(orEmpty(state).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return pages.page(id, "Unknown task state.", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> learning.setTaskState(id, taskId, parsed, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/learning/tasks/{taskId}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: assign a learning task")
    public Uni<RestResponse<String>> assignLearningTask(@RestPath UUID id, @RestPath String taskId,
            @RestForm String userId) {
        String assignee = userId == null || userId.isBlank() ? null : userId.strip();
        if (pages.invalid(new ChangeRequests.Assignee(assignee)) != null) {
            return pages.page(id, "Choose a member of the incident for the task.", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> learning.assignTask(id, taskId, assignee, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/learning/statuses/{statusIndex}/tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: add a learning task of your own")
    public Uni<RestResponse<String>> addLearningTask(@RestPath UUID id, @RestPath int statusIndex,
            @RestForm String title) {
        String invalid = pages.invalid(new LearningRequests.NewTask(title, null));
        if (invalid != null) {
            return pages.page(id, "Not added: the task's name " + invalid + " (up to 200 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> learning.addTask(id, statusIndex, title, null, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/learning/timestamps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: record when the cause was identified and the impact resolved (UTC)")
    public Uni<RestResponse<String>> learningTimestamps(@RestPath UUID id, @RestForm String identifiedAt,
            @RestForm String resolvedAt) {
        Instant identified;
        Instant resolved;
        try {
            identified = utc(identifiedAt);
            resolved = utc(resolvedAt);
        } catch (DateTimeParseException e) {
            return pages.page(id, "Not saved: enter the times as date and time (UTC).", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> learning.setTimestamps(id, identified, resolved, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/follow-ups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: add a follow-up action")
    public Uni<RestResponse<String>> addFollowUp(@RestPath UUID id, @RestForm String title,
            @RestForm String assigneeId) {
        String assignee = assigneeId == null || assigneeId.isBlank() ? null : assigneeId.strip();
        String invalid = pages.invalid(new LearningRequests.NewFollowUp(title, assignee));
        if (invalid != null) {
            return pages.page(id, "Not added: the follow-up " + invalid + " (a title of up to 200 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> followUps.create(id, title, assignee, user).replaceWithVoid(), "#follow-ups");
    }

    @POST
    @Path("/follow-ups/{followUpId}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: mark a follow-up action done, or reopen it")
    public Uni<RestResponse<String>> followUpDone(@RestPath UUID id, @RestPath UUID followUpId,
            @RestForm String done) {
        boolean isDone = "true".equals(done);
        return pages.act(id, () -> followUps.update(id, followUpId, new FollowUpService.Patch(null, null, isDone), user)
                .replaceWithVoid(), "#follow-ups");
    }

    /** A time entered in a datetime-local field, read as UTC; null when empty. */
    private static Instant utc(String local) {
        return local == null || local.isBlank() ? null : LocalDateTime.parse(local.strip()).toInstant(ZoneOffset.UTC);
    }
}
