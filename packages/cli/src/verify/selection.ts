import { UsageError } from '../errors.js'

/**
 * Which events a verification checks. Every leaf is still hashed into the signed root (that is what
 * proves the leaf list complete); the selection only narrows which leaves must have their event and
 * which events are compared with their leaf. Bounds are absolute instants, resolved once, so the
 * service's filter and the verifier's own agree on every event.
 */
export interface Selection {
  readonly correlationId?: string | undefined
  /** Inclusive lower bound on `event_timestamp`, epoch milliseconds. */
  readonly sinceMs?: number | undefined
  /** Exclusive upper bound on `event_timestamp`, epoch milliseconds. */
  readonly untilMs?: number | undefined
}

/** The whole log. */
export const ALL_EVENTS: Selection = {}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/
const RELATIVE = /^(\d{1,9})([smhdw])$/
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const

/**
 * Epoch milliseconds of an RFC 3339 date-time, fractions past the millisecond cut off (not rounded,
 * so that comparisons with millisecond bounds give the same answer as the exact instant would);
 * `undefined` when `text` is not one.
 */
export function parseTimestampMs(text: string): number | undefined {
  const m = RFC3339.exec(text)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m
  const ms = Number(((frac ?? '') + '000').slice(0, 3))
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms)
  if (Number.isNaN(local)) return undefined
  // Date.UTC rolls invalid fields over (Feb 30 → Mar 2): refuse instead.
  const check = new Date(local)
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23)
    return undefined
  if (z) return local
  const offset = (Number(oh) * 60 + Number(om)) * 60_000
  return sign === '+' ? local - offset : local + offset
}

/**
 * A `--since`/`--until` value: RFC 3339, or a duration before `nowMs` as the query API takes it
 * (`90s`, `15m`, `24h`, `7d`, `2w`).
 */
export function parseTimeBound(text: string, option: string, nowMs: number): number {
  const relative = RELATIVE.exec(text)
  if (relative) return nowMs - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]
  const ms = parseTimestampMs(text)
  if (ms === undefined) {
    throw new UsageError(
      `${option} must be an RFC 3339 date-time or a duration like 15m, 24h, 7d; got ${text}`,
    )
  }
  return ms
}

/** A {@link Selection} from the command's options, bounds checked. */
export function makeSelection(
  options: { correlationId?: string | undefined; since?: string | undefined; until?: string | undefined },
  nowMs: number,
): Selection {
  if (options.correlationId !== undefined && options.correlationId.length === 0) {
    throw new UsageError('--correlation-id must not be empty')
  }
  const sinceMs = options.since === undefined ? undefined : parseTimeBound(options.since, '--since', nowMs)
  const untilMs = options.until === undefined ? undefined : parseTimeBound(options.until, '--until', nowMs)
  if (sinceMs !== undefined && untilMs !== undefined && sinceMs >= untilMs) {
    throw new UsageError('--since must be earlier than --until')
  }
  return { correlationId: options.correlationId, sinceMs, untilMs }
}

/** Whether nothing narrows the selection. */
export function selectsAll(selection: Selection): boolean {
  return (
    selection.correlationId === undefined &&
    selection.sinceMs === undefined &&
    selection.untilMs === undefined
  )
}

/**
 * Whether an event (or the leaf that stands for it, which keeps the correlation id and timestamp
 * the event was sealed with) is selected. An unreadable timestamp is selected when there is a time
 * bound: such an event is better compared than silently passed over.
 */
export function isSelected(selection: Selection, correlationId: unknown, timestamp: unknown): boolean {
  if (selection.correlationId !== undefined && correlationId !== selection.correlationId) return false
  if (selection.sinceMs === undefined && selection.untilMs === undefined) return true
  const ms = typeof timestamp === 'string' ? parseTimestampMs(timestamp) : undefined
  if (ms === undefined) return true
  if (selection.sinceMs !== undefined && ms < selection.sinceMs) return false
  if (selection.untilMs !== undefined && ms >= selection.untilMs) return false
  return true
}

/** The selection as query parameters of `GET /api/v1/audit/events`. */
export function selectionQuery(selection: Selection): {
  correlation_id?: string
  since?: string
  until?: string
} {
  const query: { correlation_id?: string; since?: string; until?: string } = {}
  if (selection.correlationId !== undefined) query.correlation_id = selection.correlationId
  if (selection.sinceMs !== undefined) query.since = new Date(selection.sinceMs).toISOString()
  if (selection.untilMs !== undefined) query.until = new Date(selection.untilMs).toISOString()
  return query
}
