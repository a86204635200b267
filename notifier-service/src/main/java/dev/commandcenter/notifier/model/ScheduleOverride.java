package dev.commandcenter.notifier.model;

import dev.commandcenter.notifier.oncall.Cover;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person covering a time range of a schedule, over every layer. */
@Entity
@Table(name = "oncall_override")
public class ScheduleOverride {
    @Id
    public UUID id;

    @Column(name = "schedule_id", nullable = false)
    public UUID scheduleId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Cover cover() {
        return new Cover(userId, startsAt, endsAt);
    }
}
