-- Custom migration: the tables of tamper evidence (docs/integrity.md). The events table is not
-- changed: the log lives beside it.
--
-- audit_log_pending: events stored but not yet leaves. The service's insert adds a row here in the
-- same statement as the event (only for rows actually inserted, so a duplicate adds none), so a
-- transaction that commits late is picked up whenever it commits: the sequencer takes what is
-- visible, never a range of ids, and nothing falls through a gap. A work queue, not evidence: the
-- sequencer deletes what it sealed.
CREATE TABLE "audit_log_pending" (
  "seq" bigserial PRIMARY KEY,
  "event_id" uuid NOT NULL,
  "event_date" date NOT NULL
);
--> statement-breakpoint
-- One row per leaf, in leaf order. correlation_id and event_timestamp are copied from the event when
-- it is sealed, so a verifier can find the leaves of a correlation id or a window even after its
-- events were deleted.
CREATE TABLE "audit_log_leaves" (
  "leaf_index" bigint PRIMARY KEY,
  "event_id" uuid NOT NULL UNIQUE,
  "event_date" date NOT NULL,
  "correlation_id" varchar(255) NOT NULL,
  "event_timestamp" timestamp(6) with time zone NOT NULL,
  "leaf_hash" bytea NOT NULL CHECK (octet_length("leaf_hash") = 32),
  "sealed_at" timestamp(3) with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX "audit_log_leaves_correlation_idx" ON "audit_log_leaves" ("correlation_id", "leaf_index");
--> statement-breakpoint
CREATE INDEX "audit_log_leaves_timestamp_idx" ON "audit_log_leaves" ("event_timestamp");
--> statement-breakpoint
-- Every perfect subtree of the tree above the leaves: the node at (level, node_index) is the hash of
-- leaves [node_index * 2^level, (node_index + 1) * 2^level). Any proof is a few of these.
CREATE TABLE "audit_log_nodes" (
  "level" smallint NOT NULL CHECK ("level" BETWEEN 1 AND 62),
  "node_index" bigint NOT NULL,
  "hash" bytea NOT NULL CHECK (octet_length("hash") = 32),
  PRIMARY KEY ("level", "node_index")
);
--> statement-breakpoint
-- Signed tree heads. The signature covers the text of docs/integrity.md#checkpoints.
CREATE TABLE "audit_log_checkpoints" (
  "tree_size" bigint PRIMARY KEY CHECK ("tree_size" > 0),
  "root_hash" bytea NOT NULL CHECK (octet_length("root_hash") = 32),
  "signed_at" timestamp(3) with time zone NOT NULL,
  "origin" varchar(255) NOT NULL,
  "key_id" char(16) NOT NULL,
  "signature" bytea NOT NULL CHECK (octet_length("signature") = 64)
);
--> statement-breakpoint
-- The sequencer's cursor: the tree's size and the roots of its perfect subtrees (largest first),
-- enough to append. One row, updated under FOR UPDATE by the one sequencer.
CREATE TABLE "audit_log_state" (
  "id" smallint PRIMARY KEY CHECK ("id" = 1),
  "tree_size" bigint NOT NULL,
  "peaks" bytea[] NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_log_state" ("id", "tree_size", "peaks") VALUES (1, 0, '{}');
--> statement-breakpoint
-- Monthly partitions the retention job dropped: their events' leaves stay, and the verifier reports
-- such an event as removed by retention on removed_at instead of missing.
CREATE TABLE "audit_retention_removals" (
  "partition_month" date PRIMARY KEY,
  "partition_name" varchar(255) NOT NULL,
  "removed_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
  "events" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_legal_holds" (
  "id" uuid PRIMARY KEY,
  "correlation_id" varchar(255) NOT NULL,
  "reason" text NOT NULL,
  "placed_by" varchar(255) NOT NULL,
  "placed_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
  "released_by" varchar(255),
  "released_at" timestamp(3) with time zone,
  "release_reason" text
);
--> statement-breakpoint
CREATE INDEX "audit_legal_holds_active_idx" ON "audit_legal_holds" ("correlation_id") WHERE "released_at" IS NULL;
--> statement-breakpoint
-- The evidence tables are append-only, like audit_events (0002).
CREATE OR REPLACE FUNCTION "audit_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_leaves_append_only" BEFORE UPDATE OR DELETE ON "audit_log_leaves"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_leaves_no_truncate" BEFORE TRUNCATE ON "audit_log_leaves"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_nodes_append_only" BEFORE UPDATE OR DELETE ON "audit_log_nodes"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_nodes_no_truncate" BEFORE TRUNCATE ON "audit_log_nodes"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "audit_log_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_log_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_retention_removals_append_only" BEFORE UPDATE OR DELETE ON "audit_retention_removals"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
-- A legal hold is never deleted; its only change is its release, once.
CREATE OR REPLACE FUNCTION "audit_legal_holds_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."released_at" IS NULL AND NEW."released_at" IS NOT NULL
     AND NEW."id" = OLD."id" AND NEW."correlation_id" = OLD."correlation_id"
     AND NEW."reason" = OLD."reason" AND NEW."placed_by" = OLD."placed_by"
     AND NEW."placed_at" = OLD."placed_at" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_legal_holds: % refused (a hold is only ever released, once)', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_legal_holds_guard" BEFORE UPDATE OR DELETE ON "audit_legal_holds"
  FOR EACH ROW EXECUTE FUNCTION "audit_legal_holds_guard"();
