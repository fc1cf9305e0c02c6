-- parent_event_date: the parent event's timestamp, which clients of the system this one replaces
-- send beside parent_event_id. Stored exactly (UTC, microseconds), never derived from the parent:
-- the parent may live in another partition, or not be stored here at all. Rows stored before this
-- migration keep NULL, returned as an absent field. A nullable column without a default is a
-- catalog change only: no partition is rewritten, and no index is needed (it is not filtered on).
ALTER TABLE "audit_events" ADD COLUMN "parent_event_date" timestamp(6) with time zone;
