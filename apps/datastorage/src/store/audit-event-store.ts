import type {
  AuditEvent,
  AuditEventWithId,
  EventCategory,
  EventOutcome,
  Severity,
} from '@audit-trail/datastorage-client'
import { DataStorageError } from '../errors.js'
import type { HistogramCount } from './event-histogram.js'

/**
 * The key under which two event ids are the same event: ids compare as PostgreSQL's uuid does, so
 * case and hyphens do not matter.
 */
export function eventIdKey(id: string): string {
  return id.toLowerCase().replaceAll('-', '')
}

/**
 * An event's `event_timestamp` has no canonical form (`canonicalTimestamp`): not strict RFC 3339,
 * a leap second, or outside years 0001-9999. The contract's validator refuses such values first,
 * so this means an event that skipped it; nothing of the call was stored. The data's fault: refuse
 * it (4xx), and a replayed message counts an attempt.
 */
export class InvalidEventTimestampError extends DataStorageError {
  override readonly name = 'InvalidEventTimestampError'
  readonly eventId: string
  readonly eventTimestamp: string
  constructor(eventId: string, eventTimestamp: string) {
    super(
      'INVALID_EVENT_TIMESTAMP',
      `event ${eventId}: event_timestamp ${JSON.stringify(eventTimestamp).slice(0, 80)} is not a ` +
        'strict RFC 3339 timestamp (no leap second) between 0001-01-01T00:00:00Z and ' +
        '9999-12-31T23:59:59.999999Z',
    )
    this.eventId = eventId
    this.eventTimestamp = eventTimestamp
  }
}

/**
 * An event's `parent_event_date` has no canonical form: as {@link InvalidEventTimestampError}, an
 * event that skipped the contract's validator; nothing of the call was stored.
 */
export class InvalidParentEventDateError extends DataStorageError {
  override readonly name = 'InvalidParentEventDateError'
  readonly eventId: string
  readonly parentEventDate: string
  constructor(eventId: string, parentEventDate: string) {
    super(
      'INVALID_PARENT_EVENT_DATE',
      `event ${eventId}: parent_event_date ${JSON.stringify(parentEventDate).slice(0, 80)} is not a ` +
        'strict RFC 3339 timestamp (no leap second) between 0001-01-01T00:00:00Z and ' +
        '9999-12-31T23:59:59.999999Z',
    )
    this.eventId = eventId
    this.parentEventDate = parentEventDate
  }
}

/** `recorded_by` of an insert: one name for all its events, or one per event. */
export type RecordedBy = string | readonly string[]

/**
 * One name per event: `recordedBy` repeated, or checked to have `count` names.
 * @throws RangeError when a list has not exactly `count` names.
 */
export function recordedByEach(recordedBy: RecordedBy, count: number): readonly string[] {
  if (typeof recordedBy === 'string') return Array.from({ length: count }, () => recordedBy)
  if (recordedBy.length !== count) {
    throw new RangeError(`recordedBy has ${recordedBy.length} names for ${count} events`)
  }
  return recordedBy
}

/** What one insert did: ids in request order, split by whether they made a new row. */
export interface InsertResult {
  /** Ids of rows written by this call. */
  created: string[]
  /** Ids already stored (same event_id, whatever its timestamp); nothing was written for them. */
  duplicates: string[]
}

/** Filters of the query endpoint, already parsed and validated. */
export interface AuditEventFilter {
  correlation_id?: string
  event_type?: string
  event_category?: EventCategory
  event_outcome?: EventOutcome
  severity?: Severity
  actor_id?: string
  resource_type?: string
  resource_id?: string
  namespace?: string
  /** Who stored the events (`recorded_by`), exact match. */
  recorded_by?: string
  /** W3C trace id (32 lowercase hex digits), exact match. */
  trace_id?: string
  /** Inclusive lower bound on event_timestamp, canonical (`canonicalTimestamp`: microseconds kept). */
  since?: string
  /** Exclusive upper bound on event_timestamp, canonical. */
  until?: string
  /** 1..1000. */
  limit: number
  /** Opaque keyset cursor from a previous page; the store decodes it (InvalidCursorError when bad). */
  cursor?: string
  /**
   * Rows to skip (0..10000), never with `cursor`. Offset paging for clients of the system this one
   * replaces: each page reads and discards the rows it skips, and pages shift under inserts.
   */
  offset?: number
  /**
   * Top-level `event_data` key and the value it must have, compared as text (`->>`): the string
   * `"42"` and the number `42` both match `42`. Given together or not at all.
   */
  detail?: { key: string; value: string }
}

/**
 * The filters every read of events shares (query, export, histogram): {@link AuditEventFilter}
 * without its paging.
 */
export type EventFilters = Omit<AuditEventFilter, 'limit' | 'cursor' | 'offset'>

/** One page, newest first (`event_timestamp DESC, event_id DESC`). */
export interface AuditEventPageResult {
  events: AuditEvent[]
  /** Cursor of the next page, null on the last page. */
  nextCursor: string | null
  hasMore: boolean
}

/**
 * Persistence of audit events. Implementations: PostgreSQL (postgres.js) and PGlite, both through
 * Drizzle and the same committed migrations.
 *
 * Failures to reach the database (refused, timeout, pool wait exceeded) reject with
 * `StoreUnavailableError`; a bad cursor with `InvalidCursorError`; an insert needing more new
 * partitions than allowed with `PartitionLimitError` (`db/partitions.ts`); an event timestamp with
 * no canonical form with `InvalidEventTimestampError` (`InvalidParentEventDateError` for
 * `parent_event_date`); `cursor` and `offset` together, or a negative or fractional offset, with
 * `RangeError`.
 */
export interface AuditEventStore {
  /** Which engine backs the store, for logs and /readyz. */
  readonly kind: 'postgres' | 'pglite'
  /**
   * Writes all events in one transaction (all or nothing): those whose `event_id` was never stored
   * make a row, the others are duplicates. Creates the missing partitions of the months touched,
   * up to a limit per call.
   *
   * @param recordedBy - Who stores them (`recorded_by`): one name for every event, or one per
   * event in the same order (the DLQ replay stores messages of different writers together). A
   * duplicate keeps the name it was first stored with.
   * @throws RangeError when a list of names does not have one per event.
   */
  insert(events: readonly AuditEventWithId[], recordedBy: RecordedBy): Promise<InsertResult>
  query(filter: AuditEventFilter): Promise<AuditEventPageResult>
  get(eventId: string): Promise<AuditEvent | null>
  /**
   * Events matching `filters` (whose window, `since` to `until`, is required) counted per bucket of
   * `intervalMs` (starting at multiples of it since the Unix epoch) and outcome, in one query.
   * Empty buckets are absent: `denseHistogram` lists every bucket of the window.
   *
   * @throws RangeError when `intervalMs` is not a positive integer.
   */
  histogram(
    filters: EventFilters & { since: string; until: string },
    intervalMs: number,
  ): Promise<HistogramCount[]>
  /** Resolves when the database answers a trivial query; rejects with StoreUnavailableError otherwise. */
  ping(): Promise<void>
  /** Closes the pool; waits for in-flight queries. Idempotent. */
  close(): Promise<void>
}
