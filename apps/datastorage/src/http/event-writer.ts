import type { Logger } from 'pino'
import type { DeadLetterWriter } from '../dlq/dead-letter-writer.js'
import { writeWithFallback } from '../dlq/write-with-fallback.js'
import type { DataStorageMetrics } from '../metrics/service-metrics.js'
import type { AuditEventStore, NewAuditEvent } from '../store/audit-event-store.js'

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
   * DlqFullError / DlqUnavailableError when the DLQ cannot take it either (the routes answer 503).
   */
  write(events: readonly NewAuditEvent[]): Promise<WriteOutcome>
}

/** Options of {@link createEventWriter}. */
export interface EventWriterOptions {
  store: AuditEventStore
  metrics: DataStorageMetrics
  /** The DLQ fallback. Default none (REDIS_URL unset): store errors reach the routes. */
  deadLetters?: DeadLetterWriter | undefined
  /** Where the fallback logs what it queued. Required with `deadLetters`. */
  logger?: Logger | undefined
}

/**
 * The one function every write goes through, so the dead-letter fallback (PostgreSQL down →
 * Redis Stream, 202) can wrap it without touching the routes.
 */
export function createEventWriter(options: EventWriterOptions): EventWriter {
  const { store, metrics, deadLetters, logger } = options
  if (deadLetters && !logger) throw new TypeError('createEventWriter: a logger is required with deadLetters')
  return {
    async write(events) {
      const result = deadLetters
        ? await writeWithFallback({ store, deadLetters, logger: logger! }, events)
        : { ...(await store.insert(events)), queued: [] }
      if (result.created.length > 0) metrics.eventsWritten.inc({ result: 'created' }, result.created.length)
      if (result.duplicates.length > 0) {
        metrics.eventsWritten.inc({ result: 'duplicate' }, result.duplicates.length)
      }
      return result
    },
  }
}
