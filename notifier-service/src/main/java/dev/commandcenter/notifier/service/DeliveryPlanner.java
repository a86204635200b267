package dev.commandcenter.notifier.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.InvalidEventException;
import dev.commandcenter.notifier.config.ChannelsConfig;
import dev.commandcenter.notifier.delivery.Message;
import dev.commandcenter.notifier.delivery.MessageRenderer;
import dev.commandcenter.notifier.model.Delivery;
import dev.commandcenter.notifier.model.Subscription;
import dev.commandcenter.notifier.repository.DeliveryRepository;
import dev.commandcenter.notifier.repository.SubscriptionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which subscriptions an incident event goes to and records one delivery for each, inside
 * the consumer's transaction (so with the event marked processed; the unique (event, subscription)
 * pair keeps a redelivered event from delivering twice). The sender sends them afterwards.
 *
 * <p>Routing: a subscription of the event's team for the event's type gets it; except that a status
 * update goes to the subscriptions its communication plan's audiences name (an audience's
 * {@code where} equal to a subscription's name, case-insensitive) when any does, and a slash command
 * run goes only to chat webhooks (Slack, Mattermost), and only when the platform did not execute it.
 */
@ApplicationScoped
public class DeliveryPlanner {
    static final String EXECUTED = "executed";

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final String publicUrl;

    public DeliveryPlanner(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
            ChannelsConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** Records the event's deliveries; runs in the caller's transaction. Events without a team or incident are skipped. */
    public Uni<Void> plan(EventEnvelope event) {
        if (event.teamid() == null || event.teamid().isBlank() || event.data() == null || !event.data().isObject()) {
            return Uni.createFrom().voidItem();
        }
        JsonNode data = event.data();
        String teamId = text(data, "teamId");
        if (teamId != null && !teamId.equals(event.teamid())) {
            return Uni.createFrom().failure(new InvalidEventException("Incident event " + event.id()
                    + " names another team than its envelope", null));
        }
        String incidentId = text(data, "incidentId");
        if (incidentId == null || incidentId.isBlank() || incidentId.length() > 64) {
            return Uni.createFrom().voidItem();
        }
        if (event.is(EventType.TASK_SLASH_COMMAND_RUN) && EXECUTED.equals(text(data, "state"))) {
            return Uni.createFrom().voidItem();
        }
        return subscriptions.ofTeam(event.teamid()).chain(ofTeam -> {
            List<Subscription> targets = targets(event, data, ofTeam);
            if (targets.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Message message = MessageRenderer.render(event, data, incidentId, publicUrl);
            String json = EventJson.writeValue(message);
            Instant now = Instant.now();
            Uni<Void> inserted = Uni.createFrom().voidItem();
            for (Subscription subscription : targets) {
                Delivery delivery = new Delivery();
                delivery.id = UUID.randomUUID();
                delivery.eventId = event.id();
                delivery.subscriptionId = subscription.id;
                delivery.teamId = event.teamid();
                delivery.incidentId = incidentId;
                delivery.eventType = event.type();
                delivery.message = json;
                delivery.nextAttemptAt = now;
                delivery.createdAt = now;
                inserted = inserted.chain(() -> deliveries.insertOnce(delivery).replaceWithVoid());
            }
            return inserted;
        });
    }

    static List<Subscription> targets(EventEnvelope event, JsonNode data, List<Subscription> ofTeam) {
        if (event.is(EventType.INCIDENT_STATUS_UPDATED)) {
            Set<String> named = new HashSet<>();
            JsonNode audiences = data.get("audiences");
            if (audiences != null && audiences.isArray()) {
                audiences.forEach(a -> {
                    String where = text(a, "where");
                    if (where != null) {
                        named.add(where.strip().toLowerCase(Locale.ROOT));
                    }
                });
            }
            List<Subscription> byPlan = ofTeam.stream()
                    .filter(s -> named.contains(s.name.toLowerCase(Locale.ROOT))).toList();
            if (!byPlan.isEmpty()) {
                return byPlan;
            }
        }
        boolean chatOnly = event.is(EventType.TASK_SLASH_COMMAND_RUN);
        return ofTeam.stream().filter(s -> s.wants(event.type()) && (!chatOnly || s.format.isChat())).toList();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
