import type {
  AuditEvent,
  AuditEventWithId,
  EventCategory,
  EventOutcome,
  Severity,
} from '@audit-trail/datastorage-client'
import { type AnyColumn, type SQL, sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { auditEvents, DEFAULT_RETENTION_DAYS } from '../db/schema.js'

/**
 * One column of the bulk insert: its name, how to read it from an event as text (what the error
 * blame of store-errors.ts compares PostgreSQL's quoted value with), and the type PostgreSQL reads
 * it as. The statement reads every column from the batch's JSON (`json_to_recordset`), which
 * converts each value with the column type's own input function, as a cast of the text would.
 */
interface InsertColumn {
  name: string
  value: (event: AuditEventWithId) => string | null
  /** Omitted for text/varchar columns: an assignment to varchar(n) fails on overflow, a cast would truncate. */
  cast?: string
}

const text = (value: string | undefined): string | null => value ?? null

export const INSERT_COLUMNS: readonly InsertColumn[] = [
  { name: 'event_id', value: (e) => e.event_id, cast: 'uuid' },
  { name: 'version', value: (e) => e.version },
  { name: 'event_type', value: (e) => e.event_type },
  { name: 'event_timestamp', value: (e) => e.event_timestamp, cast: 'timestamptz' },
  { name: 'event_category', value: (e) => e.event_category },
  { name: 'event_action', value: (e) => e.event_action },
  { name: 'event_outcome', value: (e) => e.event_outcome },
  { name: 'correlation_id', value: (e) => e.correlation_id },
  { name: 'event_data', value: (e) => JSON.stringify(e.event_data), cast: 'jsonb' },
  { name: 'actor_type', value: (e) => text(e.actor_type) },
  { name: 'actor_id', value: (e) => text(e.actor_id) },
  { name: 'actor_ip', value: (e) => (typeof e.actor_ip === 'string' ? e.actor_ip : null) },
  { name: 'resource_type', value: (e) => text(e.resource_type) },
  { name: 'resource_id', value: (e) => text(e.resource_id) },
  { name: 'resource_name', value: (e) => text(e.resource_name) },
  { name: 'parent_event_id', value: (e) => text(e.parent_event_id), cast: 'uuid' },
  // Canonical (UTC, exact microseconds) like event_timestamp: the store converts it before this.
  { name: 'parent_event_date', value: (e) => text(e.parent_event_date), cast: 'timestamptz' },
  { name: 'namespace', value: (e) => text(e.namespace) },
  { name: 'cluster_id', value: (e) => text(e.cluster_id) },
  { name: 'severity', value: (e) => text(e.severity) },
  {
    name: 'duration_ms',
    value: (e) => (e.duration_ms === undefined ? null : String(e.duration_ms)),
    cast: 'integer',
  },
  { name: 'error_code', value: (e) => text(e.error_code) },
  { name: 'error_message', value: (e) => text(e.error_message) },
  { name: 'trace_id', value: (e) => text(e.trace_id) },
  { name: 'span_id', value: (e) => text(e.span_id) },
  // Defaults applied in the statement (INPUT_VALUES): INSERT … SELECT cannot say DEFAULT per row.
  {
    name: 'retention_days',
    value: (e) => String(e.retention_days ?? DEFAULT_RETENTION_DAYS),
    cast: 'integer',
  },
  { name: 'is_sensitive', value: (e) => String(e.is_sensitive ?? false), cast: 'boolean' },
]

/** Options of {@link bulkInsertStatement}. */
export interface BulkInsertOptions {
  /**
   * `TRANSPARENCY_LOG`: queue the inserted events in `audit_log_pending` for sealing. Off, events
   * are stored unsealed and verification reports them `not_in_log`. [true]
   */
  transparencyLog?: boolean
}

/** The column naming who stored the row: written by the store, not taken from the event. */
export const RECORDED_BY_COLUMN = 'recorded_by'

/** Fields of the event JSON the statement reads: exactly {@link INSERT_COLUMNS}, each as its type. */
const RECORD_TYPE = INSERT_COLUMNS.map((c) => `${c.name} ${c.cast ?? 'text'}`).join(', ')

/** Columns of the input rows: the event's, then `recorded_by`, then the computed `event_date`. */
const INPUT_COLUMNS = [...INSERT_COLUMNS.map((c) => c.name), RECORDED_BY_COLUMN]

/**
 * The value of each column in the input rows: the contract's defaults for `retention_days` and
 * `is_sensitive` (INSERT … SELECT cannot say DEFAULT per row), the field as read otherwise.
 */
const INPUT_VALUES = [
  ...INSERT_COLUMNS.map((c) => {
    if (c.name === 'retention_days')
      return `coalesce(u.retention_days, ${DEFAULT_RETENTION_DAYS}) AS retention_days`
    if (c.name === 'is_sensitive') return 'coalesce(u.is_sensitive, false) AS is_sensitive'
    return `u.${c.name}`
  }),
  `u.${RECORDED_BY_COLUMN}`,
].join(', ')

const COLUMN_LIST = INPUT_COLUMNS.join(', ')
const INPUT_COLUMN_LIST = INPUT_COLUMNS.map((name) => `i.${name}`).join(', ')

/**
 * One statement (so one implicit transaction, all or nothing, and one round trip) with two
 * parameters whatever the batch size, far below the 65,535 bind-parameter limit a multi-row VALUES
 * would hit at 5,000 events:
 * 1. the events are read from the batch as one JSON array (`json_to_recordset`, each field by its
 *    column's type), side by side with `recorded_by` (`unnest(text[])`) in `ROWS FROM`, which pairs
 *    them by position. One `JSON.stringify` of the batch replaces a text array per column: the
 *    service no longer escapes every value of every column into an array literal (a fifth of its
 *    CPU on ingest, issue 14), and PostgreSQL parses one JSON text instead of 28 arrays;
 * 2. their ids are claimed in `audit_event_ids` (`ON CONFLICT (event_id) DO NOTHING`), in id order
 *    so that two batches sharing ids wait on each other instead of deadlocking. A concurrent
 *    statement claiming the same id waits for this one to commit, then finds it taken;
 * 3. only the events whose id was claimed are inserted into `audit_events`, and their ids returned.
 *    That insert has no `ON CONFLICT`: a claimed id has no row (every stored row's id is claimed:
 *    this statement, and migration 0004 for older rows), and the speculative insertion an arbiter
 *    needs cost PostgreSQL 15–35 % of the statement per batch (EXPLAIN ANALYZE, 1000 events, issue
 *    14). A row written around the service (not claimed) with a claimed id therefore fails the
 *    batch with a unique violation (refused, 400), where a silent skip would have reported the
 *    event as stored before while the row holds something else;
 * 4. with the transparency log on, the rows actually inserted (`RETURNING`, so never a duplicate)
 *    are queued in `audit_log_pending` for the sequencer, in the same statement: an event is stored
 *    if and only if it is queued, whenever its transaction commits (docs/integrity.md).
 * An id stored before, with any timestamp, is not returned: the caller reports it as a duplicate.
 * `event_date` is computed by PostgreSQL from the timestamp, exactly as the CHECK constraint does.
 * `recorded_by` is not a field of the event (a request body cannot carry it), so it is never read
 * from one: only the declared fields are read from the JSON, any other key is ignored.
 *
 * @param events - Distinct ids, `event_timestamp` in canonical form (`canonicalTimestamp`): exact
 * microseconds, which PostgreSQL stores without rounding, so the row lands in the month the caller
 * computed from the same text. `parent_event_date`, when set, canonical too. Validated events:
 * `event_data` an object, every other field a string, integer or boolean as the contract says.
 * @param recordedBy - Who stored each event, one name per event in the same order.
 * @throws RangeError when `recordedBy` does not have one name per event.
 */
export function bulkInsertStatement(
  events: readonly AuditEventWithId[],
  recordedBy: readonly string[],
  { transparencyLog = true }: BulkInsertOptions = {},
): SQL {
  if (recordedBy.length !== events.length) {
    throw new RangeError(`recordedBy has ${recordedBy.length} names for ${events.length} events`)
  }
  const claim = sql`
    WITH input AS (
      SELECT (u.event_timestamp AT TIME ZONE 'UTC')::date AS event_date, ${sql.raw(INPUT_VALUES)}
      FROM ROWS FROM (
        json_to_recordset(${sql.param(JSON.stringify(events))}::text::json) AS (${sql.raw(RECORD_TYPE)}),
        unnest(${sql.param([...recordedBy])}::text[])
      ) AS u(${sql.raw(COLUMN_LIST)})
    ), claimed AS (
      INSERT INTO audit_event_ids (event_id, event_date)
      SELECT event_id, event_date FROM input ORDER BY event_id
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id
    )`
  const insert = sql`
    INSERT INTO audit_events (event_date, ${sql.raw(COLUMN_LIST)})
    SELECT i.event_date, ${sql.raw(INPUT_COLUMN_LIST)}
    FROM input AS i JOIN claimed AS c ON c.event_id = i.event_id`
  if (!transparencyLog) return sql`${claim} ${insert} RETURNING event_id`
  // A data-modifying CTE runs whether or not the query reads it.
  return sql`${claim}, inserted AS (${insert} RETURNING event_id, event_date
    ), pending AS (
      INSERT INTO audit_log_pending (event_id, event_date)
      SELECT event_id, event_date FROM inserted ORDER BY event_id
    )
    SELECT event_id FROM inserted`
}

const utcText = (column: AnyColumn) =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/**
 * Columns read back. Timestamps are formatted by PostgreSQL with all six fractional digits: the
 * drivers' Date parsing would drop microseconds (and the cursor must be exact) and the text form
 * would depend on the session's TimeZone and DateStyle.
 */
export const EVENT_SELECTION = {
  eventId: auditEvents.eventId,
  version: auditEvents.version,
  eventType: auditEvents.eventType,
  eventTimestamp: utcText(auditEvents.eventTimestamp),
  eventCategory: auditEvents.eventCategory,
  eventAction: auditEvents.eventAction,
  eventOutcome: auditEvents.eventOutcome,
  correlationId: auditEvents.correlationId,
  eventData: auditEvents.eventData,
  actorType: auditEvents.actorType,
  actorId: auditEvents.actorId,
  actorIp: auditEvents.actorIp,
  resourceType: auditEvents.resourceType,
  resourceId: auditEvents.resourceId,
  resourceName: auditEvents.resourceName,
  parentEventId: auditEvents.parentEventId,
  parentEventDate: utcText(auditEvents.parentEventDate),
  namespace: auditEvents.namespace,
  clusterId: auditEvents.clusterId,
  severity: auditEvents.severity,
  durationMs: auditEvents.durationMs,
  errorCode: auditEvents.errorCode,
  errorMessage: auditEvents.errorMessage,
  traceId: auditEvents.traceId,
  spanId: auditEvents.spanId,
  retentionDays: auditEvents.retentionDays,
  isSensitive: auditEvents.isSensitive,
  eventDate: sql<string>`to_char(${auditEvents.eventDate}, 'YYYY-MM-DD')`,
  storedAt: utcText(auditEvents.storedAt),
  recordedBy: auditEvents.recordedBy,
}

/**
 * `SELECT <EVENT_SELECTION, each aliased by its key> FROM "audit_events"`, rendered once: the query
 * path appends its conditions and order to this text instead of building Drizzle's select (its
 * builder and row mapping were a tenth of the service's CPU per query, issue 14). Rows come back
 * keyed by the aliases, as {@link SelectedEventRow}: jsonb, integers and booleans parsed by the
 * driver (postgres.js and PGlite alike), timestamps as the UTC text of `utcText`.
 */
export const EVENT_SELECT_FROM: SQL = (() => {
  const dialect = new PgDialect()
  const columns = Object.entries(EVENT_SELECTION).map(([alias, value]) => {
    const { sql: text, params } = dialect.sqlToQuery(sql`${value}`)
    if (params.length > 0)
      throw new Error(`EVENT_SELECTION.${alias} has parameters; it cannot be pre-rendered`)
    return `${text} AS "${alias}"`
  })
  return sql.raw(`SELECT ${columns.join(', ')} FROM "audit_events"`)
})()

/** A row as selected with {@link EVENT_SELECTION}. */
export interface SelectedEventRow {
  eventId: string
  version: string
  eventType: string
  eventTimestamp: string
  eventCategory: string
  eventAction: string
  eventOutcome: string
  correlationId: string
  eventData: Record<string, unknown>
  actorType: string | null
  actorId: string | null
  actorIp: string | null
  resourceType: string | null
  resourceId: string | null
  resourceName: string | null
  parentEventId: string | null
  /** NULL when not sent: to_char of NULL is NULL. */
  parentEventDate: string | null
  namespace: string | null
  clusterId: string | null
  severity: string | null
  durationMs: number | null
  errorCode: string | null
  errorMessage: string | null
  traceId: string | null
  spanId: string | null
  retentionDays: number
  isSensitive: boolean
  eventDate: string
  storedAt: string
  recordedBy: string | null
}

/**
 * A row as the contract's `AuditEvent`. Optional fields are omitted when NULL: the contract's
 * optional properties are not nullable.
 */
export function toAuditEvent(row: SelectedEventRow): AuditEvent {
  const event: AuditEvent = {
    version: row.version as AuditEvent['version'],
    event_id: row.eventId,
    event_type: row.eventType,
    event_timestamp: toRfc3339(row.eventTimestamp),
    event_category: row.eventCategory as EventCategory,
    event_action: row.eventAction,
    event_outcome: row.eventOutcome as EventOutcome,
    correlation_id: row.correlationId,
    event_data: row.eventData,
    retention_days: row.retentionDays,
    is_sensitive: row.isSensitive,
    event_date: row.eventDate,
    stored_at: toRfc3339(row.storedAt),
  }
  if (row.actorType !== null) event.actor_type = row.actorType
  if (row.actorId !== null) event.actor_id = row.actorId
  if (row.actorIp !== null) event.actor_ip = row.actorIp
  if (row.resourceType !== null) event.resource_type = row.resourceType
  if (row.resourceId !== null) event.resource_id = row.resourceId
  if (row.resourceName !== null) event.resource_name = row.resourceName
  if (row.parentEventId !== null) event.parent_event_id = row.parentEventId
  if (row.parentEventDate !== null) event.parent_event_date = toRfc3339(row.parentEventDate)
  if (row.namespace !== null) event.namespace = row.namespace
  if (row.clusterId !== null) event.cluster_id = row.clusterId
  if (row.severity !== null) event.severity = row.severity as Severity
  if (row.durationMs !== null) event.duration_ms = row.durationMs
  if (row.errorCode !== null) event.error_code = row.errorCode
  if (row.errorMessage !== null) event.error_message = row.errorMessage
  if (row.traceId !== null) event.trace_id = row.traceId
  if (row.spanId !== null) event.span_id = row.spanId
  if (row.recordedBy !== null) event.recorded_by = row.recordedBy
  return event
}

/**
 * `2025-01-02T03:04:05.123000Z` → `2025-01-02T03:04:05.123Z`: whole milliseconds are written as
 * JavaScript's `toISOString()` writes them (what clients send); finer values keep all six digits.
 */
export function toRfc3339(microsecondText: string): string {
  return microsecondText.endsWith('000Z') ? `${microsecondText.slice(0, -4)}Z` : microsecondText
}
