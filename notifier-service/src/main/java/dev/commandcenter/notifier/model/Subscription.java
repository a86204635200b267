package dev.commandcenter.notifier.model;

import dev.commandcenter.notifier.channel.WebhookFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Which of a team's incident events go where: a webhook URL in a format, or email addresses. */
@Entity
@Table(name = "subscription")
public class Subscription {
    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(nullable = false)
    public String name;

    @Convert(converter = StringListConverter.class)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes = List.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookFormat format;

    /** The webhook's URL; null for email. */
    public String url;

    /** The email addresses; null for webhooks. */
    @Convert(converter = StringListConverter.class)
    public List<String> addresses;

    /** The generic webhook's signing secret, sealed; null for the other formats. */
    @Column(name = "secret_sealed")
    public String secretSealed;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean wants(String eventType) {
        return eventTypes.contains(eventType);
    }
}
