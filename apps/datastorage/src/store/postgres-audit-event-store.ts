import type { AuditEvent, AuditEventWithId } from '@audit-trail/datastorage-client'
import { canonicalTimestamp } from '@audit-trail/datastorage-client'
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm'
import { DrizzleQueryError } from 'drizzle-orm/errors'
import { type DatabaseHandle, rowsOf } from '../db/client.js'
import { isConnectionError } from '../db/connection-errors.js'
import {
  createPartitionManager,
  DEFAULT_MAX_NEW_PARTITIONS,
  type PartitionManager,
} from '../db/partitions.js'
import { auditEvents } from '../db/schema.js'
import { StoreUnavailableError } from '../errors.js'
import {
  bulkInsertStatement,
  EVENT_SELECT_FROM,
  type SelectedEventRow,
  toAuditEvent,
} from './audit-event-row.js'
import {
  type AuditEventFilter,
  type AuditEventPageResult,
  type AuditEventStore,
  type EventFilters,
  eventIdKey,
  type InsertResult,
  InvalidEventTimestampError,
  InvalidParentEventDateError,
  recordedByEach,
} from './audit-event-store.js'
import { decodeCursor, encodeCursor } from './cursor.js'
import { histogramCounts, histogramStatement } from './event-histogram.js'
import { isMissingPartition } from './store-errors.js'

export interface AuditEventStoreOptions {
  /**
   * The partition manager to create monthly partitions through. Pass the one the server keeps
   * ahead with `startPartitionMaintenance`, so both share one cache. [a new one over `database.db`]
   */
  partitions?: PartitionManager
  /**
   * `MAX_NEW_PARTITIONS`: the most partitions one `insert()` may create; a call whose
   * events fall in more months without a partition rejects with `PartitionLimitError`, nothing
   * stored. At least 1, so that a call for one month's events always goes through (the DLQ replay
   * splits a refused batch by month). [12]
   */
  maxNewPartitionsPerWrite?: number
  /**
   * `TRANSPARENCY_LOG`: each insert also queues the events it stored in `audit_log_pending`, in the
   * same statement, for the sequencer to seal (docs/integrity.md). Off, events are stored unsealed.
   * [true]
   */
  transparencyLog?: boolean
}

/** The keyset order of every page: newest first, event_id breaking ties (the cursor's position). */
const KEYSET_ORDER = sql.raw('ORDER BY "event_timestamp" DESC, "event_id" DESC')

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i
const MAX_LIMIT = 1000
/** The contract's maximum `offset`. */
const MAX_OFFSET = 10_000

/**
 * The AuditEventStore over PostgreSQL (postgres.js) or PGlite, through Drizzle and the committed
 * migrations (run `migrateDatabase` first). `close()` closes the database handle.
 *
 * Idempotency rests on `audit_event_ids`, one row per event_id ever stored: an insert writes the
 * events whose id it claims there, in the same statement, and reports the others as duplicates,
 * whatever their timestamp; within one batch only the first occurrence of an id is written.
 * `event_timestamp` is written in canonical form (UTC, exactly microseconds, finer digits
 * truncated) and the month, hence the partition, is computed from that same text.
 *
 * Errors: unreachable database → `StoreUnavailableError`; bad cursor → `InvalidCursorError`; more
 * months without a partition than `maxNewPartitionsPerWrite` → `PartitionLimitError`; a timestamp
 * that cannot be stored → `InvalidEventTimestampError`; anything else the database refuses is
 * rethrown as the driver's error (Drizzle's wrapper is removed because its message embeds every
 * parameter: megabytes of audit data for a batch).
 *
 * @example
 * const database = await openDatabase({ url: env.DATABASE_URL })
 * await migrateDatabase(database)
 * const partitions = createPartitionManager(database.db)
 * await partitions.ensureAhead()
 * const store = createAuditEventStore(database, { partitions })
 */
