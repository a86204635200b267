package dev.commandcenter.gateway.route;

import dev.commandcenter.gateway.config.GatewayConfig;
import java.net.URI;
import java.util.function.Function;

/** The services behind the gateway. */
public enum Upstream {
    PLAYBOOK(GatewayConfig.Upstreams::playbook),
    INCIDENT(GatewayConfig.Upstreams::incident),
    NOTIFIER(GatewayConfig.Upstreams::notifier),
    TELEMETRY(GatewayConfig.Upstreams::telemetry);

    private final Function<GatewayConfig.Upstreams, URI> baseUrl;

    Upstream(Function<GatewayConfig.Upstreams, URI> baseUrl) {
        this.baseUrl = baseUrl;
    }

    public URI baseUrl(GatewayConfig config) {
        return baseUrl.apply(config.upstream());
    }
}
