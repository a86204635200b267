package dev.commandcenter.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wakes the relay when events are committed: a trigger on {@code outbox_event} runs
 * {@code pg_notify('outbox_event')}, which PostgreSQL delivers when (and only when) the writing
 * transaction commits, to every listening replica, this one included. That is the signal for this
 * replica too: an in-process signal raised by the writer would fire before its commit, when the
 * rows are not visible yet. A lost connection is re-established every second; the relay's poll
 * covers the gap.
 */
@ApplicationScoped
public class OutboxWakeup {
    private static final Logger LOG = Logger.getLogger(OutboxWakeup.class);
    static final String CHANNEL = "outbox_event";

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final EventsConfig config;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;
    private volatile boolean connectedOnce;

    public OutboxWakeup(Vertx vertx, OutboxRelay relay, EventsConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.relay = relay;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1) StartupEvent event) {
        if (!config.relay().listen()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:")
                ? url.substring("vertx-reactive:".length()) : url).setUser(user).setPassword(password)
                .setMetricsName("outbox-wakeup");
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(payload -> relay.wake())
                .subscribeHandler(ignored -> relay.wake());
        subscriber.closeHandler(ignored -> LOG.debug("Outbox wake-up connection closed; reconnecting"));
        subscriber.connect().onComplete(result -> {
            if (result.failed()) {
                LOG.warnf("Outbox wake-up not listening (%s); the relay polls every %s", result.cause().getMessage(),
                        config.relay().pollInterval());
            } else {
                connectedOnce = true;
            }
        });
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** Whether the listening connection is up (for tests and health). */
    public boolean listening() {
        return connectedOnce && subscriber != null && !subscriber.closed();
    }
}
