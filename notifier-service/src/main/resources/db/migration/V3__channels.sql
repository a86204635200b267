-- Subscriptions: which of a team's incident events go to which webhook or email addresses.
-- The generic webhook's signing secret is sealed (AES-GCM under notifier.webhooks.sealing-key): the
-- sender needs the secret itself to sign, so it cannot be hashed; sealed, a copy of the database
-- alone does not let anyone forge the team's signatures.
CREATE TABLE subscription (
    id            UUID PRIMARY KEY,
    team_id       VARCHAR(100)  NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    event_types   TEXT          NOT NULL,
    format        VARCHAR(20)   NOT NULL,
    url           VARCHAR(2000),
    addresses     TEXT,
    secret_sealed VARCHAR(200),
    created_by    VARCHAR(100)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);
CREATE UNIQUE INDEX subscription_team_name ON subscription (team_id, lower(name));

-- One delivery per (event, subscription): an event consumed twice cannot deliver twice. The message is
-- rendered when the event is consumed; the sender formats it for the subscription when it sends.
-- Deleting a subscription deletes its deliveries (nothing left to send them to).
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    event_id        VARCHAR(64)   NOT NULL,
    subscription_id UUID          NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    team_id         VARCHAR(100)  NOT NULL,
    incident_id     VARCHAR(64)   NOT NULL,
    event_type      VARCHAR(100)  NOT NULL,
    message         TEXT          NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_status     INT,
    last_error      VARCHAR(500),
    created_at      TIMESTAMPTZ   NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (event_id, subscription_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_incident ON delivery (incident_id, created_at DESC, id);
CREATE INDEX delivery_subscription ON delivery (subscription_id, created_at DESC, id);
CREATE INDEX delivery_team ON delivery (team_id, created_at DESC, id);

-- Every attempt of a delivery (at most notifier.deliveries.max-attempts): when, the HTTP status or the error.
CREATE TABLE delivery_attempt (
    delivery_id  UUID         NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    number       INT          NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    status_code  INT,
    error        VARCHAR(500),
    duration_ms  INT          NOT NULL,
    PRIMARY KEY (delivery_id, number)
);
