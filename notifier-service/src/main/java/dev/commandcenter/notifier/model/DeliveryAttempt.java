package dev.commandcenter.notifier.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One try of a delivery: when, and the receiver's HTTP status or the error. Read for the log. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {
    @Embeddable
    public record Key(@Column(name = "delivery_id") UUID deliveryId, @Column(name = "number") int number)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;
}
