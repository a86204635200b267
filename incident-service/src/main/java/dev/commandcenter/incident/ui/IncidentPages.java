package dev.commandcenter.incident.ui;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.PlaybookSettings;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.rest.ChangeRequests;
import dev.commandcenter.incident.rest.FollowUpResponse;
import dev.commandcenter.incident.rest.LearningRequests;
import dev.commandcenter.incident.rest.IncidentPage;
import dev.commandcenter.incident.rest.IncidentResponse;
import dev.commandcenter.incident.rest.MessageResponse;
import dev.commandcenter.incident.rest.IncidentResponses;
import dev.commandcenter.incident.service.ChannelService;
import dev.commandcenter.incident.service.ChecklistService;
import dev.commandcenter.incident.service.FollowUpService;
import dev.commandcenter.incident.service.IncidentAccess;
import dev.commandcenter.incident.service.IncidentLifecycle;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.incident.service.LearningService;
import dev.commandcenter.incident.service.NewIncident;
import dev.commandcenter.incident.service.Reminders;
import dev.commandcenter.incident.service.ResponderService;
import dev.commandcenter.incident.service.RoleService;
import dev.commandcenter.incident.service.StatusUpdateService;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.kit.security.Viewer;
import dev.commandcenter.kit.web.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The incident backstage: the team's incidents with filters and the start dialog, and the
 * incident page (what Mattermost's RHS shows: commander, duration, stages and their steps, the
 * channel with a composer, end and export). Forms post to the same use cases as the API; a
 * refused change comes back as the page with the reason on top.
 */
@Path("/backstage/incidents")
@Tag(name = "Backstage pages")
@Authenticated
@Produces(MediaType.TEXT_HTML)
// A change the caller stops waiting for still completes (or rolls back) whole; cancelling it mid-transaction
// only left the outcome unknown and the session closed under the work.
@Cancellable(false)
public class IncidentPages {
    private static final int PAGE_SIZE = 25;
    private static final int SHOWN_MESSAGES = 100;
    private static final int SHOWN_STATUS_UPDATES = 50;

    private final IncidentService service;
    private final ChannelService channel;
    private final ResponderService responders;
    private final IncidentLifecycle lifecycle;
    private final ChecklistService checklists;
    private final RoleService roles;
    private final StatusUpdateService statusUpdates;
    private final Reminders reminders;
    private final LearningService learning;
    private final FollowUpService followUps;
    private final CurrentUser user;
    private final Validator validator;

    public IncidentPages(IncidentService service, ChannelService channel, ResponderService responders,
            IncidentLifecycle lifecycle, ChecklistService checklists, RoleService roles,
            StatusUpdateService statusUpdates, Reminders reminders, LearningService learning,
            FollowUpService followUps, CurrentUser user, Validator validator) {
        this.service = service;
        this.channel = channel;
        this.responders = responders;
        this.lifecycle = lifecycle;
        this.checklists = checklists;
        this.roles = roles;
        this.statusUpdates = statusUpdates;
        this.reminders = reminders;
        this.learning = learning;
        this.followUps = followUps;
        this.user = user;
        this.validator = validator;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListView view);

