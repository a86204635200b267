package dev.commandcenter.incident.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commandcenter.kit.problem.ProblemException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What chat tools send: the {@code application/x-www-form-urlencoded} body of a slash command
 * (Mattermost and Slack alike), Slack's request signature, and the JSON {@code payload} of Slack's
 * message shortcut. The body is read here from its raw bytes because Slack signs exactly those bytes.
 */
public final class ChatFormats {
    /** How far a Slack request's timestamp may be from now: older ones may be replays (Slack's own advice). */
    public static final Duration SLACK_MAX_SKEW = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLACK_VERSION = "v0";

    private ChatFormats() {
    }

    /** A Slack interaction ({@code type} {@code message_action}: a message shortcut): who used it, where, on which post. */
    public record MessageAction(String type, String callbackId, String userId, String userName, String channelId,
            String postText) {
        public boolean isMessageShortcut() {
            return "message_action".equals(type);
        }
    }

    /** The form's fields; a field sent twice keeps its first value. 400 for a body that is not a form. */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.length == 0) {
            return fields;
        }
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("body", "is not a URL-encoded form: " + e.getMessage());
        }
        return fields;
    }

    /**
     * Whether Slack's {@code X-Slack-Request-Timestamp} (seconds since the epoch) is within
     * {@link #SLACK_MAX_SKEW} of {@code now}, either way: an older one may be a replay.
     */
    public static boolean isFresh(String timestamp, Instant now) {
        try {
            long seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
            return Math.abs(now.getEpochSecond() - seconds) <= SLACK_MAX_SKEW.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Whether {@code signature} is Slack's {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body}
     * under the signing secret; compared in constant time, so a forger learns nothing from the timing.
     */
    public static boolean slackSignatureMatches(String signingSecret, String timestamp, byte[] body,
            String signature) {
        if (signature == null || signingSecret == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((SLACK_VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            byte[] expected = (SLACK_VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body == null ? new byte[0]
                    : body))).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The {@code payload} of a Slack message shortcut; 400 if it is not one. */
    public static MessageAction messageAction(String payload) {
        JsonNode root;
        try {
            root = payload == null || payload.isBlank() ? null : JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("payload", "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.invalidField("payload", "must be Slack's interaction payload (a JSON object)");
        }
        JsonNode user = root.path("user");
        String name = text(user.path("username"));
        return new MessageAction(text(root.path("type")), text(root.path("callback_id")), text(user.path("id")),
                name != null ? name : text(user.path("name")), text(root.path("channel").path("id")),
                text(root.path("message").path("text")));
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
