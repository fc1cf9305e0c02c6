import { Counter, Gauge, type Registry } from 'prom-client'

/** The dead-letter queue's Prometheus metrics, registered on the service's registry. */
export interface DlqMetrics {
  /** `audit_dlq_depth`: messages in the DLQ stream (XLEN), as last observed. */
  readonly depth: Gauge
  /** `audit_dlq_capacity_ratio`: depth / DLQ_CAPACITY; alert at 0.8, 0.9, 0.95; 1 means writes get 503. */
  readonly capacityRatio: Gauge
  /** `audit_dlq_capacity`: the configured capacity, so dashboards can show headroom. */
  readonly capacity: Gauge
  /** `audit_dead_letter_depth`: poison messages parked in the dead-letter stream. */
  readonly deadLetterDepth: Gauge
  /** `audit_dlq_enqueued_total`: events the service itself queued because PostgreSQL failed. */
  readonly enqueued: Counter
  /** `audit_dlq_replayed_total{result}`: replayed into PostgreSQL, `created` or `duplicate`. */
  readonly replayed: Counter<'result'>
  /** `audit_dlq_poisoned_total`: messages moved to the dead-letter stream. */
  readonly poisoned: Counter
  /** `audit_dlq_replay_failures_total{kind}`: `unavailable` (PostgreSQL down), `message` (one message failed), `redis`. */
  readonly replayFailures: Counter<'kind'>
}

/**
 * Creates the DLQ metrics on `registry` (once per registry: prom-client refuses duplicate names).
 *
 * @example
 * const dlqMetrics = createDlqMetrics(metrics.registry)
 */
export function createDlqMetrics(registry: Registry): DlqMetrics {
  const registers = [registry]
  return {
    depth: new Gauge({
      name: 'audit_dlq_depth',
      help: 'Messages in the dead-letter queue stream.',
      registers,
    }),
    capacityRatio: new Gauge({
      name: 'audit_dlq_capacity_ratio',
      help: 'Dead-letter queue depth divided by its configured capacity (1 = full: writes answer 503).',
      registers,
    }),
    capacity: new Gauge({
      name: 'audit_dlq_capacity',
      help: 'Configured dead-letter queue capacity in messages.',
      registers,
    }),
    deadLetterDepth: new Gauge({
      name: 'audit_dead_letter_depth',
      help: 'Poison messages parked in the dead-letter stream.',
      registers,
    }),
    enqueued: new Counter({
      name: 'audit_dlq_enqueued_total',
      help: 'Events queued to the dead-letter queue because PostgreSQL could not take them.',
      registers,
    }),
    replayed: new Counter({
      name: 'audit_dlq_replayed_total',
      help: 'Dead-letter messages replayed into PostgreSQL: created (new row) or duplicate (already stored).',
      labelNames: ['result'],
      registers,
    }),
    poisoned: new Counter({
      name: 'audit_dlq_poisoned_total',
      help: 'Dead-letter messages moved to the dead-letter stream as poison.',
      registers,
    }),
    replayFailures: new Counter({
      name: 'audit_dlq_replay_failures_total',
      help: 'Failed replay attempts by kind: unavailable (PostgreSQL down), message (one message), redis.',
      labelNames: ['kind'],
      registers,
    }),
  }
}
