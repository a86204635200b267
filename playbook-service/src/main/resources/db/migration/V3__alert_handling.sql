-- What alerts may do to the incidents they start (PlaybookContent.AlertHandling).
ALTER TABLE playbook ADD COLUMN alert_resolve_ends BOOLEAN NOT NULL DEFAULT FALSE;
