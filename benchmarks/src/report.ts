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
