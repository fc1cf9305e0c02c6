import { Counter, type Registry } from 'prom-client'

/** Metrics of the streamed and aggregated reads (export, histogram, DLQ replay over HTTP). */
export interface ReadMetrics {
  /** Exports by `format` and how they ended (`outcome`: complete, aborted, failed). */
  readonly exports: Counter<'format' | 'outcome'>
  /** Events written by exports, by `format` and `outcome`. */
  readonly exportedEvents: Counter<'format' | 'outcome'>
}

function counter<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
): Counter<L> {
  // One registry serves every app built over the same metrics (tests build several).
  const existing = registry.getSingleMetric(name)
  if (existing) return existing as Counter<L>
  return new Counter({ name, help, labelNames, registers: [registry] })
}

/**
 * The read metrics on `registry` (the service's, which `/metrics` exposes), registered on first use:
 * `audit_exports_total{format,outcome}` and `audit_exported_events_total{format,outcome}`.
 */
export function readMetrics(registry: Registry): ReadMetrics {
  return {
    exports: counter(registry, 'audit_exports_total', 'Event exports by format and how they ended.', [
      'format',
      'outcome',
    ]),
    exportedEvents: counter(
      registry,
      'audit_exported_events_total',
      'Events written by exports, by format and how the export ended.',
      ['format', 'outcome'],
    ),
  }
}
