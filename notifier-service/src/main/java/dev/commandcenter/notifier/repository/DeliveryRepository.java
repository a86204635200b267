package dev.commandcenter.notifier.repository;

import dev.commandcenter.notifier.model.Delivery;
import dev.commandcenter.notifier.model.DeliveryAttempt;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Records that {@code eventId} is to be delivered to {@code subscriptionId}, unless it already is:
     * the unique (event, subscription) pair makes a redelivered event a no-op.
     */
    public Uni<Integer> insertOnce(Delivery delivery) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into delivery (id, event_id,"
                + " subscription_id, team_id, incident_id, event_type, message, status, attempts, next_attempt_at,"
                + " created_at) values (:id, :eventId, :subscriptionId, :teamId, :incidentId, :eventType, :message,"
                + " 'PENDING', 0, :due, :createdAt) on conflict (event_id, subscription_id) do nothing")
                .setParameter("id", delivery.id).setParameter("eventId", delivery.eventId)
                .setParameter("subscriptionId", delivery.subscriptionId).setParameter("teamId", delivery.teamId)
                .setParameter("incidentId", delivery.incidentId).setParameter("eventType", delivery.eventType)
                .setParameter("message", delivery.message).setParameter("due", delivery.nextAttemptAt)
                .setParameter("createdAt", delivery.createdAt).executeUpdate());
    }

    /** An incident's deliveries in the given teams (all teams when empty), newest first. */
    public Uni<List<Delivery>> ofIncident(String incidentId, Collection<String> teamIds, int page, int size) {
        return (teamIds.isEmpty()
                ? find("incidentId = ?1 order by createdAt desc, id", incidentId)
                : find("incidentId = ?1 and teamId in ?2 order by createdAt desc, id", incidentId, teamIds))
                .page(Page.of(page, size)).list();
    }

    public Uni<List<Delivery>> ofSubscription(UUID subscriptionId, int page, int size) {
        return find("subscriptionId = ?1 order by createdAt desc, id", subscriptionId).page(Page.of(page, size)).list();
    }

    public Uni<List<Delivery>> ofTeam(String teamId, int page, int size) {
        return find("teamId = ?1 order by createdAt desc, id", teamId).page(Page.of(page, size)).list();
    }

    /** The attempts of the given deliveries, in order. */
    public Uni<List<DeliveryAttempt>> attemptsOf(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createQuery("from DeliveryAttempt a"
                + " where a.key.deliveryId in :ids order by a.key.deliveryId, a.key.number", DeliveryAttempt.class)
                .setParameter("ids", deliveryIds).getResultList());
    }
}
