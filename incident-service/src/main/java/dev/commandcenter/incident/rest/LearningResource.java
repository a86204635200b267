package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.incident.service.LearningService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/**
 * The post-incident learning flow: entering it or opting out (the commander or an administrator),
 * working its tasks and recording the key times (members). Changes answer with the incident.
 */
@Path("/api/v1/incidents/{id}/learning")
@Tag(name = "Learning flow")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// A change the caller stops waiting for still completes (or rolls back) whole.
@Cancellable(false)
public class LearningResource {
    private final LearningService learning;
    private final IncidentService incidents;
    private final IncidentReplies replies;
    private final CurrentUser user;

    public LearningResource(LearningService learning, IncidentService incidents, IncidentReplies replies,
            CurrentUser user) {
        this.learning = learning;
        this.incidents = incidents;
        this.replies = replies;
        this.user = user;
    }

    @GET
    @Operation(summary = "The incident's learning flow: state, current status, statuses with their tasks")
    public Uni<LearningResponse> get(@RestPath UUID id) {
        return incidents.get(id, user).map(LearningResponse::of);
    }

    @POST
    @Path("/enter")
    @Operation(summary = "Enter the playbook's learning flow after the end (the commander or an administrator)")
    @APIResponse(responseCode = "409", description = "Ongoing, in the flow already, or the playbook has no statuses")
    public Uni<RestResponse<IncidentResponse>> enter(@RestPath UUID id) {
        return replies.ok(learning.enter(id, user));
    }

    @POST
    @Path("/opt-out")
    @Operation(summary = "Opt out of the learning flow with a reason, posted to the channel (the commander or an "
            + "administrator)")
    @APIResponse(responseCode = "409", description = "The playbook does not allow opting out, or it is closed")
    public Uni<RestResponse<IncidentResponse>> optOut(@RestPath UUID id,
            @Valid @NotNull LearningRequests.OptOut request) {
        return replies.ok(learning.optOut(id, request.reason(), user));
    }

    @PUT
    @Path("/tasks/{taskId}/state")
    @Operation(summary = "Check (DONE), skip (SKIPPED) or reopen (OPEN) a task; the flow advances when every task "
            + "of the current status is done or skipped, and closes after the last")
    public Uni<RestResponse<IncidentResponse>> taskState(@RestPath UUID id, @RestPath @Size(max = 40) String taskId,
            @Valid @NotNull LearningRequests.TaskState request) {
        return replies.ok(learning.setTaskState(id, taskId, request.state(), user));
    }

    @PUT
    @Path("/tasks/{taskId}/assignee")
    @Operation(summary = "Assign a task to a member of the incident (null unassigns it)")
    public Uni<RestResponse<IncidentResponse>> assign(@RestPath UUID id, @RestPath @Size(max = 40) String taskId,
            @Valid @NotNull ChangeRequests.Assignee request) {
        return replies.ok(learning.assignTask(id, taskId, request.userId(), user));
    }

    @POST
    @Path("/statuses/{statusIndex}/tasks")
    @Operation(summary = "Add a task of your own to the current or a later status (at most 30 per status)")
    @APIResponse(responseCode = "413", description = "The status holds the most tasks it can")
    public Uni<RestResponse<IncidentResponse>> addTask(@RestPath UUID id,
            @RestPath @Min(0) @Max(100) int statusIndex, @Valid @NotNull LearningRequests.NewTask request) {
        return replies.ok(learning.addTask(id, statusIndex, request.title(), request.instructions(), user));
    }

    @PUT
    @Path("/timestamps")
    @Operation(summary = "Record when the cause was identified and the impact resolved (null clears)")
    public Uni<RestResponse<IncidentResponse>> timestamps(@RestPath UUID id,
            @Valid @NotNull LearningRequests.Timestamps request) {
        return replies.ok(learning.setTimestamps(id, request.identifiedAt(), request.resolvedAt(), user));
    }
}
