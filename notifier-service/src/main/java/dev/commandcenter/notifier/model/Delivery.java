package dev.commandcenter.notifier.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of one event to one subscription, with where its sending stands. Written by the
 * consumer, advanced by the sender ({@code DeliverySender}) with plain SQL; read here for the log.
 */
@Entity
@Table(name = "delivery")
public class Delivery {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(name = "incident_id", nullable = false)
    public String incidentId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The rendered {@code dev.commandcenter.notifier.delivery.Message} as JSON. */
    @Column(nullable = false)
    public String message;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
