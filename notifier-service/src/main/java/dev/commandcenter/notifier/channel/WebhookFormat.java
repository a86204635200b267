package dev.commandcenter.notifier.channel;

/** Where a subscription sends: a webhook in one of the formats receivers understand, or email. */
public enum WebhookFormat {
    /** JSON of the whole message, signed with the subscription's secret. */
    GENERIC,
    /** Slack incoming webhook: {@code {"text": ...}}. */
    SLACK,
    /** Mattermost incoming webhook: {@code {"text": ..., "username": ...}}. */
    MATTERMOST,
    /** Microsoft Teams incoming webhook: a MessageCard with a button to the incident. */
    TEAMS,
    /** Email to the subscription's addresses through SMTP. */
    EMAIL;

    public boolean isWebhook() {
        return this != EMAIL;
    }

    public boolean isChat() {
        return this == SLACK || this == MATTERMOST;
    }
}
