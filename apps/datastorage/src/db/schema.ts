import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'

/** Contract default of `retention_days` (seven years). */
export const DEFAULT_RETENTION_DAYS = 2555

/**
 * `audit_events`: one row per stored audit event, the columns of the contract's `AuditEventFields`
 * plus `event_date` (partition key), `stored_at`, and the defaults of `retention_days`/`is_sensitive`.
 *
 * Drizzle cannot declare partitioning: migration 0001 replaces the table 0000 creates with a
 * `PARTITION BY RANGE (event_date)` table of the same shape and adds the monthly partition
 * function, 0002 the append-only triggers, 0005 the one partition of every month before 2000,
 * 0006 `recorded_by`, 0007 `parent_event_date`.
 * Keep this file and the migrations in step with `pnpm db:generate`.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    eventId: uuid('event_id').notNull(),
    /** UTC date of event_timestamp; the partition key (a generated column cannot be one). */
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    version: varchar('version', { length: 10 }).notNull(),
    eventType: varchar('event_type', { length: 100 }).notNull(),
    eventTimestamp: timestamp('event_timestamp', {
      withTimezone: true,
      precision: 6,
      mode: 'string',
    }).notNull(),
    eventCategory: varchar('event_category', { length: 50 }).notNull(),
    eventAction: varchar('event_action', { length: 50 }).notNull(),
    eventOutcome: varchar('event_outcome', { length: 20 }).notNull(),
    correlationId: varchar('correlation_id', { length: 255 }).notNull(),
    eventData: jsonb('event_data').$type<Record<string, unknown>>().notNull(),
    actorType: varchar('actor_type', { length: 50 }),
    actorId: varchar('actor_id', { length: 255 }),
    // Text, not inet: the contract returns the address exactly as it was sent.
    actorIp: varchar('actor_ip', { length: 45 }),
    resourceType: varchar('resource_type', { length: 100 }),
    resourceId: varchar('resource_id', { length: 255 }),
    resourceName: varchar('resource_name', { length: 255 }),
    parentEventId: uuid('parent_event_id'),
    /**
     * The parent event's timestamp, as clients of the system this one replaces send it beside
     * `parent_event_id` (migration 0007). Stored in UTC with microseconds like event_timestamp.
     */
    parentEventDate: timestamp('parent_event_date', { withTimezone: true, precision: 6, mode: 'string' }),
    namespace: varchar('namespace', { length: 255 }),
    clusterId: varchar('cluster_id', { length: 255 }),
    severity: varchar('severity', { length: 20 }),
    durationMs: integer('duration_ms'),
    errorCode: varchar('error_code', { length: 50 }),
    errorMessage: text('error_message'),
    traceId: varchar('trace_id', { length: 32 }),
    spanId: varchar('span_id', { length: 16 }),
    retentionDays: integer('retention_days').notNull().default(DEFAULT_RETENTION_DAYS),
    isSensitive: boolean('is_sensitive').notNull().default(false),
    storedAt: timestamp('stored_at', { withTimezone: true, precision: 6, mode: 'string' })
      .notNull()
      .defaultNow(),
    /**
     * Who stored the event: the name of the token that wrote it, or a reserved name with a colon
     * (`auth/principals.ts`). Set by the service on insert, never from the request body. NULL on
     * rows stored before migration 0006, which the API then returns without the field.
     */
    recordedBy: varchar('recorded_by', { length: 255 }),
  },
  (t) => [
    // A unique key on a partitioned table must contain the partition key, so event_id alone cannot
    // be one here: audit_event_ids below makes it unique.
    primaryKey({ name: 'audit_events_pkey', columns: [t.eventId, t.eventDate] }),
    check(
      'audit_events_event_date_matches_timestamp',
      sql`${t.eventDate} = (${t.eventTimestamp} AT TIME ZONE 'UTC')::date`,
    ),
    check('audit_events_retention_days_range', sql`${t.retentionDays} BETWEEN 1 AND 2555`),
    check('audit_events_duration_ms_non_negative', sql`${t.durationMs} >= 0`),
    // The keyset order of the query endpoint. NULLS FIRST is what a plain `ORDER BY … DESC` means;
    // drizzle-kit would otherwise write NULLS LAST and the planner could not read the index in order.
    index('audit_events_time_idx').on(t.eventTimestamp.desc().nullsFirst(), t.eventId.desc().nullsFirst()),
    // Filter indexes end with the timestamp so "newest N matching X" reads one index range in order.
    index('audit_events_correlation_id_idx').on(t.correlationId, t.eventTimestamp.desc().nullsFirst()),
    index('audit_events_event_type_idx').on(t.eventType, t.eventTimestamp.desc().nullsFirst()),
    // Optional columns: partial indexes skip the many rows without a value.
    index('audit_events_actor_id_idx')
      .on(t.actorId, t.eventTimestamp.desc().nullsFirst())
      .where(sql`${t.actorId} IS NOT NULL`),
    index('audit_events_resource_idx')
      .on(t.resourceType, t.resourceId, t.eventTimestamp.desc().nullsFirst())
      .where(sql`${t.resourceType} IS NOT NULL`),
    index('audit_events_namespace_idx')
      .on(t.namespace, t.eventTimestamp.desc().nullsFirst())
      .where(sql`${t.namespace} IS NOT NULL`),
    // Partial too: rows stored before recorded_by existed have none.
    index('audit_events_recorded_by_idx')
      .on(t.recordedBy, t.eventTimestamp.desc().nullsFirst())
      .where(sql`${t.recordedBy} IS NOT NULL`),
    // Partial: most events carry no trace id (only those written inside an OpenTelemetry span).
    index('audit_events_trace_id_idx')
      .on(t.traceId, t.eventTimestamp.desc().nullsFirst())
      .where(sql`${t.traceId} IS NOT NULL`),
    // jsonb_path_ops: about a third of the size of the default opclass and enough for `@>` lookups;
    // the GIN index is the costliest part of an insert.
    index('audit_events_event_data_idx').using('gin', t.eventData.op('jsonb_path_ops')),
  ],
)

/** A row as Drizzle reads it. */
export type AuditEventRow = typeof auditEvents.$inferSelect

/**
 * `audit_event_ids`: every event_id stored, once. `audit_events` is partitioned by date and
 * PostgreSQL can only enforce a unique key that holds the partition key, so this unpartitioned
 * table is what makes `event_id` unique whatever the timestamp: the store claims the ids of a batch
 * here (`ON CONFLICT DO NOTHING`) in the statement that inserts the rows, and writes only the rows
 * whose id it claimed (migrations 0003 and 0004).
 */
export const auditEventIds = pgTable('audit_event_ids', {
  eventId: uuid('event_id').primaryKey(),
  /** `event_date` of the row holding the id, so that retention can find the ids of a dropped partition. */
  eventDate: date('event_date', { mode: 'string' }).notNull(),
})
