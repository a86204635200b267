package dev.commandcenter.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in: a CloudEvents 1.0 event in structured JSON mode.
 * {@code teamid} and {@code actorid} are CloudEvents extension attributes, so consumers can
 * re-check team scope and attribute the change without reading the payload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        String teamid,
        String actorid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("Unsupported CloudEvents specversion: " + specversion);
        }
    }

    /** A new event with a fresh id and the current time. */
    public static EventEnvelope of(EventType type, String source, String subject, String teamId, String actorId,
            JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), source, type.value(), Instant.now(),
                subject, JSON, teamId, actorId, data);
    }

    public boolean is(EventType eventType) {
        return eventType.value().equals(type);
    }
}
