package dev.commandcenter.playbook.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.kit.problem.Problem;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.kit.security.Viewer;
import dev.commandcenter.kit.web.Redirects;
import dev.commandcenter.playbook.mapping.PlaybookMapper;
import dev.commandcenter.playbook.model.Playbook;
import dev.commandcenter.playbook.repository.PlaybookSort;
import dev.commandcenter.playbook.rest.CreatePlaybookRequest;
import dev.commandcenter.playbook.rest.PlaybookPage;
import dev.commandcenter.playbook.rest.PlaybookResponse;
import dev.commandcenter.playbook.service.PlaybookService;
import dev.commandcenter.playbook.template.PlaybookTemplate;
import dev.commandcenter.playbook.template.PlaybookTemplates;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The playbook backstage: the team's playbooks, creating one from a template, and the editor.
 * Forms post to the same use cases as the API; a rejected form comes back with the user's input
 * and the errors next to the fields (status 400), a stale one with a notice (412).
 */
@Path("/backstage/playbooks")
@Tag(name = "Backstage pages")
@Authenticated
@Produces(MediaType.TEXT_HTML)
// A change the caller stops waiting for still completes (or rolls back) whole; cancelling it mid-transaction
// only left the outcome unknown and the session closed under the work.
@Cancellable(false)
public class PlaybookPages {
    private static final int PAGE_SIZE = 25;

    private final PlaybookService service;
    private final CurrentUser user;
    private final ObjectMapper json;

    public PlaybookPages(PlaybookService service, CurrentUser user, ObjectMapper json) {
        this.service = service;
        this.user = user;
        this.json = json;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListView view);

