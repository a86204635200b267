-- Post-incident learning: after the end an incident may run its playbook's learning statuses (copied
-- with their tasks when it enters), opt out with a reason, and end up closed.
ALTER TABLE incident ADD COLUMN learning_state VARCHAR(20) NOT NULL DEFAULT 'NONE'
    CHECK (learning_state IN ('NONE', 'ACTIVE', 'CLOSED', 'OPTED_OUT'));
ALTER TABLE incident ADD COLUMN learning TEXT NOT NULL DEFAULT '[]';
ALTER TABLE incident ADD COLUMN learning_status VARCHAR(100);
ALTER TABLE incident ADD COLUMN learning_opt_out_reason VARCHAR(1000);
-- The key times of the incident (the start and end are created_at and ended_at).
ALTER TABLE incident ADD COLUMN identified_at TIMESTAMPTZ;
ALTER TABLE incident ADD COLUMN resolved_at TIMESTAMPTZ;
-- The list filtered by learning status (or state) stays an index range scan.
CREATE INDEX incident_team_learning_created ON incident (team_id, learning_state, learning_status, created_at DESC, id DESC);

-- Follow-up actions: tracked work after the incident, at most 100 per incident (checked under its row lock).
CREATE TABLE follow_up (
    id          UUID PRIMARY KEY,
    incident_id UUID         NOT NULL REFERENCES incident (id),
    title       VARCHAR(200) NOT NULL,
    assignee_id VARCHAR(100),
    done        BOOLEAN      NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX follow_up_incident ON follow_up (incident_id, created_at, id);

-- The retrospective as edited by the team (absent: a draft is generated from the record).
CREATE TABLE retrospective (
    incident_id UUID PRIMARY KEY REFERENCES incident (id),
    markdown    TEXT         NOT NULL CHECK (octet_length(markdown) <= 204800),
    version     BIGINT       NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    review_at   TIMESTAMPTZ
);
