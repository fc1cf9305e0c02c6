import type { DataStorageMetrics } from '../metrics/service-metrics.js'
import type { AuditEventStore } from './audit-event-store.js'
import { instrumentStore } from './instrumented-audit-event-store.js'
import { withWriteTimeout } from './write-timeout-store.js'

/** Options of {@link composeServiceStore}. */
export interface ServiceStoreOptions {
  /** Where the request path's failed store calls are counted (`audit_db_errors_total`). */
  metrics: DataStorageMetrics
  /**
   * `DATABASE_WRITE_TIMEOUT_MS`: how long one insert may queue for a pooled connection and run
   * before it fails as unavailable (see `withWriteTimeout`). Default: unbounded, for an app tested
   * over a bare store.
   */
  writeTimeoutMs?: number | undefined
}

/** The store the service runs on, as its two kinds of callers see it. */
export interface ServiceStore {
  /**
   * For the HTTP routes and the write path: writes bounded by `writeTimeoutMs`, and every failed
   * call (the /readyz ping included) counted in `audit_db_errors_total{kind}`.
   */
  readonly requests: AuditEventStore
  /**
   * For the DLQ replay worker: the same bounded writes, not counted in `audit_db_errors_total`;
   * the worker counts its own failures (`audit_dlq_replay_failures_total`), and a PostgreSQL outage
   * would otherwise count once per replay round as well as once per request.
   */
  readonly replay: AuditEventStore
}

/**
 * Builds the store the service uses from the database store, in one place: the write timeout
 * innermost (a write that timed out is a failure like any other), then the error counting of the
 * request path. Closing either view closes the database store.
 *
 * @throws RangeError when `writeTimeoutMs` is not a positive integer.
 * @example
 * const { requests, replay } = composeServiceStore(createAuditEventStore(database, { partitions }), {
 *   metrics,
 *   writeTimeoutMs: config.databaseWriteTimeoutMs,
 * })
 */
export function composeServiceStore(store: AuditEventStore, options: ServiceStoreOptions): ServiceStore {
  const { metrics, writeTimeoutMs } = options
  const bounded =
    writeTimeoutMs === undefined ? store : withWriteTimeout(store, { timeoutMs: writeTimeoutMs })
  return { requests: instrumentStore(bounded, metrics), replay: bounded }
}
