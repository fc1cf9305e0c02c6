-- Custom migration: audit rows are append-only.
-- A row-level trigger on a partitioned table is cloned to every partition (PostgreSQL >= 13), so
-- an UPDATE or DELETE aimed at a partition directly is refused as well.
CREATE OR REPLACE FUNCTION "audit_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'restrict_violation',
          HINT = 'Audit events are never changed or deleted; retention drops whole monthly partitions.';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();
--> statement-breakpoint
-- Statement-level TRUNCATE triggers are not cloned to partitions; this one guards the whole table.
CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();
