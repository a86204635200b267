package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.events.Outbox;
import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.IncidentRole;
import dev.commandcenter.incident.model.LearningState;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.repository.ChannelMessageRepository;
import dev.commandcenter.incident.repository.IncidentCursor;
import dev.commandcenter.incident.repository.IncidentFilter;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.kit.problem.DatabaseRejections;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Starting incidents and reading them: who may see what is decided by {@link IncidentAccess};
 * playbook membership decides who may start one. Changes to a running incident are in the
 * services beside this one, each through {@link IncidentChanges}.
 */
@ApplicationScoped
public class IncidentService {
    /** A just-started incident's channel holds one message: the bot's announcement. */
    public static final long MESSAGES_AT_START = 1;

    /** The unique index that keeps channel names unique within a team (case-insensitive). */
    static final String CHANNEL_NAME_INDEX = "incident_team_channel_name";

    /** The words of the learning filter that name a state rather than a status. */
    private static final Map<String, LearningState> LEARNING_STATES = Map.of("none", LearningState.NONE,
            "active", LearningState.ACTIVE, "closed", LearningState.CLOSED, "opted_out", LearningState.OPTED_OUT);

    private final IncidentRepository incidents;
    private final ChannelMessageRepository messages;
    private final PlaybookViewRepository playbooks;
    private final Outbox outbox;

    public IncidentService(IncidentRepository incidents, ChannelMessageRepository messages,
            PlaybookViewRepository playbooks, Outbox outbox) {
        this.incidents = incidents;
        this.messages = messages;
        this.playbooks = playbooks;
        this.outbox = outbox;
    }

    /**
     * One transaction: the incident, its channel and announcement, the checklist copied from the
     * playbook, and the {@code incident.started.v1} outbox row; or nothing. A channel name the team
     * already uses is refused by the unique index (409), which also decides between two concurrent
     * starts with the same name; no query asks beforehand.
     */
    public Uni<Incident> start(NewIncident request, CurrentUser user) {
        return Panache.withTransaction(() -> playbooks.findReadOnly(request.playbookId())
                .map(playbook -> usable(playbook, request.playbookId(), user))
                .invoke(playbook -> IncidentLifecycle.requireSeverity(playbook, request.severity()))
                .chain(playbook -> insert(UUID.randomUUID(), playbook, request, user.id(), List.of())));
    }

    /**
     * In the caller's transaction, for a start that someone other than a signed-in member asked for
     * (an alert through an integration, which the caller has authenticated and authorized): the
     * incident with the given id, started for {@code creatorId} from a playbook the caller has read,
     * with {@code botMessages} posted after the announcement.
     */
    public Uni<Incident> startFor(UUID id, PlaybookView playbook, NewIncident request, String creatorId,
            List<String> botMessages) {
        return insert(id, playbook, request, creatorId, botMessages);
    }

    private Uni<Incident> insert(UUID id, PlaybookView playbook, NewIncident request, String creatorId,
            List<String> botMessages) {
        String name = request.name().strip();
        Instant now = IncidentChanges.now();
        Incident incident = newIncident(id, playbook, request, creatorId, now);
        ChannelMessage announcement = ChannelMessage.of(incident.id, ChannelMessage.Kind.BOT, ChannelMessage.BOT,
                IncidentEvents.announcement(creatorId, playbook.title, request.postText()), now);
        // The inserts are flushed here rather than at commit, so that the index's refusal is answered
        // with the team's name; it costs no extra round trip.
        Uni<Void> inserted = incidents.persist(incident).chain(() -> messages.persist(announcement)).replaceWithVoid();
        for (String text : botMessages) {
            inserted = inserted.chain(() -> messages.persist(ChannelMessage.of(incident.id, ChannelMessage.Kind.BOT,
                    ChannelMessage.BOT, text, now))).replaceWithVoid();
        }
        return inserted
                .chain(() -> outbox.emit(EventType.INCIDENT_STARTED, incident.id.toString(), incident.teamId,
                        creatorId, IncidentEvents.started(incident, announcement)))
                .call(incidents::flush)
                .onFailure(e -> DatabaseRejections.violatesUnique(e, CHANNEL_NAME_INDEX)).transform(e -> ProblemException
                        .conflict("Team " + playbook.teamId + " already has an incident channel named \"" + name + "\""))
                .replaceWith(incident);
    }