export function createAuditEventStore(
  database: DatabaseHandle,
  {
    partitions = createPartitionManager(database.db),
    maxNewPartitionsPerWrite = DEFAULT_MAX_NEW_PARTITIONS,
    transparencyLog = true,
  }: AuditEventStoreOptions = {},
): AuditEventStore {
  if (!Number.isInteger(maxNewPartitionsPerWrite) || maxNewPartitionsPerWrite < 1) {
    throw new RangeError(
      `maxNewPartitionsPerWrite must be a positive integer, got ${maxNewPartitionsPerWrite}`,
    )
  }
  const { db } = database
  const limit = { maxNewPartitions: maxNewPartitionsPerWrite }

  async function insertUnique(
    unique: readonly AuditEventWithId[],
    recordedBy: readonly string[],
    months: Set<string>,
  ): Promise<Set<string>> {
    await partitions.ensureMonths(months, limit)
    const run = async () =>
      new Set(
        rowsOf<{ event_id: string }>(
          await db.execute(bulkInsertStatement(unique, recordedBy, { transparencyLog })),
        ).map((r) => eventIdKey(r.event_id)),
      )
    try {
      return await run()
    } catch (error) {
      if (!isMissingPartition(error)) throw error
      // A partition this process had confirmed was dropped since: forget, recreate, try once more.
      partitions.forget()
      await partitions.ensureMonths(months, limit)
      return run()
    }
  }

  return {
    kind: database.kind,

    async insert(events, recordedBy) {
      const names = recordedByEach(recordedBy, events.length)
      if (events.length === 0) return { created: [], duplicates: [] }
      const firstIndex = new Map<string, number>()
      const unique: AuditEventWithId[] = []
      const uniqueNames: string[] = []
      // Each id's key once: the result below is matched by the same keys.
      const keys = events.map((event) => eventIdKey(event.event_id))
      for (const [index, event] of events.entries()) {
        const key = keys[index]!
        if (firstIndex.has(key)) continue
        firstIndex.set(key, index)
        uniqueNames.push(names[index]!)
        const timestamp = canonicalTimestamp(event.event_timestamp)
        if (timestamp === undefined)
          throw new InvalidEventTimestampError(event.event_id, event.event_timestamp)
        const parentDate = event.parent_event_date
        const parentCanonical = parentDate === undefined ? undefined : canonicalTimestamp(parentDate)
        if (parentDate !== undefined && parentCanonical === undefined) {
          throw new InvalidParentEventDateError(event.event_id, parentDate)
        }
        unique.push(
          timestamp === event.event_timestamp && parentCanonical === parentDate
            ? event
            : { ...event, event_timestamp: timestamp, parent_event_date: parentCanonical },
        )
      }
      const months = new Set(unique.map((e) => e.event_timestamp.slice(0, 7)))
      const inserted = await guard(() => insertUnique(unique, uniqueNames, months))

      const result: InsertResult = { created: [], duplicates: [] }
      for (const [index, event] of events.entries()) {
        const key = keys[index]!
        if (firstIndex.get(key) === index && inserted.has(key)) result.created.push(event.event_id)
        else result.duplicates.push(event.event_id)
      }
      return result
    },

    async query(filter) {
      const { limit, offset = 0 } = filter
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        throw new RangeError(`limit must be an integer in 1..${MAX_LIMIT}, got ${limit}`)
      }
      if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
        throw new RangeError(`offset must be an integer in 0..${MAX_OFFSET}, got ${offset}`)
      }
      if (offset > 0 && filter.cursor !== undefined) {
        throw new RangeError('offset and cursor are two ways to page: give one of them')
      }
      const where = and(...conditionsOf(filter))
      // OFFSET reads and discards the skipped rows in the keyset order: the bound keeps that cost
      // to at most MAX_OFFSET + MAX_LIMIT index entries. The next page's cursor is still the last
      // row's position, so an offset reader can switch to keyset paging at any page.
      // The pre-rendered select list (EVENT_SELECT_FROM): no select builder or row mapping per query.
      const rows = rowsOf<SelectedEventRow>(
        await guard(() =>
          db.execute(sql`${EVENT_SELECT_FROM} WHERE ${where ?? sql`true`} ${KEYSET_ORDER}
            LIMIT ${limit + 1} OFFSET ${offset}`),
        ),
      )

      const hasMore = rows.length > limit
      const page = hasMore ? rows.slice(0, limit) : rows
      const last = page.at(-1)
      return {
        events: page.map(toAuditEvent),
        nextCursor:
          hasMore && last
            ? encodeCursor({ eventTimestamp: last.eventTimestamp, eventId: last.eventId })
            : null,
        hasMore,
      } satisfies AuditEventPageResult
    },

    async get(eventId): Promise<AuditEvent | null> {
      // Not a UUID cannot be stored; asking PostgreSQL would fail with invalid_text_representation.
      if (!UUID.test(eventId)) return null
      const rows = rowsOf<SelectedEventRow>(
        await guard(() =>
          db.execute(
            sql`${EVENT_SELECT_FROM} WHERE ${eq(auditEvents.eventId, eventId)} ORDER BY "event_date" LIMIT 1`,
          ),
        ),
      )
      const row = rows[0]
      return row ? toAuditEvent(row) : null
    },

    async histogram(filters, intervalMs) {
      const where = and(...conditionsOf(filters))
      const rows = await guard(() => db.execute(histogramStatement(where ?? sql`true`, intervalMs)))
      return histogramCounts(rowsOf(rows), intervalMs)
    },

    async ping() {
      await guard(() => db.execute(sql`SELECT 1`))
    },

    close: () => database.close(),
  }
}

