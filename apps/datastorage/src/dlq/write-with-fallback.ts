import type { Logger } from 'pino'
import type { AuditEventStore, NewAuditEvent } from '../store/audit-event-store.js'
import { groupByMonth } from '../store/month-groups.js'
import { classifyStoreError, describeError } from '../store/store-errors.js'
import type { DeadLetterWriter } from './dead-letter-writer.js'

/** Where each event of a write ended. */
export interface FallbackWriteResult {
  /** Ids that made a new row. */
  created: string[]
  /** Ids already stored. */
  duplicates: string[]
  /** Ids handed to the dead-letter queue, to be replayed into PostgreSQL later. */
  queued: string[]
}

/** Options of {@link writeWithFallback}. */
export interface WriteWithFallbackOptions {
  store: AuditEventStore
  /** Absent: no DLQ (REDIS_URL unset), store errors propagate. */
  deadLetters?: DeadLetterWriter | undefined
  logger: Logger
}

/**
 * Stores events, falling back to the dead-letter queue when PostgreSQL cannot take them:
 * - unreachable (StoreUnavailableError, also a write that waited too long): every event is queued;
 * - refused because of one month's partition (missing, detached, locked, broken), or for another
 *   reason that is not the data's fault: the batch is split by month, the healthy months are
 *   stored and the failing months queued (one bad partition does not fail writes for the others);
 * - refused for the data itself (SQLSTATE class 22/23): rethrown, nothing stored, so the caller
 *   hears about it instead of the event being parked later.
 *
 * @throws DlqFullError / DlqUnavailableError when events had to be queued and the DLQ could not
 * take them (the caller answers 503 so the client keeps them); the store's error without a DLQ.
 */
export async function writeWithFallback(
  options: WriteWithFallbackOptions,
  events: readonly NewAuditEvent[],
): Promise<FallbackWriteResult> {
  const { store, deadLetters, logger } = options
  try {
    const { created, duplicates } = await store.insert(events)
    return { created, duplicates, queued: [] }
  } catch (error) {
    const kind = classifyStoreError(error)
    if (!deadLetters || kind === 'data') throw error
    const months = groupByMonth(events)
    if (kind === 'unavailable' || months.length === 1) {
      await deadLetters.write(events, `${reasonPrefix(kind)}: ${describeError(error)}`)
      logger.warn(
        { err: error, queued: events.length },
        'PostgreSQL did not take the write; events queued to the DLQ',
      )
      return { created: [], duplicates: [], queued: events.map((e) => e.event_id) }
    }
    const result: FallbackWriteResult = { created: [], duplicates: [], queued: [] }
    const failing: Array<{ month: string; events: NewAuditEvent[]; error: unknown }> = []
    for (const [month, group] of months) {
      try {
        const r = await store.insert(group)
        result.created.push(...r.created)
        result.duplicates.push(...r.duplicates)
      } catch (monthError) {
        failing.push({ month, events: group, error: monthError })
      }
    }
    // One DLQ write for all failing months: if the DLQ refuses, the client retries the batch and
    // the months already stored come back as duplicates, which is harmless.
    const queued = failing.flatMap((f) => f.events)
    const reason = failing
      .map((f) => `${f.month}: ${reasonPrefix(classifyStoreError(f.error))}: ${describeError(f.error)}`)
      .join('; ')
    await deadLetters.write(queued, reason.slice(0, 1000))
    result.queued.push(...queued.map((e) => e.event_id))
    for (const f of failing) {
      logger.error(
        { err: f.error, month: f.month, queued: f.events.length },
        `writes for ${f.month} failed; its events were queued to the DLQ, other months were stored`,
      )
    }
    return result
  }
}

function reasonPrefix(kind: string): string {
  return kind === 'unavailable' ? 'PostgreSQL unavailable' : 'PostgreSQL refused the batch'
}
