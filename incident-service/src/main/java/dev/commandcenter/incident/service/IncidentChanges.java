package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.IncidentChange;
import dev.commandcenter.events.Outbox;
import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.repository.ChannelMessageRepository;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way an incident changes: under its row lock (concurrent changes wait for each other
 * instead of overwriting each other), allowed by {@link IncidentAccess}, with its timeline message
 * and its event in the same transaction, or nothing at all.
 */
@ApplicationScoped
public class IncidentChanges {
    private final IncidentRepository incidents;
    private final ChannelMessageRepository messages;
    private final Outbox outbox;

    public IncidentChanges(IncidentRepository incidents, ChannelMessageRepository messages, Outbox outbox) {
        this.incidents = incidents;
        this.messages = messages;
        this.outbox = outbox;
    }

    /**
     * Applies a change the action allows to an ongoing incident (409 once it has ended). {@code apply}
     * changes the incident and says what happened, or returns null for no change.
     */
    public Uni<Incident> apply(UUID id, CurrentUser user, Action action, Function<Incident, Change> apply) {
        return apply(id, user, action, false, apply);
    }

    /** The same; {@code whenEnded} allows it after the end too. */
    public Uni<Incident> apply(UUID id, CurrentUser user, Action action, boolean whenEnded,
            Function<Incident, Change> apply) {
        return applyChained(id, user, action, whenEnded, incident -> Uni.createFrom().item(apply.apply(incident)));
    }

    /**
     * The same for a change that reads or writes other rows under the row lock before it says what
     * happened (a bound counted in the database, a row of its own): {@code apply} returns its change
     * asynchronously, or null for no change.
     */
    public Uni<Incident> applyChained(UUID id, CurrentUser user, Action action,
            Function<Incident, Uni<Change>> apply) {
        return applyChained(id, user, action, false, apply);
    }

    private Uni<Incident> applyChained(UUID id, CurrentUser user, Action action, boolean whenEnded,
            Function<Incident, Uni<Change>> apply) {
        return Panache.withTransaction(() -> lock(id, user, action, whenEnded)
                .chain(incident -> apply.apply(incident).chain(change -> record(incident, user.id(), change))));
    }

    /**
     * In the caller's transaction: the incident under its row lock, if the action is allowed on it
     * (404/403 otherwise) and, unless {@code whenEnded}, it is ongoing (409 otherwise). For a change
     * that records several steps itself with {@link #record}.
     */
    public Uni<Incident> lock(UUID id, CurrentUser user, Action action, boolean whenEnded) {
        return incidents.findForUpdate(id).map(incident -> {
            IncidentAccess.require(action, incident, id, user);
            if (!incident.active && !whenEnded) {
                throw ProblemException.conflict("The incident has ended");
            }
            return incident;
        });
    }

    /**
     * Records what a change did to a locked incident, in the caller's transaction: flushes the
     * incident, writes the timeline message and emits the event. Nothing if {@code change} is null.
     */
    public Uni<Incident> record(Incident incident, String actorId, Change change) {
        if (change == null) {
            return Uni.createFrom().item(incident);
        }
        Instant now = now();
        ChannelMessage message = ChannelMessage.of(incident.id, change.kind(), change.kind() == ChannelMessage.Kind.BOT
                ? ChannelMessage.BOT : actorId, change.message(), now);
        return incidents.flush()
                .chain(() -> messages.persist(message))
                .chain(() -> outbox.emit(change.type(), incident.id.toString(), incident.teamId, actorId,
                        change.payload() != null ? change.payload() : changeOf(incident, change, now)))
                .replaceWith(incident);
    }

    static IncidentChange changeOf(Incident incident, Change change, Instant at) {
        return new IncidentChange(incident.id.toString(), incident.teamId, change.userId(), change.stageId(),
                change.itemId(), change.state(), incident.version, at);
    }

    /** Microsecond precision, as PostgreSQL stores it. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** What a change did: its event, its timeline message, and the ids the event names. */
    public record Change(EventType type, String message, ChannelMessage.Kind kind, String userId, String stageId,
            String itemId, String state, Object payload) {
        public static Change of(EventType type, String message) {
            return new Change(type, message, ChannelMessage.Kind.SYSTEM, null, null, null, null, null);
        }

        /** Posted by the bot rather than as a system message of the acting user. */
        public Change byBot() {
            return new Change(type, message, ChannelMessage.Kind.BOT, userId, stageId, itemId, state, payload);
        }

        public Change user(String id) {
            return new Change(type, message, kind, id, stageId, itemId, state, payload);
        }

        public Change stage(String id) {
            return new Change(type, message, kind, userId, id, itemId, state, payload);
        }

        public Change item(String stage, String item) {
            return new Change(type, message, kind, userId, stage, item, state, payload);
        }

        public Change state(String newState) {
            return new Change(type, message, kind, userId, stageId, itemId, newState, payload);
        }

        public Change payload(Object data) {
            return new Change(type, message, kind, userId, stageId, itemId, state, data);
        }
    }
}
