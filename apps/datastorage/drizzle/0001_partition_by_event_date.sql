-- Custom migration: what drizzle-kit cannot declare.
-- audit_events becomes range-partitioned by month on event_date. PostgreSQL cannot turn a plain
-- table into a partitioned one, so the table 0000 created is swapped for a partitioned table of the
-- same shape. 0000 and 0001 ship together and drizzle's migrate() runs all pending migrations in one
-- transaction, so the plain table is empty; the guard below refuses to run if it is not.
-- Constraint and index names stay those of src/db/schema.ts (and drizzle/meta), so later
-- `drizzle-kit generate` diffs stay correct. Indexes on a partitioned table are cloned to every
-- partition, present and future.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "audit_events") THEN
    RAISE EXCEPTION 'audit_events is not empty; it cannot be swapped for a partitioned table';
  END IF;
END
$$;
--> statement-breakpoint
ALTER TABLE "audit_events" RENAME TO "audit_events_unpartitioned";
--> statement-breakpoint
-- Columns, NOT NULLs, defaults and CHECK constraints (with their names) come from the 0000 table.
CREATE TABLE "audit_events" (
  LIKE "audit_events_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS
) PARTITION BY RANGE ("event_date");
--> statement-breakpoint
DROP TABLE "audit_events_unpartitioned";
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_pkey" PRIMARY KEY ("event_id", "event_date");
--> statement-breakpoint
CREATE INDEX "audit_events_time_idx" ON "audit_events" USING btree ("event_timestamp" DESC NULLS FIRST,"event_id" DESC NULLS FIRST);
--> statement-breakpoint
CREATE INDEX "audit_events_correlation_id_idx" ON "audit_events" USING btree ("correlation_id","event_timestamp" DESC NULLS FIRST);
--> statement-breakpoint
CREATE INDEX "audit_events_event_type_idx" ON "audit_events" USING btree ("event_type","event_timestamp" DESC NULLS FIRST);
--> statement-breakpoint
CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" USING btree ("actor_id","event_timestamp" DESC NULLS FIRST) WHERE "audit_events"."actor_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "audit_events_resource_idx" ON "audit_events" USING btree ("resource_type","resource_id","event_timestamp" DESC NULLS FIRST) WHERE "audit_events"."resource_type" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "audit_events_namespace_idx" ON "audit_events" USING btree ("namespace","event_timestamp" DESC NULLS FIRST) WHERE "audit_events"."namespace" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "audit_events_event_data_idx" ON "audit_events" USING gin ("event_data" jsonb_path_ops);
--> statement-breakpoint
-- Creates the partition audit_events_yYYYYmMM holding the month of `month_day` and returns its name.
-- Safe to call concurrently from many sessions and processes: an existing partition is a no-op, and
-- losing the creation race (duplicate_table, or unique_violation on the catalog) counts as success.
-- There is deliberately no DEFAULT partition: rows of a missing month fail loudly instead of landing
-- where a later CREATE of that month would have to move them.
CREATE OR REPLACE FUNCTION "audit_events_create_month_partition"(month_day date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  lower_bound date := make_date(extract(year FROM month_day)::int, extract(month FROM month_day)::int, 1);
  upper_bound date := (lower_bound + interval '1 month')::date;
  partition_name text := format('audit_events_y%sm%s', to_char(lower_bound, 'YYYY'), to_char(lower_bound, 'MM'));
BEGIN
  -- Checked first so the common case takes no lock on audit_events and logs no NOTICE.
  IF to_regclass(quote_ident(partition_name)) IS NOT NULL THEN
    RETURN partition_name;
  END IF;
  BEGIN
    EXECUTE format(
      'CREATE TABLE IF NOT EXISTS %I PARTITION OF "audit_events" FOR VALUES FROM (%L) TO (%L)',
      partition_name, lower_bound, upper_bound
    );
  EXCEPTION WHEN duplicate_table OR unique_violation THEN
    NULL;
  END;
  RETURN partition_name;
END
$$;
