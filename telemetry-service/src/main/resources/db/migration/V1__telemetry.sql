-- Content-free telemetry: ids, counts, flags and timestamps only, never names or texts.
-- type is what the record is about (incident, playbook); action what happened to it.
CREATE TABLE telemetry_event (
    id                 UUID PRIMARY KEY,
    event_id           VARCHAR(64)  NOT NULL UNIQUE,
    type               VARCHAR(20)  NOT NULL,
    action             VARCHAR(20)  NOT NULL,
    team_id            VARCHAR(100) NOT NULL,
    subject_id         VARCHAR(64)  NOT NULL,
    properties         TEXT         NOT NULL,
    diagnostic_id      VARCHAR(100) NOT NULL,
    server_version     VARCHAR(50)  NOT NULL,
    plugin_version     VARCHAR(50)  NOT NULL,
    event_timestamp    TIMESTAMPTZ  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    original_timestamp TIMESTAMPTZ  NOT NULL
);
CREATE INDEX telemetry_event_subject ON telemetry_event (subject_id, event_timestamp, created_at, id);

-- Values this server generates once and keeps, such as its diagnostic id.
CREATE TABLE telemetry_setting (
    name  VARCHAR(100) PRIMARY KEY,
    value VARCHAR(200) NOT NULL
);
