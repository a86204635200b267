package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.LearningState;
import dev.commandcenter.incident.model.LearningStatus;
import dev.commandcenter.incident.model.PlaybookSettings;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The post-incident learning flow: after the end an incident enters its playbook's learning
 * statuses (automatically for the playbook's chosen severities, else by the commander), or opts
 * out with a reason. Members check, skip and assign tasks and add their own; pre-baked tasks are
 * checked when done in the platform. Resolving a status's last task advances the flow
 * ({@link LearningFlow}); after the last status the incident is closed. Each step is a timeline
 * message and an event, in the transaction of the change that caused it.
 */
@ApplicationScoped
public class LearningService {
    /** A learning status holds at most this many tasks (the playbook's 20 and some added during the flow). */
    public static final int MAX_TASKS_PER_STATUS = 30;
    public static final String TOO_MANY_TASKS = "too-many-learning-tasks";

    private final IncidentChanges changes;
    private final PlaybookViewRepository playbooks;

    public LearningService(IncidentChanges changes, PlaybookViewRepository playbooks) {
        this.changes = changes;
        this.playbooks = playbooks;
    }

    /** Enters the flow by hand (the commander or an administrator), once the incident has ended. */
    public Uni<Incident> enter(UUID id, CurrentUser user) {
        return Panache.withTransaction(() -> changes.lock(id, user, Action.MANAGE_LEARNING, true)
                .chain(incident -> playbooks.findReadOnly(incident.playbookId).chain(playbook -> {
                    if (incident.active) {
                        throw ProblemException.conflict("The incident is ongoing; it enters the learning flow "
                                + "after its end");
                    }
                    if (incident.learningState == LearningState.ACTIVE
                            || incident.learningState == LearningState.CLOSED) {
                        throw ProblemException.conflict("The incident is in the learning flow already ("
                                + incident.learningState.name().toLowerCase(Locale.ROOT) + ")");
                    }
                    PlaybookContent.LearningFlow flow = flowOf(playbook);
                    if (flow.statuses().isEmpty()) {
                        throw ProblemException.conflict("The incident's playbook has no learning statuses");
                    }
                    return enter(incident, flow, user.id(), "@" + user.id() + " entered the incident into "
                            + "the learning flow");
                })));
    }

    /**
     * In the caller's transaction, right after the end: enters the flow if the playbook chose the
     * incident's severity for it. Nothing otherwise.
     */
    public Uni<Incident> enterIfChosen(Incident incident, String actorId) {
        return playbooks.findReadOnly(incident.playbookId).chain(playbook -> {
            PlaybookContent.LearningFlow flow = flowOf(playbook);
            boolean chosen = incident.severity != null && flow.autoEnterSeverities().contains(incident.severity);
            if (!chosen || flow.statuses().isEmpty() || incident.learningState != LearningState.NONE) {
                return Uni.createFrom().item(incident);
            }
            return enter(incident, flow, actorId, "This " + incident.severity + " incident entered the learning "
                    + "flow, as its playbook asks for " + incident.severity + " incidents");
        });
    }

    private Uni<Incident> enter(Incident incident, PlaybookContent.LearningFlow flow, String actorId, String why) {
        incident.learning = LearningFlow.fromPlaybook(flow);
        incident.learningState = LearningState.ACTIVE;
        incident.learningOptOutReason = null;
        int first = LearningFlow.current(incident.learning);
        incident.learningStatus = first < 0 ? null : incident.learning.get(first).name();
        String text = first < 0 ? why + "." : why + ": " + describe(incident.learning.get(first));
        Change entered = Change.of(EventType.INCIDENT_LEARNING_ENTERED, text).byBot()
                .state(Integer.toString(Math.max(first, 0)));
        return changes.record(incident, actorId, entered)
                .chain(entering -> progress(entering, actorId, Math.max(first, 0)));
    }

    /** Opts out of the flow with a reason, posted to the channel; 409 if the playbook does not allow it. */
    public Uni<Incident> optOut(UUID id, String reason, CurrentUser user) {
        String why = reason.strip();
        return Panache.withTransaction(() -> changes.lock(id, user, Action.MANAGE_LEARNING, true)
                .chain(incident -> playbooks.findReadOnly(incident.playbookId).chain(playbook -> {
                    if (!flowOf(playbook).optOutAllowed()) {
                        throw ProblemException.conflict("The incident's playbook does not allow opting out of the "
                                + "learning flow");
                    }
                    if (incident.active) {
                        throw ProblemException.conflict("The incident is ongoing; opt out after its end");
                    }
                    if (incident.learningState == LearningState.CLOSED
                            || incident.learningState == LearningState.OPTED_OUT) {
                        throw ProblemException.conflict("The incident is " + (incident.learningState
                                == LearningState.CLOSED ? "closed" : "opted out") + " already");
                    }
                    incident.learningState = LearningState.OPTED_OUT;
                    incident.learningStatus = null;
                    incident.learningOptOutReason = why;
                    return changes.record(incident, user.id(), Change.of(EventType.INCIDENT_LEARNING_OPTED_OUT,
                            "@" + user.id() + " opted the incident out of the learning flow: " + why));
                })));
    }

    /** Checks, skips or reopens a task of the current or a later status. */
    public Uni<Incident> setTaskState(UUID id, String taskId, Checklist.State state, CurrentUser user) {
        return work(id, user, incident -> {
            int index = requireTask(incident, taskId);
            LearningStatus.Task task = task(incident, index, taskId);
            if (task.state() == state) {
                return null;
            }
            if (LearningFlow.passed(incident.learning, index)) {
                throw ProblemException.conflict("The learning status \"" + incident.learning.get(index).name()
                        + "\" is done; its tasks stay as they are");
            }
            incident.learning = LearningFlow.replace(incident.learning, taskId,
                    t -> t.withState(state, user.id(), IncidentChanges.now()));
            String verb = switch (state) {
                case DONE -> "checked";
                case OPEN -> "reopened";
                case SKIPPED -> "skipped";
            };
            return Change.of(EventType.INCIDENT_LEARNING_TASK_UPDATED, "@" + user.id() + " " + verb
                    + " the learning task \"" + task.title() + "\"").item(Integer.toString(index), taskId)
                    .state(state.name().toLowerCase(Locale.ROOT));
        });
    }

    /** Assigns a task to a member of the incident, or unassigns it ({@code assigneeId} null). */
    public Uni<Incident> assignTask(UUID id, String taskId, String assigneeId, CurrentUser user) {
        return work(id, user, incident -> {
            int index = requireTask(incident, taskId);
            if (assigneeId != null && !incident.memberIds.contains(assigneeId)) {
                throw ProblemException.invalidField("userId", assigneeId + " is not a member of this incident");
            }
            LearningStatus.Task task = task(incident, index, taskId);
            if (Objects.equals(task.assigneeId(), assigneeId)) {
                return null;
            }
            incident.learning = LearningFlow.replace(incident.learning, taskId, t -> t.withAssignee(assigneeId));
            String text = assigneeId == null ? "@" + user.id() + " unassigned the learning task \"" + task.title()
                    + "\"" : "@" + user.id() + " assigned the learning task \"" + task.title() + "\" to @" + assigneeId;
            return Change.of(EventType.INCIDENT_LEARNING_TASK_UPDATED, text).item(Integer.toString(index), taskId)
                    .user(assigneeId).state("assigned");
        });
    }

    /** Adds a custom task to the current or a later status (at most {@link #MAX_TASKS_PER_STATUS}). */
    public Uni<Incident> addTask(UUID id, int statusIndex, String title, String instructions, CurrentUser user) {
        return work(id, user, incident -> {
            requireActive(incident);
            if (statusIndex < 0 || statusIndex >= incident.learning.size()) {
                throw ProblemException.notFound("Learning status " + statusIndex);
            }
            LearningStatus status = incident.learning.get(statusIndex);
            if (LearningFlow.passed(incident.learning, statusIndex)) {
                throw ProblemException.conflict("The learning status \"" + status.name() + "\" is done; add the "
                        + "task to the current one");
            }
            if (status.tasks().size() >= MAX_TASKS_PER_STATUS) {
                throw new ProblemException(413, TOO_MANY_TASKS, "Too many tasks", "A learning status holds at most "
                        + MAX_TASKS_PER_STATUS + " tasks; nothing was added.", List.of());
            }
            LearningStatus.Task task = new LearningStatus.Task(UUID.randomUUID().toString(),
                    PlaybookContent.LearningTaskKind.CUSTOM, title.strip(), Texts.blankToNull(instructions), true,
                    Checklist.State.OPEN, null, null, null);
            incident.learning = LearningFlow.add(incident.learning, statusIndex, task);
            return Change.of(EventType.INCIDENT_LEARNING_TASK_UPDATED, "@" + user.id() + " added the learning task \""
                    + task.title() + "\" to " + status.name()).item(Integer.toString(statusIndex), task.id())
                    .state("added");
        });
    }

    /**
     * Records when the cause was identified and the impact resolved (null clears); checks off
     * "update the timestamps" once both are set.
     */
    public Uni<Incident> setTimestamps(UUID id, Instant identifiedAt, Instant resolvedAt, CurrentUser user) {
        return Panache.withTransaction(() -> changes.apply(id, user, Action.WORK_LEARNING, true, incident -> {
            Instant latest = IncidentChanges.now().plusSeconds(60);
            requireTime("identifiedAt", identifiedAt, incident.createdAt, latest);
            requireTime("resolvedAt", resolvedAt, identifiedAt != null ? identifiedAt : incident.createdAt, latest);
            if (Objects.equals(incident.identifiedAt, identifiedAt) && Objects.equals(incident.resolvedAt, resolvedAt)) {
                return null;
            }
            incident.identifiedAt = identifiedAt;
            incident.resolvedAt = resolvedAt;
            return Change.of(EventType.INCIDENT_TIMESTAMPS_UPDATED, "@" + user.id() + " set the key times: identified "
                    + (identifiedAt == null ? "not set" : RetrospectiveDraft.time(identifiedAt)) + ", resolved "
                    + (resolvedAt == null ? "not set" : RetrospectiveDraft.time(resolvedAt)));
        }).chain(incident -> incident.identifiedAt != null && incident.resolvedAt != null
                ? completed(incident, PlaybookContent.LearningTaskKind.UPDATE_TIMESTAMPS, user.id(),
                        "the key times were set")
                : Uni.createFrom().item(incident)));
    }

    private static void requireTime(String field, Instant time, Instant notBefore, Instant notAfter) {
        if (time != null && time.isBefore(notBefore)) {
            throw ProblemException.invalidField(field, "must not be before " + notBefore);
        }
        if (time != null && time.isAfter(notAfter)) {
            throw ProblemException.invalidField(field, "must not be in the future");
        }
    }

    /**
     * In the caller's transaction, on the locked incident: a pre-baked kind of task was done in the
     * platform ({@code what} says how); its open tasks are checked off and the flow moves on.
     * Nothing unless the flow is active.
     */
    public Uni<Incident> completed(Incident incident, PlaybookContent.LearningTaskKind kind, String actorId,
            String what) {
        if (incident.learningState != LearningState.ACTIVE) {
            return Uni.createFrom().item(incident);
        }
        int before = LearningFlow.current(incident.learning);
        LearningFlow.Result result = LearningFlow.check(incident.learning, kind, actorId, IncidentChanges.now());
        if (result.checked().isEmpty()) {
            return Uni.createFrom().item(incident);
        }
        incident.learning = result.statuses();
        Uni<Incident> recorded = Uni.createFrom().item(incident);
        for (LearningFlow.Checked checked : result.checked()) {
            Change change = Change.of(EventType.INCIDENT_LEARNING_TASK_UPDATED, "Checked the learning task \""
                    + checked.task().title() + "\": " + what).byBot()
                    .item(Integer.toString(checked.statusIndex()), checked.task().id()).state("done");
            recorded = recorded.chain(locked -> changes.record(locked, actorId, change));
        }
        return recorded.chain(locked -> progress(locked, actorId, before));
    }

    /** A change to the flow's tasks under the row lock, then the advance or close it leads to. */
    private Uni<Incident> work(UUID id, CurrentUser user, Function<Incident, Change> apply) {
        int[] before = {0};
        return Panache.withTransaction(() -> changes.apply(id, user, Action.WORK_LEARNING, true, incident -> {
            requireActive(incident);
            before[0] = LearningFlow.current(incident.learning);
            return apply.apply(incident);
        }).chain(incident -> progress(incident, user.id(), before[0])));
    }

    /** Advances past resolved statuses or closes the incident, each with its message and event. */
    private Uni<Incident> progress(Incident incident, String actorId, int before) {
        if (incident.learningState != LearningState.ACTIVE) {
            return Uni.createFrom().item(incident);
        }
        LearningFlow.Step step = LearningFlow.next(incident.learning, before);
        switch (step.move()) {
            case CLOSE -> {
                incident.learningState = LearningState.CLOSED;
                incident.learningStatus = null;
                return changes.record(incident, actorId, Change.of(EventType.INCIDENT_CLOSED,
                        "This incident is closed.").byBot());
            }
            case ADVANCE -> {
                LearningStatus status = incident.learning.get(step.index());
                incident.learningStatus = status.name();
                return changes.record(incident, actorId, Change.of(EventType.INCIDENT_LEARNING_ADVANCED,
                        "The incident moved to the learning status " + describe(status)).byBot()
                        .state(Integer.toString(step.index())));
            }
            default -> {
                return Uni.createFrom().item(incident);
            }
        }
    }

    private static String describe(LearningStatus status) {
        List<String> titles = new ArrayList<>();
        status.tasks().stream().filter(t -> t.state() == Checklist.State.OPEN).forEach(t -> titles.add(t.title()));
        return "\"" + status.name() + "\"" + (titles.isEmpty() ? "" : ". Tasks: " + String.join("; ", titles));
    }

    private static void requireActive(Incident incident) {
        if (incident.learningState != LearningState.ACTIVE) {
            throw ProblemException.conflict(switch (incident.learningState) {
                case CLOSED -> "The incident is closed; its learning flow is done";
                case OPTED_OUT -> "The incident opted out of the learning flow";
                default -> "The incident is not in the learning flow; the commander enters it after the end";
            });
        }
    }

    private static int requireTask(Incident incident, String taskId) {
        requireActive(incident);
        int index = LearningFlow.statusOf(incident.learning, taskId);
        if (index < 0) {
            throw ProblemException.notFound("Learning task " + taskId);
        }
        return index;
    }

    private static LearningStatus.Task task(Incident incident, int index, String taskId) {
        return incident.learning.get(index).tasks().stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow();
    }

    /** The playbook's flow with absent lists as empty (a playbook the read model does not know: no statuses). */
    private static PlaybookContent.LearningFlow flowOf(PlaybookView playbook) {
        PlaybookContent.LearningFlow flow = (playbook == null ? PlaybookSettings.NONE : playbook.settings)
                .learningFlow();
        return new PlaybookContent.LearningFlow(flow.statuses() == null ? List.of() : flow.statuses(),
                flow.autoEnterSeverities() == null ? List.of() : flow.autoEnterSeverities(), flow.optOutAllowed());
    }
}
