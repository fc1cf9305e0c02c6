const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/

export { EARLIEST_STORABLE_MS } from '@audit-trail/datastorage-client'
/** The latest instant a four-digit RFC 3339 year can name. */
export const LATEST_RFC3339_MS = Date.parse('9999-12-31T23:59:59.999Z')

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
}

/**
 * Epoch milliseconds of an RFC 3339 timestamp, or undefined when it is not one. Stricter than
 * `Date.parse`, which rolls 2024-02-30 over to March; accepts the `t`/space separator and a
 * lowercase `z` that RFC 3339 allows. A leap second (`:60`) counts as the next second, as in PostgreSQL.
 */
export function parseRfc3339(value: string): number | undefined {
  const m = RFC3339.exec(value)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 60) return undefined
  const zone = m[8]!.toUpperCase()
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${second === 60 ? '59' : m[6]}${m[7] ?? ''}${zone}`
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return undefined
  return second === 60 ? at + 1000 : at
}
