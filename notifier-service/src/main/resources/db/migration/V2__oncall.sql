-- On-call schedules: the rotation layers are one JSON text column (read and written whole, at most
-- 10 layers of 50 participants); shifts are computed from them, never stored.
CREATE TABLE oncall_schedule (
    id          UUID PRIMARY KEY,
    team_id     VARCHAR(100)  NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    description VARCHAR(1000),
    time_zone   VARCHAR(64)   NOT NULL,
    layers      TEXT          NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL
);
CREATE UNIQUE INDEX oncall_schedule_team_name ON oncall_schedule (team_id, lower(name));

-- Overrides: a person covers a time range of one schedule; added and removed one at a time.
CREATE TABLE oncall_override (
    id          UUID PRIMARY KEY,
    schedule_id UUID         NOT NULL REFERENCES oncall_schedule (id) ON DELETE CASCADE,
    user_id     VARCHAR(100) NOT NULL,
    starts_at   TIMESTAMPTZ  NOT NULL,
    ends_at     TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX oncall_override_schedule_end ON oncall_override (schedule_id, ends_at);

-- Escalation policies: levels (a schedule or a user, with a timeout each) as one JSON text column.
CREATE TABLE escalation_policy (
    id           UUID PRIMARY KEY,
    team_id      VARCHAR(100)  NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    description  VARCHAR(1000),
    repeat_count INT           NOT NULL CHECK (repeat_count BETWEEN 0 AND 9),
    levels       TEXT          NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);
CREATE UNIQUE INDEX escalation_policy_team_name ON escalation_policy (team_id, lower(name));
