package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.directory.TeamDirectory;
import dev.commandcenter.events.Outbox;
import dev.commandcenter.incident.mapping.IncidentMapper;
import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.repository.ChannelMessageRepository;
import dev.commandcenter.incident.repository.IncidentCursor;
import dev.commandcenter.incident.repository.IncidentFilter;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import dev.commandcenter.incident.rest.IncidentPage;
import dev.commandcenter.incident.rest.IncidentResponse;
import dev.commandcenter.incident.rest.StartIncidentRequest;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Incident use cases. Only members of the incident's team have access; private incidents only for
 * their members; system administrators see all. Playbook membership decides who may start one.
 */
@ApplicationScoped
public class IncidentService {
    /** A just-started incident's channel holds one message: the bot's announcement. */
    public static final long MESSAGES_AT_START = 1;

    /** The unique index that keeps channel names unique within a team (case-insensitive). */
    static final String CHANNEL_NAME_INDEX = "incident_team_channel_name";

    private final IncidentRepository incidents;
    private final ChannelMessageRepository messages;
    private final PlaybookViewRepository playbooks;
    private final Outbox outbox;
    private final TeamDirectory directory;
    private final ChecklistLimits checklistLimits;
    private final ChannelLimits channelLimits;

    public IncidentService(IncidentRepository incidents, ChannelMessageRepository messages,
            PlaybookViewRepository playbooks, Outbox outbox, TeamDirectory directory, ChecklistLimits checklistLimits,
            ChannelLimits channelLimits) {
        this.incidents = incidents;
        this.messages = messages;
        this.playbooks = playbooks;
        this.outbox = outbox;
        this.directory = directory;
        this.checklistLimits = checklistLimits;
        this.channelLimits = channelLimits;
    }

    /**
     * One transaction: the incident, its channel and announcement, the checklist copied from the
     * playbook, and the {@code incident.started.v1} outbox row; or nothing. A channel name the team
     * already uses is refused by the unique index (409), which also decides between two concurrent
     * starts with the same name; no query asks beforehand.
     */
    public Uni<Incident> start(StartIncidentRequest request, CurrentUser user) {
        String name = request.name().strip();
        return Panache.withTransaction(() -> playbooks.findReadOnly(request.playbookId())
                .map(playbook -> usable(playbook, request.playbookId(), user))
                .invoke(playbook -> requireSeverity(playbook, request.severity()))
                .chain(playbook -> {
                    Instant now = now();
                    Incident incident = newIncident(playbook, request, user.id(), now);
                    ChannelMessage announcement = ChannelMessage.of(incident.id, ChannelMessage.Kind.BOT,
                            ChannelMessage.BOT, IncidentMapper.announcement(user.id(), playbook.title,
                                    request.postText()), now);
                    // The inserts are flushed here rather than at commit, so that the index's refusal
                    // is answered with the team's name; it costs no extra round trip.
                    return incidents.persist(incident)
                            .chain(() -> messages.persist(announcement))
                            .chain(() -> outbox.emit(EventType.INCIDENT_STARTED, incident.id.toString(),
                                    incident.teamId, user.id(), IncidentMapper.started(incident, announcement)))
                            .call(incidents::flush)
                            .onFailure(IncidentService::violatesChannelNameIndex).transform(e -> ProblemException
                                    .conflict("Team " + playbook.teamId + " already has an incident channel named \""
                                            + name + "\""))
                            .replaceWith(incident);
                }));
    }

