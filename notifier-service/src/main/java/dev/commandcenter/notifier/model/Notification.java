package dev.commandcenter.notifier.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A notification sent to one person about an incident, caused by exactly one event. */
@Entity
@Table(name = "notification")
public class Notification {
    public static final String CHANNEL_IN_APP = "in-app";
    public static final String KIND_INCIDENT_STARTED = "incident-started";

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(name = "incident_id", nullable = false)
    public String incidentId;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
