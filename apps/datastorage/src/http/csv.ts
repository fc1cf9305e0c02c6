import type { AuditEvent } from '@audit-trail/datastorage-client'

/**
 * The export's CSV columns, in order (the contract's description of `exportAuditEvents`): the
 * header row, and the field of `AuditEvent` each cell holds.
 */
export const CSV_COLUMNS = [
  'event_id',
  'event_timestamp',
  'event_type',
  'event_category',
  'event_action',
  'event_outcome',
  'severity',
  'correlation_id',
  'parent_event_id',
  'actor_type',
  'actor_id',
  'actor_ip',
  'resource_type',
  'resource_id',
  'resource_name',
  'namespace',
  'cluster_id',
  'trace_id',
  'span_id',
  'duration_ms',
  'error_code',
  'error_message',
  'recorded_by',
  'stored_at',
  'event_data',
] as const satisfies readonly (keyof AuditEvent)[]

/** RFC 4180's record separator. */
const CRLF = '\r\n'

/** First characters a spreadsheet reads as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/

/** A cell needs quotes when it holds a quote, the separator or a line break (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/

/**
 * One CSV cell: the text with a leading `'` when a spreadsheet would run it as a formula, then
 * quoted (inner quotes doubled) when RFC 4180 requires it. An absent value is an empty cell.
 */
export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return ''
  let text = String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The header row, CRLF-terminated. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}${CRLF}`
}

/** One event as a CSV record, CRLF-terminated: `event_data` as its JSON text. */
export function csvRow(event: AuditEvent): string {
  const cells = CSV_COLUMNS.map((column) =>
    column === 'event_data'
      ? csvCell(JSON.stringify(event.event_data))
      : csvCell(event[column] as string | number | boolean | undefined),
  )
  return `${cells.join(',')}${CRLF}`
}