        static native TemplateInstance incident(IncidentView view);
    }

    public record ListView(Viewer viewer, String team, String status, String commander, String severity, String q,
            IncidentPage page, List<PlaybookView> playbooks, List<String> severities, String name, String error,
            String learning, List<String> learningStatuses) {
    }

    /**
     * {@code member}: may post and work the incident; {@code command}: may also end it, hand over
     * command, remove members and staff roles.
     */
    public record IncidentView(Viewer viewer, IncidentResponse incident, Checklist activeStage,
            List<Checklist> otherStages, List<MessageResponse> messages, StatusUpdatesView statusUpdates,
            List<PlaybookContent.Severity> severities, boolean member, boolean command, String error,
            LearningPanel learning) {
    }

    /**
     * The latest status updates (newest first; {@code more}: older ones exist, listed by the API) and the
     * playbook's template of each phase, Investigating first: the form starts from it.
     */
    public record StatusUpdatesView(List<StatusUpdateRow> items, boolean more, List<PhaseTemplate> templates) {
    }

    public record StatusUpdateRow(String phase, String phaseName, String authorId, Instant createdAt, String text) {
    }

    public record PhaseTemplate(String phase, String name, String text) {
    }

    /**
     * The learning section: the playbook's flow (whether it has statuses, may be opted out of), the
     * incident's follow-up actions, and whether the viewer may work the flow or enter/opt out.
     */
    public record LearningPanel(boolean flowDefined, boolean optOutAllowed, List<FollowUpResponse> followUps,
            boolean work, boolean manage, String identifiedAt, String resolvedAt) {
    }

    @GET
    @Operation(summary = "Page: the team's incidents, filters and the start dialog")
    public Uni<RestResponse<String>> list(@QueryParam("team") String team, @QueryParam("status") String status,
            @QueryParam("commander") String commander, @QueryParam("severity") String severity,
            @QueryParam("q") String q, @QueryParam("learning") String learning, @QueryParam("after") String after) {
        if (learning != null && (learning.length() > 100 || invalid(new LearningFilter(learning)) != null)) {
            return listPage(team, status, commander, severity, q, null, after, null,
                    "Learning filter ignored: name a learning status (up to 100 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return listPage(team, status, commander, severity, q, learning, after, null, null, RestResponse.Status.OK);
    }

    /** The list's learning filter, validated as the API validates it. */
    record LearningFilter(@Size(max = 100) @NoControlCharacters String learning) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: start an incident, then open its page")
    public Uni<RestResponse<String>> start(@RestForm String teamId, @RestForm String playbookId,
            @RestForm String name, @RestForm String postText, @RestForm String severity) {
        UUID playbook;
        try {
            playbook = UUID.fromString(playbookId == null ? "" : playbookId);
        } catch (IllegalArgumentException e) {
            return startRefused(teamId, name, "Choose a playbook.", RestResponse.Status.BAD_REQUEST);
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            return startRefused(teamId, name, "Name the incident channel (up to 100 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        String post = postText == null || postText.isBlank() ? null : postText;
        String level = severity == null || severity.isBlank() ? null : severity;
        return service.start(new NewIncident(playbook, name, post, level), user)
                .map(incident -> Redirects.seeOther("/backstage/incidents/" + incident.id))
                .onFailure(ProblemException.class).recoverWithUni(e -> startRefused(teamId, name, e.getMessage(),
                        RestResponse.Status.fromStatusCode(((ProblemException) e).status())));
    }

    /** The list page again with the start dialog's input and why the incident was not started. */
    private Uni<RestResponse<String>> startRefused(String teamId, String name, String reason,
            RestResponse.Status status) {
        return listPage(teamId, null, null, null, null, null, null, name, reason, status);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Page: one incident")
    public Uni<RestResponse<String>> incident(@RestPath UUID id) {
        return page(id, null, RestResponse.Status.OK);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: post to the channel")
    public Uni<RestResponse<String>> post(@RestPath UUID id, @RestForm String text) {
        String invalid = invalid(new ChangeRequests.PostMessage(text));
        if (invalid != null) {
            return page(id, "Not posted: the message " + invalid + " (up to 16,384 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> channel.post(id, text, user).replaceWithVoid(), "#composer");
    }

    @POST
    @Path("/{id}/status-updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: post a status update")
    public Uni<RestResponse<String>> postStatusUpdate(@RestPath UUID id, @RestForm String phase,
            @RestForm String text) {
        PlaybookContent.StatusPhase parsed = phase(phase);
        String invalid = invalid(new ChangeRequests.StatusUpdate(parsed, text));
        if (invalid != null) {
            String what = parsed == null ? "choose a phase" : "the status update " + invalid + " (up to 4,000 characters)";
            return page(id, "Not posted: " + what + ".", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> statusUpdates.post(id, parsed, text, user).replaceWithVoid(), "#status-updates");
    }

    @POST
    @Path("/{id}/reminder")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: set the minutes between status-update reminders (empty: off)")
    public Uni<RestResponse<String>> reminderInterval(@RestPath UUID id, @RestForm String intervalMinutes) {
        Integer minutes = minutes(intervalMinutes);
        boolean off = intervalMinutes == null || intervalMinutes.isBlank();
        if ((minutes == null && !off) || invalid(new ChangeRequests.ReminderInterval(minutes)) != null) {
            return page(id, "Reminder not changed: the interval must be 1 to 1,440 minutes, or empty for no "
                    + "reminders.", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> reminders.setInterval(id, minutes, user).replaceWithVoid(), "#status-updates");
    }

    @POST
    @Path("/{id}/reminder/snooze")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: snooze the status-update reminder")
    public Uni<RestResponse<String>> snoozeReminder(@RestPath UUID id, @RestForm String minutes) {
        Integer parsed = minutes(minutes);
        if (invalid(new ChangeRequests.Snooze(parsed)) != null) {
            return page(id, "Reminder not snoozed: snooze it for 1 to 1,440 minutes.", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> reminders.snooze(id, parsed, user).replaceWithVoid(), "#status-updates");
    }

    @POST
    @Path("/{id}/commander")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: change the commander")
    public Uni<RestResponse<String>> commander(@RestPath UUID id, @RestForm String userId) {
        return act(id, () -> responders.changeCommander(id, orEmpty(userId), user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: add a member of the team")
    public Uni<RestResponse<String>> addMember(@RestPath UUID id, @RestForm String userId) {
        String member = orEmpty(userId).strip();
        if (!member.matches("[A-Za-z0-9._@-]{1,100}")) {
            return page(id, "Enter the user name of a member of the team.", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> responders.addMember(id, member, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/severity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: set the severity")
    public Uni<RestResponse<String>> severity(@RestPath UUID id, @RestForm String severity, @RestForm String reason) {
        String level = severity == null || severity.isBlank() ? null : severity.strip();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        String invalid = invalid(new ChangeRequests.Severity(level, why));
        if (invalid != null) {
            return page(id, "Severity not changed: " + invalid + ".", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> lifecycle.changeSeverity(id, level, why, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/join")
    @Operation(summary = "Form: join the incident")
    public Uni<RestResponse<String>> join(@RestPath UUID id) {
        return act(id, () -> responders.join(id, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/leave")
    @Operation(summary = "Form: leave the incident")
    public Uni<RestResponse<String>> leave(@RestPath UUID id) {
        return act(id, () -> responders.leave(id, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/roles/{roleId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: give a role to a member, or free it (no one)")
    public Uni<RestResponse<String>> staffRole(@RestPath UUID id, @RestPath String roleId, @RestForm String userId) {
        String holder = orEmpty(userId).strip();
        if (holder.isEmpty()) {
            return act(id, () -> roles.unassign(id, roleId, user).replaceWithVoid(), "#roles");
        }
        if (invalid(new ChangeRequests.UserRef(holder)) != null) {
            return page(id, "Choose a member of the incident for the role.", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> roles.assign(id, roleId, holder, user).replaceWithVoid(), "#roles");
    }

    @POST
    @Path("/{id}/active-stage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: make a stage active")
    public Uni<RestResponse<String>> activeStage(@RestPath UUID id, @RestForm String stageId) {
        return act(id, () -> lifecycle.setActiveStage(id, orEmpty(stageId), user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/stages/{stageId}/items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: add a checklist item")
    public Uni<RestResponse<String>> addItem(@RestPath UUID id, @RestPath String stageId, @RestForm String title) {
        String invalid = invalid(new ChangeRequests.Item(title, null, null));
        if (invalid != null) {
            return page(id, "Not added: the item's name " + invalid + " (up to 200 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> checklists.addItem(id, stageId, title, null, null, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/stages/{stageId}/items/{itemId}/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: check, uncheck or skip an item")
    public Uni<RestResponse<String>> itemState(@RestPath UUID id, @RestPath String stageId, @RestPath String itemId,
            @RestForm String state) {
        Checklist.State parsed;
        try {
            parsed = Checklist.State.valueOf(orEmpty(state).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return page(id, "Unknown item state.", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> checklists.setItemState(id, stageId, itemId, parsed, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/stages/{stageId}/items/{itemId}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: assign an item")
    public Uni<RestResponse<String>> assign(@RestPath UUID id, @RestPath String stageId, @RestPath String itemId,
            @RestForm String userId) {
        String assignee = userId == null || userId.isBlank() ? null : userId.strip();
        return act(id, () -> checklists.assignItem(id, stageId, itemId, assignee, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/stages/{stageId}/items/{itemId}/run")
    @Operation(summary = "Form: run an item's slash command")
    public Uni<RestResponse<String>> run(@RestPath UUID id, @RestPath String stageId, @RestPath String itemId) {
        return act(id, () -> checklists.runItemCommand(id, stageId, itemId, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/end")
    @Operation(summary = "Form: end the incident")
    public Uni<RestResponse<String>> end(@RestPath UUID id) {
        return act(id, () -> lifecycle.end(id, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/learning/enter")
    @Operation(summary = "Form: enter the learning flow")
    public Uni<RestResponse<String>> enterLearning(@RestPath UUID id) {
        return act(id, () -> learning.enter(id, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/{id}/learning/opt-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: opt out of the learning flow with a reason")
    public Uni<RestResponse<String>> optOutOfLearning(@RestPath UUID id, @RestForm String reason) {
        String why = orEmpty(reason).strip();
        String invalid = invalid(new LearningRequests.OptOut(why));
        if (invalid != null) {
            return page(id, "Not opted out: the reason " + invalid + " (up to 1,000 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> learning.optOut(id, why, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/{id}/learning/tasks/{taskId}/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: check, skip or reopen a learning task")
    public Uni<RestResponse<String>> learningTaskState(@RestPath UUID id, @RestPath String taskId,
            @RestForm String state) {
        Checklist.State parsed;
        try {
            parsed = Checklist.State.valueOf(orEmpty(state).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return page(id, "Unknown task state.", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> learning.setTaskState(id, taskId, parsed, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/{id}/learning/tasks/{taskId}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: assign a learning task")
    public Uni<RestResponse<String>> assignLearningTask(@RestPath UUID id, @RestPath String taskId,
            @RestForm String userId) {
        String assignee = userId == null || userId.isBlank() ? null : userId.strip();
        if (invalid(new ChangeRequests.Assignee(assignee)) != null) {
            return page(id, "Choose a member of the incident for the task.", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> learning.assignTask(id, taskId, assignee, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/{id}/learning/statuses/{statusIndex}/tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: add a learning task of your own")
    public Uni<RestResponse<String>> addLearningTask(@RestPath UUID id, @RestPath int statusIndex,
            @RestForm String title) {
        String invalid = invalid(new LearningRequests.NewTask(title, null));
        if (invalid != null) {
            return page(id, "Not added: the task's name " + invalid + " (up to 200 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> learning.addTask(id, statusIndex, title, null, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/{id}/learning/timestamps")
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
            return page(id, "Not saved: enter the times as date and time (UTC).", RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> learning.setTimestamps(id, identified, resolved, user).replaceWithVoid(), "#learning");
    }

    @POST
    @Path("/{id}/follow-ups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: add a follow-up action")
    public Uni<RestResponse<String>> addFollowUp(@RestPath UUID id, @RestForm String title,
            @RestForm String assigneeId) {
        String assignee = assigneeId == null || assigneeId.isBlank() ? null : assigneeId.strip();
        String invalid = invalid(new LearningRequests.NewFollowUp(title, assignee));
        if (invalid != null) {
            return page(id, "Not added: the follow-up " + invalid + " (a title of up to 200 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return act(id, () -> followUps.create(id, title, assignee, user).replaceWithVoid(), "#follow-ups");
    }

    @POST
    @Path("/{id}/follow-ups/{followUpId}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: mark a follow-up action done, or reopen it")
    public Uni<RestResponse<String>> followUpDone(@RestPath UUID id, @RestPath UUID followUpId,
            @RestForm String done) {
        boolean isDone = "true".equals(done);
        return act(id, () -> followUps.update(id, followUpId, new FollowUpService.Patch(null, null, isDone), user)
                .replaceWithVoid(), "#follow-ups");
    }

    /** A time as a datetime-local field shows it (UTC, to the minute); empty when null. */
    private static String local(Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** A time entered in a datetime-local field, read as UTC; null when empty. */
    private static Instant utc(String local) {
        return local == null || local.isBlank() ? null : LocalDateTime.parse(local.strip()).toInstant(ZoneOffset.UTC);
    }

    /** Why a form's input is refused by the API's own constraints (the first of them), or null. */
    private String invalid(Object request) {
        return validator.validate(request).stream().map(ConstraintViolation::getMessage).sorted().findFirst()
                .orElse(null);
    }

    /** Runs a change; on success back to the page (303), on a refusal the page with the reason. */
    private Uni<RestResponse<String>> act(UUID id, Supplier<Uni<Void>> change, String anchor) {
        return change.get().map(done -> Redirects.seeOther("/backstage/incidents/" + id + anchor))
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    ProblemException problem = (ProblemException) e;
                    if (IncidentAccess.INCIDENT_NOT_FOUND.equals(problem.type())) {
                        return Uni.createFrom().failure(problem);
                    }
                    String reason = problem.errors().isEmpty() ? problem.getMessage()
                            : problem.errors().get(0).message();
                    return page(id, reason, RestResponse.Status.fromStatusCode(problem.status()));
                });
    }

    private Uni<RestResponse<String>> page(UUID id, String error, RestResponse.Status status) {
        return service.get(id, user).chain(entity -> service.details(entity).chain(details -> service
                .playbookOf(entity).chain(playbook -> channel.recentMessages(id, SHOWN_MESSAGES, user)
                        .chain(messages -> statusUpdates.list(id, null, SHOWN_STATUS_UPDATES, user)
                        .chain(updates -> followUps.list(id, user).chain(actions -> {
                            IncidentResponse incident = IncidentResponses.response(details, Instant.now());
                            Checklist active = incident.checklists().stream()
                                    .filter(s -> s.id().equals(incident.activeStageId())).findFirst().orElse(null);
                            List<Checklist> others = incident.checklists().stream().filter(s -> s != active).toList();
                            boolean member = IncidentAccess.allows(IncidentAccess.Action.POST_MESSAGE, entity, user);
                            boolean command = IncidentAccess.allows(IncidentAccess.Action.END, entity, user);
                            List<PlaybookContent.Severity> levels = playbook == null ? List.of()
                                    : playbook.settings.severities();
                            PlaybookContent.LearningFlow flow = playbook == null ? null
                                    : playbook.settings.learningFlow();
                            LearningPanel panel = new LearningPanel(flow != null && flow.statuses() != null
                                    && !flow.statuses().isEmpty(), flow == null || flow.optOutAllowed(),
                                    actions.stream().map(FollowUpResponse::of).toList(),
                                    IncidentAccess.allows(IncidentAccess.Action.WORK_LEARNING, entity, user),
                                    IncidentAccess.allows(IncidentAccess.Action.MANAGE_LEARNING, entity, user),
                                    local(entity.identifiedAt), local(entity.resolvedAt));
                            return Templates.incident(new IncidentView(Viewer.of(user), incident, active, others,
                                    messages.stream().map(IncidentResponses::response).toList(),
                                    statusUpdatesView(updates, playbook), levels, member, command, error, panel))
                                    .createUni();
                        }))))))
                .map(html -> RestResponse.status(status, html));
    }

    private Uni<RestResponse<String>> listPage(String team, String status, String commander, String severity, String q,
            String learningFilter, String after, String name, String error, RestResponse.Status httpStatus) {
        List<String> teams = List.copyOf(user.teams());
        String chosen = team != null && !team.isBlank() ? team : teams.isEmpty() ? "" : teams.get(0);
        String shownStatus = status == null || status.isBlank() ? "all" : status;
        Boolean active = switch (shownStatus) {
            case "ongoing" -> Boolean.TRUE;
            case "ended" -> Boolean.FALSE;
            default -> null;
        };
        if (chosen.isEmpty()) {
            return Templates.list(new ListView(Viewer.of(user), chosen, shownStatus, commander, severity, q,
                            new IncidentPage(List.of(), null), List.of(), List.of(), name, error, learningFilter,
                            List.of())).createUni()
                    .map(html -> RestResponse.status(httpStatus, html));
        }
        return service.list(chosen, active, commander, severity, q, learningFilter, after, PAGE_SIZE, user)
                .map(slice -> IncidentPage.of(slice, Instant.now()))
                .chain(page -> service.startablePlaybooks(chosen, user).chain(playbooks -> Templates.list(
                        new ListView(Viewer.of(user), chosen, shownStatus, commander, severity, q, page, playbooks,
                                playbooks.stream().flatMap(p -> p.severities.stream()).distinct().sorted().toList(),
                                name, error, learningFilter, playbooks.stream()
                                        .flatMap(p -> p.settings.learningFlow().statuses() == null ? Stream.empty()
                                                : p.settings.learningFlow().statuses().stream())
                                        .map(PlaybookContent.LearningStatus::name).distinct().sorted().toList()))
                        .createUni()))
                .map(html -> RestResponse.status(httpStatus, html));
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

    private static StatusUpdatesView statusUpdatesView(StatusUpdateService.Slice slice, PlaybookView playbook) {
        List<StatusUpdateRow> rows = slice.updates().stream().map(u -> new StatusUpdateRow(u.phase.name(),
                StatusUpdateService.phaseName(u.phase), u.authorId, u.createdAt, u.text)).toList();
        PlaybookSettings settings = playbook == null ? PlaybookSettings.NONE : playbook.settings;
        List<PhaseTemplate> templates = Arrays.stream(PlaybookContent.StatusPhase.values())
                .map(p -> new PhaseTemplate(p.name(), StatusUpdateService.phaseName(p), settings.templateFor(p)))
                .toList();
        return new StatusUpdatesView(rows, slice.next() != null, templates);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
