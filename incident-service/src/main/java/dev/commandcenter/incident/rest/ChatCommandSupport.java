package dev.commandcenter.incident.rest;

import dev.commandcenter.kit.problem.ProblemException;
import java.util.Map;

/** What the Mattermost and Slack command endpoints share in reading a command's form. */
final class ChatCommandSupport {
    static final int MAX_ID = 100;

    private ChatCommandSupport() {
    }

    /** 400 unless a command's form names the channel and the user. */
    static void requireOrigin(Map<String, String> form) {
        requireOrigin(form.get("channel_id"), form.get("user_id"), form.get("user_name"));
    }

    /**
     * 400 unless the request names the channel and the user: a command acts as someone, on the channel's
     * incident. Both tools always send them; a form without them is not from a chat tool.
     */
    static void requireOrigin(String channelId, String userId, String userName) {
        if (blank(channelId)) {
            throw ProblemException.invalidField("channel_id", "is required: the channel the command was typed in");
        }
        if (blank(userId) && blank(userName)) {
            throw ProblemException.invalidField("user_id", "is required: the user who typed the command");
        }
        requireShort("channel_id", channelId);
        requireShort("user_id", userId);
        requireShort("user_name", userName);
    }

    /** Chat tools' ids and names are short; the tables keep at most {@link #MAX_ID} characters of them. */
    private static void requireShort(String field, String value) {
        if (value != null && value.strip().length() > MAX_ID) {
            throw ProblemException.invalidField(field, "is longer than " + MAX_ID + " characters");
        }
    }

    static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
