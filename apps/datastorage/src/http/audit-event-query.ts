import type { AuditEventFilter } from '../store/audit-event-store.js'
import { checkQueryParameters, contractParameters } from './contract-parameters.js'
import { HttpProblem } from './problem.js'
import {
  canonicalTimestamp,
  EARLIEST_STORABLE_MS,
  LATEST_STORABLE_MS,
  parseRfc3339,
  rfc3339Error,
} from './rfc3339.js'

const parameters = contractParameters('/api/v1/audit/events', 'get')
const defaultLimit = Number(parameters.get('limit')?.schema.default ?? 100)

const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const
const RELATIVE = /^(\d+)([smhdw])$/
const OUT_OF_RANGE = 'must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z'

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
  const { values, errors } = checkQueryParameters(parameters, search)
  const filter: AuditEventFilter = { limit: defaultLimit }
  for (const [name, value] of values) {
    if (name === 'limit') {
      filter.limit = Number(value)
    } else if (name === 'offset') {
      filter.offset = Number(value)
    } else if (name === 'detail_key' || name === 'detail_value') {
      // Below, as one filter: the key and the value it must have.
    } else if (name === 'since' || name === 'until') {
      const bound = toInstant(value, now)
      if (typeof bound === 'string') errors.push({ field: name, message: bound })
      else filter[name] = bound.at
    } else {
      ;(filter as unknown as Record<string, string>)[name] = value
    }
  }
  // Two ways to page: an offset counted from a cursor's position would be a third, which no client
  // of either kind means. Checked on presence, so `offset=0` with a cursor is refused too.
  if (search.has('offset') && search.has('cursor')) {
    errors.push({ field: 'offset', message: 'must not be given together with cursor' })
    errors.push({ field: 'cursor', message: 'must not be given together with offset' })
  }
  const key = values.get('detail_key')
  const detailValue = values.get('detail_value')
  if (search.has('detail_key') !== search.has('detail_value')) {
    const [given, missing] = search.has('detail_key')
      ? ['detail_key', 'detail_value']
      : ['detail_value', 'detail_key']
    errors.push({ field: missing, message: `is required with ${given}: give both or neither` })
  } else if (key !== undefined && detailValue !== undefined) {
    filter.detail = { key, value: detailValue }
  }
  // Canonical timestamps have one width (years 0001-9999): their text order is their time order.
  if (filter.since && filter.until && filter.since >= filter.until) {
    errors.push({ field: 'since', message: 'must be earlier than until' })
  }
  if (errors.length > 0) {
    throw new HttpProblem(
      'validation-error',
      `${errors.length} query parameter${errors.length === 1 ? ' is' : 's are'} invalid.`,
      { errors },
    )
  }
  return filter
}
