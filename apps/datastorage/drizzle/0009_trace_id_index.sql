-- trace_id: the W3C trace id the audit client fills from the active OpenTelemetry span, now a filter
-- of the query, the export and the histogram (trace_id=…). Partial, as the other optional columns:
-- most events carry none. Built on every partition of the partitioned table; it holds writes back
-- while it is built.
CREATE INDEX "audit_events_trace_id_idx" ON "audit_events" USING btree ("trace_id","event_timestamp" DESC NULLS FIRST) WHERE "audit_events"."trace_id" IS NOT NULL;