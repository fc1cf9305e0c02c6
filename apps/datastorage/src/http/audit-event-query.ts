import type { components, FieldError } from '@audit-trail/datastorage-client'
import type { AuditEventFilter, EventFilters } from '../store/audit-event-store.js'
import { type ContractParameter, checkQueryParameters, contractParameters } from './contract-parameters.js'
import { HttpProblem } from './problem.js'
import {
  canonicalTimestamp,
  EARLIEST_STORABLE_MS,
  LATEST_STORABLE_MS,
  parseRfc3339,
  rfc3339Error,
} from './rfc3339.js'

const queryParameters = contractParameters('/api/v1/audit/events', 'get')
const exportParameters = contractParameters('/api/v1/audit/events/export', 'get')
const histogramParameters = contractParameters('/api/v1/audit/events/histogram', 'get')
const defaultLimit = Number(queryParameters.get('limit')?.schema.default ?? 100)

const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const
const RELATIVE = /^(\d+)([smhdw])$/
const OUT_OF_RANGE = 'must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z'

/**
 * The parameters every read operation (query, export, histogram) shares with the same meaning: the
 * contract's shared `components/parameters`. Anything else is the operation's own.
 */
const FILTER_NAMES = new Set([
  'correlation_id',
  'event_type',
  'event_category',
  'event_outcome',
  'severity',
  'actor_id',
  'resource_type',
  'resource_id',
  'namespace',
  'recorded_by',
  'trace_id',
])

/**
 * A `TimeBound` (already matching the contract's pattern) as the canonical instant the store
 * compares with (`YYYY-MM-DDTHH:MM:SS.ffffffZ`: microseconds kept, as event_timestamp is stored),
 * or why it is no storable instant: the strict RFC 3339 rule of event_timestamp (no leap second,
 * offsets to ±23:59), then the range PostgreSQL stores, checked here rather than failing in SQL.
 */
function toInstant(value: string, now: number): { at: string } | string {
  const relative = RELATIVE.exec(value)
  const ms = relative
    ? now - Number(relative[1]) * unitMs[relative[2] as keyof typeof unitMs]
    : parseRfc3339(value)
  if (ms === undefined) return rfc3339Error(value) ?? 'must be an RFC 3339 date-time or a duration like 24h'
  if (!(ms >= EARLIEST_STORABLE_MS && ms <= LATEST_STORABLE_MS)) return OUT_OF_RANGE
  const at = relative ? canonicalTimestamp(new Date(ms).toISOString()) : canonicalTimestamp(value)
  return at === undefined ? OUT_OF_RANGE : { at }
}

/** What {@link parseFilters} read: the shared filters, the operation's other values, and the errors. */
interface ParsedFilters {
  filters: EventFilters
  /** Every valid value by name, the operation's own parameters included. */
  values: Map<string, string>
  /** Every invalid parameter so far; the operation adds its own before refusing them all at once. */
  errors: FieldError[]
}

/**
 * The shared filters of a read operation's query string, checked against the operation's contract
 * parameters: unknown or repeated parameters, values outside their schema, time bounds that are no
 * real instant (or `since` not before `until`), and `detail_key` without `detail_value` (or the
 * reverse) all become errors, none thrown yet.
 */
function parseFilters(
  parameters: ReadonlyMap<string, ContractParameter>,
  search: URLSearchParams,
  now: number,
): ParsedFilters {
  const { values, errors } = checkQueryParameters(parameters, search)
  const filters: EventFilters = {}
  for (const [name, value] of values) {
    if (name === 'since' || name === 'until') {
      const bound = toInstant(value, now)
      if (typeof bound === 'string') errors.push({ field: name, message: bound })
      else filters[name] = bound.at
    } else if (FILTER_NAMES.has(name)) {
      ;(filters as Record<string, string>)[name] = value
    }
  }
  const key = values.get('detail_key')
  const detailValue = values.get('detail_value')
  if (search.has('detail_key') !== search.has('detail_value')) {
    const [given, missing] = search.has('detail_key')
      ? ['detail_key', 'detail_value']
      : ['detail_value', 'detail_key']
    errors.push({ field: missing, message: `is required with ${given}: give both or neither` })
  } else if (key !== undefined && detailValue !== undefined) {
    filters.detail = { key, value: detailValue }
  }
  // Canonical timestamps have one width (years 0001-9999): their text order is their time order.
  if (filters.since && filters.until && filters.since >= filters.until) {
    errors.push({ field: 'since', message: 'must be earlier than until' })
  }
  return { filters, values, errors }
}

/** @throws HttpProblem `validation-error` listing every error, when there is any. */
function refuseInvalid(errors: FieldError[]): void {
  if (errors.length === 0) return
  throw new HttpProblem(
    'validation-error',
    `${errors.length} query parameter${errors.length === 1 ? ' is' : 's are'} invalid.`,
    { errors },
  )
}

/**
 * Parses and validates the query string of `GET /api/v1/audit/events` against the parameters the
 * contract declares: unknown or repeated parameters, values outside their schema, and time bounds
 * that are no real instant (or `since` not before `until`) are all reported together.
 *
 * `since`/`until` take RFC 3339 or a duration before `now` (`90s`, `15m`, `24h`, `7d`, `2w`).
 * `offset` and `cursor` are exclusive; `detail_key` and `detail_value` come together.
 *
 * @param now - Clock for relative bounds, epoch ms. Default `Date.now()`.
 * @throws HttpProblem `validation-error` listing every invalid parameter.
 */
