package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.model.FollowUp;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.repository.FollowUpRepository;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Follow-up actions: tracked work after (or during) an incident, with an assignee and a done state.
 * Members create, change and delete them, also after the end; each change is a timeline message
 * and an event, made under the incident's row lock (which also keeps the count within its bound).
 * Creating one checks off the learning flow's "create follow-ups" tasks.
 */
@ApplicationScoped
public class FollowUpService {
    /** An incident holds at most this many follow-up actions. */
    public static final int MAX_PER_INCIDENT = 100;
    public static final String TOO_MANY = "too-many-follow-ups";

    private final IncidentRepository incidents;
    private final IncidentChanges changes;
    private final FollowUpRepository followUps;
    private final LearningService learning;

    public FollowUpService(IncidentRepository incidents, IncidentChanges changes, FollowUpRepository followUps,
            LearningService learning) {
        this.incidents = incidents;
        this.changes = changes;
        this.followUps = followUps;
        this.learning = learning;
    }

    /** What changes in a follow-up: null fields stay as they are; an empty assignee unassigns it. */
    public record Patch(String title, String assigneeId, Boolean done) {
    }

    public Uni<List<FollowUp>> list(UUID id, CurrentUser user) {
        return Panache.withSession(() -> incidents.findById(id)
                .map(incident -> IncidentAccess.require(Action.VIEW, incident, id, user))
                .chain(incident -> followUps.ofIncident(id)));
    }

    public Uni<FollowUp> create(UUID id, String title, String assigneeId, CurrentUser user) {
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.incidentId = id;
        followUp.title = title.strip();
        followUp.assigneeId = Texts.blankToNull(assigneeId);
        followUp.createdBy = user.id();
        return Panache.withTransaction(() -> lock(id, user).chain(incident -> {
            requireMember(incident, followUp.assigneeId);
            return followUps.countOf(id).chain(count -> {
                if (count >= MAX_PER_INCIDENT) {
                    throw new ProblemException(413, TOO_MANY, "Too many follow-ups", "An incident holds at most "
                            + MAX_PER_INCIDENT + " follow-up actions; nothing was added. Delete ones that are no longer "
                            + "needed, or track further work in your issue tracker.", List.of());
                }
                followUp.createdAt = IncidentChanges.now();
                return followUps.persist(followUp);
            }).chain(persisted -> changes.record(incident, user.id(), Change.of(EventType.INCIDENT_FOLLOW_UP_CHANGED,
                    "@" + user.id() + " added the follow-up \"" + followUp.title + "\""
                            + (followUp.assigneeId == null ? "" : " for @" + followUp.assigneeId))
                    .item(null, followUp.id.toString()).user(followUp.assigneeId).state("created")))
                    .chain(recorded -> learning.completed(recorded, PlaybookContent.LearningTaskKind.CREATE_FOLLOW_UPS,
                            user.id(), "a follow-up action was created"));
        })).replaceWith(followUp);
    }

    public Uni<FollowUp> update(UUID id, UUID followUpId, Patch patch, CurrentUser user) {
        return Panache.withTransaction(() -> lock(id, user).chain(incident -> find(id, followUpId).chain(followUp -> {
            List<String> what = new ArrayList<>();
            if (patch.title() != null && !patch.title().strip().equals(followUp.title)) {
                what.add("renamed \"" + followUp.title + "\" to \"" + patch.title().strip() + "\"");
                followUp.title = patch.title().strip();
            }
            if (patch.assigneeId() != null && !Objects.equals(Texts.blankToNull(patch.assigneeId()),
                    followUp.assigneeId)) {
                String assignee = Texts.blankToNull(patch.assigneeId());
                requireMember(incident, assignee);
                followUp.assigneeId = assignee;
                what.add(assignee == null ? "unassigned \"" + followUp.title + "\""
                        : "assigned \"" + followUp.title + "\" to @" + assignee);
            }
            if (patch.done() != null && patch.done() != followUp.done) {
                followUp.done = patch.done();
                what.add((followUp.done ? "marked \"" : "reopened \"") + followUp.title + (followUp.done ? "\" done"
                        : "\""));
            }
            if (what.isEmpty()) {
                return Uni.createFrom().item(followUp);
            }
            return changes.record(incident, user.id(), Change.of(EventType.INCIDENT_FOLLOW_UP_CHANGED, "@" + user.id()
                    + " " + String.join(", ", what) + " (follow-up)").item(null, followUp.id.toString())
                    .user(followUp.assigneeId).state(followUp.done ? "done" : "open")).replaceWith(followUp);
        })));
    }

    public Uni<Void> delete(UUID id, UUID followUpId, CurrentUser user) {
        return Panache.withTransaction(() -> lock(id, user).chain(incident -> find(id, followUpId)
                .chain(followUp -> followUps.delete(followUp).chain(() -> changes.record(incident, user.id(),
                        Change.of(EventType.INCIDENT_FOLLOW_UP_CHANGED, "@" + user.id() + " deleted the follow-up \""
                                + followUp.title + "\"").item(null, followUp.id.toString()).state("deleted"))))))
                .replaceWithVoid();
    }

    private Uni<Incident> lock(UUID id, CurrentUser user) {
        return changes.lock(id, user, Action.WORK_LEARNING, true);
    }

    private Uni<FollowUp> find(UUID incidentId, UUID followUpId) {
        return followUps.findById(followUpId).map(followUp -> {
            if (followUp == null || !followUp.incidentId.equals(incidentId)) {
                throw ProblemException.notFound("Follow-up " + followUpId);
            }
            return followUp;
        });
    }

    private static void requireMember(Incident incident, String assigneeId) {
        if (assigneeId != null && !incident.memberIds.contains(assigneeId)) {
            throw ProblemException.invalidField("assigneeId", assigneeId + " is not a member of this incident");
        }
    }
}
