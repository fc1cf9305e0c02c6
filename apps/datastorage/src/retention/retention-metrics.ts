import { Counter, Gauge, type Registry } from 'prom-client'

/** The retention job's Prometheus metrics, registered on the service's registry. */
export interface RetentionMetrics {
  /** `audit_retention_partitions_dropped_total`: monthly partitions of audit_events dropped. */
  readonly partitionsDropped: Counter
  /** `audit_retention_events_dropped_total`: events in them (their leaves stay in the log). */
  readonly eventsDropped: Counter
  /**
   * `audit_retention_last_run_timestamp_seconds`: when a run last completed on this replica (it
   * held the retention lock or found another replica holding it); alert when it falls behind.
   */
  readonly lastRun: Gauge
  /** `audit_retention_failures_total`: runs that failed (retried at the next interval). */
  readonly failures: Counter
}

/**
 * Creates the retention metrics on `registry` (once per registry: prom-client refuses duplicates).
 *
 * @example
 * const retentionMetrics = createRetentionMetrics(metrics.registry)
 */
export function createRetentionMetrics(registry: Registry): RetentionMetrics {
  const registers = [registry]
  return {
    partitionsDropped: new Counter({
      name: 'audit_retention_partitions_dropped_total',
      help: 'Monthly partitions of audit_events the retention job dropped.',
      registers,
    }),
    eventsDropped: new Counter({
      name: 'audit_retention_events_dropped_total',
      help: 'Events in the partitions the retention job dropped (their leaves stay in the log).',
      registers,
    }),
    lastRun: new Gauge({
      name: 'audit_retention_last_run_timestamp_seconds',
      help: 'Unix time at which the retention job last completed a run on this replica.',
      registers,
    }),
    failures: new Counter({
      name: 'audit_retention_failures_total',
      help: 'Retention runs that failed; the next interval retries.',
      registers,
    }),
  }
}
