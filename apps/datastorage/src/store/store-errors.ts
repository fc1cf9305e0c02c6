import type { AuditEventWithId } from '@audit-trail/datastorage-client'
import { DataStorageError, StoreUnavailableError } from '../errors.js'
import { INSERT_COLUMNS } from './audit-event-row.js'
import { eventIdKey } from './audit-event-store.js'

/**
 * What a failed `AuditEventStore.insert` means for the events, for everyone who has to decide what
 * to do with them (the write path, the DLQ replay):
 * - `unavailable`: PostgreSQL cannot take writes at all (unreachable, the write timed out, SQLSTATE
 *   class 08 connection exception or 53 insufficient resources, 57P01–57P05 shutting down or
 *   starting, 25006 a read-only standby); nothing is wrong with the events, so they are queued (write
 *   path) or the whole replay backs off without counting an attempt. The only kind that queues;
 * - `data`: PostgreSQL refused a row itself (SQLSTATE class 22 data exception or 23 integrity
 *   violation, except a missing partition), or the store refused an event before asking it (see
 *   {@link EVENT_ERROR_FIELDS}); the write is refused with a 400 and a replayed message counts an
 *   attempt;
 * - `retry`: anything else (a missing or broken partition, a lock, a deadlock, a permission, an
 *   error without a SQLSTATE, one nobody foresaw). PostgreSQL is up but did not store the events:
 *   the write is refused (nothing stored, never queued) and a replayed message counts an attempt
 *   like a data error, so whatever the cause it is parked after `DLQ_MAX_ATTEMPTS` instead of
 *   blocking the stream.
 */
export type StoreFailureKind = 'unavailable' | 'data' | 'retry'

/** What the first error carrying a SQLSTATE in a `cause` chain says. */
interface DatabaseError {
  code: string
  message: string
  /** PostgreSQL's DETAIL, e.g. `Failing row contains (…)`. */
  detail: string | undefined
  /** The column PostgreSQL names, when it names one (postgres.js `column_name`, PGlite `column`). */
  column: string | undefined
}

/** The first error in the `cause` chain that carries a SQLSTATE. */
function databaseErrorOf(error: unknown): DatabaseError | undefined {
  const seen = new Set<unknown>()
  let current = error
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current)
    const found = current as {
      code?: unknown
      message?: unknown
      detail?: unknown
      column_name?: unknown
      column?: unknown
      cause?: unknown
    }
    if (typeof found.code === 'string' && /^[0-9A-Z]{5}$/.test(found.code)) {
      const column = found.column_name ?? found.column
      return {
        code: found.code,
        message: String(found.message ?? ''),
        detail: typeof found.detail === 'string' ? found.detail : undefined,
        column: typeof column === 'string' ? column : undefined,
      }
    }
    current = found.cause
  }
  return undefined
}

/** The SQLSTATE in an error or its `cause` chain (Drizzle wraps the driver's error), if any. */
export function sqlStateOf(error: unknown): string | undefined {
  return databaseErrorOf(error)?.code
}

/**
 * PostgreSQL's "no partition of relation … found for row": a check_violation (23514), but not of a
 * CHECK constraint. The row may be fine; its month's partition is missing or broken, which the
 * store repairs by creating it, or an operator does.
 */
export function isMissingPartition(error: unknown): boolean {
  const found = databaseErrorOf(error)
  return found?.code === '23514' && /no partition of relation/.test(found.message)
}

/** SQLSTATEs meaning the server does not take writes right now, whatever they are. */
function isUnavailableState(code: string): boolean {
  return (
    code.startsWith('08') || // connection_exception
    code.startsWith('53') || // insufficient_resources: disk full, out of memory, too many connections
    /^57P0[1-5]$/.test(code) || // admin/crash shutdown, cannot connect now, database dropped, idle session timeout
    code === '25006' // read_only_sql_transaction: connected to a standby (after a failover)
  )
}

/**
 * Whether retrying the same statement at once may succeed: a serialization failure or deadlock
 * (class 40), where PostgreSQL rolled the statement back because of another transaction.
 */
export function isTransientConflict(error: unknown): boolean {
  return databaseErrorOf(error)?.code.startsWith('40') ?? false
}

/**
 * Codes of the store's own errors that refuse one event before PostgreSQL sees it, each naming the
 * event in `eventId`, with the field at fault. Matched by code, as `http/problem.ts` matches the
 * DLQ's errors, so this module does not depend on where they are defined.
 */
export const EVENT_ERROR_FIELDS: Readonly<Record<string, string>> = {
  // InvalidEventTimestampError (store/audit-event-store.ts): a timestamp with no canonical form.
  INVALID_EVENT_TIMESTAMP: 'event_timestamp',
  // InvalidParentEventDateError (same module): the same for parent_event_date.
  INVALID_PARENT_EVENT_DATE: 'parent_event_date',
}

