package dev.commandcenter.gateway.route;

import java.util.List;
import java.util.Optional;

/**
 * Which service owns a path. A prefix owns itself and everything below it
 * ({@code /api/v1/incidents} and {@code /api/v1/incidents/42}), never a mere string extension
 * ({@code /api/v1/incidentsX}).
 */
public final class RouteTable {
    private record Route(String prefix, Upstream upstream, boolean open) {
        Route(String prefix, Upstream upstream) {
            this(prefix, upstream, false);
        }

        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("/api/v1/playbooks", Upstream.PLAYBOOK),
            new Route("/api/v1/playbook-templates", Upstream.PLAYBOOK),
            new Route("/backstage/playbooks", Upstream.PLAYBOOK),
            new Route("/api/v1/incidents", Upstream.INCIDENT),
            new Route("/backstage/incidents", Upstream.INCIDENT),
            new Route("/api/v1/integrations", Upstream.INCIDENT),
            // Alerting systems and chat tools cannot sign in: their integration key goes to
            // incident-service as they sent it, and incident-service checks it.
            new Route("/api/v1/intake", Upstream.INCIDENT, true),
            new Route("/api/v1/notifications", Upstream.NOTIFIER),
            new Route("/api/v1/oncall", Upstream.NOTIFIER),
            new Route("/backstage/notifier", Upstream.NOTIFIER),
            new Route("/api/v1/telemetry", Upstream.TELEMETRY),
            new Route("/api/v1/analytics", Upstream.TELEMETRY),
            new Route("/backstage/telemetry", Upstream.TELEMETRY));

    private RouteTable() {
    }

    /**
     * Whether the path is served without a login: the service behind it authenticates the caller
     * itself, from the request as sent (the {@code Authorization} header is passed through untouched).
     */
    public static boolean isOpen(String path) {
        return ROUTES.stream().filter(route -> route.matches(path)).findFirst().map(Route::open).orElse(false);
    }

    /** The service for a normalized request path, if any owns it. */
    public static Optional<Upstream> upstreamFor(String path) {
        return ROUTES.stream().filter(route -> route.matches(path)).map(Route::upstream).findFirst();
    }
}
