package dev.commandcenter.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why {@link UpstreamExchange} never cancels a request it has sent whole: with Vert.x' HTTP/1.1
 * client (4.5), resetting a request whose answer has already arrived closes its connection, which
 * by then is back in the pool and may carry another caller's request. That request dies with
 * "Connection was closed" after the service received it: the gateway answered 502 and the service
 * saw its transaction torn down mid-way. If this test ever fails, Vert.x no longer does this.
 */
class PooledConnectionResetTest {
    private Vertx vertx;
    private HttpClient client;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            long delay = request.path().equals("/slow") ? 500 : 1;
            vertx.setTimer(delay, timer -> request.response().end(request.path()));
        });
        port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .actualPort();
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(1));
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void resettingAnAnsweredRequestClosesTheConnectionUnderTheNextOne() throws Exception {
        HttpClientRequest first = request("/first");
        // body() is asked for on the event loop, in the same turn as the response arrives: asked
        // for later from this thread, the body may already have gone by and the future never ends.
        String answered = first.send().compose(HttpClientResponse::body).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).toString();
        assertThat(answered).isEqualTo("/first");

        HttpClientRequest next = request("/slow"); // the only connection: the first request's
        var nextAnswer = next.send().toCompletionStage().toCompletableFuture();
        first.reset(); // e.g. because the first caller hung up while its answer was being relayed

        assertThat(next.connection()).isSameAs(first.connection());
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> nextAnswer.get(10, TimeUnit.SECONDS));
        assertThat(failure.getCause()).hasMessage("Connection was closed");
    }

    private HttpClientRequest request(String path) throws Exception {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                .setURI(path)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
