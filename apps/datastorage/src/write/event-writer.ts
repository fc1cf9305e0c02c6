import type { AuditEventWithId } from '@audit-trail/datastorage-client'
import type { Logger } from 'pino'
import type { DeadLetterWriter } from '../dlq/dead-letter-writer.js'
import type { DataStorageMetrics } from '../metrics/service-metrics.js'
import type { AuditEventStore } from '../store/audit-event-store.js'
import { groupByMonth } from '../store/month-groups.js'
import { classifyStoreError, describeError, type StoreFailureKind } from '../store/store-errors.js'

/**
 * Where the events of one write ended. Events PostgreSQL could not take are `queued` to the
 * dead-letter queue (when there is one), and the routes answer 202 instead of 201.
 */
export interface WriteOutcome {
  /** Ids that made a new row. */
  created: string[]
  /** Ids already stored; nothing written for them. */
  duplicates: string[]
  /** Ids handed to the dead-letter queue, to be replayed into PostgreSQL later. */
  queued: string[]
}

/** The write path shared by the single and batch endpoints. */
export interface EventWriter {
  /**
   * Stores validated events; with a DLQ, what PostgreSQL cannot take (down, or one month's
   * partition failing) is queued instead.
   * @throws StoreUnavailableError when the database cannot take the write and there is no DLQ;
   * DlqFullError / DlqUnavailableError when the DLQ cannot take it either (the routes answer 503);
   * the database's error when it refused the data itself (SQLSTATE class 22/23), nothing stored.
   */
  write(events: readonly AuditEventWithId[]): Promise<WriteOutcome>
}

/** Options of {@link createEventWriter}. */
export interface EventWriterOptions {
  /** The service's store (`composeServiceStore(…).requests`). */
  store: AuditEventStore
  /** Counts stored events in `audit_events_written_total`. */
  metrics: DataStorageMetrics
  /** The dead-letter queue to fall back to. Default none (REDIS_URL unset): store errors reach the routes. */
  deadLetters?: DeadLetterWriter | undefined
  /** Where the fallback logs what it queued. Required with `deadLetters`. */
  logger?: Logger | undefined
}

/**
 * Creates the one function every write goes through: accept → store, or queue to the DLQ, or
 * refuse. When the insert fails:
 * - PostgreSQL unreachable (StoreUnavailableError, also a write that waited too long): every event
 *   is queued;
 * - refused because of one month's partition (missing, detached, locked, broken), or for another
 *   reason that is not the data's fault: the batch is split by month, the healthy months are
 *   stored and the failing months queued (one bad partition does not fail writes for the others);
 * - refused for the data itself (SQLSTATE class 22/23): refused, nothing stored, so the caller
 *   hears about it instead of the event being parked later.
 *
 * Without a DLQ every failure is refused with the store's error.
 *
 * @throws TypeError when `deadLetters` is given without `logger`.
 * @example
 * const writer = createEventWriter({ store, metrics, deadLetters: dlq.deadLetters, logger })
 * const outcome = await writer.write(events) // 201 unless outcome.queued is not empty (202)
 */
export function createEventWriter(options: EventWriterOptions): EventWriter {
  const { store, metrics, deadLetters, logger } = options
  if (deadLetters && !logger) throw new TypeError('createEventWriter: a logger is required with deadLetters')

  async function storeOrQueue(events: readonly AuditEventWithId[]): Promise<WriteOutcome> {
    try {
      const { created, duplicates } = await store.insert(events)
      return { created, duplicates, queued: [] }
    } catch (error) {
      const kind = classifyStoreError(error)
      if (!deadLetters || !logger || kind === 'data') throw error
      const months = groupByMonth(events)
      if (kind === 'unavailable' || months.length === 1) {
        await deadLetters.write(events, `${reasonPrefix(kind)}: ${describeError(error)}`)
        logger.warn(
          { err: error, queued: events.length },
          'PostgreSQL did not take the write; events queued to the DLQ',
        )
        return { created: [], duplicates: [], queued: events.map((e) => e.event_id) }
      }
      const outcome: WriteOutcome = { created: [], duplicates: [], queued: [] }
      const failing: Array<{ month: string; events: AuditEventWithId[]; error: unknown }> = []
      for (const [month, group] of months) {
        try {
          const r = await store.insert(group)
          outcome.created.push(...r.created)
          outcome.duplicates.push(...r.duplicates)
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
      outcome.queued.push(...queued.map((e) => e.event_id))
      for (const f of failing) {
        logger.error(
          { err: f.error, month: f.month, queued: f.events.length },
          `writes for ${f.month} failed; its events were queued to the DLQ, other months were stored`,
        )
      }
      return outcome
    }
  }

  return {
    async write(events) {
      const outcome = await storeOrQueue(events)
      if (outcome.created.length > 0) metrics.eventsWritten.inc({ result: 'created' }, outcome.created.length)
      if (outcome.duplicates.length > 0) {
        metrics.eventsWritten.inc({ result: 'duplicate' }, outcome.duplicates.length)
      }
      return outcome
    },
  }
}

function reasonPrefix(kind: StoreFailureKind): string {
  return kind === 'unavailable' ? 'PostgreSQL unavailable' : 'PostgreSQL refused the batch'
}
