package dev.commandcenter.incident.ui;

import static dev.commandcenter.incident.ui.IncidentPageRenderer.orEmpty;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.rest.ChangeRequests;
import dev.commandcenter.incident.rest.IncidentPage;
import dev.commandcenter.incident.service.ChannelService;
import dev.commandcenter.incident.service.ChecklistService;
import dev.commandcenter.incident.service.IncidentLifecycle;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.incident.service.NewIncident;
import dev.commandcenter.incident.service.ResponderService;
import dev.commandcenter.incident.service.RoleService;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.kit.security.Viewer;
import dev.commandcenter.kit.web.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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

    private final IncidentService service;
    private final ChannelService channel;
    private final ResponderService responders;
    private final IncidentLifecycle lifecycle;
    private final ChecklistService checklists;
    private final RoleService roles;
    private final IncidentPageRenderer pages;
    private final CurrentUser user;

    public IncidentPages(IncidentService service, ChannelService channel, ResponderService responders,
            IncidentLifecycle lifecycle, ChecklistService checklists, RoleService roles,
            IncidentPageRenderer pages, CurrentUser user) {
        this.service = service;
        this.channel = channel;
        this.responders = responders;
        this.lifecycle = lifecycle;
        this.checklists = checklists;
        this.roles = roles;
        this.pages = pages;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListView view);

    }

    public record ListView(Viewer viewer, String team, String status, String commander, String severity, String q,
            IncidentPage page, List<PlaybookView> playbooks, List<String> severities, String name, String error,
            String learning, List<String> learningStatuses) {
    }

    @GET
    @Operation(summary = "Page: the team's incidents, filters and the start dialog")
    public Uni<RestResponse<String>> list(@QueryParam("team") String team, @QueryParam("status") String status,
            @QueryParam("commander") String commander, @QueryParam("severity") String severity,
            @QueryParam("q") String q, @QueryParam("learning") String learning, @QueryParam("after") String after) {
        if (learning != null && (learning.length() > 100 || pages.invalid(new LearningFilter(learning)) != null)) {
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
        return pages.page(id, null, RestResponse.Status.OK);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: post to the channel")
    public Uni<RestResponse<String>> post(@RestPath UUID id, @RestForm String text) {
        String invalid = pages.invalid(new ChangeRequests.PostMessage(text));
        if (invalid != null) {
            return pages.page(id, "Not posted: the message " + invalid + " (up to 16,384 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> channel.post(id, text, user).replaceWithVoid(), "#composer");
    }

    @POST
    @Path("/{id}/commander")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: change the commander")
    public Uni<RestResponse<String>> commander(@RestPath UUID id, @RestForm String userId) {
        return pages.act(id, () -> responders.changeCommander(id, orEmpty(userId), user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: add a member of the team")
    public Uni<RestResponse<String>> addMember(@RestPath UUID id, @RestForm String userId) {
        String member = orEmpty(userId).strip();
        if (!member.matches("[A-Za-z0-9._@-]{1,100}")) {
            return pages.page(id, "Enter the user name of a member of the team.", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> responders.addMember(id, member, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/severity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: set the severity")
    public Uni<RestResponse<String>> severity(@RestPath UUID id, @RestForm String severity, @RestForm String reason) {
        String level = severity == null || severity.isBlank() ? null : severity.strip();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        String invalid = pages.invalid(new ChangeRequests.Severity(level, why));
        if (invalid != null) {
            return pages.page(id, "Severity not changed: " + invalid + ".", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> lifecycle.changeSeverity(id, level, why, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/join")
    @Operation(summary = "Form: join the incident")
    public Uni<RestResponse<String>> join(@RestPath UUID id) {
        return pages.act(id, () -> responders.join(id, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/leave")
    @Operation(summary = "Form: leave the incident")
    public Uni<RestResponse<String>> leave(@RestPath UUID id) {
        return pages.act(id, () -> responders.leave(id, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/roles/{roleId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: give a role to a member, or free it (no one)")
    public Uni<RestResponse<String>> staffRole(@RestPath UUID id, @RestPath String roleId, @RestForm String userId) {
        String holder = orEmpty(userId).strip();
        if (holder.isEmpty()) {
            return pages.act(id, () -> roles.unassign(id, roleId, user).replaceWithVoid(), "#roles");
        }
        if (pages.invalid(new ChangeRequests.UserRef(holder)) != null) {
            return pages.page(id, "Choose a member of the incident for the role.", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> roles.assign(id, roleId, holder, user).replaceWithVoid(), "#roles");
    }

    @POST
    @Path("/{id}/active-stage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: make a stage active")
    public Uni<RestResponse<String>> activeStage(@RestPath UUID id, @RestForm String stageId) {
        return pages.act(id, () -> lifecycle.setActiveStage(id, orEmpty(stageId), user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/stages/{stageId}/items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: add a checklist item")
    public Uni<RestResponse<String>> addItem(@RestPath UUID id, @RestPath String stageId, @RestForm String title) {
        String invalid = pages.invalid(new ChangeRequests.Item(title, null, null));
        if (invalid != null) {
            return pages.page(id, "Not added: the item's name " + invalid + " (up to 200 characters).",
                    RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> checklists.addItem(id, stageId, title, null, null, user).replaceWithVoid(), "");
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
            return pages.page(id, "Unknown item state.", RestResponse.Status.BAD_REQUEST);
        }
        return pages.act(id, () -> checklists.setItemState(id, stageId, itemId, parsed, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/stages/{stageId}/items/{itemId}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: assign an item")
    public Uni<RestResponse<String>> assign(@RestPath UUID id, @RestPath String stageId, @RestPath String itemId,
            @RestForm String userId) {
        String assignee = userId == null || userId.isBlank() ? null : userId.strip();
        return pages.act(id, () -> checklists.assignItem(id, stageId, itemId, assignee, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/stages/{stageId}/items/{itemId}/run")
    @Operation(summary = "Form: run an item's slash command")
    public Uni<RestResponse<String>> run(@RestPath UUID id, @RestPath String stageId, @RestPath String itemId) {
        return pages.act(id, () -> checklists.runItemCommand(id, stageId, itemId, user).replaceWithVoid(), "");
    }

    @POST
    @Path("/{id}/end")
    @Operation(summary = "Form: end the incident")
    public Uni<RestResponse<String>> end(@RestPath UUID id) {
        return pages.act(id, () -> lifecycle.end(id, user).replaceWithVoid(), "");
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

}