    /**
     * Whether a failure is the unique index on (team, lower(name)) refusing an insert. Hibernate
     * Reactive reports it as a {@link ConstraintViolationException} naming the index, built on an
     * {@link SQLException} with state 23505 that names it too.
     */
    static boolean violatesChannelNameIndex(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && CHANNEL_NAME_INDEX.equals(violation.getConstraintName())) {
                return true;
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState()) && sql.getMessage() != null
                    && sql.getMessage().contains("\"" + CHANNEL_NAME_INDEX + "\"")) {
                return true;
            }
        }
        return false;
    }

    @WithSession
    public Uni<Incident> get(UUID id, CurrentUser user) {
        return incidents.findById(id).map(incident -> visible(incident, id, user));
    }

    /** The severity levels of a playbook as the read model knows it (empty if unknown). */
    public Uni<List<String>> severitiesOf(UUID playbookId) {
        return Panache.withSession(() -> playbooks.findById(playbookId))
                .map(playbook -> playbook == null ? List.<String>of() : playbook.severities);
    }

    /** The playbooks of the team the user may start an incident from (members; administrators: all). */
    @WithSession
    public Uni<List<PlaybookView>> startablePlaybooks(String teamId, CurrentUser user) {
        if (!user.canAccessTeam(teamId)) {
            return Uni.createFrom().item(List.of());
        }
        return playbooks.liveOfTeam(teamId).map(all -> all.stream()
                .filter(p -> user.isSystemAdmin() || p.memberIds.contains(user.id())).toList());
    }

    /** A page of the team's incidents the user may see, newest first (keyset: {@code after}). */
    @WithSession
    public Uni<IncidentPage> list(String teamId, Boolean active, String commanderId, String severity, String search,
            String after, int limit, CurrentUser user) {
        if (!user.canAccessTeam(teamId)) {
            return Uni.createFrom().item(new IncidentPage(List.of(), null));
        }
        IncidentCursor cursor = after == null || after.isBlank() ? null : IncidentCursor.decode(after);
        IncidentFilter filter = new IncidentFilter(teamId, user.isSystemAdmin() ? null : user.id(), active,
                commanderId, severity, search);
        return incidents.page(filter, cursor, limit + 1).map(rows -> {
            boolean more = rows.size() > limit;
            List<Incident> shown = more ? rows.subList(0, limit) : rows;
            Instant now = Instant.now();
            return new IncidentPage(shown.stream().map(i -> IncidentMapper.summary(i, now)).toList(),
                    more ? IncidentCursor.after(shown.get(shown.size() - 1)).encode() : null);
        });
    }

    /** The incident with what its details page shows: message count (duration and members come with it). */
    public Uni<IncidentResponse> details(Incident incident) {
        return Panache.withSession(() -> messages.countOf(incident.id))
                .map(count -> IncidentMapper.response(incident, count, Instant.now()));
    }

    @WithSession
    public Uni<List<ChannelMessage>> timeline(UUID id, long afterSeq, int limit, CurrentUser user) {
        return incidents.findById(id).map(incident -> visible(incident, id, user))
                .chain(incident -> messages.timeline(incident.id, afterSeq, limit));
    }

    /** The channel's latest messages, oldest of them first (what the incident page shows). */
    @WithSession
    public Uni<List<ChannelMessage>> recentMessages(UUID id, int limit, CurrentUser user) {
        return incidents.findById(id).map(incident -> visible(incident, id, user))
                .chain(incident -> messages.latest(incident.id, limit));
    }

    @WithSession
    public Uni<List<ChannelMessage>> messages(UUID id, long afterSeq, int limit, CurrentUser user) {
        return incidents.findById(id).map(incident -> visible(incident, id, user))
                .chain(incident -> messages.page(incident.id, afterSeq, limit));
    }

    /** A member's post in the incident channel, counted against the channel's bound before it is written. */
    public Uni<ChannelMessage> post(UUID id, String text, CurrentUser user) {
        return Panache.withTransaction(() -> incidents.findById(id).map(incident -> modifiable(incident, id, user,
                true)).chain(incident -> {
                    ChannelMessage message = ChannelMessage.of(incident.id, ChannelMessage.Kind.USER, user.id(),
                            text.strip(), now());
                    return channelLimits.reserve(incident.id, message.text)
                            .chain(() -> messages.persist(message)).call(messages::flush).chain(messages::withSeq)
                            .call(saved -> outbox.emit(EventType.INCIDENT_MESSAGE_POSTED,
                            incident.id.toString(), incident.teamId, user.id(), changeOf(incident, null, null,
                                    saved.id.toString(), null, saved.createdAt)));
                }));
    }

    /** Any member may hand over command, but only to a member of the channel. */
    public Uni<Incident> changeCommander(UUID id, String commanderId, CurrentUser user) {
        return change(id, user, incident -> {
            if (!incident.memberIds.contains(commanderId)) {
                throw ProblemException.invalidField("userId", commanderId + " is not a member of this incident; "
                        + "add them to the channel first");
            }
            if (commanderId.equals(incident.commanderId)) {
                return null;
            }
            incident.commanderId = commanderId;
            return Outcome.of(EventType.INCIDENT_COMMANDER_CHANGED, "@" + user.id() + " made @" + commanderId
                    + " the commander").user(commanderId);
        });
    }

    /** Members invite members of the incident's team (checked against Keycloak). */
    public Uni<Incident> addMember(UUID id, String memberId, CurrentUser user) {
        return Panache.withSession(() -> incidents.findById(id)).map(incident -> modifiable(incident, id, user, false))
                .call(incident -> directory.requireMember(memberId, incident.teamId, "userId"))
                .chain(checked -> change(id, user, incident -> {
                    if (!incident.memberIds.add(memberId)) {
                        return null;
                    }
                    return Outcome.of(EventType.INCIDENT_MEMBER_ADDED, "@" + user.id() + " added @" + memberId
                            + " to the incident").user(memberId);
                }));
    }

    /**
     * A member of the team joins a public incident by themselves (as in a public channel); private
     * incidents stay invisible to non-members (404).
     */
    public Uni<Incident> join(UUID id, CurrentUser user) {
        return change(id, user, incident -> {
            visible(incident, id, user);
            if (!incident.active) {
                throw ProblemException.conflict("The incident has ended");
            }
            return incident;
        }, incident -> incident.memberIds.add(user.id())
                ? Outcome.of(EventType.INCIDENT_MEMBER_ADDED, "@" + user.id() + " joined the incident").user(user.id())
                : null);
    }

    public Uni<Incident> removeMember(UUID id, String memberId, CurrentUser user) {
        return change(id, user, incident -> {
            if (!incident.memberIds.contains(memberId)) {
                throw ProblemException.notFound("Member " + memberId);
            }
            if (memberId.equals(incident.commanderId)) {
                throw ProblemException.conflict("@" + memberId + " is the commander; make someone else the "
                        + "commander first");
            }
            incident.memberIds.remove(memberId);
            return Outcome.of(EventType.INCIDENT_MEMBER_REMOVED, "@" + user.id() + " removed @" + memberId
                    + " from the incident").user(memberId);
        });
    }

    /** Sets the severity to one of the levels of the incident's playbook (null: no severity). */
    public Uni<Incident> changeSeverity(UUID id, String severity, CurrentUser user) {
        return Panache.withSession(() -> incidents.findById(id).map(incident -> modifiable(incident, id, user, false))
                        .chain(incident -> playbooks.findById(incident.playbookId)))
                .invoke(playbook -> requireSeverity(playbook, severity))
                .chain(checked -> change(id, user, incident -> {
                    if (java.util.Objects.equals(incident.severity, severity)) {
                        return null;
                    }
                    incident.severity = severity;
                    String text = severity == null ? "@" + user.id() + " cleared the severity"
                            : "@" + user.id() + " set the severity to " + severity;
                    return Outcome.of(EventType.INCIDENT_SEVERITY_CHANGED, text).state(severity);
                }));
    }

    private static void requireSeverity(PlaybookView playbook, String severity) {
        boolean known = playbook != null && playbook.severities.contains(severity == null ? "" : severity.strip());
        if (severity != null && !severity.isBlank() && !known) {
            throw ProblemException.invalidField("severity", "must be one of the playbook's severities "
                    + (playbook == null ? "[]" : playbook.severities));
        }
    }

    public Uni<Incident> setActiveStage(UUID id, String stageId, CurrentUser user) {
        return change(id, user, incident -> {
            Checklist stage = ChecklistEdits.stage(incident.checklists, stageId);
            if (stageId.equals(incident.activeStageId)) {
                return null;
            }
            incident.activeStageId = stageId;
            return Outcome.of(EventType.INCIDENT_STAGE_CHANGED, "@" + user.id() + " made \"" + stage.title()
                    + "\" the active stage").stage(stageId);
        });
    }

    public Uni<Incident> addItem(UUID id, String stageId, String title, String description, String slashCommand,
            CurrentUser user) {
        Checklist.Item item = new Checklist.Item(UUID.randomUUID().toString(), title.strip(), blankToNull(description),
                blankToNull(slashCommand), Checklist.State.OPEN, null, null, null, null);
        return change(id, user, incident -> {
            incident.checklists = checklistLimits.requireWithin(incident.checklists,
                    ChecklistEdits.addItem(incident.checklists, stageId, item));
            return Outcome.of(EventType.TASK_ADDED, "@" + user.id() + " added \"" + item.title() + "\"")
                    .item(stageId, item.id());
        });
    }

    /** Changes the given fields of an item (null: unchanged; empty description or command: cleared). */
    public Uni<Incident> editItem(UUID id, String stageId, String itemId, String title, String description,
            String slashCommand, CurrentUser user) {
        return change(id, user, incident -> {
            Checklist.Item before = ChecklistEdits.item(incident.checklists, stageId, itemId);
            String newTitle = title == null ? before.title() : title.strip();
            String newDescription = description == null ? before.description() : blankToNull(description);
            String newCommand = slashCommand == null ? before.slashCommand() : blankToNull(slashCommand);
            incident.checklists = checklistLimits.requireWithin(incident.checklists, ChecklistEdits.replaceItem(
                    incident.checklists, stageId, itemId, item -> item.withText(newTitle, newDescription, newCommand)));
            String text = before.title().equals(newTitle)
                    ? "@" + user.id() + " edited \"" + before.title() + "\""
                    : "@" + user.id() + " renamed \"" + before.title() + "\" to \"" + newTitle + "\"";
            return Outcome.of(EventType.TASK_RENAMED, text).item(stageId, itemId);
        });
    }

    public Uni<Incident> removeItem(UUID id, String stageId, String itemId, CurrentUser user) {
        return change(id, user, incident -> {
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            incident.checklists = ChecklistEdits.removeItem(incident.checklists, stageId, itemId);
            return Outcome.of(EventType.TASK_REMOVED, "@" + user.id() + " removed \"" + item.title() + "\"")
                    .item(stageId, itemId);
        });
    }

    /** Checks, unchecks or skips an item; setting the state it already has changes nothing. */
    public Uni<Incident> setItemState(UUID id, String stageId, String itemId, Checklist.State state,
            CurrentUser user) {
        return change(id, user, incident -> {
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            if (item.state() == state) {
                return null;
            }
            incident.checklists = ChecklistEdits.replaceItem(incident.checklists, stageId, itemId,
                    it -> it.withState(state, user.id(), now()));
            String verb = switch (state) {
                case DONE -> "checked";
                case OPEN -> "unchecked";
                case SKIPPED -> "skipped";
            };
            return Outcome.of(EventType.TASK_STATE_MODIFIED, "@" + user.id() + " " + verb + " \"" + item.title()
                    + "\"").item(stageId, itemId).state(state.name().toLowerCase(java.util.Locale.ROOT));
        });
    }

    public Uni<Incident> moveItem(UUID id, String stageId, String itemId, String toStageId, int position,
            CurrentUser user) {
        return change(id, user, incident -> {
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            incident.checklists = ChecklistEdits.moveItem(incident.checklists, stageId, itemId, toStageId, position);
            String target = toStageId == null ? stageId : toStageId;
            return Outcome.of(EventType.TASK_MOVED, "@" + user.id() + " moved \"" + item.title() + "\" to \""
                    + ChecklistEdits.stage(incident.checklists, target).title() + "\"").item(target, itemId);
        });
    }

    /** Assigns an item to a member of the incident, or unassigns it ({@code assigneeId} null). */
    public Uni<Incident> assignItem(UUID id, String stageId, String itemId, String assigneeId, CurrentUser user) {
        return change(id, user, incident -> {
            if (assigneeId != null && !incident.memberIds.contains(assigneeId)) {
                throw ProblemException.invalidField("userId", assigneeId + " is not a member of this incident");
            }
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            if (java.util.Objects.equals(item.assigneeId(), assigneeId)) {
                return null;
            }
            incident.checklists = ChecklistEdits.replaceItem(incident.checklists, stageId, itemId,
                    it -> it.withAssignee(assigneeId));
            String text = assigneeId == null ? "@" + user.id() + " unassigned \"" + item.title() + "\""
                    : "@" + user.id() + " assigned \"" + item.title() + "\" to @" + assigneeId;
            return Outcome.of(EventType.TASK_ASSIGNEE_SET, text).item(stageId, itemId).user(assigneeId);
        });
    }

    /** Runs an item's slash command: recorded in the timeline and published for integrations to act on. */
    public Uni<Incident> runItemCommand(UUID id, String stageId, String itemId, CurrentUser user) {
        return change(id, user, incident -> {
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            if (item.slashCommand() == null) {
                throw ProblemException.invalidField("slashCommand", "this item has no slash command to run");
            }
            incident.checklists = ChecklistEdits.replaceItem(incident.checklists, stageId, itemId,
                    it -> it.withCommandRunAt(now()));
            return Outcome.of(EventType.TASK_SLASH_COMMAND_RUN, "@" + user.id() + " ran " + item.slashCommand()
                    + " (\"" + item.title() + "\")").item(stageId, itemId);
        });
    }

    /** Ends the incident: no longer active, end time set, system message, {@code incident.ended.v1}. */
    public Uni<Incident> end(UUID id, CurrentUser user) {
        return change(id, user, incident -> {
            incident.active = false;
            incident.endedAt = now();
            incident.endedBy = user.id();
            return Outcome.of(EventType.INCIDENT_ENDED, "@" + user.id() + " ended the incident")
                    .payload(IncidentMapper.ended(incident));
        });
    }

    /**
     * One change under the incident's row lock (concurrent changes wait for each other instead of
     * overwriting each other), with its system message and event in the same transaction.
     * {@code apply} changes the incident and says what happened, or returns null for no change.
     */
    private Uni<Incident> change(UUID id, CurrentUser user, Function<Incident, Outcome> apply) {
        return change(id, user, incident -> modifiable(incident, id, user, false), apply);
    }

    /** The same, with {@code access} deciding who may (it throws the problem otherwise). */
    private Uni<Incident> change(UUID id, CurrentUser user, UnaryOperator<Incident> access,
            Function<Incident, Outcome> apply) {
        return Panache.withTransaction(() -> incidents.findForUpdate(id)
                .map(access)
                .chain(incident -> {
                    Outcome outcome = apply.apply(incident);
                    if (outcome == null) {
                        return Uni.createFrom().item(incident);
                    }
                    Instant now = now();
                    ChannelMessage message = ChannelMessage.of(incident.id, ChannelMessage.Kind.SYSTEM, user.id(),
                            outcome.message(), now);
                    return incidents.flush()
                            .chain(() -> messages.persist(message))
                            .chain(() -> outbox.emit(outcome.type(), incident.id.toString(), incident.teamId,
                                    user.id(), outcome.payload() != null ? outcome.payload()
                                            : changeOf(incident, outcome.userId(), outcome.stageId(), outcome.itemId(),
                                                    outcome.state(), now)))
                            .replaceWith(incident);
                }));
    }

    private static IncidentChange changeOf(Incident incident, String userId, String stageId, String itemId,
            String state, Instant at) {
        return new IncidentChange(incident.id.toString(), incident.teamId, userId, stageId, itemId, state,
                incident.version, at);
    }

    /** Visible to the user (404 otherwise), and the user is a member or an administrator (403 otherwise). */
    private static Incident modifiable(Incident incident, UUID id, CurrentUser user, boolean allowedWhenEnded) {
        visible(incident, id, user);
        if (!user.isSystemAdmin() && !incident.memberIds.contains(user.id())) {
            throw ProblemException.forbidden("Only members of this incident can change it; ask a member to add you");
        }
        if (!incident.active && !allowedWhenEnded) {
            throw ProblemException.conflict("The incident has ended");
        }
        return incident;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Microsecond precision, as PostgreSQL stores it. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** What a change did: its event, its system message, and the ids the event names. */
    record Outcome(EventType type, String message, String userId, String stageId, String itemId, String state,
            Object payload) {
        static Outcome of(EventType type, String message) {
            return new Outcome(type, message, null, null, null, null, null);
        }

        Outcome user(String id) {
            return new Outcome(type, message, id, stageId, itemId, state, payload);
        }

        Outcome stage(String id) {
            return new Outcome(type, message, userId, id, itemId, state, payload);
        }

        Outcome item(String stage, String item) {
            return new Outcome(type, message, userId, stage, item, state, payload);
        }

        Outcome state(String newState) {
            return new Outcome(type, message, userId, stageId, itemId, newState, payload);
        }

        Outcome payload(Object data) {
            return new Outcome(type, message, userId, stageId, itemId, state, data);
        }
    }

    private static PlaybookView usable(PlaybookView playbook, UUID id, CurrentUser user) {
        boolean member = playbook != null && !playbook.deleted && user.teams().contains(playbook.teamId)
                && playbook.memberIds.contains(user.id());
        if (!member && !(playbook != null && !playbook.deleted && user.isSystemAdmin())) {
            throw ProblemException.notFound("Playbook " + id);
        }
        return playbook;
    }

    private static Incident visible(Incident incident, UUID id, CurrentUser user) {
        boolean visible = incident != null && (user.isSystemAdmin() || (user.teams().contains(incident.teamId)
                && (incident.publicChannel || incident.memberIds.contains(user.id()))));
        if (!visible) {
            throw ProblemException.notFound("Incident " + id);
        }
        return incident;
    }

    private static Incident newIncident(PlaybookView playbook, StartIncidentRequest request, String creator,
            Instant now) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.teamId = playbook.teamId;
        incident.playbookId = playbook.id;
        incident.name = request.name().strip();
        incident.channelId = UUID.randomUUID();
        incident.publicChannel = playbook.publicChannel;
        incident.commanderId = creator;
        incident.createdBy = creator;
        incident.active = true;
        incident.severity = blankToNull(request.severity());
        incident.checklists = IncidentMapper.checklists(playbook.stages);
        incident.activeStageId = incident.checklists.isEmpty() ? null : incident.checklists.get(0).id();
        incident.memberIds.add(creator);
        incident.createdAt = now;
        return incident;
    }
}
