package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.Retrospective;
import dev.commandcenter.incident.repository.FollowUpRepository;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import dev.commandcenter.incident.repository.RetrospectiveRepository;
import dev.commandcenter.incident.repository.StatusUpdateRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The incident's retrospective: the one the team saved, or a draft generated from the record
 * ({@link RetrospectiveDraft}). Members save it with optimistic concurrency (the version they
 * edited must still be the current one); saving content of their own checks off the learning
 * flow's "write the postmortem" tasks, and a review date its "schedule the review" tasks.
 */
@ApplicationScoped
public class RetrospectiveService {
    /** The largest retrospective, in bytes of UTF-8 (200 KiB). */
    public static final int MAX_BYTES = 200 * 1024;
    public static final String TOO_LARGE = "retrospective-too-large";

    private final IncidentRepository incidents;
    private final IncidentChanges changes;
    private final RetrospectiveRepository retrospectives;
    private final FollowUpRepository followUps;
    private final PlaybookViewRepository playbooks;
    private final LearningService learning;
    private final StatusUpdateRepository statusUpdates;

    public RetrospectiveService(IncidentRepository incidents, IncidentChanges changes,
            RetrospectiveRepository retrospectives, FollowUpRepository followUps, PlaybookViewRepository playbooks,
            LearningService learning, StatusUpdateRepository statusUpdates) {
        this.incidents = incidents;
        this.changes = changes;
        this.retrospectives = retrospectives;
        this.followUps = followUps;
        this.playbooks = playbooks;
        this.learning = learning;
        this.statusUpdates = statusUpdates;
    }

    /**
     * The retrospective as it stands; {@code version} 0 and {@code generated} for a draft nobody
     * saved yet. {@code incidentName} names the download.
     */
    public record View(String incidentName, String markdown, long version, boolean generated, Instant reviewAt,
            String updatedBy, Instant updatedAt) {
    }

    public Uni<View> get(UUID id, CurrentUser user) {
        return Panache.withSession(() -> incidents.findById(id)
                .map(incident -> IncidentAccess.require(Action.VIEW, incident, id, user))
                .chain(incident -> retrospectives.findById(id).chain(saved -> saved != null
                        ? Uni.createFrom().item(view(incident, saved))
                        : draft(incident).map(markdown -> new View(incident.name, markdown, 0, true, null, null,
                                null)))));
    }

    /**
     * Saves the retrospective if {@code expectedVersion} is the current one (0: the draft), else
     * 412 and nothing changes.
     */
    public Uni<View> save(UUID id, long expectedVersion, String markdown, Instant reviewAt, CurrentUser user) {
        if (markdown.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Uni.createFrom().failure(new ProblemException(413, TOO_LARGE, "Retrospective too large", "A retrospective is at most "
                    + MAX_BYTES + " bytes of UTF-8; nothing was saved.", List.of()));
        }
        return Panache.withTransaction(() -> changes.lock(id, user, Action.WORK_LEARNING, true)
                .chain(incident -> retrospectives.findById(id).chain(saved -> {
                    long current = saved == null ? 0 : saved.version;
                    if (current != expectedVersion) {
                        throw ProblemException.preconditionFailed("The retrospective is at version " + current
                                + (saved == null ? "" : ", saved by @" + saved.updatedBy) + "; you edited version "
                                + expectedVersion + ". Reload it, then apply your changes again.");
                    }
                    return draft(incident).chain(draft -> {
                        Retrospective retrospective = saved != null ? saved : new Retrospective();
                        boolean reviewChanged = !Objects.equals(saved == null ? null : saved.reviewAt, reviewAt);
                        retrospective.incidentId = id;
                        retrospective.markdown = markdown;
                        retrospective.reviewAt = reviewAt;
                        retrospective.version = current + 1;
                        retrospective.updatedBy = user.id();
                        retrospective.updatedAt = IncidentChanges.now();
                        String text = "@" + user.id() + " saved the retrospective (version " + retrospective.version
                                + ")" + (reviewChanged ? reviewAt == null ? "; the review is no longer scheduled"
                                        : "; the review is scheduled for " + RetrospectiveDraft.time(reviewAt) : "");
                        Uni<Retrospective> stored = saved != null ? Uni.createFrom().item(retrospective)
                                : retrospectives.persist(retrospective);
                        return stored.chain(() -> changes.record(incident, user.id(), Change.of(
                                        EventType.INCIDENT_RETROSPECTIVE_SAVED, text)
                                        .state(Long.toString(retrospective.version))))
                                .chain(recorded -> written(markdown, draft)
                                        ? learning.completed(recorded, PlaybookContent.LearningTaskKind.WRITE_POSTMORTEM,
                                                user.id(), "the retrospective was written")
                                        : Uni.createFrom().item(recorded))
                                .chain(recorded -> reviewAt != null
                                        ? learning.completed(recorded, PlaybookContent.LearningTaskKind.SCHEDULE_REVIEW,
                                                user.id(), "the review was scheduled")
                                        : Uni.createFrom().item(recorded))
                                .map(recorded -> view(recorded, retrospective));
                    });
                })));
    }

    /** Whether the team wrote something of their own rather than saving the generated draft as it is. */
    static boolean written(String markdown, String draft) {
        return !markdown.isBlank() && !normalized(markdown).equals(normalized(draft));
    }

    private static String normalized(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    private static View view(Incident incident, Retrospective saved) {
        return new View(incident.name, saved.markdown, saved.version, false, saved.reviewAt, saved.updatedBy,
                saved.updatedAt);
    }

    /** The draft generated from the record as it is now. */
    private Uni<String> draft(Incident incident) {
        return playbooks.findReadOnly(incident.playbookId).chain(playbook -> followUps.ofIncident(incident.id)
                .chain(actions -> statusUpdates.ofIncident(incident.id).map(updates -> RetrospectiveDraft.markdown(
                        new RetrospectiveDraft.Input(incident.name,
                        playbook == null ? null : playbook.title, incident.commanderId, incident.severity,
                        incident.roles, incident.createdAt, incident.identifiedAt, incident.resolvedAt,
                        incident.endedAt,
                        updates.stream().map(u -> new RetrospectiveDraft.StatusLine(StatusUpdateService.phaseName(u.phase), u.text, u.authorId,
                                u.createdAt)).toList(),
                        incident.checklists, actions.stream().map(f -> new RetrospectiveDraft.FollowUpLine(f.title,
                                f.assigneeId, f.done)).toList())))));
    }
}
