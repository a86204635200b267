package dev.commandcenter.incident.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A follow-up action of an incident: tracked work with an assignee and a done state. */
@Entity
@Table(name = "follow_up")
public class FollowUp {
    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String title;

    @Column(name = "assignee_id")
    public String assigneeId;

    @Column(nullable = false)
    public boolean done;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
