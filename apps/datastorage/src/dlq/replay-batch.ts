import {
  type AuditEventValidator,
  type AuditEventWithId,
  type DeadLetterMessage,
  decodeDeadLetterMessage,
} from '@audit-trail/datastorage-client'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { PRINCIPALS } from '../auth/principals.js'
import type { DlqMetrics } from '../metrics/dlq-metrics.js'
import { type AuditEventStore, eventIdKey } from '../store/audit-event-store.js'
import { groupByMonth } from '../store/month-groups.js'
import { classifyStoreError, describeError, sqlStateOf } from '../store/store-errors.js'
import { fieldMap, type StreamEntry } from './stream-replies.js'

/** Where and how a batch of DLQ entries is replayed. */
export interface ReplayTarget {
  /** Not used for blocking reads here, but owned by the worker. */
  redis: Redis
  store: AuditEventStore
  /** The contract's validator; a message that fails it (or makes it throw) counts an attempt. */
  validate: AuditEventValidator
  stream: string
  deadLetterStream: string
  group: string
  /** Failed attempts (any failure but an unavailable PostgreSQL) after which a message is parked as poison. */
  maxAttempts: number
  logger: Logger
  metrics?: DlqMetrics | undefined
  now?: () => Date
}

/** An entry left pending for a later round. */
export interface RetryEntry {
  id: string
  /** Attempts counted so far, this one included (every failure of a message counts one). */
  attempts: number
  reason: string
}

/** What one batch did. */
export interface BatchResult {
  /** Entries acknowledged and deleted because their event is now in PostgreSQL. */
  stored: number
  /** Of those, events that made a new row. */
  created: number
  /** Entries moved to the dead-letter stream. */
  poisoned: number
  /** Entries that had been deleted while pending: acknowledged, nothing to do. */
  vanished: number
  /** Entries left pending, to be retried with backoff. */
  retry: RetryEntry[]
}

/** The Redis hash counting replay attempts per entry id of `stream`. */
export const attemptsKey = (stream: string): string => `${stream}:attempts`

interface Failure {
  id: string
  reason: string
  /** Parked at once: a message that cannot be decoded never becomes decodable. */
  immediate?: boolean
}

/**
 * Replays `entries` (already delivered to this consumer) into PostgreSQL: valid events are inserted
 * idempotently (`ON CONFLICT DO NOTHING`), then their entries are `XACK`ed and `XDEL`eted, in that
 * order, so a crash in between only replays an entry again. A batch PostgreSQL refuses is split
 * down to the messages it refuses, so the others are stored. Every failure of a message (invalid,
 * refused for its data, or for any reason but an unavailable PostgreSQL) counts an attempt in
 * `<stream>:attempts`; after `maxAttempts` the message moves to the dead-letter stream with the
 * reason (counted in `audit_dlq_poisoned_total`, logged), which also takes it out of the DLQ and
 * its capacity. Nothing stays pending for ever, and no message holds up the others.
 *
 * @throws StoreUnavailableError (or another error `classifyStoreError` calls `unavailable`) when
 * PostgreSQL cannot take writes: nothing counted, no entry of the failed inserts acknowledged.
 */
export async function replayBatch(
  target: ReplayTarget,
  entries: readonly StreamEntry[],
): Promise<BatchResult> {
  const { redis, store, validate, stream, group, logger, metrics } = target
  const result: BatchResult = { stored: 0, created: 0, poisoned: 0, vanished: 0, retry: [] }
  const failures: Failure[] = []
  const fieldsById = new Map<string, string[]>()
  const byEvent = new Map<string, { event: AuditEventWithId; recordedBy: string; ids: string[] }>()

  const vanished: string[] = []
  for (const { id, fields } of entries) {
    if (!fields) {
      vanished.push(id)
      continue
    }
    fieldsById.set(id, fields)
    let message: DeadLetterMessage
    try {
      message = decodeDeadLetterMessage(fields)
    } catch (error) {
      failures.push({ id, reason: `undecodable: ${describeError(error)}`, immediate: true })
      continue
    }
    let errors: ReturnType<AuditEventValidator>
    try {
      errors = validate(message.event)
    } catch (error) {
      // A validator that throws on some input must not stop the worker for every message behind it.
      failures.push({ id, reason: `validator failed: ${describeError(error)}` })
      continue
    }
    if (errors.length > 0) {
      const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ')
      failures.push({ id, reason: `invalid event: ${detail}`.slice(0, 500) })
      continue
    }
    const key = eventIdKey(message.event.event_id)
    const group = byEvent.get(key)
    // Copies of one event (replayed twice, or queued by two requests) make one row, under the name
    // of the first copy read; an insert of it had made no row under any other name either.
    if (group) group.ids.push(id)
    else
      byEvent.set(key, {
        event: message.event as AuditEventWithId,
        recordedBy: recordedByOf(message),
        ids: [id],
      })
  }
  if (vanished.length > 0) {
    await redis.xack(stream, group, ...vanished)
    result.vanished = vanished.length
  }

  const outcome = await insertIsolating(
    store,
    [...byEvent.values()].map((g) => g.event),
    (event) => byEvent.get(eventIdKey(event.event_id))!.recordedBy,
  )
  const storedIds: string[] = []
  for (const eventId of [...outcome.created, ...outcome.duplicates]) {
    storedIds.push(...(byEvent.get(eventIdKey(eventId))?.ids ?? []))
  }
  for (const { event, error } of outcome.failed) {
    // With a SQLSTATE, PostgreSQL refused it; without, the store (or something before it) did.
    const reason = `${sqlStateOf(error) ? 'rejected by PostgreSQL' : 'not stored'}: ${describeError(error)}`
    for (const id of byEvent.get(eventIdKey(event.event_id))?.ids ?? []) failures.push({ id, reason })
  }

  if (storedIds.length > 0) {
    await checkExec(
      redis
        .multi()
        .xack(stream, group, ...storedIds)
        .xdel(stream, ...storedIds)
        .hdel(attemptsKey(stream), ...storedIds)
        .exec(),
    )
    result.stored = storedIds.length
    result.created = outcome.created.length
    metrics?.replayed.inc({ result: 'created' }, outcome.created.length)
    if (outcome.duplicates.length > 0)
      metrics?.replayed.inc({ result: 'duplicate' }, outcome.duplicates.length)
  }

  if (failures.length > 0) {
    metrics?.replayFailures.inc({ kind: 'message' }, failures.length)
    const attempts = new Map<string, number>()
    const pipeline = redis.pipeline()
    for (const f of failures) pipeline.hincrby(attemptsKey(stream), f.id, 1)
    const replies = await checkExec(pipeline.exec())
    for (const [i, f] of failures.entries()) attempts.set(f.id, Number(replies[i]?.[1] ?? 0))
    for (const f of failures) {
      const count = attempts.get(f.id) ?? 0
      if (f.immediate || count >= target.maxAttempts) {
        await poison(target, f.id, fieldsById.get(f.id)!, f.reason, count)
        result.poisoned += 1
      } else {
        result.retry.push({ id: f.id, attempts: count, reason: f.reason })
      }
    }
    if (result.retry.length > 0) {
      logger.warn(
        { stream, failed: result.retry.length, example: result.retry[0] },
        'dead-letter messages failed to replay; retrying with backoff',
      )
    }
  }
  return result
}

