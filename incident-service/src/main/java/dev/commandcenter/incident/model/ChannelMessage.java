package dev.commandcenter.incident.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message in an incident's channel. */
@Entity
@Table(name = "channel_message")
public class ChannelMessage {
    public static final String BOT = "incident-bot";

    public enum Kind { BOT, SYSTEM, USER }

    @Id
    public UUID id;

    /** Assigned by the database; orders the channel and serves as the keyset cursor. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static ChannelMessage of(UUID incidentId, Kind kind, String authorId, String text, Instant at) {
        ChannelMessage message = new ChannelMessage();
        message.id = UUID.randomUUID();
        message.incidentId = incidentId;
        message.kind = kind;
        message.authorId = authorId;
        message.text = text;
        message.createdAt = at;
        return message;
    }
}
