package dev.commandcenter.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every category of address a webhook may not reach, and the public ones it may; no network needed. */
class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1|loopback", "127.255.255.254|loopback",
        "10.0.0.1|private", "10.255.255.255|private", "172.16.0.1|private", "172.31.255.255|private",
        "192.168.1.1|private",
        "169.254.169.254|link-local", "169.254.0.1|link-local",
        "100.64.0.1|carrier-grade NAT", "100.127.255.255|carrier-grade NAT",
        "0.0.0.0|this network", "0.1.2.3|this network",
        "224.0.0.1|multicast", "239.255.255.255|multicast",
        "255.255.255.255|broadcast", "240.0.0.1|reserved",
        "::1|loopback", "::|unspecified",
        "fe80::1|link-local", "fc00::1|unique-local", "fd12:3456:789a::1|unique-local",
        "ff02::1|multicast", "fec0::1|site-local",
        "::ffff:127.0.0.1|loopback", "::ffff:10.1.2.3|private", "::ffff:169.254.169.254|link-local",
        "::127.0.0.1|loopback", "64:ff9b::a9fe:a9fe|link-local", "2002:c0a8:0101::1|private"})
    void internalAddressesAreRefused(String address, String category) throws UnknownHostException {
        assertThat(AddressClassifier.refusal(InetAddress.getByName(address))).hasValueSatisfying(
                reason -> assertThat(reason).contains(category));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "169.253.1.1", "192.169.0.1", "11.0.0.1", "2606:4700:4700::1111", "2001:db8::1", "::ffff:8.8.8.8"})
    void publicAddressesPass(String address) throws UnknownHostException {
        assertThat(AddressClassifier.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://example.com/", "ftp://example.com/x", "example.com/hook",
        "http:///nohost", "https://user:pass@example.com/hook", "not a url"})
    void onlyHttpUrlsWithAHostAndNoCredentialsAreWebhookUrls(String url) {
        assertThatThrownBy(() -> WebhookGuard.parse(url)).isInstanceOf(WebhookGuard.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.slack.com/services/T/B/X", "http://example.com:8080/hook?x=1"})
    void httpAndHttpsUrlsParse(String url) {
        assertThat(WebhookGuard.parse(url).getHost()).isNotBlank();
    }
}
