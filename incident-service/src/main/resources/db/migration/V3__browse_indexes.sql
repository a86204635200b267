-- Browsing a team's incidents newest first with keyset pagination, filtered by status or commander,
-- stays an index range scan at millions of incidents (no OFFSET anywhere).
CREATE INDEX incident_team_active_created ON incident (team_id, active, created_at DESC, id DESC);
CREATE INDEX incident_team_commander_created ON incident (team_id, commander_id, created_at DESC, id DESC);
CREATE INDEX incident_member_user ON incident_member (user_id, incident_id);
