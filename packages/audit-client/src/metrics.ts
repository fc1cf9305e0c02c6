import { createRequire } from 'node:module'
// Types only: erased from the build, so a user without prom-client never loads it.
import type { Counter, Gauge, Histogram, Registry } from 'prom-client'

/**
 * A prom-client `Registry`, described by the members the client relies on so that the package's
 * types do not name prom-client (an optional peer dependency): `new Registry()` fits as it is.
 */
export interface PrometheusRegistry {
  registerMetric(metric: never): void
  getSingleMetric(name: string): unknown
  metrics(): Promise<string>
}

/** Terminal states as metric label values. */
export type EventStateLabel = 'persisted' | 'duplicate' | 'dead_lettered' | 'failed' | 'refused'
/** How one HTTP send ended. */
export type SendOutcome = 'created' | 'accepted' | 'rejected' | 'retryable' | 'error'

/** The client's instruments; every method is a no-op when no registry was given. */
export interface ClientMetrics {
  events(state: EventStateLabel, n: number): void
  send(outcome: SendOutcome, seconds: number): void
  retry(): void
  dlqWrite(outcome: 'ok' | 'error'): void
  /** Detaches this client's gauges from the registry (the shared metrics stay registered). */
  close(): void
}

/** What the gauges read from a client when scraped. */
export interface MetricSources {
  service: string
  bufferDepth: () => number
  spoolDepth?: (() => Promise<number>) | undefined
}

const noop = () => {}
const noopMetrics: ClientMetrics = { events: noop, send: noop, retry: noop, dlqWrite: noop, close: noop }

interface Instruments {
  events: Counter<'service' | 'state'>
  batches: Counter<'service' | 'outcome'>
  latency: Histogram<'service' | 'outcome'>
  retries: Counter<'service'>
  dlqWrites: Counter<'service' | 'outcome'>
  sources: Set<MetricSources>
}

// Several clients may share one registry (and prom-client refuses a second metric of one name).
const byRegistry = new WeakMap<PrometheusRegistry, Instruments>()

function instruments(registry: PrometheusRegistry): Instruments {
  const existing = byRegistry.get(registry)
  if (existing) return existing
  // prom-client is an optional peer dependency: loaded only when a registry is passed.
  const prom = createRequire(import.meta.url)('prom-client') as typeof import('prom-client')
  const registers = [registry as unknown as Registry]
  const sources = new Set<MetricSources>()
  const made: Instruments = {
    sources,
    events: new prom.Counter({
      name: 'audit_client_events_total',
      help: 'Audit events by terminal state (refused: emit() threw).',
      labelNames: ['service', 'state'],
      registers,
    }),
    batches: new prom.Counter({
      name: 'audit_client_batches_total',
      help: 'HTTP batch sends by outcome (each attempt counts).',
      labelNames: ['service', 'outcome'],
      registers,
    }),
    latency: new prom.Histogram({
      name: 'audit_client_send_duration_seconds',
      help: 'Duration of one batch send to the service.',
      labelNames: ['service', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    retries: new prom.Counter({
      name: 'audit_client_retries_total',
      help: 'Batch sends repeated after a retryable failure.',
      labelNames: ['service'],
      registers,
    }),
    dlqWrites: new prom.Counter({
      name: 'audit_client_dlq_writes_total',
      help: 'Writes to the dead-letter queue by outcome.',
      labelNames: ['service', 'outcome'],
      registers,
    }),
  }
  new prom.Gauge({
    name: 'audit_client_buffer_depth',
    help: 'Events emitted and not yet in a terminal state.',
    labelNames: ['service'],
    registers,
    collect(this: Gauge<'service'>) {
      this.reset()
      for (const s of sources) this.inc({ service: s.service }, s.bufferDepth())
    },
  })
  new prom.Gauge({
    name: 'audit_client_spool_depth',
    help: 'Lines in the local dead-letter spool not yet replayed.',
    labelNames: ['service'],
    registers,
    async collect(this: Gauge<'service'>) {
      this.reset()
      for (const s of sources) {
        if (!s.spoolDepth) continue
        try {
          this.inc({ service: s.service }, await s.spoolDepth())
        } catch {
          // An unreadable spool must not break the scrape; the DLQ reports its own errors.
        }
      }
    },
  })
  byRegistry.set(registry, made)
  return made
}

/**
 * The client's Prometheus metrics, registered in `registry` (and nowhere else), or no-ops when
 * there is none: `audit_client_events_total{state}`, `audit_client_batches_total{outcome}`,
 * `audit_client_send_duration_seconds`, `audit_client_retries_total`,
 * `audit_client_buffer_depth`, `audit_client_dlq_writes_total{outcome}`,
 * `audit_client_spool_depth`; each labelled with `service`.
 */
export function createClientMetrics(
  registry: PrometheusRegistry | undefined,
  sources: MetricSources,
): ClientMetrics {
  if (!registry) return noopMetrics
  const m = instruments(registry)
  m.sources.add(sources)
  const service = sources.service
  return {
    events: (state, n) => {
      if (n > 0) m.events.inc({ service, state }, n)
    },
    send: (outcome, seconds) => {
      m.batches.inc({ service, outcome })
      m.latency.observe({ service, outcome }, seconds)
    },
    retry: () => m.retries.inc({ service }),
    dlqWrite: (outcome) => m.dlqWrites.inc({ service, outcome }),
    close: () => {
      m.sources.delete(sources)
    },
  }
}
