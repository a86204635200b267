package dev.commandcenter.notifier.delivery;

import dev.commandcenter.notifier.channel.Signature;
import dev.commandcenter.notifier.channel.WebhookFormat;
import dev.commandcenter.notifier.channel.WebhookGuard;
import dev.commandcenter.notifier.config.ChannelsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * Posts a message to a webhook. The host is resolved and checked by the {@link WebhookGuard} for
 * every attempt, and the connection goes to exactly the address it checked (the URL's host stays in
 * the Host header and TLS name check). Redirects are not followed: a 3xx counts as a failure, so a
 * receiver cannot bounce the request to an internal address. Each send is bounded by
 * {@code notifier.deliveries.request-timeout}.
 */
@ApplicationScoped
public class WebhookClient {
    static final String USER_AGENT = "CommandCenter-Notifier/1";

    private final WebhookGuard guard;
    private final HttpClient client;
    private final Duration timeout;

    public WebhookClient(WebhookGuard guard, Vertx vertx, ChannelsConfig config) {
        this.guard = guard;
        this.timeout = config.deliveries().requestTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(config.deliveries().maxInFlight()));
    }

    /** Sends; never fails: every problem becomes a failed {@link Outcome} for the delivery log. */
    public Uni<Outcome> send(WebhookFormat format, String url, String secret, Message message) {
        URI uri;
        try {
            uri = WebhookGuard.parse(url);
        } catch (WebhookGuard.Refused refused) {
            return Uni.createFrom().item(Outcome.failed(null, "refused: " + refused.getMessage()));
        }
        String body = Formats.body(format, message);
        return guard.resolve(uri).chain(address -> post(uri, address, format, secret, body))
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout))
                .onFailure().recoverWithItem(WebhookClient::failure);
    }

    private Uni<Outcome> post(URI uri, InetAddress address, WebhookFormat format, String secret, String body) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost())
                .setPort(port).setSsl(https).setURI(path)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setIdleTimeout(timeout.toMillis()).setFollowRedirects(false)
                .putHeader("Content-Type", "application/json").putHeader("User-Agent", USER_AGENT);
        if (format == WebhookFormat.GENERIC && secret != null) {
            options.putHeader(Signature.HEADER, Signature.header(secret, Instant.now().getEpochSecond(), body));
        }
        return client.request(options).chain(request -> request.send(body))
                .chain(response -> response.body().map(ignored -> outcome(response)));
    }

    private static Outcome outcome(HttpClientResponse response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Outcome.delivered(status);
        }
        if (status >= 300 && status < 400) {
            return Outcome.failed(status, "redirect to " + response.getHeader("Location")
                    + " not followed (webhooks must answer directly)");
        }
        return Outcome.failed(status, "HTTP " + status + " " + response.statusMessage());
    }

    private static Outcome failure(Throwable failure) {
        if (failure instanceof WebhookGuard.Refused) {
            return Outcome.failed(null, "refused: " + failure.getMessage());
        }
        return Outcome.failed(null, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
