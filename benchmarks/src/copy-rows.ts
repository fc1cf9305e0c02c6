import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import postgres, { type Sql } from 'postgres'

/** Columns the COPY paths write: everything but `stored_at`, which keeps its default as for an insert. */
export const COPY_COLUMNS = [
  'event_id',
  'event_date',
  'version',
  'event_type',
  'event_timestamp',
  'event_category',
  'event_action',
  'event_outcome',
  'correlation_id',
  'event_data',
  'actor_type',
  'actor_id',
  'actor_ip',
  'resource_type',
  'resource_id',
  'resource_name',
  'parent_event_id',
  'namespace',
  'cluster_id',
  'severity',
  'duration_ms',
  'error_code',
  'error_message',
  'trace_id',
  'span_id',
  'retention_days',
  'is_sensitive',
] as const

export type CopyColumn = (typeof COPY_COLUMNS)[number]
const COLUMN_LIST = COPY_COLUMNS.join(', ')

const SPECIAL = /[\\\t\n\r]/
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** One value in COPY's text format: `\N` for NULL, backslash escapes for the delimiters. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N'
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  // Most values need no escaping; testing first is much cheaper than a replace on every value.
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text
}

/** A row of {@link COPY_COLUMNS} as one line of COPY text format. Missing columns are NULL. */
export function copyLine(row: Partial<Record<CopyColumn, unknown>>): string {
  let line = ''
  for (let i = 0; i < COPY_COLUMNS.length; i++) {
    line += (i === 0 ? '' : '\t') + copyValue(row[COPY_COLUMNS[i]!])
  }
  return `${line}\n`
}

/**
 * Runs a COPY on a connection of its own, closed afterwards: a postgres.js connection that has
 * streamed a COPY is not reused for other queries (one that was sometimes never answered again).
 */
async function onOwnConnection<T>(url: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    return await work(sql)
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/** Streams COPY-text chunks into `audit_events` (one `COPY … FROM STDIN`); resolves when the server has them. */
export function copyIntoAuditEvents(url: string, chunks: Iterable<string | Buffer>): Promise<void> {
  return onOwnConnection(url, async (sql) => {
    const writable = await sql.unsafe(`COPY audit_events (${COLUMN_LIST}) FROM STDIN`).writable()
    await pipeline(Readable.from(chunks), writable)
  })
}

/**
 * The rows a benchmark wrote: every row but the service's own security events (`recorded_by`
 * `datastorage:self-audit`: a token-file load at start-up, one per read of the query benchmark),
 * which a run cannot count ahead.
 */
export const BENCH_ROWS = "recorded_by IS DISTINCT FROM 'datastorage:self-audit'"

/** How many rows of `audit_events` a benchmark wrote ({@link BENCH_ROWS}). */
export async function countBenchRows(sql: Sql): Promise<number> {
  const [row] = await sql<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM audit_events WHERE ${sql.unsafe(BENCH_ROWS)}`
  return row?.n ?? 0
}

/** Reads every row a benchmark wrote ({@link BENCH_ROWS}) as COPY-text chunks (the exact rows another COPY can write back). */
export function copyOutAuditEvents(url: string): Promise<Buffer[]> {
  return onOwnConnection(url, async (sql) => {
    // A partitioned table cannot be copied from directly; its rows can, through a query.
    const readable = await sql
      .unsafe(`COPY (SELECT ${COLUMN_LIST} FROM audit_events WHERE ${BENCH_ROWS}) TO STDOUT`)
      .readable()
    const chunks: Buffer[] = []
    for await (const chunk of readable) chunks.push(chunk as Buffer)
    return chunks
  })
}

/**
 * Reads `event_id, event_date` of every row a benchmark wrote ({@link BENCH_ROWS}) as COPY-text
 * chunks: what the service's insert also writes, for each stored event, into `audit_event_ids`
 * (the duplicate claim) and, with the transparency log on, into `audit_log_pending`.
 */
export function copyOutEventIds(url: string): Promise<Buffer[]> {
  return onOwnConnection(url, async (sql) => {
    const readable = await sql
      .unsafe(`COPY (SELECT event_id, event_date FROM audit_events WHERE ${BENCH_ROWS}) TO STDOUT`)
      .readable()
    const chunks: Buffer[] = []
    for await (const chunk of readable) chunks.push(chunk as Buffer)
    return chunks
  })
}

/** Streams `event_id, event_date` COPY-text chunks into `table` (`audit_event_ids` or `audit_log_pending`). */
export function copyIntoEventIdTable(
  url: string,
  table: 'audit_event_ids' | 'audit_log_pending',
  chunks: Iterable<string | Buffer>,
): Promise<void> {
  return onOwnConnection(url, async (sql) => {
    const writable = await sql.unsafe(`COPY ${table} (event_id, event_date) FROM STDIN`).writable()
    await pipeline(Readable.from(chunks), writable)
  })
}

/** Creates the monthly partitions (`YYYY-MM`) through migration 0001's SQL function, as the service does. */
export async function ensureMonthPartitions(sql: Sql, months: Iterable<string>): Promise<void> {
  for (const month of new Set(months)) {
    await sql`SELECT audit_events_create_month_partition(${`${month}-01`}::date)`
  }
}

/** The current UTC month and the `ahead` following ones, `YYYY-MM` (the service creates 3 ahead). */
export function monthsFrom(start: Date, ahead: number): string[] {
  const months: string[] = []
  for (let offset = 0; offset <= ahead; offset++) {
    months.push(
      new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1)).toISOString().slice(0, 7),
    )
  }
  return months
}

/** `CHECKPOINT` (superuser only; skipped otherwise), so a timed phase does not pay for the previous one's dirty pages. */
export async function checkpoint(sql: Sql): Promise<void> {
  await sql`CHECKPOINT`.catch(() => undefined)
}
