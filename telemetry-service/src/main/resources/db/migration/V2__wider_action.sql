-- The seed's longest task actions (set_assignee_for_task, run_task_slash_command: 21 and 22
-- characters) did not fit VARCHAR(20): their inserts failed (SQLState 22001) and the events were
-- dead-lettered. 64 leaves room for future actions; TelemetryActionsTest checks every action fits.
ALTER TABLE telemetry_event ALTER COLUMN action TYPE VARCHAR(64);
