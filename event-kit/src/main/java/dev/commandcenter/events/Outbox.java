package dev.commandcenter.events;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's transaction. Call it inside the {@code @WithTransaction} that
 * makes the change: either both are committed or neither is.
 */
@ApplicationScoped
public class Outbox {
    private final String source;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = "/" + applicationName;
    }

    /** Builds the envelope (fresh id, now) and stores it, keyed by {@code subject} on its type's topic. */
    public Uni<EventEnvelope> emit(EventType type, String subject, String teamId, String actorId, Object payload) {
        EventEnvelope envelope = EventEnvelope.of(type, source, subject, teamId, actorId, EventJson.toTree(payload));
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = type.topic();
        row.messageKey = subject;
        row.eventType = type.value();
        row.payload = EventJson.write(envelope);
        row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return row.persist().replaceWith(envelope);
    }
}
