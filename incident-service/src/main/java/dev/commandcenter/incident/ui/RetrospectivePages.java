package dev.commandcenter.incident.ui;

import dev.commandcenter.incident.rest.LearningRequests;
import dev.commandcenter.incident.service.IncidentAccess;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.incident.service.RetrospectiveDraft;
import dev.commandcenter.incident.service.RetrospectiveService;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.kit.security.Viewer;
import dev.commandcenter.kit.text.Markdown;
import dev.commandcenter.kit.web.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The retrospective page: the Markdown in a text area (members save it; the hidden version makes
 * a save of a stale copy a clear message rather than an overwrite), a rendered preview and the
 * download. The save is the API's use case with the API's constraints.
 */
@Path("/backstage/incidents/{id}/retrospective")
@Tag(name = "Backstage pages")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Cancellable(false)
public class RetrospectivePages {
    private final RetrospectiveService retrospectives;
    private final IncidentService incidents;
    private final CurrentUser user;
    private final Validator validator;

    public RetrospectivePages(RetrospectiveService retrospectives, IncidentService incidents, CurrentUser user,
            Validator validator) {
        this.retrospectives = retrospectives;
        this.incidents = incidents;
        this.user = user;
        this.validator = validator;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance retrospective(RetrospectiveView view);
    }

    /**
     * {@code markdown} and {@code reviewAt} are what the text area and date field show (the viewer's
     * own text after a refused save); {@code preview} is the stored (or generated) retrospective.
     */
    public record RetrospectiveView(Viewer viewer, UUID incidentId, String incidentName, String markdown,
            long version, boolean generated, String reviewAt, String updatedBy, String updatedAt, RawString preview,
            boolean member, String error, String notice) {
    }

    @GET
    @Operation(summary = "Page: the incident's retrospective, to edit, preview and download")
    public Uni<RestResponse<String>> page(@RestPath UUID id, @QueryParam("saved") String saved) {
        String notice = saved != null && saved.matches("\\d{1,18}") ? "Saved (version " + saved + ")." : null;
        return render(id, null, null, null, notice, RestResponse.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: save the retrospective (the version edited comes with it)")
    public Uni<RestResponse<String>> save(@RestPath UUID id, @RestForm String markdown, @RestForm String version,
            @RestForm String reviewAt) {
        String text = markdown == null ? "" : markdown;
        long edited;
        Instant review;
        try {
            edited = Long.parseLong(version == null ? "" : version.strip());
            review = reviewAt == null || reviewAt.isBlank() ? null
                    : LocalDateTime.parse(reviewAt.strip()).toInstant(ZoneOffset.UTC);
        } catch (NumberFormatException | DateTimeParseException e) {
            return render(id, text, reviewAt, "Not saved: the form was incomplete; reload the page.", null,
                    RestResponse.Status.BAD_REQUEST);
        }
        String invalid = validator.validate(new LearningRequests.Retrospective(text, review)).stream()
                .map(ConstraintViolation::getMessage).sorted().findFirst().orElse(null);
        if (invalid != null) {
            return render(id, text, reviewAt, "Not saved: the retrospective " + invalid + ".", null,
                    RestResponse.Status.BAD_REQUEST);
        }
        return retrospectives.save(id, edited, text, review, user)
                .map(saved -> Redirects.seeOther("/backstage/incidents/" + id + "/retrospective?saved=" + saved.version()))
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    ProblemException problem = (ProblemException) e;
                    if (IncidentAccess.INCIDENT_NOT_FOUND.equals(problem.type())) {
                        return Uni.createFrom().failure(problem);
                    }
                    String reason = problem.status() == 412
                            ? "Not saved: someone saved the retrospective since you opened it. Your text is still "
                                    + "in the editor; the saved version is in the preview. Copy what you need, then "
                                    + "save again to replace it."
                            : "Not saved: " + (problem.errors().isEmpty() ? problem.getMessage()
                                    : problem.errors().get(0).message());
                    return render(id, text, reviewAt, reason, null, RestResponse.Status.fromStatusCode(
                            problem.status()));
                });
    }

    /** The page; {@code markdown} and {@code reviewAt} non-null keep the viewer's own input. */
    private Uni<RestResponse<String>> render(UUID id, String markdown, String reviewAt, String error, String notice,
            RestResponse.Status status) {
        return incidents.get(id, user).chain(incident -> retrospectives.get(id, user).chain(current -> {
            boolean member = IncidentAccess.allows(IncidentAccess.Action.WORK_LEARNING, incident, user);
            String shownReview = reviewAt != null ? reviewAt : current.reviewAt() == null ? ""
                    : LocalDateTime.ofInstant(current.reviewAt(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)
                            .toString();
            return Templates.retrospective(new RetrospectiveView(Viewer.of(user), id, incident.name,
                    markdown != null ? markdown : current.markdown(), current.version(), current.generated(),
                    shownReview, current.updatedBy(),
                    current.updatedAt() == null ? null : RetrospectiveDraft.time(current.updatedAt()),
                    new RawString(Markdown.documentToHtml(current.markdown())), member, error, notice)).createUni();
        })).map(html -> RestResponse.status(status, html));
    }
}
