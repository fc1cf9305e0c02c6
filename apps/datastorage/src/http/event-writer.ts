import type { AuditEventStore, NewAuditEvent } from '../store/audit-event-store.js'
import type { DataStorageMetrics } from './metrics.js'

/**
 * Where the events of one write ended. `queued` stays empty until the dead-letter fallback is
 * plugged in as the writer: then events PostgreSQL could not take are queued and the routes
 * answer 202 instead of 201.
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
   * Stores validated events atomically.
   * @throws StoreUnavailableError when the database cannot take the write (the routes answer 503).
   */
  write(events: readonly NewAuditEvent[]): Promise<WriteOutcome>
}

/** Options of {@link createEventWriter}. */
export interface EventWriterOptions {
  store: AuditEventStore
  metrics: DataStorageMetrics
}

/**
 * The one function every write goes through, so the dead-letter fallback (PostgreSQL down →
 * Redis Stream, 202) can wrap it without touching the routes.
 */
export function createEventWriter(options: EventWriterOptions): EventWriter {
  const { store, metrics } = options
  return {
    async write(events) {
      const result = await store.insert(events)
      if (result.created.length > 0) metrics.eventsWritten.inc({ result: 'created' }, result.created.length)
      if (result.duplicates.length > 0) {
        metrics.eventsWritten.inc({ result: 'duplicate' }, result.duplicates.length)
      }
      return { created: result.created, duplicates: result.duplicates, queued: [] }
    },
  }
}
