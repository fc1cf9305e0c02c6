CREATE TABLE "audit_events" (
	"event_id" uuid NOT NULL,
	"event_date" date NOT NULL,
	"version" varchar(10) NOT NULL,
	"event_type" varchar(100) NOT NULL,
	"event_timestamp" timestamp(6) with time zone NOT NULL,
	"event_category" varchar(50) NOT NULL,
	"event_action" varchar(50) NOT NULL,
	"event_outcome" varchar(20) NOT NULL,
	"correlation_id" varchar(255) NOT NULL,
	"event_data" jsonb NOT NULL,
	"actor_type" varchar(50),
	"actor_id" varchar(255),
	"actor_ip" varchar(45),
	"resource_type" varchar(100),
	"resource_id" varchar(255),
	"resource_name" varchar(255),
	"parent_event_id" uuid,
	"namespace" varchar(255),
	"cluster_id" varchar(255),
	"severity" varchar(20),
	"duration_ms" integer,
	"error_code" varchar(50),
	"error_message" text,
	"trace_id" varchar(32),
	"span_id" varchar(16),
	"retention_days" integer DEFAULT 2555 NOT NULL,
	"is_sensitive" boolean DEFAULT false NOT NULL,
	"stored_at" timestamp(6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_pkey" PRIMARY KEY("event_id","event_date"),
	CONSTRAINT "audit_events_event_date_matches_timestamp" CHECK ("audit_events"."event_date" = ("audit_events"."event_timestamp" AT TIME ZONE 'UTC')::date),
	CONSTRAINT "audit_events_retention_days_range" CHECK ("audit_events"."retention_days" BETWEEN 1 AND 2555),
	CONSTRAINT "audit_events_duration_ms_non_negative" CHECK ("audit_events"."duration_ms" >= 0)
);
--> statement-breakpoint
CREATE INDEX "audit_events_time_idx" ON "audit_events" USING btree ("event_timestamp" DESC NULLS FIRST,"event_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_correlation_id_idx" ON "audit_events" USING btree ("correlation_id","event_timestamp" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_event_type_idx" ON "audit_events" USING btree ("event_type","event_timestamp" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" USING btree ("actor_id","event_timestamp" DESC NULLS FIRST) WHERE "audit_events"."actor_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_resource_idx" ON "audit_events" USING btree ("resource_type","resource_id","event_timestamp" DESC NULLS FIRST) WHERE "audit_events"."resource_type" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_namespace_idx" ON "audit_events" USING btree ("namespace","event_timestamp" DESC NULLS FIRST) WHERE "audit_events"."namespace" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_event_data_idx" ON "audit_events" USING gin ("event_data" jsonb_path_ops);