package dev.commandcenter.notifier.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a webhook must never reach: everything that is not a public unicast address, so a
 * team's webhook URL cannot make the notifier call into the cluster, the cloud's metadata service or
 * the machine itself. IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are
 * judged by the embedded address.
 */
public final class AddressClassifier {

    private AddressClassifier() {
    }

    /** Why {@code address} is refused (e.g. "loopback"), or empty when it is a public unicast address. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return ipv6(bytes);
        }
        return Optional.of("not an IP address");
    }

    private static Optional<String> ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("\"this network\" (0.0.0.0/8)");
        }
        if (first == 127) {
            return Optional.of("loopback");
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
            return Optional.of("private");
        }
        if (first == 169 && second == 254) {
            return Optional.of("link-local (incl. the cloud metadata service)");
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT (100.64.0.0/10)");
        }
        if (first >= 224 && first <= 239) {
            return Optional.of("multicast");
        }
        if (first >= 240) {
            return Optional.of("reserved or broadcast");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        if (allZero(b, 0, 15)) {
            return Optional.of(b[15] == 1 ? "loopback" : "unspecified");
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12);
        }
        if (allZero(b, 0, 12)) {
            return embedded(b, 12);
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            return embedded(b, 12);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded(b, 2);
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local (fc00::/7)");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("site-local");
        }
        if ((b[0] & 0xff) == 0xff) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] b, int from) {
        try {
            return ipv4(Inet4Address.getByAddress(Arrays.copyOfRange(b, from, from + 4)).getAddress())
                    .map(reason -> reason + ", embedded in an IPv6 address");
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
