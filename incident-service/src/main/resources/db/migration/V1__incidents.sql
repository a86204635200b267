-- Playbooks as incident-service knows them, from playbook events (never from playbook-service's database).
CREATE TABLE playbook_view (
    id             UUID PRIMARY KEY,
    team_id        VARCHAR(100) NOT NULL,
    title          VARCHAR(200) NOT NULL,
    public_channel BOOLEAN      NOT NULL,
    member_ids     TEXT         NOT NULL,
    stages         TEXT         NOT NULL,
    deleted        BOOLEAN      NOT NULL,
    version        BIGINT       NOT NULL
);

CREATE TABLE incident (
    id             UUID PRIMARY KEY,
    team_id        VARCHAR(100) NOT NULL,
    playbook_id    UUID         NOT NULL,
    name           VARCHAR(100) NOT NULL,
    channel_id     UUID         NOT NULL UNIQUE,
    public_channel BOOLEAN      NOT NULL,
    commander_id   VARCHAR(100) NOT NULL,
    created_by     VARCHAR(100) NOT NULL,
    active         BOOLEAN      NOT NULL,
    -- The playbook's stages and steps as they were when the incident started.
    checklists     TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    ended_at       TIMESTAMPTZ,
    version        BIGINT       NOT NULL
);
-- Channel names are unique within a team.
CREATE UNIQUE INDEX incident_team_channel_name ON incident (team_id, lower(name));
CREATE INDEX incident_team_created ON incident (team_id, created_at DESC, id DESC);

CREATE TABLE incident_member (
    incident_id UUID         NOT NULL REFERENCES incident (id),
    user_id     VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, user_id)
);

-- The incident channel's messages: bot announcements, system messages and members' posts.
CREATE TABLE channel_message (
    id          UUID PRIMARY KEY,
    seq         BIGSERIAL    NOT NULL UNIQUE,
    incident_id UUID         NOT NULL REFERENCES incident (id),
    kind        VARCHAR(20)  NOT NULL,
    author_id   VARCHAR(100) NOT NULL,
    text        TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX channel_message_incident ON channel_message (incident_id, seq);