/**
 * WHERE conditions of a filter. Time bounds are repeated on `event_date`, the partition key, so that
 * PostgreSQL skips the partitions outside the window (the CHECK constraint ties both columns).
 *
 * @throws InvalidCursorError when `filter.cursor` is not a cursor this store issued.
 */
function conditionsOf(filter: EventFilters & Pick<AuditEventFilter, 'cursor'>): SQL[] {
  const t = auditEvents
  const conditions: SQL[] = []
  const equals = [
    [t.correlationId, filter.correlation_id],
    [t.eventType, filter.event_type],
    [t.eventCategory, filter.event_category],
    [t.eventOutcome, filter.event_outcome],
    [t.severity, filter.severity],
    [t.actorId, filter.actor_id],
    [t.resourceType, filter.resource_type],
    [t.resourceId, filter.resource_id],
    [t.namespace, filter.namespace],
    [t.recordedBy, filter.recorded_by],
    [t.traceId, filter.trace_id],
  ] as const
  for (const [column, value] of equals) {
    if (value !== undefined) conditions.push(eq(column, value))
  }
  if (filter.since) {
    const since = filter.since
    conditions.push(gte(t.eventTimestamp, sql`${since}::timestamptz`))
    conditions.push(gte(t.eventDate, sql`${since.slice(0, 10)}::date`))
  }
  if (filter.until) {
    const until = filter.until
    conditions.push(lt(t.eventTimestamp, sql`${until}::timestamptz`))
    conditions.push(sql`${t.eventDate} <= ${until.slice(0, 10)}::date`)
  }
  if (filter.detail) conditions.push(detailCondition(filter.detail))
  if (filter.cursor !== undefined) {
    const { eventTimestamp, eventId } = decodeCursor(filter.cursor)
    conditions.push(
      sql`(${t.eventTimestamp}, ${t.eventId}) < (${eventTimestamp}::timestamptz, ${eventId}::uuid)`,
    )
    conditions.push(sql`${t.eventDate} <= ${eventTimestamp.slice(0, 10)}::date`)
  }
  return conditions
}

/**
 * `event_data->>key = value`, the comparison of the system this one replaces: the value as text, so
 * the string `"42"` and the number `42` both match `42`, `true` matches the boolean, and a JSON
 * null matches nothing (`->>` gives SQL NULL). Key and value are bound parameters and `=` has no
 * wildcards: `%` and `_` are literal.
 *
 * `->>` alone cannot use the GIN `jsonb_path_ops` index on event_data, which answers containment
 * (`@>`) only, so every row in the time window would be read. The condition therefore adds, as an
 * index pre-filter, the containments that every row `->>` matches satisfies: `{key: value}` with
 * the value as a JSON string, and `{key: value}` with the text itself as JSON when it is a number
 * as jsonb prints one (plain decimal: `->>` never gives an exponent) or a boolean. `->>` stays the
 * exact test: containment alone would let `42.0` match `42`. A value that is the text of an object
 * or array gets no pre-filter (containment is no equality there, and escapes PostgreSQL refuses
 * in jsonb could fail the query): `->>` alone, as the system this one replaces compares.
 */
function detailCondition({ key, value }: { key: string; value: string }): SQL {
  const t = auditEvents
  const exact = sql`${t.eventData} ->> ${key}::text = ${value}::text`
  if (/^[[{]/.test(value.trimStart())) return exact
  const candidates = [sql`${t.eventData} @> ${JSON.stringify({ [key]: value })}::jsonb`]
  if (JSON_SCALAR.test(value)) {
    // The text itself, not a JavaScript number: PostgreSQL keeps every digit, a double would not.
    candidates.push(sql`${t.eventData} @> ${`{${JSON.stringify(key)}:${value}}`}::jsonb`)
  }
  return sql`((${sql.join(candidates, sql` OR `)}) AND ${exact})`
}

/** A number as jsonb prints it (no exponent, no `+`), or a boolean: valid JSON PostgreSQL parses. */
const JSON_SCALAR = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?|true|false)$/

/** Runs a database call, turning "cannot reach the database" into StoreUnavailableError. */
async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (error) {
    const cause = error instanceof DrizzleQueryError && error.cause ? error.cause : error
    if (isConnectionError(cause)) {
      throw new StoreUnavailableError(`database unavailable: ${messageOf(cause)}`, { cause })
    }
    throw cause
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors[0] instanceof Error) return error.errors[0].message
  return error instanceof Error ? error.message : String(error)
}
