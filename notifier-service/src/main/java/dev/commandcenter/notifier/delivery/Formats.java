package dev.commandcenter.notifier.delivery;

import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.notifier.channel.WebhookFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message as each webhook format's receiver expects its JSON body. */
public final class Formats {
    static final String BOT_NAME = "Command Center";

    private Formats() {
    }

    public static String body(WebhookFormat format, Message message) {
        return switch (format) {
            case GENERIC -> EventJson.writeValue(message);
            case SLACK -> EventJson.writeValue(Map.of("text", "*" + slackEscape(message.title()) + "*\n"
                    + slackEscape(message.text()) + "\n<" + message.incidentUrl() + "|Open the incident>"));
            case MATTERMOST -> EventJson.writeValue(Map.of("username", BOT_NAME, "text", "**" + message.title()
                    + "**\n" + message.text() + "\n[Open the incident](" + message.incidentUrl() + ")"));
            case TEAMS -> EventJson.writeValue(teamsCard(message));
            case EMAIL -> throw new IllegalArgumentException("email is not a webhook");
        };
    }

    /** Plain text of an email: the words, then the link. */
    public static String emailText(Message message) {
        return message.text() + "\n\nOpen the incident: " + message.incidentUrl() + "\n";
    }

    /** A legacy MessageCard: what Teams' incoming webhooks (and workflow connectors) still render. */
    private static Map<String, Object> teamsCard(Message message) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("@type", "MessageCard");
        card.put("@context", "https://schema.org/extensions");
        card.put("summary", message.title());
        card.put("themeColor", "C62828");
        card.put("title", message.title());
        card.put("text", message.text());
        card.put("potentialAction", List.of(Map.of("@type", "OpenUri", "name", "Open the incident",
                "targets", List.of(Map.of("os", "default", "uri", message.incidentUrl())))));
        return card;
    }

    /** Slack's three control characters; everything else is literal text. */
    private static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
