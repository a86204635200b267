package dev.commandcenter.notifier.ui;

import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.kit.security.Viewer;
import dev.commandcenter.notifier.model.Delivery;
import dev.commandcenter.notifier.model.DeliveryAttempt;
import dev.commandcenter.notifier.model.Subscription;
import dev.commandcenter.notifier.service.DeliveryLog;
import dev.commandcenter.notifier.service.Subscriptions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The team's outward channels: its subscriptions (where which events go) and the latest deliveries
 * with their status, attempts and last error, so a team sees at a glance that a webhook is failing.
 * Same visibility as the API: members of the team, administrators.
 */
@Path("/backstage/notifier/deliveries")
@Tag(name = "Backstage pages")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Cancellable(false)
public class DeliveryPages {
    static final int SHOWN = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss 'UTC'", Locale.ROOT);

    private final Subscriptions subscriptions;
    private final DeliveryLog log;
    private final CurrentUser user;

    public DeliveryPages(Subscriptions subscriptions, DeliveryLog log, CurrentUser user) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deliveries(DeliveriesView view);
    }

    public record SubscriptionRow(String id, String name, String format, String target, List<String> eventTypes) {
    }

    public record AttemptRow(int number, String at, String result) {
    }

    public record DeliveryRow(String id, String created, String subscription, String eventType, String incidentId,
            String status, int attempts, String lastError, String next, List<AttemptRow> attemptLog) {
    }

    public record DeliveriesView(Viewer viewer, String team, List<SubscriptionRow> subscriptions,
            List<DeliveryRow> deliveries, String error) {
    }

    @GET
    @Operation(summary = "Page: the team's subscriptions and its latest deliveries with status, attempts and last error")
    public Uni<RestResponse<String>> page(@QueryParam("team") String team) {
        List<String> teams = List.copyOf(user.teams());
        String chosen = team != null && !team.isBlank() && team.length() <= 100 ? team
                : teams.isEmpty() ? "" : teams.get(0);
        Viewer viewer = Viewer.of(user);
        if (chosen.isEmpty() || !user.canAccessTeam(chosen)) {
            String refusal = chosen.isEmpty() ? null : "You are not a member of team " + chosen + ".";
            return html(new DeliveriesView(viewer, "", List.of(), List.of(), refusal),
                    chosen.isEmpty() ? RestResponse.Status.OK : RestResponse.Status.FORBIDDEN);
        }
        return subscriptions.list(chosen, user).chain(subs -> log.ofTeam(chosen, 0, SHOWN, user).map(page -> {
            Map<UUID, String> names = subs.stream().collect(Collectors.toMap(s -> s.id, s -> s.name));
            return new DeliveriesView(viewer, chosen, subs.stream().map(DeliveryPages::row).toList(),
                    page.deliveries().stream().map(d -> row(d, names, page.attemptsOf(d.id))).toList(), null);
        })).chain(view -> html(view, RestResponse.Status.OK));
    }

    private static Uni<RestResponse<String>> html(DeliveriesView view, RestResponse.Status status) {
        return Templates.deliveries(view).createUni().map(html -> RestResponse.ResponseBuilder.create(status, html)
                .header("Cache-Control", "no-store").build());
    }

    private static SubscriptionRow row(Subscription s) {
        String target = s.format.isWebhook() ? hostOf(s.url) : String.join(", ", s.addresses);
        return new SubscriptionRow(s.id.toString(), s.name, s.format.name(), target, s.eventTypes);
    }

    /** Only the host of a webhook URL: the path of Slack's and Teams' URLs is the credential. */
    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }

    private static DeliveryRow row(Delivery d, Map<UUID, String> names, List<DeliveryAttempt> attempts) {
        return new DeliveryRow(d.id.toString(), when(d.createdAt), names.getOrDefault(d.subscriptionId, "(deleted)"),
                d.eventType, d.incidentId, d.status, d.attempts, d.lastError,
                Delivery.PENDING.equals(d.status) ? when(d.nextAttemptAt) : null,
                attempts.stream().map(a -> new AttemptRow(a.key.number(), when(a.at),
                        a.statusCode != null && a.error == null ? "HTTP " + a.statusCode
                                : a.error != null ? a.error : "sent")).toList());
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atZone(ZoneOffset.UTC));
    }
}
