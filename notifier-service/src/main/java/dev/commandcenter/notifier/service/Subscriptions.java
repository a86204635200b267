package dev.commandcenter.notifier.service;

import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.channel.SecretSealer;
import dev.commandcenter.notifier.channel.WebhookFormat;
import dev.commandcenter.notifier.channel.WebhookGuard;
import dev.commandcenter.notifier.config.ChannelsConfig;
import dev.commandcenter.notifier.model.Subscription;
import dev.commandcenter.notifier.repository.SubscriptionRepository;
import dev.commandcenter.notifier.repository.TeamLocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A team's subscriptions: which incident events go to which webhook or addresses. Webhook URLs pass
 * the SSRF guard before they are stored (and again at every send). A generic webhook gets a signing
 * secret, returned once at creation and stored sealed.
 */
@ApplicationScoped
public class Subscriptions {
    private static final String SUBSCRIPTION = "Subscription";

    private final SubscriptionRepository subscriptions;
    private final WebhookGuard guard;
    private final SecretSealer sealer;
    private final TeamLocks locks;
    private final ChannelsConfig config;

    public Subscriptions(SubscriptionRepository subscriptions, WebhookGuard guard, SecretSealer sealer,
            TeamLocks locks, ChannelsConfig config) {
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.sealer = sealer;
        this.locks = locks;
        this.config = config;
    }

    /** A created subscription and, for a generic webhook, its signing secret (never shown again). */
    public record Created(Subscription subscription, String secret) {
    }

    public Uni<Created> create(SubscriptionDefinition definition, CurrentUser user) {
        return Uni.createFrom().voidItem().invoke(() -> user.requireTeam(definition.teamId()))
                .chain(() -> requireReachable(definition))
                .chain(() -> Panache.withTransaction(() -> locks.lock("subscriptions", definition.teamId())
                        .chain(() -> subscriptions.countOfTeam(definition.teamId()))
                        .chain(count -> {
                            if (count >= config.limits().subscriptionsPerTeam()) {
                                throw ProblemException.conflict("Team " + definition.teamId() + " already has "
                                        + config.limits().subscriptionsPerTeam()
                                        + " subscriptions; delete one first");
                            }
                            Subscription subscription = new Subscription();
                            subscription.id = UUID.randomUUID();
                            subscription.teamId = definition.teamId();
                            subscription.createdBy = user.id();
                            subscription.createdAt = Instant.now();
                            String secret = apply(subscription, definition);
                            return subscriptions.persist(subscription).call(subscriptions::flush)
                                    .map(saved -> new Created(saved, secret));
                        })));
    }

    /** Replaces what a subscription sends where; a generic webhook keeps its secret, a new one gets one. */
    public Uni<Created> replace(UUID id, SubscriptionDefinition definition, CurrentUser user) {
        return get(id, user).invoke(found -> {
            if (!found.teamId.equals(definition.teamId())) {
                throw ProblemException.invalidField("teamId",
                        "a subscription stays in its team (" + found.teamId + ")");
            }
        }).chain(() -> requireReachable(definition))
                .chain(() -> Panache.withTransaction(() -> subscriptions.findById(id).chain(subscription -> {
                    if (subscription == null) {
                        throw ProblemException.notFound(SUBSCRIPTION + " " + id);
                    }
                    String secret = apply(subscription, definition);
                    return subscriptions.flush().map(done -> new Created(subscription, secret));
                })));
    }

    public Uni<Void> delete(UUID id, CurrentUser user) {
        return Panache.withTransaction(() -> subscriptions.findById(id).map(s -> visible(s, id, user))
                .chain(subscriptions::delete));
    }

    @WithSession
    public Uni<Subscription> get(UUID id, CurrentUser user) {
        return subscriptions.findById(id).map(subscription -> visible(subscription, id, user));
    }

    @WithSession
    public Uni<List<Subscription>> list(String teamId, CurrentUser user) {
        return Uni.createFrom().item(teamId).invoke(user::requireTeam).chain(subscriptions::ofTeam);
    }

    static Subscription visible(Subscription subscription, UUID id, CurrentUser user) {
        if (subscription == null || !user.canAccessTeam(subscription.teamId)) {
            throw ProblemException.notFound(SUBSCRIPTION + " " + id);
        }
        return subscription;
    }

    private Uni<Void> requireReachable(SubscriptionDefinition definition) {
        if (!definition.format().isWebhook()) {
            return Uni.createFrom().voidItem();
        }
        return guard.check(definition.url()).replaceWithVoid().onFailure(WebhookGuard.Refused.class)
                .transform(refused -> ProblemException.invalidField("url", refused.getMessage()));
    }

    /** Applies the definition; the new secret when the subscription just became a generic webhook. */
    private String apply(Subscription subscription, SubscriptionDefinition definition) {
        subscription.name = definition.name();
        subscription.eventTypes = List.copyOf(definition.eventTypes());
        subscription.format = definition.format();
        subscription.url = definition.format().isWebhook() ? definition.url() : null;
        subscription.addresses = definition.format().isWebhook() ? null : List.copyOf(definition.addresses());
        subscription.updatedAt = Instant.now();
        String secret = null;
        if (definition.format() != WebhookFormat.GENERIC) {
            subscription.secretSealed = null;
        } else if (subscription.secretSealed == null) {
            secret = SecretSealer.newSecret();
            subscription.secretSealed = sealer.seal(secret);
        }
        return secret;
    }
}
