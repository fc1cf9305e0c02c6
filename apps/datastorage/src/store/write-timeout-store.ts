import { StoreUnavailableError } from '../errors.js'
import type { AuditEventStore } from './audit-event-store.js'

/** Options of {@link withWriteTimeout}. */
export interface WriteTimeoutOptions {
  /** How long one insert may queue for a pooled connection and run. */
  timeoutMs: number
}

/**
 * Bounds `insert`: postgres.js queues queries while every pooled connection is busy, which is
 * what lets a burst of concurrent batches succeed on a small pool, but a queue with no bound would
 * hold requests until the client gives up. Past `timeoutMs` the write
 * rejects with StoreUnavailableError, so its events go to the DLQ (or the client gets 503).
 *
 * postgres.js cannot cancel a queued query, so a write that times out may still commit later:
 * its events are then both in PostgreSQL and in the DLQ (or retried by the client), and the
 * replay stores them once, since inserts are idempotent on `event_id`.
 *
 * @throws RangeError at construction when `timeoutMs` is not a positive integer.
 * @example
 * const store = withWriteTimeout(createAuditEventStore(database), { timeoutMs: 8000 })
 */
export function withWriteTimeout(
  store: AuditEventStore,
  { timeoutMs }: WriteTimeoutOptions,
): AuditEventStore {
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw new RangeError(`timeoutMs must be a positive integer, got ${timeoutMs}`)
  }
  return {
    kind: store.kind,
    insert(events, recordedBy) {
      const write = store.insert(events, recordedBy)
      write.catch(() => undefined) // a late failure after the timeout has nobody to report to
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new StoreUnavailableError(
                `database did not take the write within ${timeoutMs} ms (connection pool busy or server not answering)`,
              ),
            ),
          timeoutMs,
        )
      })
      return Promise.race([write, timeout]).finally(() => clearTimeout(timer))
    },
    query: (filter) => store.query(filter),
    get: (eventId) => store.get(eventId),
    histogram: (filters, intervalMs) => store.histogram(filters, intervalMs),
    ping: () => store.ping(),
    close: () => store.close(),
  }
}
