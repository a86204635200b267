-- Incidents get a severity, one of the levels their playbook defines (kept in the read model).
ALTER TABLE incident ADD COLUMN severity VARCHAR(20);
CREATE INDEX incident_team_severity_created ON incident (team_id, severity, created_at DESC, id DESC);
ALTER TABLE playbook_view ADD COLUMN severities TEXT NOT NULL DEFAULT '[]';