    @WithSession
    public Uni<Incident> get(UUID id, CurrentUser user) {
        return incidents.findById(id).map(incident -> IncidentAccess.require(Action.VIEW, incident, id, user));
    }

    /** The playbook of an incident as the read model knows it (null if unknown). */
    public Uni<PlaybookView> playbookOf(Incident incident) {
        return Panache.withSession(() -> playbooks.findById(incident.playbookId));
    }

    /** The titles of playbooks by id, as the read model knows them (deleted ones too). */
    @WithSession
    public Uni<Map<UUID, String>> playbookTitles(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return playbooks.list("id in ?1", java.util.Set.copyOf(ids)).map(found -> found.stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.id, p -> p.title)));
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
    public Uni<IncidentSlice> list(String teamId, Boolean active, String commanderId, String severity, String search,
            String after, int limit, CurrentUser user) {
        return list(teamId, active, commanderId, severity, search, null, after, limit, user);
    }

    /**
     * The same, also by learning: {@code none}, {@code active}, {@code closed}, {@code opted_out} or the
     * name of a learning status (null or blank: any).
     */
    @WithSession
    public Uni<IncidentSlice> list(String teamId, Boolean active, String commanderId, String severity, String search,
            String learning, String after, int limit, CurrentUser user) {
        if (!user.canAccessTeam(teamId)) {
            return Uni.createFrom().item(new IncidentSlice(List.of(), null));
        }
        IncidentCursor cursor = after == null || after.isBlank() ? null : IncidentCursor.decode(after);
        String status = Texts.blankToNull(learning);
        LearningState state = status == null ? null : LEARNING_STATES.getOrDefault(status.toLowerCase(Locale.ROOT),
                LearningState.ACTIVE);
        IncidentFilter filter = new IncidentFilter(teamId, user.isSystemAdmin() ? null : user.id(), active,
                commanderId, severity, search, state,
                status != null && !LEARNING_STATES.containsKey(status.toLowerCase(Locale.ROOT)) ? status : null);
        return incidents.page(filter, cursor, limit + 1).map(rows -> {
            boolean more = rows.size() > limit;
            List<Incident> shown = more ? rows.subList(0, limit) : rows;
            return new IncidentSlice(shown, more ? IncidentCursor.after(shown.get(shown.size() - 1)).encode() : null);
        });
    }

    /** The incident with what its details show: the message count (duration and members come with it). */
    public Uni<IncidentDetails> details(Incident incident) {
        return Panache.withSession(() -> messages.countOf(incident.id))
                .map(count -> new IncidentDetails(incident, count));
    }

    private static PlaybookView usable(PlaybookView playbook, UUID id, CurrentUser user) {
        boolean member = playbook != null && !playbook.deleted && user.teams().contains(playbook.teamId)
                && playbook.memberIds.contains(user.id());
        if (!member && !(playbook != null && !playbook.deleted && user.isSystemAdmin())) {
            throw ProblemException.notFound("Playbook " + id);
        }
        return playbook;
    }

    private static Incident newIncident(UUID id, PlaybookView playbook, NewIncident request, String creator,
            Instant now) {
        Incident incident = new Incident();
        incident.id = id;
        incident.teamId = playbook.teamId;
        incident.playbookId = playbook.id;
        incident.name = request.name().strip();
        incident.channelId = UUID.randomUUID();
        incident.publicChannel = playbook.publicChannel;
        incident.commanderId = creator;
        incident.createdBy = creator;
        incident.active = true;
        incident.severity = Texts.blankToNull(request.severity());
        incident.checklists = IncidentEvents.checklists(playbook.stages);
        incident.activeStageId = incident.checklists.isEmpty() ? null : incident.checklists.get(0).id();
        incident.roles = IncidentRole.fromPlaybook(playbook.settings.roles(), creator);
        incident.reminderIntervalMinutes = playbook.settings.statusUpdateReminderMinutes();
        incident.nextReminderAt = ReminderRule.nextDue(now, incident.reminderIntervalMinutes);
        incident.memberIds.add(creator);
        incident.createdAt = now;
        return incident;
    }
}
