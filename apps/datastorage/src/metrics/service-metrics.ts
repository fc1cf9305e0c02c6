import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Registry to register on. Default: a new one per call, so tests can build many apps in one process. */
  registry?: Registry
  /** Also collect prom-client's default Node process metrics. Default `true`. */
  defaultMetrics?: boolean
}

/** The service's Prometheus metrics, all on one registry that `/metrics` exposes. */
export interface DataStorageMetrics {
  readonly registry: Registry
  readonly httpRequests: Counter<'route' | 'method' | 'status'>
  readonly httpRequestDuration: Histogram<'route' | 'method'>
  /** `result` is `created` (a new row) or `duplicate` (event_id already stored). */
  readonly eventsWritten: Counter<'result'>
  readonly batchSize: Histogram
  /** `kind`: `unavailable` (connection, timeout, pool), `invalid_cursor`, `query_failed` (anything else). */
  readonly dbErrors: Counter<'kind'>
  /**
   * Self-audit events given up on, by `reason`: `refused` (the client's buffer full, or the event
   * invalid), `closed` (recorded after shutdown began), `not_stored` (store and DLQ both failed
   * after the retries). Each is also logged at warn.
   */
  readonly selfAuditDropped: Counter<'reason'>
  /** The transparency log (docs/integrity.md), as this replica's sequencer last saw it. */
  readonly log: TransparencyLogMetrics
}

/** Metrics of the transparency log's sequencer; only the leader updates the tree's numbers. */
export interface TransparencyLogMetrics {
  /** Leaves in the tree after the leader's last batch. */
  readonly treeSize: Gauge
  /** Stored events not yet sealed, counted by the leader after each batch. */
  readonly pending: Gauge
  /** From an event's `stored_at` to the commit of its leaf: how far the log trails the writes. */
  readonly sealDelay: Histogram
  /** Checkpoints signed by this replica. */
  readonly checkpoints: Counter
  /** 1 while this replica's sequencer holds the leader lock, else 0. */
  readonly leader: Gauge
}

/**
 * Creates the metrics of one app on its own registry (not prom-client's global one).
 *
 * @example
 * const metrics = createMetrics()
 * await metrics.registry.metrics() // Prometheus text
 */
export function createMetrics(options: MetricsOptions = {}): DataStorageMetrics {
  const { registry = new Registry(), defaultMetrics = true } = options
  if (defaultMetrics) collectDefaultMetrics({ register: registry })
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route pattern.',
      labelNames: ['route', 'method'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    eventsWritten: new Counter({
      name: 'audit_events_written_total',
      help: 'Audit events accepted by the store: created (new row) or duplicate (already stored).',
      labelNames: ['result'],
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'audit_batch_size',
      help: 'Events per batch request.',
      buckets: [1, 10, 50, 100, 250, 500, 1000, 2500, 5000],
      registers: [registry],
    }),
    dbErrors: new Counter({
      name: 'audit_db_errors_total',
      help: 'Failed store calls by kind.',
      labelNames: ['kind'],
      registers: [registry],
    }),
    selfAuditDropped: new Counter({
      name: 'audit_self_audit_dropped_total',
      help: "The service's own security events dropped, by reason (refused, closed, not_stored).",
      labelNames: ['reason'],
      registers: [registry],
    }),
    log: {
      treeSize: new Gauge({
        name: 'audit_log_tree_size',
        help: 'Leaves in the transparency log after the last sealed batch.',
        registers: [registry],
      }),
      pending: new Gauge({
        name: 'audit_log_pending_events',
        help: 'Stored events waiting to be sealed into the transparency log.',
        registers: [registry],
      }),
      sealDelay: new Histogram({
        name: 'audit_log_seal_delay_seconds',
        help: "Time from an event's stored_at to its leaf's commit.",
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
        registers: [registry],
      }),
      checkpoints: new Counter({
        name: 'audit_log_checkpoints_total',
        help: 'Checkpoints (signed tree heads) this replica signed.',
        registers: [registry],
      }),
      leader: new Gauge({
        name: 'audit_log_sequencer_leader',
        help: "1 while this replica's sequencer is the elected leader, else 0.",
        registers: [registry],
      }),
    },
  }
}
