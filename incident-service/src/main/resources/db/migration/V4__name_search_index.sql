-- "Name contains" search without scanning the team's incidents: a trigram index on the lower-cased
-- channel name (pg_trgm is a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX incident_name_trgm ON incident USING gin (lower(name) gin_trgm_ops);
