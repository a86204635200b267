package dev.commandcenter.incident.ui;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.PlaybookSettings;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.rest.FollowUpResponse;
import dev.commandcenter.incident.rest.IncidentResponse;
import dev.commandcenter.incident.rest.IncidentResponses;
import dev.commandcenter.incident.rest.MessageResponse;
import dev.commandcenter.incident.service.ChannelService;
import dev.commandcenter.incident.service.FollowUpService;
import dev.commandcenter.incident.service.IncidentAccess;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.incident.service.StatusUpdateService;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.kit.security.Viewer;
import dev.commandcenter.kit.web.Redirects;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The incident page as every form handler shows it: rendered from the incident, its channel, status
 * updates, follow-ups and the playbook, with a refusal's reason on top; and how a form's change is
 * run (303 back to the page, or the page with the reason and the problem's status). Shared by
 * {@link IncidentPages}, {@link StatusUpdatePages} and {@link LearningPages}.
 */
@ApplicationScoped
public class IncidentPageRenderer {
    private static final int SHOWN_MESSAGES = 100;
    private static final int SHOWN_STATUS_UPDATES = 50;

    private final IncidentService service;
    private final ChannelService channel;
    private final StatusUpdateService statusUpdates;
    private final FollowUpService followUps;
    private final CurrentUser user;
    private final Validator validator;

    public IncidentPageRenderer(IncidentService service, ChannelService channel, StatusUpdateService statusUpdates,
            FollowUpService followUps, CurrentUser user, Validator validator) {
        this.service = service;
        this.channel = channel;
        this.statusUpdates = statusUpdates;
        this.followUps = followUps;
        this.user = user;
        this.validator = validator;
    }

    @CheckedTemplate(basePath = "IncidentPages")
    static class Templates {
        static native TemplateInstance incident(IncidentView view);
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

    /** A time as a datetime-local field shows it (UTC, to the minute); empty when null. */
    private static String local(Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** Why a form's input is refused by the API's own constraints (the first of them), or null. */
    String invalid(Object request) {
        return validator.validate(request).stream().map(ConstraintViolation::getMessage).sorted().findFirst()
                .orElse(null);
    }

    /** Runs a change; on success back to the page (303), on a refusal the page with the reason. */
    Uni<RestResponse<String>> act(UUID id, Supplier<Uni<Void>> change, String anchor) {
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

    /**
     * The page, read in one session: the services each check access by the incident, which the session
     * loads once and then serves from its persistence context.
     */
    Uni<RestResponse<String>> page(UUID id, String error, RestResponse.Status status) {
        return Panache.withSession(() -> page(id, error)).map(html -> RestResponse.status(status, html));
    }

    private Uni<String> page(UUID id, String error) {
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
                        }))))));
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

    /** A form field as text: empty when absent. */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
