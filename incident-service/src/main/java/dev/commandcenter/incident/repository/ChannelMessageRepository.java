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

    /** The timeline: bot and system messages (state changes, step resolutions), oldest first. */
    public Uni<List<ChannelMessage>> timeline(UUID incidentId, long afterSeq, int limit) {
        return find("incidentId = ?1 and seq > ?2 and kind <> ?3 order by seq", incidentId, afterSeq,
                ChannelMessage.Kind.USER).page(Page.ofSize(limit)).list();
    }

    /** The last {@code limit} messages, oldest of them first. */
    public Uni<List<ChannelMessage>> latest(UUID incidentId, int limit) {
        return find("incidentId = ?1 order by seq desc", incidentId).page(Page.ofSize(limit)).list()
                .map(newestFirst -> {
                    List<ChannelMessage> oldestFirst = new java.util.ArrayList<>(newestFirst);
                    java.util.Collections.reverse(oldestFirst);
                    return oldestFirst;
                });
    }

    public Uni<Long> countOf(UUID incidentId) {
        return count("incidentId", incidentId);
    }

    /** Reads the position the database assigned to a message just written (after a flush). */
    public Uni<ChannelMessage> withSeq(ChannelMessage message) {
        return getSession().chain(session -> session.createQuery(
                        "select m.seq from ChannelMessage m where m.id = :id", Long.class)
                .setParameter("id", message.id).getSingleResult())
                .map(seq -> {
                    message.seq = seq;
                    return message;
                });
    }
}
