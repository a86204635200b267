package dev.commandcenter.notifier.channel;

import dev.commandcenter.notifier.config.ChannelsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSRF guard of webhook URLs. At save time it refuses what can never be sent; at send time it
 * resolves the host and hands the sender the one address it checked, so a DNS answer that changes
 * between the check and the connection (rebinding) cannot slip through. Redirects are never followed
 * (the sender treats 3xx as a failure), so there is no second hop to check.
 */
@ApplicationScoped
public class WebhookGuard {
    private final Set<String> allowedHosts;
    private final Vertx vertx;

    public WebhookGuard(ChannelsConfig config, Vertx vertx) {
        this.allowedHosts = config.webhooks().allowedHosts().orElse(Set.of()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        this.vertx = vertx;
    }

    /** Refused: the message says why, for the user (at save) or the delivery log (at send). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The parsed URL, or {@link Refused} when it is not an absolute http(s) URL with a host and no credentials. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials");
        }
        return uri;
    }

    /** The address to connect to for {@code uri}, resolved off the event loop; fails with {@link Refused}. */
    public Uni<InetAddress> resolve(URI uri) {
        String host = hostOf(uri);
        return vertx.executeBlocking(Uni.createFrom().item(() -> addressOf(host)));
    }

    /** Parses and resolves, for checks at save time. */
    public Uni<InetAddress> check(String url) {
        return Uni.createFrom().item(() -> parse(url)).chain(this::resolve);
    }

    private InetAddress addressOf(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("host " + host + " does not resolve");
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return addresses[0];
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = AddressClassifier.refusal(address);
            if (refusal.isPresent()) {
                throw new Refused("host " + host + " resolves to a " + refusal.get() + " address ("
                        + address.getHostAddress() + "), which webhooks may not reach");
            }
        }
        return addresses[0];
    }

    static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return IDN.toASCII(host);
    }
}
