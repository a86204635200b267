-- One row per notification sent; event_id ties it to the event that caused it (at most once).
CREATE TABLE notification (
    id          UUID PRIMARY KEY,
    event_id    VARCHAR(64)  NOT NULL UNIQUE,
    incident_id VARCHAR(64)  NOT NULL,
    team_id     VARCHAR(100) NOT NULL,
    recipient   VARCHAR(100) NOT NULL,
    channel     VARCHAR(20)  NOT NULL,
    kind        VARCHAR(50)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX notification_incident_created ON notification (incident_id, created_at, id);