/** The event and field a store error of {@link EVENT_ERROR_FIELDS} names. */
function eventErrorOf(error: unknown): { eventId: string; field: string } | undefined {
  if (!(error instanceof DataStorageError)) return undefined
  const field = EVENT_ERROR_FIELDS[error.code]
  const eventId = (error as { eventId?: unknown }).eventId
  return field !== undefined && typeof eventId === 'string' ? { eventId, field } : undefined
}

/** Classifies an error of `AuditEventStore.insert` (see {@link StoreFailureKind}). */
export function classifyStoreError(error: unknown): StoreFailureKind {
  if (error instanceof StoreUnavailableError) return 'unavailable'
  if (eventErrorOf(error)) return 'data'
  const found = databaseErrorOf(error)
  if (!found) return 'retry'
  if (isUnavailableState(found.code)) return 'unavailable'
  if (isMissingPartition(error)) return 'retry'
  if (found.code.startsWith('22') || found.code.startsWith('23')) return 'data'
  return 'retry'
}

/** A short, single-line description of an error for a dead-letter message's `reason`. */
export function describeError(error: unknown): string {
  const state = sqlStateOf(error)
  const message = error instanceof Error ? error.message : String(error)
  const text = state ? `${message} (SQLSTATE ${state})` : message
  return text.replace(/\s+/g, ' ').slice(0, 500)
}

/** An event a store error names: its positions in the batch and, when known, the field. */
export interface BlamedEvent {
  /** Every position of the event in the batch (the same `event_id` more than once: all of them). */
  indexes: number[]
  /** The column whose value PostgreSQL refused, or `(root)` when it does not say. */
  field: string
}

/** `0190…` (32 hex digits, as `eventIdKey` writes it) in PostgreSQL's text form of a uuid. */
function uuidText(key: string): string | undefined {
  if (!/^[0-9a-f]{32}$/.test(key)) return undefined
  return `${key.slice(0, 8)}-${key.slice(8, 12)}-${key.slice(12, 16)}-${key.slice(16, 20)}-${key.slice(20)}`
}

const CAST_COLUMNS = INSERT_COLUMNS.filter((c) => c.cast !== undefined)

/**
 * The one event of `events` that a failed insert of all of them was refused for, when the error
 * says so beyond doubt; `undefined` otherwise. A batch insert is one statement, and PostgreSQL
 * names no row number; the event is recognised by:
 * - being the only event of the batch (by `event_id`), or the one a store error names (`eventId`);
 * - its `event_id` being the only one of the batch in the `DETAIL` of an integrity violation
 *   (`Failing row contains (…)`);
 * - for a data exception quoting the value it could not convert (`invalid input syntax for type
 *   uuid: "…"`, `time zone displacement out of range: "…"`), being the only event holding that
 *   value in a column PostgreSQL converts.
 *
 * Never a guess: a client narrows its batch by the indexes of a 400 (it resends the others), so
 * naming a valid event would set it aside and resend the bad one.
 */
export function blameEvent(error: unknown, events: readonly AuditEventWithId[]): BlamedEvent | undefined {
  const keys = events.map((e) => eventIdKey(e.event_id))
  const distinct = [...new Set(keys)]
  const named = eventErrorOf(error)
  if (named) {
    const key = eventIdKey(named.eventId)
    const indexes = keys.flatMap((k, i) => (k === key ? [i] : []))
    return indexes.length > 0 ? { indexes, field: named.field } : undefined
  }
  const found = databaseErrorOf(error)
  const quoted = found?.code.startsWith('22') ? /: "([\s\S]*)"$/.exec(found.message)?.[1] : undefined
  const castColumnHolding = (event: AuditEventWithId): string | undefined =>
    quoted === undefined ? undefined : CAST_COLUMNS.find((c) => c.value(event) === quoted)?.name

  let blamed: string | undefined
  if (distinct.length === 1) blamed = distinct[0]
  else if (found?.detail?.startsWith('Failing row contains')) {
    const inRow = distinct.filter((key) => {
      const text = uuidText(key)
      return text !== undefined && found.detail!.includes(text)
    })
    if (inRow.length === 1) blamed = inRow[0]
  } else if (quoted !== undefined) {
    const holding = new Set(keys.filter((_key, i) => castColumnHolding(events[i]!) !== undefined))
    if (holding.size === 1) blamed = [...holding][0]
  }
  if (blamed === undefined) return undefined
  const indexes = keys.flatMap((key, i) => (key === blamed ? [i] : []))
  const first = events[indexes[0]!]!
  const column = castColumnHolding(first) ?? found?.column
  const field = column && INSERT_COLUMNS.some((c) => c.name === column) ? column : '(root)'
  return { indexes, field }
}