export function parseAuditEventQuery(search: URLSearchParams, now: number = Date.now()): AuditEventFilter {
  const { filters, values, errors } = parseFilters(queryParameters, search, now)
  const filter: AuditEventFilter = { ...filters, limit: defaultLimit }
  if (values.has('limit')) filter.limit = Number(values.get('limit'))
  if (values.has('offset')) filter.offset = Number(values.get('offset'))
  const cursor = values.get('cursor')
  if (cursor !== undefined) filter.cursor = cursor
  // Two ways to page: an offset counted from a cursor's position would be a third, which no client
  // of either kind means. Checked on presence, so `offset=0` with a cursor is refused too.
  if (search.has('offset') && search.has('cursor')) {
    errors.push({ field: 'offset', message: 'must not be given together with cursor' })
    errors.push({ field: 'cursor', message: 'must not be given together with offset' })
  }
  refuseInvalid(errors)
  return filter
}

/** The export's formats (`format`), by their contract name. */
export type ExportFormat = 'ndjson' | 'csv'

/** A valid `GET /api/v1/audit/events/export` query. */
export interface ExportQuery {
  filters: EventFilters
  format: ExportFormat
  /** At most this many events (the newest); undefined: every match. */
  limit: number | undefined
}

/**
 * Parses and validates the query string of `GET /api/v1/audit/events/export`: the query's filters,
 * refused the same way (every error in one 400), plus `format` and `limit`.
 *
 * @throws HttpProblem `validation-error` listing every invalid parameter.
 */
export function parseExportQuery(search: URLSearchParams, now: number = Date.now()): ExportQuery {
  const { filters, values, errors } = parseFilters(exportParameters, search, now)
  refuseInvalid(errors)
  const limit = values.get('limit')
  return {
    filters,
    format: values.get('format') === 'csv' ? 'csv' : 'ndjson',
    limit: limit === undefined ? undefined : Number(limit),
  }
}

/** The histogram's bucket widths (`interval`), by their contract name. */
export type HistogramInterval = components['schemas']['EventHistogram']['interval']

/** Width of each {@link HistogramInterval} in milliseconds. */
export const INTERVAL_MS: Readonly<Record<HistogramInterval, number>> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
}

/** The most buckets one histogram lists (the contract's `maxItems`). */
export const MAX_HISTOGRAM_BUCKETS = 1440

/** A valid `GET /api/v1/audit/events/histogram` query, its window made explicit. */
export interface HistogramQuery {
  /** The filters, `since` and `until` always set (canonical; the defaults applied). */
  filters: EventFilters & { since: string; until: string }
  interval: HistogramInterval
  /** Start of the first bucket, epoch ms: the multiple of the interval at or before `since`. */
  firstBucketMs: number
  /** How many buckets cover the window (1..{@link MAX_HISTOGRAM_BUCKETS}). */
  buckets: number
}

/** A canonical timestamp as epoch milliseconds and the microseconds below them (0-999). */
function splitMicros(canonical: string): { ms: number; micros: number } {
  return { ms: Date.parse(`${canonical.slice(0, 23)}Z`), micros: Number(canonical.slice(23, 26)) }
}

/**
 * Parses and validates the query string of `GET /api/v1/audit/events/histogram`: the query's
 * filters, refused the same way, plus `interval`. The window defaults to the hour before `now`
 * (`since` 1 hour before, `until` now, each independently); a window of more than
 * {@link MAX_HISTOGRAM_BUCKETS} buckets is an error naming `interval`, reported with the others.
 *
 * @throws HttpProblem `validation-error` listing every invalid parameter.
 */
export function parseHistogramQuery(search: URLSearchParams, now: number = Date.now()): HistogramQuery {
  const { filters, values, errors } = parseFilters(histogramParameters, search, now)
  const interval = (values.get('interval') ??
    histogramParameters.get('interval')?.schema.default ??
    '1m') as HistogramInterval
  const since =
    filters.since ??
    canonicalTimestamp(new Date(Math.max(EARLIEST_STORABLE_MS, now - 3_600_000)).toISOString())!
  const until = filters.until ?? canonicalTimestamp(new Date(now).toISOString())!
  // Given both, parseFilters compared them; with a default on one side, compare here.
  if ((filters.since === undefined || filters.until === undefined) && since >= until) {
    const field = filters.since === undefined ? 'until' : 'since'
    errors.push({
      field,
      message:
        field === 'since'
          ? 'must be earlier than until (default now)'
          : 'must be later than since (default 1 hour before now)',
    })
  }
  const width = INTERVAL_MS[interval]
  const start = splitMicros(since)
  const end = splitMicros(until)
  const firstBucketMs = Math.floor(start.ms / width) * width
  // Buckets start on whole milliseconds: one starting at end.ms is before `until` when `until`
  // has microseconds past it.
  const endMs = end.ms + (end.micros > 0 ? 1 : 0)
  const buckets = Math.max(1, Math.ceil((endMs - firstBucketMs) / width))
  // Not counted on a window or interval already refused: its count would mean nothing.
  const refused = errors.some((e) => e.field === 'interval' || e.field === 'since' || e.field === 'until')
  if (buckets > MAX_HISTOGRAM_BUCKETS && !refused) {
    errors.push({
      field: 'interval',
      message: `makes ${buckets} buckets of the window from ${since} to ${until}; at most ${MAX_HISTOGRAM_BUCKETS}: choose a wider interval or a shorter window`,
    })
  }
  refuseInvalid(errors)
  return { filters: { ...filters, since, until }, interval, firstBucketMs, buckets }
}
