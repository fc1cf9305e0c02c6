CREATE TABLE "audit_event_ids" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"event_date" date NOT NULL
);
