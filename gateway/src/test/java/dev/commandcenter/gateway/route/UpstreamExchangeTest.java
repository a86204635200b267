package dev.commandcenter.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a request that got no answer may go to the service once more. */
class UpstreamExchangeTest {

    @ParameterizedTest(name = "{0}, body {1}, written {2}: again {3}")
    @CsvSource({
            // nothing reached the service: any request may go again
            "POST, true, false, true",
            "PATCH, true, false, true",
            "GET, false, false, true",
            // it may have reached the service: only bodiless idempotent requests
            "GET, false, true, true",
            "HEAD, false, true, true",
            "OPTIONS, false, true, true",
            "DELETE, false, true, true",
            "DELETE, true, true, false",
            "PUT, true, true, false",
            "POST, false, true, false",
            "POST, true, true, false",
            "PATCH, true, true, false" })
    void onlyRequestsThatCannotTakeEffectTwiceAreSentAgain(String method, boolean hasBody, boolean written,
            boolean again) {
        assertThat(UpstreamExchange.maySendAgain(HttpMethod.valueOf(method), hasBody, written)).isEqualTo(again);
    }
}
