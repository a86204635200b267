-- Chat slash commands (Mattermost, Slack). A chat tool names its users by its own ids and names; a
-- team maps them to platform users here. Without a row, the chat user name is taken as the platform
-- user name. A chat user is mapped once per team and tool, by id or by name (whichever the team knows).
CREATE TABLE chat_user (
    id         UUID         PRIMARY KEY,
    team_id    VARCHAR(100) NOT NULL,
    tool       VARCHAR(20)  NOT NULL CHECK (tool IN ('MATTERMOST', 'SLACK')),
    chat_user  VARCHAR(100) NOT NULL,
    user_id    VARCHAR(100) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX chat_user_key ON chat_user (team_id, tool, chat_user);

-- The chat channel an incident was started from: later commands in that channel act on it. A new
-- start in the same channel links the channel to the new incident instead.
CREATE TABLE chat_channel (
    integration_id UUID         NOT NULL REFERENCES integration (id),
    channel_id     VARCHAR(100) NOT NULL,
    incident_id    UUID         NOT NULL REFERENCES incident (id),
    linked_by      VARCHAR(100) NOT NULL,
    linked_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (integration_id, channel_id)
);
CREATE INDEX chat_channel_incident ON chat_channel (incident_id);
