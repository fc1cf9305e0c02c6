-- recorded_by: who stored the row (a token's name, or a reserved name with a colon), set by the
-- service on insert and never changed (the append-only trigger of 0002 refuses UPDATE). Rows stored
-- before this migration keep NULL, which the API returns as an absent field. A nullable column
-- without a default is a catalog change only: no partition is rewritten. The index is built on
-- every partition and holds writes back while it is built.
ALTER TABLE "audit_events" ADD COLUMN "recorded_by" varchar(255);--> statement-breakpoint
CREATE INDEX "audit_events_recorded_by_idx" ON "audit_events" USING btree ("recorded_by","event_timestamp" DESC NULLS FIRST) WHERE "audit_events"."recorded_by" IS NOT NULL;
