/** What a line of a result block is: the figure measured, its same-run baseline, their ratio, or context. */
export type LineKind = 'figure' | 'baseline' | 'ratio' | 'info'

/** One line of a result block. */
export interface ReportLine {
  kind: LineKind
  label: string
  /** A number is formatted with thousands separators (and `digits` decimals); a string is printed as is. */
  value: number | string
  unit?: string
  digits?: number
}

/**
 * A benchmark's printed result (see benchmarks/README.md): its parameters, its figure and a
 * baseline, as a ratio.
 */
export interface BenchReport {
  title: string
  /** Printed in order, `name value` pairs. */
  parameters: Record<string, string | number>
  lines: ReportLine[]
  /** Free text printed last, e.g. what the ratio is expected to be. */
  notes?: string[]
  /** Machine-readable figures for `bench-results/latest.json`, snake_case keys (see {@link latestResults}). */
  metrics?: Record<string, number | null>
}

/** The keys `bench-results/latest.json` always has (issue 14); a figure no benchmark of the run measured is `null`. */
export const LATEST_KEYS = [
  'emit_ns',
  'otel_ns',
  'emit_vs_otel',
  'held_bytes_per_event',
  'ingest_rows_per_s',
  'copy_rows_per_s',
  'ingest_vs_copy',
  'service_vs_copy',
  'query_correlation_p99_ms',
] as const

/** A numeric line's value, found by its label (for reports that carry no `metrics`). */
function lineValue(report: BenchReport, label: string): number | null {
  const value = report.lines.find((l) => l.label === label)?.value
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** The figures of the reports that predate `metrics`, read from their lines by label. */
function metricsFromLines(report: BenchReport): Record<string, number | null> {
  if (report.title.startsWith('2. ')) {
    return {
      ingest_rows_per_s: lineValue(report, 'end to end (emitAsync … flush)'),
      copy_rows_per_s: lineValue(report, 'COPY FROM STDIN, same rows, same table'),
      ingest_vs_copy: lineValue(report, 'end to end / COPY'),
      service_rows_per_s: lineValue(report, 'service alone: pre-serialised batch POSTs'),
      service_vs_copy: lineValue(report, 'service alone / COPY'),
    }
  }
  if (report.title.startsWith('4. ')) {
    // `p50 / p99` as text, in ms.
    const pair = (label: string) => {
      const value = report.lines.find((l) => l.label === label)?.value
      const parts = typeof value === 'string' ? value.split(' / ').map(Number) : []
      return parts.length === 2 && parts.every(Number.isFinite) ? parts : [null, null]
    }
    const [apiP50, apiP99] = pair('correlation_id: API')
    const [, sqlP99] = pair('correlation_id: same SQL, postgres.js')
    return {
      query_correlation_p50_ms: apiP50 ?? null,
      query_correlation_p99_ms: apiP99 ?? null,
      query_correlation_sql_p99_ms: sqlP99 ?? null,
      query_rows: typeof report.parameters.rows === 'number' ? report.parameters.rows : null,
    }
  }
  return {}
}

/**
 * The content of `bench-results/latest.json`: every {@link LATEST_KEYS} key (null when not
 * measured in this run), the other figures the reports carry, and the parameters of each report
 * under its title.
 */
export function latestResults(
  reports: readonly BenchReport[],
  run: { node: string; benchScale: number; cpus: number; loadAverage: number[] },
): Record<string, unknown> {
  const figures: Record<string, number | null> = Object.fromEntries(LATEST_KEYS.map((k) => [k, null]))
  for (const report of reports) Object.assign(figures, metricsFromLines(report), report.metrics)
  return {
    ...figures,
    parameters: {
      date: new Date().toISOString(),
      node: run.node,
      bench_scale: run.benchScale,
      cpus: run.cpus,
      load_average: run.loadAverage,
      ...Object.fromEntries(reports.map((r) => [r.title, r.parameters])),
    },
  }
}

const RULE = 100
const KIND_WIDTH = 12

/** Formats a number with thousands separators and a fixed number of decimals. */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value)
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** Renders a report as aligned text lines: labels padded to one width, values right-aligned. */
export function renderReport(report: BenchReport): string {
  const out: string[] = []
  out.push(`== ${report.title} ${'='.repeat(Math.max(3, RULE - report.title.length - 4))}`)
  const params = Object.entries(report.parameters).map(
    ([k, v]) => `${k} ${typeof v === 'number' ? formatNumber(v) : v}`,
  )
  out.push(...wrap('parameters', params, RULE))
  const labelWidth = Math.max(...report.lines.map((l) => l.label.length), 10)
  const values = report.lines.map((l) =>
    typeof l.value === 'number' ? formatNumber(l.value, l.digits ?? (l.kind === 'ratio' ? 2 : 0)) : l.value,
  )
  const valueWidth = Math.max(...values.map((v) => v.length), 6)
  report.lines.forEach((line, i) => {
    const unit = line.unit ?? (line.kind === 'ratio' ? '×' : '')
    out.push(
      `  ${line.kind.padEnd(KIND_WIDTH)}${line.label.padEnd(labelWidth)}  ${values[i]!.padStart(valueWidth)} ${unit}`.trimEnd(),
    )
  })
  for (const note of report.notes ?? []) out.push(`  ${'note'.padEnd(KIND_WIDTH)}${note}`)
  return out.join('\n')
}

/** Prints a report to stdout, with a blank line after it. */
export function printReport(report: BenchReport): void {
  console.log(`${renderReport(report)}\n`)
}

function wrap(kind: string, items: string[], width: number): string[] {
  const lines: string[] = []
  let current = ''
  for (const item of items) {
    const next = current ? `${current} · ${item}` : item
    if (current && next.length + KIND_WIDTH + 2 > width) {
      lines.push(current)
      current = item
    } else {
      current = next
    }
  }
  if (current) lines.push(current)
  return lines.map((l, i) => `  ${(i === 0 ? kind : '').padEnd(KIND_WIDTH)}${l}`)
}
