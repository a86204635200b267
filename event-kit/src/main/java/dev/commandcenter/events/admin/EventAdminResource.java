package dev.commandcenter.events.admin;

import dev.commandcenter.events.DeadLetters;
import dev.commandcenter.events.Housekeeping;
import dev.commandcenter.events.OutboxRelay;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The event pipeline's operator endpoints on each service's own port (the gateway does not route
 * {@code /admin}), for system administrators: what is parked or dead-lettered, and the re-drive and
 * replay that send it again after a fix.
 */
@Path("/admin/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Event pipeline administration")
public class EventAdminResource {
    private static final int MAX_LISTED = 100;

    private final Pool pool;
    private final OutboxRelay relay;
    private final Housekeeping housekeeping;
    private final DeadLetters deadLetters;

    public EventAdminResource(Pool pool, OutboxRelay relay, Housekeeping housekeeping, DeadLetters deadLetters) {
        this.pool = pool;
        this.relay = relay;
        this.housekeeping = housekeeping;
        this.deadLetters = deadLetters;
    }

    public record ParkedEvent(long seq, String eventId, String eventType, String topic, String key, int bytes,
            int attempts, String reason, OffsetDateTime parkedAt) {
    }

    public record OutboxStatus(long backlog, long parked, List<ParkedEvent> oldestParked) {
    }

    @GET
    @Path("/outbox")
    @Operation(summary = "Backlog and parked outbox rows (the oldest 100)")
    public Uni<OutboxStatus> outbox() {
        Uni<List<ParkedEvent>> parked = pool.preparedQuery("select seq, event_id, event_type, topic, message_key,"
                        + " octet_length(payload), attempts, last_error, parked_at from outbox_event"
                        + " where parked_at is not null and published_at is null order by seq limit $1")
                .execute(Tuple.of(MAX_LISTED)).map(rows -> {
                    List<ParkedEvent> list = new ArrayList<>();
                    for (Row row : rows) {
                        list.add(new ParkedEvent(row.getLong(0), row.getString(1), row.getString(2),
                                row.getString(3), row.getString(4), row.getInteger(5), row.getInteger(6),
                                row.getString(7), row.getOffsetDateTime(8)));
                    }
                    return list;
                });
        return Uni.combine().all().unis(housekeeping.counts(), parked)
                .with((counts, list) -> new OutboxStatus(counts.backlog(), counts.parked(), list));
    }

    public record Redriven(int redriven) {
    }

    @POST
    @Path("/outbox/parked/redrive")
    @Operation(summary = "Send parked outbox rows again (all, or the one with ?seq=)",
            description = "After fixing what the broker refused (topic settings, the row itself), the rows join"
                    + " the relay's queue again at their place in commit order.")
    public Uni<Redriven> redrive(@QueryParam("seq") Long seq) {
        String sql = "update outbox_event set parked_at = null, attempts = 0 where parked_at is not null"
                + " and published_at is null" + (seq == null ? "" : " and seq = $1");
        return (seq == null ? pool.query(sql).execute() : pool.preparedQuery(sql).execute(Tuple.of(seq)))
                .map(result -> new Redriven(result.rowCount()))
                .call(() -> housekeeping.refreshGauges())
                .invoke(relay::wake);
    }

    @GET
    @Path("/dead-letters")
    @Blocking
    @Operation(summary = "Events waiting in each dead-letter topic of this service")
    public Map<String, Long> deadLetters() {
        return deadLetters.counts();
    }

    @POST
    @Path("/dead-letters/{topic}/replay")
    @Blocking
    @Operation(summary = "Send the events of a dead-letter topic back to their original topic",
            description = "Replays from where the previous replay stopped up to the current end; consumers are"
                    + " idempotent, so an event that was already applied is skipped.")
    public DeadLetters.Replay replay(@PathParam("topic") String topic) {
        if (!deadLetters.topics().contains(topic)) {
            throw new NotFoundException("No dead-letter topic " + topic + " in this service; it has "
                    + deadLetters.topics());
        }
        return deadLetters.replay(topic);
    }
}
