package dev.commandcenter.notifier.repository;

import dev.commandcenter.notifier.model.ScheduleOverride;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OverrideRepository implements PanacheRepositoryBase<ScheduleOverride, UUID> {

    /**
     * The overrides of the schedules that overlap {@code from}..{@code to}, oldest added first (a
     * newer overlapping override wins), at most {@code limit}.
     */
    public Uni<List<ScheduleOverride>> overlapping(Collection<UUID> scheduleIds, Instant from, Instant to, int limit) {
        return find("scheduleId in ?1 and endsAt > ?2 and startsAt < ?3 order by createdAt, id", scheduleIds, from, to)
                .page(Page.ofSize(limit)).list();
    }

    /** The schedule's overrides that have not ended at {@code now}, by start. */
    public Uni<List<ScheduleOverride>> notEnded(UUID scheduleId, Instant now, int limit) {
        return find("scheduleId = ?1 and endsAt > ?2 order by startsAt, id", scheduleId, now)
                .page(Page.ofSize(limit)).list();
    }

    public Uni<Long> countNotEnded(UUID scheduleId, Instant now) {
        return count("scheduleId = ?1 and endsAt > ?2", scheduleId, now);
    }

    public Uni<Long> deleteEndedBefore(UUID scheduleId, Instant before) {
        return delete("scheduleId = ?1 and endsAt < ?2", scheduleId, before);
    }
}
