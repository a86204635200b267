package dev.commandcenter.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one outbox row to its topic and completes when the broker acknowledged it. A bean of its
 * own so the emitter is connected on first use, after reactive messaging has started.
 */
@ApplicationScoped
public class OutboxPublisher {
    private final MutinyEmitter<String> emitter;

    public OutboxPublisher(@Channel("outbox") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(OutboxEvent row) {
        return emitter.sendMessage(Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .build()));
    }
}
