import type { components, operations } from '@audit-trail/datastorage-client'
import { isValid, parseISO } from 'date-fns'
import { createSerializer, parseAsString, parseAsStringLiteral } from 'nuqs'

type Outcome = components['schemas']['EventOutcome']
/** The query parameters of `GET /api/v1/audit/events` (and of export and histogram). */
export type EventQuery = NonNullable<operations['queryAuditEvents']['parameters']['query']>

/** The outcomes, in the order the page lists and colours them. */
export const OUTCOMES = ['success', 'failure', 'pending'] as const satisfies readonly Outcome[]

/** The default window: the last hour (the chart then counts per minute). */
export const DEFAULT_SINCE = '1h'

/**
 * The page's filter as its URL query string holds it (nuqs): the keys are the query API's own
 * parameter names, so a link to the page reads like the API call it makes. Empty means unset.
 */
export const filterParsers = {
  correlation_id: parseAsString.withDefault(''),
  resource_type: parseAsString.withDefault(''),
  resource_id: parseAsString.withDefault(''),
  actor_id: parseAsString.withDefault(''),
  event_type: parseAsString.withDefault(''),
  event_outcome: parseAsStringLiteral(OUTCOMES),
  recorded_by: parseAsString.withDefault(''),
  trace_id: parseAsString.withDefault(''),
  since: parseAsString.withDefault(DEFAULT_SINCE),
  until: parseAsString.withDefault(''),
}

/** The filter as the page holds it. */
export interface Filter {
  correlation_id: string
  resource_type: string
  resource_id: string
  actor_id: string
  event_type: string
  event_outcome: Outcome | null
  recorded_by: string
  trace_id: string
  since: string
  until: string
}

/** The filter of an empty query string. */
export const EMPTY_FILTER: Filter = {
  correlation_id: '',
  resource_type: '',
  resource_id: '',
  actor_id: '',
  event_type: '',
  event_outcome: null,
  recorded_by: '',
  trace_id: '',
  since: DEFAULT_SINCE,
  until: '',
}

/** The page's query string (`?correlation_id=…&since=…`) for a filter; defaults are left out. */
export const filterSearch = createSerializer(filterParsers)

/** A field the filter refuses, named as the query parameter. */
export interface FilterError {
  field: keyof Filter
  message: string
}

const RELATIVE = /^[0-9]+[smhdw]$/
const RFC3339 =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})$/
const UNIT_MS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86_400e3, w: 7 * 86_400e3 }

/**
 * A time bound as the API takes it: a relative duration (`15m`, `24h`) as is, an RFC 3339 time as
 * is, and a local date-time without an offset (`2026-12-02 14:30`, what a person types) as the UTC
 * RFC 3339 time of that local moment. Undefined when it is none of these.
 */
export function apiTimeBound(text: string): string | undefined {
  const value = text.trim()
  if (RELATIVE.test(value) || RFC3339.test(value)) return value
  const local = parseISO(value.replace(' ', 'T'))
  return /^\d{4}-\d{2}-\d{2}/.test(value) && isValid(local) ? local.toISOString() : undefined
}

/** A time bound as epoch milliseconds, relative ones counted back from `now`. */
export function timeBoundMs(bound: string, now: number): number {
  const relative = RELATIVE.exec(bound)
  if (relative) return now - Number(bound.slice(0, -1)) * UNIT_MS[bound.slice(-1)]!
  return parseISO(bound).getTime()
}

/**
 * The query parameters of a filter (blank fields left out), or the fields it refuses: what the
 * query, export, histogram and live tail all send.
 */
export function toEventQuery(filter: Filter): { query: EventQuery } | { errors: FilterError[] } {
  const query: Record<string, string> = {}
  const errors: FilterError[] = []
  const text = ['correlation_id', 'resource_type', 'resource_id', 'actor_id', 'recorded_by'] as const
  for (const key of text) {
    const value = filter[key].trim()
    if (value !== '') query[key] = value
  }
  const eventType = filter.event_type.trim()
  if (eventType !== '') {
    if (/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(eventType)) query.event_type = eventType
    else
      errors.push({
        field: 'event_type',
        message: 'event_type is dot-separated lowercase words, e.g. gateway.signal.received',
      })
  }
  if (filter.event_outcome) query.event_outcome = filter.event_outcome
  const traceId = filter.trace_id.trim().toLowerCase()
  if (traceId !== '') {
    if (/^[0-9a-f]{32}$/.test(traceId)) query.trace_id = traceId
    else errors.push({ field: 'trace_id', message: 'trace_id is 32 hexadecimal digits' })
  }
  for (const key of ['since', 'until'] as const) {
    if (filter[key].trim() === '') continue
    const bound = apiTimeBound(filter[key])
    if (bound === undefined) {
      errors.push({
        field: key,
        message: `${key} is a duration (15m, 24h, 7d) or a date-time (2026-12-02 14:30)`,
      })
    } else {
      query[key] = bound
    }
  }
  if (query.since !== undefined && query.until !== undefined) {
    const now = Date.now()
    if (timeBoundMs(query.since, now) >= timeBoundMs(query.until, now)) {
      errors.push({ field: 'since', message: 'since must be earlier than until' })
    }
  }
  return errors.length > 0 ? { errors } : { query: query as EventQuery }
}

/** The histogram's bucket widths, and the most buckets the API gives. */
export const INTERVALS = [
  ['1m', 60e3],
  ['5m', 300e3],
  ['15m', 900e3],
  ['1h', 3600e3],
  ['1d', 86_400e3],
] as const
const MAX_BUCKETS = 1440

/**
 * The narrowest bucket width that keeps the window within the API's 1440 buckets: per minute up to
 * a day, then wider. The window without `since` is the histogram's default hour.
 */
export function histogramInterval(query: EventQuery, now: number): (typeof INTERVALS)[number][0] {
  const since = query.since === undefined ? now - 3600e3 : timeBoundMs(query.since, now)
  const until = query.until === undefined ? now : timeBoundMs(query.until, now)
  // One bucket more than the window holds: the first starts at or before `since`.
  for (const [name, ms] of INTERVALS) if (Math.ceil((until - since) / ms) + 1 <= MAX_BUCKETS) return name
  return '1d'
}
