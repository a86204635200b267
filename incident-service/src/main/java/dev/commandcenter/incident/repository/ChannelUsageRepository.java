package dev.commandcenter.incident.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * How much members have posted in each incident's channel ({@code channel_usage}), counted as they
 * post: the channel's bound is checked in one statement, without counting its messages.
 */
@ApplicationScoped
public class ChannelUsageRepository {

    /** Messages and bytes (UTF-8) members posted in one channel. */
    public record Usage(long messages, long bytes) {
    }

    /**
     * Counts one more post of {@code bytes} if the channel stays within both bounds; false (and
     * nothing counted) otherwise. Concurrent posts to one channel queue up on its usage row.
     */
    public Uni<Boolean> reserve(UUID incidentId, long bytes, int maxMessages, long maxBytes) {
        if (bytes > maxBytes) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO channel_usage (incident_id, messages, bytes) VALUES (:id, 1, :bytes)
                        ON CONFLICT (incident_id) DO UPDATE
                            SET messages = channel_usage.messages + 1, bytes = channel_usage.bytes + EXCLUDED.bytes
                            WHERE channel_usage.messages < :maxMessages
                              AND channel_usage.bytes + EXCLUDED.bytes <= :maxBytes""")
                .setParameter("id", incidentId).setParameter("bytes", bytes)
                .setParameter("maxMessages", maxMessages).setParameter("maxBytes", maxBytes)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<Usage> usage(UUID incidentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT messages, bytes FROM channel_usage WHERE incident_id = :id", Object[].class)
                .setParameter("id", incidentId).getResultList())
                .map(ChannelUsageRepository::usageOf);
    }

    private static Usage usageOf(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new Usage(0, 0);
        }
        return new Usage(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue());
    }
}
