package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.events.Outbox;
import dev.commandcenter.incident.mapping.IncidentMapper;
import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.repository.ChannelMessageRepository;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import dev.commandcenter.incident.rest.StartIncidentRequest;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Incident use cases. Only members of the incident's team have access; private incidents only for
 * their members; system administrators see all. Playbook membership decides who may start one.
 */
@ApplicationScoped
public class IncidentService {
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
     * playbook, and the {@code incident.started.v1} outbox row; or nothing.
     */
    @WithTransaction
    public Uni<Incident> start(StartIncidentRequest request, CurrentUser user) {
        return playbooks.findById(request.playbookId())
                .map(playbook -> usable(playbook, request.playbookId(), user))
                .call(playbook -> incidents.channelNameTaken(playbook.teamId, request.name().strip())
                        .invoke(taken -> {
                            if (taken) {
                                throw ProblemException.conflict("Team " + playbook.teamId
                                        + " already has an incident channel named \"" + request.name().strip() + "\"");
                            }
                        }))
                .chain(playbook -> {
                    Instant now = Instant.now();
                    Incident incident = newIncident(playbook, request, user.id(), now);
                    ChannelMessage announcement = ChannelMessage.of(incident.id, ChannelMessage.Kind.BOT,
                            ChannelMessage.BOT, IncidentMapper.announcement(user.id(), playbook.title,
                                    request.postText()), now);
                    return incidents.persist(incident)
                            .chain(() -> messages.persist(announcement))
                            .chain(() -> outbox.emit(EventType.INCIDENT_STARTED, incident.id.toString(),
                                    incident.teamId, user.id(), IncidentMapper.started(incident, announcement)))
                            .replaceWith(incident);
                });
    }

    @WithSession
    public Uni<Incident> get(UUID id, CurrentUser user) {
        return incidents.findById(id).map(incident -> visible(incident, id, user));
    }

    @WithSession
    public Uni<List<Incident>> list(String teamId, int limit, CurrentUser user) {
        if (!user.canAccessTeam(teamId)) {
            return Uni.createFrom().item(List.of());
        }
        return user.isSystemAdmin() ? incidents.listAll(teamId, limit)
                : incidents.listVisible(teamId, user.id(), limit);
    }

    @WithSession
    public Uni<List<ChannelMessage>> messages(UUID id, long afterSeq, int limit, CurrentUser user) {
        return incidents.findById(id).map(incident -> visible(incident, id, user))
                .chain(incident -> messages.page(incident.id, afterSeq, limit));
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
        incident.checklists = List.copyOf(playbook.stages);
        incident.memberIds.add(creator);
        incident.createdAt = now;
        return incident;
    }
}
