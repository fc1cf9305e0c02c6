import { InvalidCursorError, StoreUnavailableError } from '../errors.js'
import type { DataStorageMetrics } from '../metrics/service-metrics.js'
import type { AuditEventStore } from './audit-event-store.js'

function kindOf(error: unknown): string {
  if (error instanceof StoreUnavailableError) return 'unavailable'
  if (error instanceof InvalidCursorError) return 'invalid_cursor'
  return 'query_failed'
}

/**
 * Wraps a store so every failed call counts in `audit_db_errors_total{kind}`; errors are rethrown
 * unchanged. `ping` failures are counted too: they are what /readyz reports.
 */
export function instrumentStore(store: AuditEventStore, metrics: DataStorageMetrics): AuditEventStore {
  const count = (error: unknown): never => {
    metrics.dbErrors.inc({ kind: kindOf(error) })
    throw error
  }
  return {
    kind: store.kind,
    insert: (events, recordedBy) => store.insert(events, recordedBy).catch(count),
    query: (filter) => store.query(filter).catch(count),
    get: (eventId) => store.get(eventId).catch(count),
    histogram: (filters, intervalMs) => store.histogram(filters, intervalMs).catch(count),
    ping: () => store.ping().catch(count),
    close: () => store.close(),
  }
}
