package dev.commandcenter.notifier.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commandcenter.notifier.channel.WebhookFormat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription; {@code secret} only in the answer that created it (generic webhooks), never again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(UUID id, String teamId, String name, List<String> eventTypes, WebhookFormat format,
        String url, List<String> addresses, boolean signed, String secret, String createdBy, Instant createdAt,
        Instant updatedAt) {
}
