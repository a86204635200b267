-- Integrations: how alerting systems and chat tools reach a team without an OIDC login. Each
-- authenticates with a secret: generated here and shown once (generic, Alertmanager, PagerDuty), or
-- the chat tool's own (Mattermost's command token). Only a SHA-256 of it is stored; Slack signs its
-- requests with a signing secret, which must be readable to check the signature: it is stored
-- sealed (AES-GCM with the installation's key) instead.
CREATE TABLE integration (
    id              UUID PRIMARY KEY,
    team_id         VARCHAR(100) NOT NULL,
    kind            VARCHAR(20)  NOT NULL CHECK (kind IN ('GENERIC', 'ALERTMANAGER', 'PAGERDUTY', 'MATTERMOST', 'SLACK')),
    name            VARCHAR(100) NOT NULL,
    playbook_id     UUID         NOT NULL,
    owner_id        VARCHAR(100) NOT NULL,
    secret_hash     VARCHAR(64),
    sealed_secret   VARCHAR(200),
    secret_hint     VARCHAR(8)   NOT NULL,
    resolve_ends    BOOLEAN      NOT NULL,
    rate_per_minute INTEGER      NOT NULL CHECK (rate_per_minute BETWEEN 1 AND 6000),
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    rotated_at      TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    last_used_at    TIMESTAMPTZ
);
CREATE INDEX integration_team ON integration (team_id, created_at, id);
-- A presented key is looked up by its hash; two live integrations never share one.
CREATE UNIQUE INDEX integration_secret_hash ON integration (secret_hash) WHERE secret_hash IS NOT NULL;

-- One row per alert (dedup key) an integration has seen: which incident it belongs to. The row is
-- written first in the alert's transaction (INSERT ... ON CONFLICT), so concurrent duplicates queue up
-- on it and exactly one of them starts the incident.
CREATE TABLE alert_key (
    integration_id UUID         NOT NULL REFERENCES integration (id),
    dedup_key      VARCHAR(255) NOT NULL,
    incident_id    UUID         NOT NULL,
    status         VARCHAR(20)  NOT NULL CHECK (status IN ('TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED')),
    alerts         INTEGER      NOT NULL,
    first_at       TIMESTAMPTZ  NOT NULL,
    last_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (integration_id, dedup_key)
);
CREATE INDEX alert_key_incident ON alert_key (incident_id);
