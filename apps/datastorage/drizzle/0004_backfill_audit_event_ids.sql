-- Custom migration: audit_event_ids (0003) takes every event_id already stored, once.
-- From now on the store inserts a row into audit_events only for an id it claimed in
-- audit_event_ids in the same statement, so event_id is unique whatever the timestamp.
-- Before, uniqueness was per (event_id, event_date): the same id sent with timestamps on different
-- UTC days could have been stored once per day. Such an id keeps one entry here, naming its
-- earliest day, which is the row GET /events/{event_id} returns. Its rows of later days stay in
-- audit_events untouched (the table is append-only: nothing is changed or deleted) and are still
-- listed by queries; no further row can be added for that id. To find them:
--   SELECT e.event_id, e.event_date FROM audit_events e JOIN audit_event_ids i USING (event_id)
--   WHERE e.event_date <> i.event_date;
-- Old service versions do not claim ids: stop them before this migration runs.
INSERT INTO "audit_event_ids" ("event_id", "event_date")
SELECT "event_id", min("event_date") FROM "audit_events" GROUP BY "event_id"
ON CONFLICT ("event_id") DO NOTHING;
