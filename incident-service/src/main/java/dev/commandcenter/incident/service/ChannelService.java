package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.events.Outbox;
import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.repository.ChannelMessageRepository;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The incident's channel: members post; whoever may see the incident reads it and its timeline. */
@ApplicationScoped
public class ChannelService {
    private final IncidentRepository incidents;
    private final ChannelMessageRepository messages;
    private final ChannelLimits channelLimits;
    private final Outbox outbox;

    public ChannelService(IncidentRepository incidents, ChannelMessageRepository messages, ChannelLimits channelLimits,
            Outbox outbox) {
        this.incidents = incidents;
        this.messages = messages;
        this.channelLimits = channelLimits;
        this.outbox = outbox;
    }

    /** A member's post, counted against the channel's bound before it is written; allowed after the end too. */
    public Uni<ChannelMessage> post(UUID id, String text, CurrentUser user) {
        return Panache.withTransaction(() -> incidents.findById(id)
                .map(incident -> IncidentAccess.require(Action.POST_MESSAGE, incident, id, user))
                .chain(incident -> {
                    ChannelMessage message = ChannelMessage.of(incident.id, ChannelMessage.Kind.USER, user.id(),
                            text.strip(), IncidentChanges.now());
                    return channelLimits.reserve(incident.id, message.text)
                            .chain(() -> messages.persist(message)).call(messages::flush).chain(messages::withSeq)
                            .call(saved -> outbox.emit(EventType.INCIDENT_MESSAGE_POSTED, incident.id.toString(),
                                    incident.teamId, user.id(), new IncidentChange(incident.id.toString(),
                                            incident.teamId, null, null, saved.id.toString(), null, incident.version,
                                            saved.createdAt)));
                }));
    }

    /** When steps were resolved and the state changed: the bot's and the system's messages. */
    @WithSession
    public Uni<List<ChannelMessage>> timeline(UUID id, long afterSeq, int limit, CurrentUser user) {
        return incidents.findById(id).map(incident -> IncidentAccess.require(Action.VIEW, incident, id, user))
                .chain(incident -> messages.timeline(incident.id, afterSeq, limit));
    }

    /** The channel's latest messages, oldest of them first (what the incident page shows). */
    @WithSession
    public Uni<List<ChannelMessage>> recentMessages(UUID id, int limit, CurrentUser user) {
        return incidents.findById(id).map(incident -> IncidentAccess.require(Action.VIEW, incident, id, user))
                .chain(incident -> messages.latest(incident.id, limit));
    }

    @WithSession
    public Uni<List<ChannelMessage>> messages(UUID id, long afterSeq, int limit, CurrentUser user) {
        return incidents.findById(id).map(incident -> IncidentAccess.require(Action.VIEW, incident, id, user))
                .chain(incident -> messages.page(incident.id, afterSeq, limit));
    }
}
