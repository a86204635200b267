package dev.commandcenter.notifier.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.notifier.channel.WebhookFormat;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription as created and replaced: which event types (e.g. {@code incident.started.v1}) go
 * where. Webhook formats need {@code url}; EMAIL needs {@code addresses} (checked by the mapper).
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 100) @NoControlCharacters String teamId,
        @NotBlank @Size(max = 100) @NoControlCharacters String name,
        @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 100) String> eventTypes,
        @NotNull WebhookFormat format,
        @Size(max = 2000) @NoControlCharacters String url,
        @Size(min = 1, max = 10) List<@NotBlank @Email @Size(max = 254) String> addresses) {
}
