-- The relay parks a row that keeps failing for a permanent reason (too large, unserializable) so
-- the rows after it flow on; an operator re-drives parked rows after a fix (see event-kit README).
ALTER TABLE outbox_event
    ADD COLUMN attempts   INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN last_error TEXT,
    ADD COLUMN parked_at  TIMESTAMPTZ;

DROP INDEX outbox_event_unpublished;
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_parked ON outbox_event (seq) WHERE parked_at IS NOT NULL;
-- Housekeeping purges published rows and old processed-event ids by age.
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

-- Wakes the relay of every replica when a transaction that wrote events commits: NOTIFY is
-- delivered on commit only (never for a rollback), and one per transaction however many rows.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
