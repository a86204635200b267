package dev.commandcenter.notifier.mapping;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.Topics;
import dev.commandcenter.kit.problem.Problem;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.notifier.model.Delivery;
import dev.commandcenter.notifier.model.DeliveryAttempt;
import dev.commandcenter.notifier.model.Subscription;
import dev.commandcenter.notifier.rest.DeliveryResponses;
import dev.commandcenter.notifier.rest.SubscriptionRequest;
import dev.commandcenter.notifier.rest.SubscriptionResponse;
import dev.commandcenter.notifier.service.SubscriptionDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Subscription requests to definitions, with the rules that span fields; subscriptions and deliveries to responses. */
public final class SubscriptionMapper {
    /** What a team may subscribe to: its incidents' events. */
    public static final Set<String> SUBSCRIBABLE = Arrays.stream(EventType.values())
            .filter(t -> t.topic().equals(Topics.INCIDENTS)).map(EventType::value)
            .collect(Collectors.toUnmodifiableSet());

    private SubscriptionMapper() {
    }

    public static SubscriptionDefinition definition(SubscriptionRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.eventTypes().size(); i++) {
            if (!SUBSCRIBABLE.contains(request.eventTypes().get(i))) {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]", "is not an incident event type"));
            }
        }
        if (request.eventTypes().stream().distinct().count() != request.eventTypes().size()) {
            errors.add(new Problem.FieldError("eventTypes", "must not repeat an event type"));
        }
        if (request.format().isWebhook()) {
            if (request.url() == null || request.url().isBlank()) {
                errors.add(new Problem.FieldError("url", "is required for a webhook"));
            }
            if (request.addresses() != null) {
                errors.add(new Problem.FieldError("addresses", "are for EMAIL subscriptions only"));
            }
        } else {
            if (request.addresses() == null) {
                errors.add(new Problem.FieldError("addresses", "are required for EMAIL"));
            }
            if (request.url() != null) {
                errors.add(new Problem.FieldError("url", "is for webhooks only"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new SubscriptionDefinition(request.teamId(), request.name().strip(), List.copyOf(request.eventTypes()),
                request.format(), request.url() == null ? null : request.url().strip(),
                request.addresses() == null ? null : request.addresses().stream().map(String::strip).distinct()
                        .toList());
    }

    public static SubscriptionResponse response(Subscription s, String secret) {
        return new SubscriptionResponse(s.id, s.teamId, s.name, s.eventTypes, s.format, s.url, s.addresses,
                s.secretSealed != null, secret, s.createdBy, s.createdAt, s.updatedAt);
    }

    public static DeliveryResponses.Delivery response(Delivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryResponses.Delivery(d.id, d.eventId, d.eventType, d.subscriptionId, d.teamId, d.incidentId,
                d.status, d.attempts, Delivery.PENDING.equals(d.status) ? d.nextAttemptAt : null, d.lastStatus,
                d.lastError, d.createdAt, d.deliveredAt, attempts.stream().map(a -> new DeliveryResponses.Attempt(
                        a.key.number(), a.at, a.statusCode, a.error, a.durationMs)).toList());
    }
}
