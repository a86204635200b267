package dev.commandcenter.incident.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An incident's retrospective as the team saved it. {@code version} is compared by hand with the
 * editor's {@code If-Match} under the incident's row lock, not by Hibernate.
 */
@Entity
@Table(name = "retrospective")
public class Retrospective {
    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(nullable = false)
    public String markdown;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "review_at")
    public Instant reviewAt;
}
