package dev.commandcenter.notifier.model;

import dev.commandcenter.notifier.oncall.EscalationLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Whom to page, in which order and after how long, when a team's incident starts. */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy {
    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(nullable = false)
    public String name;

    public String description;

    /** How many times the whole list of levels is paged again after the last level times out. */
    @Column(name = "repeat_count", nullable = false)
    public int repeatCount;

    @Convert(converter = LevelsConverter.class)
    @Column(nullable = false)
    public List<EscalationLevel> levels = List.of();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean usesSchedule(UUID scheduleId) {
        return levels.stream().anyMatch(level -> scheduleId.equals(level.scheduleId()));
    }
}
