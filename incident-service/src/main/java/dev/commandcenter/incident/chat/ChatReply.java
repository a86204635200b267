package dev.commandcenter.incident.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a slash command, in the shape both Mattermost and Slack take: {@code ephemeral} is
 * shown only to the person who typed the command (help, refusals, lookups), {@code in_channel} to
 * everyone in the channel (what changed).
 */
public record ChatReply(@JsonProperty("response_type") String responseType, String text) {
    public static final String EPHEMERAL = "ephemeral";
    public static final String IN_CHANNEL = "in_channel";

    public static ChatReply ephemeral(String text) {
        return new ChatReply(EPHEMERAL, text);
    }

    public static ChatReply inChannel(String text) {
        return new ChatReply(IN_CHANNEL, text);
    }
}
