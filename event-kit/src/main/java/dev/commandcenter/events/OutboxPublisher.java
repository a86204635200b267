package dev.commandcenter.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends outbox rows to their topics. A bean of its own so the emitter is connected on first use,
 * after reactive messaging has started.
 */
@ApplicationScoped
public class OutboxPublisher {
    private final MutinyEmitter<String> emitter;
    private final Duration sendTimeout;

    public OutboxPublisher(@Channel("outbox") MutinyEmitter<String> emitter, EventsConfig config) {
        this.emitter = emitter;
        this.sendTimeout = config.relay().sendTimeout();
    }

    /** What became of one row's send. */
    public record Sent(PendingEvent row, Throwable failure) {
        public boolean acknowledged() {
            return failure == null;
        }
    }

    /**
     * Sends every row at once, in order, and completes when each was acknowledged or failed. The
     * sends are subscribed in list order, so the producer receives them in that order and, being
     * idempotent, keeps it per partition while the requests are in flight together.
     */
    public Uni<List<Sent>> publishAll(List<PendingEvent> rows) {
        List<Uni<Sent>> sends = rows.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast();
    }

    private Uni<Sent> send(PendingEvent row) {
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic())
                        .withKey(row.messageKey())
                        .build()))
                .ifNoItem().after(sendTimeout).fail()
                .map(ignored -> new Sent(row, null))
                .onFailure().recoverWithItem(failure -> new Sent(row, failure));
    }
}
