package dev.commandcenter.notifier.model;

import dev.commandcenter.notifier.oncall.Cover;
import dev.commandcenter.notifier.oncall.Layer;
import dev.commandcenter.notifier.oncall.ScheduleCalculator;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A team's on-call schedule: its rotation layers, lowest first, in one time zone. */
@Entity
@Table(name = "oncall_schedule")
public class OnCallSchedule {
    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(nullable = false)
    public String name;

    public String description;

    /** IANA zone id: hand-offs and restrictions are local times there. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Convert(converter = LayersConverter.class)
    @Column(nullable = false)
    public List<Layer> layers = List.of();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The rotation maths of this schedule with the given overrides (oldest added first). */
    public ScheduleCalculator calculator(List<Cover> overrides) {
        return new ScheduleCalculator(ZoneId.of(timeZone), layers, overrides);
    }
}
