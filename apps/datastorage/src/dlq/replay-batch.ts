import {
  type AuditEventValidator,
  type AuditEventWithId,
  type DeadLetterMessage,
  decodeDeadLetterMessage,
} from '@audit-trail/datastorage-client'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { DlqMetrics } from '../metrics/dlq-metrics.js'
import { type AuditEventStore, eventIdKey } from '../store/audit-event-store.js'
import { groupByMonth } from '../store/month-groups.js'
import { classifyStoreError, describeError } from '../store/store-errors.js'
import { fieldMap, type StreamEntry } from './stream-replies.js'

/** Where and how a batch of DLQ entries is replayed. */
export interface ReplayTarget {
  /** Not used for blocking reads here, but owned by the worker. */
  redis: Redis
  store: AuditEventStore
  /** The contract's validator; a message that fails it counts an attempt. */
  validate: AuditEventValidator
  stream: string
  deadLetterStream: string
  group: string
  /** Attempts (validator or data errors) after which a message is parked as poison. */
  maxAttempts: number
  logger: Logger
  metrics?: DlqMetrics | undefined
  now?: () => Date
}

/** An entry left pending for a later round. */
export interface RetryEntry {
  id: string
  /** Attempts counted so far (validator/data failures); 0 when the failure counts none (`retry` kind). */
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
  /** True when the failure counts as an attempt (validator, data error). */
  counts: boolean
  /** Parked at once: a message that cannot be decoded never becomes decodable. */
  immediate?: boolean
}

/**
 * Replays `entries` (already delivered to this consumer) into PostgreSQL: valid events are inserted
 * idempotently (`ON CONFLICT DO NOTHING`), then their entries are `XACK`ed and `XDEL`eted, in that
 * order, so a crash in between only replays an entry again. Messages failing the validator or
 * refused by PostgreSQL for their data count an attempt and move to the dead-letter stream, with
 * the reason, after `maxAttempts`.
 *
 * @throws StoreUnavailableError when PostgreSQL cannot be reached: no entry was acknowledged.
 */
export async function replayBatch(
  target: ReplayTarget,
  entries: readonly StreamEntry[],
): Promise<BatchResult> {
  const { redis, store, validate, stream, group, logger, metrics } = target
  const result: BatchResult = { stored: 0, created: 0, poisoned: 0, vanished: 0, retry: [] }
  const failures: Failure[] = []
  const fieldsById = new Map<string, string[]>()
  const byEvent = new Map<string, { event: AuditEventWithId; ids: string[] }>()

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
      failures.push({ id, reason: `undecodable: ${describeError(error)}`, counts: true, immediate: true })
      continue
    }
    const errors = validate(message.event)
    if (errors.length > 0) {
      const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ')
      failures.push({ id, reason: `invalid event: ${detail}`.slice(0, 500), counts: true })
      continue
    }
    const key = eventIdKey(message.event.event_id)
    const group = byEvent.get(key)
    if (group) group.ids.push(id)
    else byEvent.set(key, { event: message.event as AuditEventWithId, ids: [id] })
  }
  if (vanished.length > 0) {
    await redis.xack(stream, group, ...vanished)
    result.vanished = vanished.length
  }

  const outcome = await insertIsolating(
    store,
    [...byEvent.values()].map((g) => g.event),
  )
  const storedIds: string[] = []
  for (const eventId of [...outcome.created, ...outcome.duplicates]) {
    storedIds.push(...(byEvent.get(eventIdKey(eventId))?.ids ?? []))
  }
  for (const { event, error } of outcome.failed) {
    const kind = classifyStoreError(error)
    for (const id of byEvent.get(eventIdKey(event.event_id))?.ids ?? []) {
      failures.push({
        id,
        reason: `rejected by PostgreSQL: ${describeError(error)}`,
        counts: kind === 'data',
      })
    }
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
    const counted = failures.filter((f) => f.counts)
    const attempts = new Map<string, number>()
    if (counted.length > 0) {
      const pipeline = redis.pipeline()
      for (const f of counted) pipeline.hincrby(attemptsKey(stream), f.id, 1)
      const replies = await checkExec(pipeline.exec())
      for (const [i, f] of counted.entries()) attempts.set(f.id, Number(replies[i]?.[1] ?? 0))
    }
    for (const f of failures) {
      const count = attempts.get(f.id) ?? 0
      if (f.counts && (f.immediate || count >= target.maxAttempts)) {
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
 * Inserts events, isolating failures: a batch refused by PostgreSQL is split by month (one bad
 * partition must not hold up the others), then, for data errors only, in halves down to the
 * offending events. Other refusals fail their whole month group: bisecting a broken partition
 * would only repeat the same error once per event.
 */
async function insertIsolating(
  store: AuditEventStore,
  events: readonly AuditEventWithId[],
): Promise<IsolatedInsert> {
  if (events.length === 0) return { created: [], duplicates: [], failed: [] }
  try {
    const { created, duplicates } = await store.insert(events)
    return { created, duplicates, failed: [] }
  } catch (error) {
    const kind = classifyStoreError(error)
    if (kind === 'unavailable') throw error
    const months = groupByMonth(events)
    let parts: AuditEventWithId[][]
    if (months.length > 1) parts = months.map(([, group]) => group)
    else if (kind === 'data' && events.length > 1) {
      const half = Math.ceil(events.length / 2)
      parts = [events.slice(0, half), events.slice(half)]
    } else return { created: [], duplicates: [], failed: events.map((event) => ({ event, error })) }
    const merged: IsolatedInsert = { created: [], duplicates: [], failed: [] }
    for (const part of parts) {
      const r = await insertIsolating(store, part)
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
