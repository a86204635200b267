-- The settings an incident inherits from its playbook; each part is read and written whole, as JSON.
ALTER TABLE playbook
    ADD COLUMN roles                          TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN status_templates               TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN status_update_reminder_minutes INTEGER,
    ADD COLUMN communication_plan             TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN incident_criteria              TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN severities                     TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN learning_flow                  TEXT NOT NULL DEFAULT '{"statuses":[],"autoEnterSeverities":[],"optOutAllowed":true}',
    ADD COLUMN updated_by                     VARCHAR(100);
UPDATE playbook SET updated_by = created_by;
ALTER TABLE playbook ALTER COLUMN updated_by SET NOT NULL;

-- Keyset pagination for each sort order of the list (no OFFSET): title A-Z, recently updated first.
CREATE INDEX playbook_team_title ON playbook (team_id, lower(title), id) WHERE deleted_at IS NULL;
CREATE INDEX playbook_team_updated ON playbook (team_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
