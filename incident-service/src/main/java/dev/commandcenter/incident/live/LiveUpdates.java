package dev.commandcenter.incident.live;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.kit.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * What changed in which incident, for pages that follow an incident live. Fed from the incident's
 * own events on {@code incident-events.v1}, read by every replica in a consumer group of its own
 * (so a change made through any replica reaches the pages connected to any other), from the end of
 * the topic and without committing: a page that connects later loads the current state anyway.
 * Content-free: the page fetches what changed with the viewer's own permissions.
 *
 * <p>Bounded: at most {@code incident.live.max-streams} open streams per replica and
 * {@code incident.live.max-streams-per-user} per user (429 beyond, with a problem detail).
 */
@ApplicationScoped
public class LiveUpdates {
    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);

    /** One change: which incident, which event, who did it and when. */
    public record Change(String incidentId, String type, String actorId, Instant at) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final AtomicInteger streams = new AtomicInteger();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    /** How many open streams follow each incident (by id), so events of unfollowed incidents cost nothing. */
    private final Map<String, AtomicInteger> followed = new ConcurrentHashMap<>();
    private final int maxStreams;
    private final int maxPerUser;

    public LiveUpdates(@ConfigProperty(name = "incident.live.max-streams", defaultValue = "2000") int maxStreams,
            @ConfigProperty(name = "incident.live.max-streams-per-user", defaultValue = "20") int maxPerUser) {
        this.maxStreams = maxStreams;
        this.maxPerUser = maxPerUser;
    }

    @Incoming("incident-live")
    public void onIncidentEvent(ConsumerRecord<String, String> record) {
        // Every start and change of every incident passes here: most have no page following them, so
        // they are skipped by the record's key (the incident id) before anything is parsed.
        if (record.key() == null || !followed.containsKey(record.key())) {
            return;
        }
        try {
            EventEnvelope event = EventJson.read(record.value());
            if (event.subject() != null && event.type().startsWith("incident.")) {
                changes.onNext(new Change(event.subject(), event.type(), event.actorid(), event.time()));
            }
        } catch (RuntimeException unreadable) {
            // Not ours to judge: the services that own the topic dead-letter it. A page misses nothing it
            // could show.
            LOG.debugf("Live updates skipped an unreadable event: %s", unreadable.getMessage());
        }
    }

    /** A place among the open streams, taken before the stream's response starts and given back when it ends. */
    public final class Slot {
        private final String userId;
        private final AtomicInteger mine;
        private final java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean(true);

        private Slot(String userId, AtomicInteger mine) {
            this.userId = userId;
            this.mine = mine;
        }

        public void release() {
            if (held.compareAndSet(true, false)) {
                LiveUpdates.this.release(userId, mine);
            }
        }
    }

    /** Takes a place for one more stream of this user, or refuses with 429 when a bound is reached. */
    public Slot reserve(String userId) {
        AtomicInteger mine = perUser.computeIfAbsent(userId, u -> new AtomicInteger());
        if (streams.incrementAndGet() > maxStreams | mine.incrementAndGet() > maxPerUser) {
            release(userId, mine);
            throw tooMany();
        }
        return new Slot(userId, mine);
    }

    /** The changes of one incident from now on, while the subscriber stays; the slot is given back at the end. */
    public Multi<Change> follow(UUID incidentId, Slot slot) {
        String id = incidentId.toString();
        return changes.filter(change -> id.equals(change.incidentId()))
                .onSubscription().invoke(() -> followed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet())
                .onTermination().invoke(() -> {
                    followed.computeIfPresent(id, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
                    slot.release();
                });
    }

    /** Open streams on this replica (a gauge for operators and a check for tests). */
    public int openStreams() {
        return streams.get();
    }

    private void release(String userId, AtomicInteger mine) {
        streams.decrementAndGet();
        if (mine.decrementAndGet() <= 0) {
            perUser.remove(userId, mine);
        }
    }

    private static ProblemException tooMany() {
        return new ProblemException(429, "too-many-live-streams", "Too Many Requests",
                "Too many pages follow incidents live right now; close some tabs or reload later", List.of());
    }
}
