CREATE TABLE playbook (
    id             UUID PRIMARY KEY,
    team_id        VARCHAR(100)  NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    description    VARCHAR(4096) NOT NULL DEFAULT '',
    public_channel BOOLEAN       NOT NULL,
    -- Ordered stages with their ordered steps, as one JSON document: always read and written whole.
    stages         TEXT          NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    deleted_at     TIMESTAMPTZ,
    version        BIGINT        NOT NULL
);
CREATE INDEX playbook_team_created ON playbook (team_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE playbook_member (
    playbook_id UUID         NOT NULL REFERENCES playbook (id),
    user_id     VARCHAR(100) NOT NULL,
    PRIMARY KEY (playbook_id, user_id)
);
CREATE INDEX playbook_member_user ON playbook_member (user_id);
