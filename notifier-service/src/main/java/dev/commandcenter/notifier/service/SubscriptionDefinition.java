package dev.commandcenter.notifier.service;

import dev.commandcenter.notifier.channel.WebhookFormat;
import java.util.List;

/** A subscription as the service takes it: checked for shape, not yet for its URL's reach. */
public record SubscriptionDefinition(String teamId, String name, List<String> eventTypes, WebhookFormat format,
        String url, List<String> addresses) {
}
