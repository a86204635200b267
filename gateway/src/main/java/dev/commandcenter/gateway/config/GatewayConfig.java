package dev.commandcenter.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/** Everything the gateway itself is configured with, under {@code gateway.*}. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URLs of the services, e.g. {@code gateway.upstream.playbook=http://127.0.0.1:8081}. */
    Upstreams upstream();

    Timeouts timeout();

    /** The gateway's pooled keep-alive connections to each service ({@code gateway.pool.*}). */
    Pool pool();

    RateLimit rateLimit();

    /** Largest request body the gateway forwards ({@code gateway.max-body-size}). */
    MemorySize maxBodySize();

    /**
     * A bearer token must name at least one of these audiences, i.e. be meant for one of the
     * services behind the gateway ({@code gateway.service-audiences}).
     */
    Set<String> serviceAudiences();

    interface Upstreams {
        URI playbook();

        URI incident();

        URI notifier();

        URI telemetry();
    }

    interface Timeouts {
        /** How long to wait for a connection to a service. */
        Duration connect();

        /** How long a service may stay silent (before its response, or between chunks of it). */
        Duration response();
    }

    interface Pool {
        /** Most connections open to one service at once; further requests wait for one to come free. */
        @WithDefault("200")
        int maxSize();

        /**
         * How long an unused connection stays open. Keep it well below the services' own idle
         * timeout ({@code quarkus.http.idle-timeout}, 30 min by default) and any load balancer's in
         * between, so the gateway closes idle connections before a service does: a request sent on a
         * connection the service is closing at that moment can fail without an answer.
         */
        @WithDefault("20s")
        Duration keepAlive();
    }

    /**
     * A token bucket per caller: up to {@code burst} requests at once, refilled with {@code requests}
     * per {@code period} (e.g. 50 per 1s, burst 100).
     */
    interface RateLimit {
        long requests();

        Duration period();

        long burst();
    }
}
