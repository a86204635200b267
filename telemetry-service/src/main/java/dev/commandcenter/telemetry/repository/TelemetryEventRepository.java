package dev.commandcenter.telemetry.repository;

import dev.commandcenter.telemetry.model.TelemetryEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TelemetryEventRepository implements PanacheRepositoryBase<TelemetryEvent, UUID> {
    private static final String ORDER = " order by eventTimestamp, createdAt, id";

    /** The records about an incident or playbook in the given teams, oldest first. */
    public Uni<List<TelemetryEvent>> listForSubject(String subjectId, Collection<String> teamIds, int limit) {
        return find("subjectId = ?1 and teamId in ?2" + ORDER, subjectId, teamIds).page(Page.ofSize(limit)).list();
    }

    /** All records about an incident or playbook, for system administrators. */
    public Uni<List<TelemetryEvent>> listForSubject(String subjectId, int limit) {
        return find("subjectId = ?1" + ORDER, subjectId).page(Page.ofSize(limit)).list();
    }
}
