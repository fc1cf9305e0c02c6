import type { AuditEvent } from '../wire.js'

/** The table's columns, in order: what a person scanning a timeline needs first. */
export const COLUMNS = ['time', 'type', 'outcome', 'actor', 'resource', 'correlation'] as const

/** One column's name. */
export type Column = (typeof COLUMNS)[number]

/** Widest a column gets; longer values end with `…` (the JSON output keeps them whole). */
export const MAX_WIDTHS: Readonly<Record<Column, number>> = {
  time: 27,
  type: 40,
  outcome: 7,
  actor: 24,
  resource: 36,
  correlation: 40,
}

/**
 * Widths for rows printed as they come (`events tail`), where the rows to come are unknown: the
 * time as the service writes it (milliseconds), the others at most {@link MAX_WIDTHS}.
 */
export const STREAM_WIDTHS: Readonly<Record<Column, number>> = {
  ...MAX_WIDTHS,
  time: 24,
  type: 32,
  actor: 20,
  resource: 28,
  correlation: 36,
}

/** The cells of one event's row. Absent optional fields show as `-`. */
export function eventCells(event: AuditEvent): Record<Column, string> {
  const resource =
    event.resource_type === undefined && event.resource_id === undefined
      ? '-'
      : `${event.resource_type ?? '-'}/${event.resource_id ?? '-'}`
  return {
    time: event.event_timestamp,
    type: event.event_type,
    outcome: event.event_outcome,
    actor: event.actor_id ?? '-',
    resource,
    correlation: event.correlation_id,
  }
}

/** Each column as wide as its widest cell or header, at most {@link MAX_WIDTHS}. */
export function fitWidths(rows: readonly Record<Column, string>[]): Record<Column, number> {
  const widths = Object.fromEntries(COLUMNS.map((c) => [c, c.length])) as Record<Column, number>
  for (const row of rows) {
    for (const c of COLUMNS) widths[c] = Math.min(MAX_WIDTHS[c], Math.max(widths[c], cellText(row[c]).length))
  }
  return widths
}

/** One line: cells padded to `widths` (the last one not padded), two spaces apart. */
export function formatLine(
  cells: Readonly<Record<Column, string>>,
  widths: Readonly<Record<Column, number>>,
): string {
  return COLUMNS.map((c, i) => {
    const text = fit(cellText(cells[c]), widths[c])
    return i === COLUMNS.length - 1 ? text : text.padEnd(widths[c])
  })
    .join('  ')
    .trimEnd()
}

/** The header line for `widths`. */
export function formatHeader(widths: Readonly<Record<Column, number>>): string {
  const names = Object.fromEntries(COLUMNS.map((c) => [c, c.toUpperCase()])) as Record<Column, string>
  return formatLine(names, widths)
}

/** A whole table of `events` in the order given, header first, each line ending with a newline. */
export function formatEventTable(events: readonly AuditEvent[]): string {
  const rows = events.map(eventCells)
  const widths = fitWidths(rows)
  return [formatHeader(widths), ...rows.map((row) => formatLine(row, widths))].map((l) => `${l}\n`).join('')
}

/** Control characters (a newline in a resource id) would break the table's lines: shown escaped. */
function cellText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
  return value.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1))
}

function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`
}
