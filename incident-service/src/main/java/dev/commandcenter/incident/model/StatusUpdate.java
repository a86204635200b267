package dev.commandcenter.incident.model;

import dev.commandcenter.contracts.PlaybookContent.StatusPhase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the people following an incident were told, in which phase, by whom. */
@Entity
@Table(name = "status_update")
public class StatusUpdate {
    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StatusPhase phase;

    @Column(nullable = false)
    public String text;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static StatusUpdate of(UUID incidentId, StatusPhase phase, String text, String authorId, Instant at) {
        StatusUpdate update = new StatusUpdate();
        update.id = UUID.randomUUID();
        update.incidentId = incidentId;
        update.phase = phase;
        update.text = text;
        update.authorId = authorId;
        update.createdAt = at;
        return update;
    }
}