        static native TemplateInstance editor(EditorView view);
    }

    public record ListView(Viewer viewer, String team, String q, PlaybookPage page, List<PlaybookTemplate> templates,
            String title, String templateId, Map<String, String> errors, String notice) {
    }

    public record EditorView(Viewer viewer, PlaybookResponse playbook, PlaybookContent content, long version,
            Map<String, String> errors, String notice, String problem, List<String> phases, List<String> taskKinds) {
    }

    @GET
    @Operation(summary = "Page: the playbooks of one of your teams")
    public Uni<RestResponse<String>> list(@QueryParam("team") String team, @QueryParam("q") String q,
            @QueryParam("after") String after, @QueryParam("notice") String notice) {
        return listPage(team, q, after, null, null, Map.of(), notice, RestResponse.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: create a playbook from a template, then open it in the editor")
    public Uni<RestResponse<String>> create(@RestForm String teamId, @RestForm String templateId,
            @RestForm String title) {
        String chosenTitle = title == null || title.isBlank() ? null : title;
        return service.create(new CreatePlaybookRequest(teamId, templateId, chosenTitle, null, null, null), user)
                .map(playbook -> Redirects.seeOther("/backstage/playbooks/" + playbook.id))
                .onFailure(ProblemException.class).recoverWithUni(e -> listPage(teamId, null, null, title, templateId,
                        errors((ProblemException) e), null, RestResponse.Status.BAD_REQUEST));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Page: the playbook editor")
    public Uni<RestResponse<String>> editor(@RestPath UUID id, @QueryParam("notice") String notice) {
        return service.get(id, user).flatMap(playbook -> render(playbook, playbook.content(), playbook.version,
                Map.of(), notice, null, RestResponse.Status.OK));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: save the editor (the version it was loaded at must still be current)")
    public Uni<RestResponse<String>> save(@RestPath UUID id, MultivaluedMap<String, String> form) {
        long version = parseVersion(form.getFirst("version"));
        ObjectNode tree = FormTree.of(form);
        tree.remove("version");
        if (tree.path("statusUpdateReminderMinutes").asText().isBlank()) {
            tree.remove("statusUpdateReminderMinutes");
        }
        PlaybookContent submitted;
        try {
            submitted = json.treeToValue(tree, PlaybookContent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") : "form";
            return service.get(id, user).flatMap(playbook -> render(playbook, playbook.content(), version,
                    Map.of(field, "has the wrong format", "form", "Not saved: some fields have the wrong format."),
                    null, null, RestResponse.Status.BAD_REQUEST));
        }
        return service.update(id, submitted, version, user)
                .map(saved -> Redirects.seeOther("/backstage/playbooks/" + id + "?notice=saved"))
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    ProblemException problem = (ProblemException) e;
                    if (problem.status() == 404) {
                        return Uni.createFrom().failure(problem);
                    }
                    String message = problem.status() == 412
                            ? "Not saved: someone changed this playbook since you opened it. Open the current version "
                                    + "and apply your changes again." : null;
                    return service.get(id, user).flatMap(current -> render(current, submitted, version,
                            errors(problem), null, message, RestResponse.Status.fromStatusCode(problem.status())));
                });
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: add a member of the team")
    public Uni<RestResponse<String>> addMember(@RestPath UUID id, @RestForm String userId) {
        String member = userId == null ? "" : userId.strip();
        if (!member.matches("[A-Za-z0-9._@-]{1,100}")) {
            return service.get(id, user).flatMap(playbook -> render(playbook, playbook.content(), playbook.version,
                    Map.of("userId", "Enter the user name of a member of team " + playbook.teamId), null, null,
                    RestResponse.Status.BAD_REQUEST));
        }
        return service.addMember(id, member, null, user)
                .map(saved -> Redirects.seeOther("/backstage/playbooks/" + id + "?notice=member-added"))
                .onFailure(ProblemException.class).recoverWithUni(e -> memberProblem(id, (ProblemException) e));
    }

    @POST
    @Path("/{id}/members/{userId}/remove")
    @Operation(summary = "Form: remove a member")
    public Uni<RestResponse<String>> removeMember(@RestPath UUID id, @RestPath String userId) {
        return service.removeMember(id, userId, null, user)
                .map(saved -> Redirects.seeOther(saved.memberIds.contains(user.id()) || user.isSystemAdmin()
                        ? "/backstage/playbooks/" + id + "?notice=member-removed"
                        : "/backstage/playbooks?team=" + encode(saved.teamId) + "&notice=left"))
                .onFailure(ProblemException.class).recoverWithUni(e -> memberProblem(id, (ProblemException) e));
    }

    @POST
    @Path("/{id}/duplicate")
    @Operation(summary = "Form: duplicate the playbook and open the copy")
    public Uni<RestResponse<String>> duplicate(@RestPath UUID id) {
        return service.duplicate(id, user)
                .map(copy -> Redirects.seeOther("/backstage/playbooks/" + copy.id + "?notice=copied"));
    }

    @POST
    @Path("/{id}/delete")
    @Operation(summary = "Form: delete the playbook")
    public Uni<RestResponse<String>> delete(@RestPath UUID id) {
        return service.get(id, user).flatMap(playbook -> service.delete(id, null, user)
                .map(nothing -> Redirects.seeOther("/backstage/playbooks?team=" + encode(playbook.teamId)
                        + "&notice=deleted")));
    }

    private Uni<RestResponse<String>> memberProblem(UUID id, ProblemException problem) {
        if (problem.status() == 404 && problem.errors().isEmpty() && !problem.getMessage().startsWith("Member")) {
            return Uni.createFrom().failure(problem);
        }
        Map<String, String> errors = problem.errors().isEmpty() ? Map.of("userId", problem.getMessage())
                : Map.of("userId", problem.errors().get(0).message());
        return service.get(id, user).flatMap(playbook -> render(playbook, playbook.content(), playbook.version,
                errors, null, null, RestResponse.Status.fromStatusCode(problem.status())));
    }

    private Uni<RestResponse<String>> listPage(String team, String q, String after, String title, String templateId,
            Map<String, String> errors, String notice, RestResponse.Status status) {
        List<String> teams = List.copyOf(user.teams());
        String chosen = team != null && !team.isBlank() ? team : teams.isEmpty() ? "" : teams.get(0);
        Uni<PlaybookPage> page = chosen.isEmpty() ? Uni.createFrom().item(new PlaybookPage(List.of(), null))
                : service.list(chosen, q, PlaybookSort.TITLE, after, PAGE_SIZE, user);
        return page.flatMap(p -> Templates.list(new ListView(Viewer.of(user), chosen, q, p, PlaybookTemplates.all(),
                title, templateId, errors, notice)).createUni()).map(html -> RestResponse.status(status, html));
    }

    private Uni<RestResponse<String>> render(Playbook playbook, PlaybookContent content, long version,
            Map<String, String> errors, String notice, String problem, RestResponse.Status status) {
        List<String> phases = Arrays.stream(PlaybookContent.StatusPhase.values()).map(Enum::name).toList();
        List<String> kinds = Arrays.stream(PlaybookContent.LearningTaskKind.values()).map(Enum::name).toList();
        return Templates.editor(new EditorView(Viewer.of(user), PlaybookMapper.response(playbook),
                        withAllPhases(PlaybookMapper.normalize(content)), version, errors, notice, problem, phases,
                        kinds))
                .createUni().map(html -> RestResponse.status(status, html));
    }

    /** The editor always shows one template per phase, in phase order, empty where the playbook has none. */
    private static PlaybookContent withAllPhases(PlaybookContent c) {
        List<PlaybookContent.StatusTemplate> templates = Arrays.stream(PlaybookContent.StatusPhase.values())
                .map(phase -> c.statusTemplates().stream().filter(t -> t.phase() == phase).findFirst()
                        .orElse(new PlaybookContent.StatusTemplate(phase, "")))
                .toList();
        return new PlaybookContent(c.title(), c.description(), c.publicChannel(), c.stages(), c.roles(), templates,
                c.statusUpdateReminderMinutes(), c.communicationPlan(), c.incidentCriteria(), c.severities(),
                c.learningFlow(), c.alertHandling());
    }

    private static Map<String, String> errors(ProblemException problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        if (errors.isEmpty()) {
            errors.put("form", problem.getMessage());
        }
        return errors;
    }

    private static long parseVersion(String version) {
        try {
            return Long.parseLong(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "validation", "Invalid request", "The form lacks the playbook version",
                    List.of(new Problem.FieldError("version", "is required")));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
