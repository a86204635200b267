package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.ChannelMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChannelMessageRepository implements PanacheRepositoryBase<ChannelMessage, UUID> {

    /** Messages after the cursor {@code afterSeq} (0 for the start), oldest first. */
    public Uni<List<ChannelMessage>> page(UUID incidentId, long afterSeq, int limit) {
        return find("incidentId = ?1 and seq > ?2 order by seq", incidentId, afterSeq).page(Page.ofSize(limit)).list();
    }
}