/**
 * The `recorded_by` a message is stored with: the principal the service queued it for, or, for a
 * message a client wrote to Redis itself (no API call, so no token checked), the reserved name of
 * the DLQ. Whoever can write to the stream can name any principal here: Redis access is trusted.
 */
function recordedByOf(message: DeadLetterMessage): string {
  return message.recordedBy ?? PRINCIPALS.deadLetterQueue
}

/** Moves an entry to the dead-letter stream with its reason, atomically with its removal from the DLQ. */
async function poison(target: ReplayTarget, id: string, fields: string[], reason: string, attempts: number) {
  const { redis, stream, deadLetterStream, group, logger, metrics, now = () => new Date() } = target
  const map = fieldMap(fields)
  map.set('reason', reason)
  map.set('attempts', String(attempts))
  map.set('dlq_id', id)
  map.set('poisoned_at', now().toISOString())
  const flat = [...map].flat()
  await checkExec(
    redis
      .multi()
      .xadd(deadLetterStream, '*', ...flat)
      .xack(stream, group, id)
      .xdel(stream, id)
      .hdel(attemptsKey(stream), id)
      .exec(),
  )
  metrics?.poisoned.inc()
  logger.error(
    { stream, deadLetterStream, id, event_id: map.get('event_id'), attempts, reason },
    'dead-letter message parked as poison',
  )
}

interface IsolatedInsert {
  created: string[]
  duplicates: string[]
  failed: Array<{ event: AuditEventWithId; error: unknown }>
}

/**
 * Inserts events, isolating failures whatever their cause: a batch refused by PostgreSQL is split
 * by month (one bad partition must not hold up the others), then in halves down to the events it
 * refuses on their own. A batch insert names no row, so this is the only way to find them; it
 * costs at most 2n - 1 inserts for n events, and the failing messages then back off.
 *
 * @throws the store's error when it is `unavailable`: PostgreSQL is down, not the events' fault.
 */
async function insertIsolating(
  store: AuditEventStore,
  events: readonly AuditEventWithId[],
  recordedByOf: (event: AuditEventWithId) => string,
): Promise<IsolatedInsert> {
  if (events.length === 0) return { created: [], duplicates: [], failed: [] }
  try {
    const { created, duplicates } = await store.insert(events, events.map(recordedByOf))
    return { created, duplicates, failed: [] }
  } catch (error) {
    if (classifyStoreError(error) === 'unavailable') throw error
    if (events.length === 1) return { created: [], duplicates: [], failed: [{ event: events[0]!, error }] }
    const months = groupByMonth(events)
    let parts: AuditEventWithId[][]
    if (months.length > 1) parts = months.map(([, group]) => group)
    else {
      const half = Math.ceil(events.length / 2)
      parts = [events.slice(0, half), events.slice(half)]
    }
    const merged: IsolatedInsert = { created: [], duplicates: [], failed: [] }
    for (const part of parts) {
      const r = await insertIsolating(store, part, recordedByOf)
      merged.created.push(...r.created)
      merged.duplicates.push(...r.duplicates)
      merged.failed.push(...r.failed)
    }
    return merged
  }
}

/** Resolves the replies of a MULTI/pipeline, rejecting with the first command error. */
async function checkExec(
  pending: Promise<Array<[Error | null, unknown]> | null>,
): Promise<Array<[Error | null, unknown]>> {
  const replies = await pending
  if (replies === null) throw new Error('Redis transaction was aborted')
  for (const [error] of replies) if (error) throw error
  return replies
}
