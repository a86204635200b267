package dev.commandcenter.notifier.service;

import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.model.Delivery;
import dev.commandcenter.notifier.model.DeliveryAttempt;
import dev.commandcenter.notifier.repository.DeliveryRepository;
import dev.commandcenter.notifier.repository.SubscriptionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The delivery log, newest first, a page at a time. Visible like notifications: an incident's
 * deliveries to members of the incident's team only (other teams see an empty log, as if there were
 * none), a subscription's to members of its team; system administrators see all.
 */
@ApplicationScoped
public class DeliveryLog {
    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;

    public DeliveryLog(DeliveryRepository deliveries, SubscriptionRepository subscriptions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
    }

    /** One page of deliveries with their attempts; {@code more} when a further page has any. */
    public record LogPage(List<Delivery> deliveries, Map<UUID, List<DeliveryAttempt>> attempts, boolean more) {
        public List<DeliveryAttempt> attemptsOf(UUID deliveryId) {
            return attempts.getOrDefault(deliveryId, List.of());
        }
    }

    @WithSession
    public Uni<LogPage> ofIncident(String incidentId, int page, int size, CurrentUser user) {
        if (!user.isSystemAdmin() && user.teams().isEmpty()) {
            return Uni.createFrom().item(new LogPage(List.of(), Map.of(), false));
        }
        return withAttempts(deliveries.ofIncident(incidentId, user.visibleTeamsOrAllForAdmin(), page, size + 1), size);
    }

    @WithSession
    public Uni<LogPage> ofSubscription(UUID subscriptionId, int page, int size, CurrentUser user) {
        return subscriptions.findById(subscriptionId)
                .invoke(found -> Subscriptions.visible(found, subscriptionId, user))
                .chain(found -> withAttempts(deliveries.ofSubscription(subscriptionId, page, size + 1), size));
    }

    @WithSession
    public Uni<LogPage> ofTeam(String teamId, int page, int size, CurrentUser user) {
        return Uni.createFrom().item(teamId).invoke(user::requireTeam)
                .chain(team -> withAttempts(deliveries.ofTeam(team, page, size + 1), size));
    }

    private Uni<LogPage> withAttempts(Uni<List<Delivery>> found, int size) {
        return found.chain(list -> {
            List<Delivery> shown = list.size() > size ? list.subList(0, size) : list;
            return deliveries.attemptsOf(shown.stream().map(d -> d.id).toList())
                    .map(attempts -> new LogPage(List.copyOf(shown), attempts.stream()
                            .collect(Collectors.groupingBy(a -> a.key.deliveryId())), list.size() > size));
        });
    }
}
