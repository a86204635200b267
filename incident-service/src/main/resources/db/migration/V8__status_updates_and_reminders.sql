-- Status updates: what the people following an incident are told, in a phase, newest first.
CREATE TABLE status_update (
    id          UUID PRIMARY KEY,
    incident_id UUID         NOT NULL REFERENCES incident (id),
    phase       VARCHAR(20)  NOT NULL,
    text        TEXT         NOT NULL,
    author_id   VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX status_update_incident_created ON status_update (incident_id, created_at DESC, id DESC);

-- The status-update reminder: the interval copied from the playbook at the start (null: off), and when
-- the bot reminds next (null: never). The state lives here, so a restart loses nothing and every
-- replica sees the same due reminders.
ALTER TABLE incident ADD COLUMN reminder_interval_minutes INTEGER;
ALTER TABLE incident ADD COLUMN next_reminder_at TIMESTAMPTZ;
CREATE INDEX incident_next_reminder ON incident (next_reminder_at) WHERE active AND next_reminder_at IS NOT NULL;
