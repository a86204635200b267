package dev.commandcenter.incident.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which incident a chat channel is linked to (table {@code chat_channel}): one row per integration
 * and channel, rewritten by each start in the channel. Native statements because the row is only ever
 * upserted and read by its key.
 */
@ApplicationScoped
public class ChatChannelRepository {

    /** Links the channel to the incident, in the caller's transaction (replacing an earlier link). */
    public Uni<Void> link(UUID integrationId, String channelId, UUID incidentId, String linkedBy, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO chat_channel (integration_id, channel_id, incident_id, linked_by, linked_at)
                        VALUES (:integration, :channel, :incident, :by, :at)
                        ON CONFLICT (integration_id, channel_id) DO UPDATE
                            SET incident_id = EXCLUDED.incident_id, linked_by = EXCLUDED.linked_by,
                                linked_at = EXCLUDED.linked_at""")
                .setParameter("integration", integrationId).setParameter("channel", channelId)
                .setParameter("incident", incidentId).setParameter("by", linkedBy).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    /** The incident the channel is linked to, or null. */
    public Uni<UUID> incidentOf(UUID integrationId, String channelId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT incident_id FROM chat_channel WHERE integration_id = :integration AND channel_id = :channel""",
                        UUID.class)
                .setParameter("integration", integrationId).setParameter("channel", channelId)
                .getResultList())
                .map((List<UUID> rows) -> rows.isEmpty() ? null : rows.get(0));
    }
}
