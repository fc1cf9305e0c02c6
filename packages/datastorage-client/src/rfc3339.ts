// RFC 3339 date-times as the contract accepts them: strict enough that anything accepted here is
// a timestamp PostgreSQL stores, unchanged but for its conversion to UTC and microseconds. The
// generated validator (format `date-time`), the service's query bounds and its cursors all use it.

/**
 * RFC 3339 section 5.6 `date-time`: `full-date`, `T`/`t`/one space (RFC 3339 allows the space,
 * nothing else), `partial-time` with an optional fraction of 1 to 9 digits, then `Z`/`z` or an
 * offset with its colon. `\d` is ASCII only here (no `u` flag), as the grammar's DIGIT is.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/

/** Most fraction digits accepted (nanoseconds); the instant keeps microseconds, as PostgreSQL does. */
const MAX_FRACTION_DIGITS = 9

/** The earliest instant PostgreSQL can store as a date: it has no year 0 (1 BC), RFC 3339 has. */
export const EARLIEST_STORABLE_MS = Date.parse('0001-01-01T00:00:00Z')
/** The last millisecond of year 9999, the latest a four-digit RFC 3339 year can name. */
export const LATEST_STORABLE_MS = Date.parse('9999-12-31T23:59:59.999Z')

const FORMAT_MESSAGE =
  'must be an RFC 3339 date-time: YYYY-MM-DD, then T, t or a space, then HH:MM:SS with an optional fraction of 1 to 9 digits, then Z or ±HH:MM'

/** A strict RFC 3339 date-time resolved to UTC. */
interface Instant {
  /** Whole seconds since 1970-01-01T00:00:00Z (negative before it). */
  seconds: number
  /** The fraction of the second in microseconds (0–999999): further digits are truncated. */
  micros: number
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
}

/** The instant, or why the text is no strict RFC 3339 date-time. */
function resolve(text: string): Instant | string {
  const m = DATE_TIME.exec(text)
  if (!m) return FORMAT_MESSAGE
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const fraction = m[7] ?? ''
  if (fraction.length > MAX_FRACTION_DIGITS) {
    return `must not have more than ${MAX_FRACTION_DIGITS} fractional digits`
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return 'must be a date of the calendar (month 01-12, a day the month has)'
  }
  if (hour > 23 || minute > 59) return 'must have an hour from 00 to 23 and minutes from 00 to 59'
  if (second === 60) return 'must not be a leap second (:60): leap seconds cannot be stored'
  if (second > 59) return 'must have seconds from 00 to 59'
  let offsetMinutes = 0
  if (m[8] !== undefined) {
    const offsetHour = Number(m[9])
    const offsetMinute = Number(m[10])
    if (offsetHour > 23 || offsetMinute > 59) {
      return 'must have an offset from -23:59 to +23:59 (minutes from 00 to 59)'
    }
    offsetMinutes = (m[8] === '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute)
  }
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  const seconds = date.getTime() / 1000 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
  return { seconds, micros: Number(fraction.slice(0, 6).padEnd(6, '0')) }
}

/**
 * Why `text` is not a strict RFC 3339 date-time, or undefined when it is one. The rule: `YYYY-MM-DD`,
 * the separator `T`, `t` or a single space, `HH:MM:SS` (hours 00–23, minutes and seconds 00–59: a
 * leap second `:60` cannot be stored), an optional fraction of 1 to 9 digits, then `Z`, `z` or
 * `±HH:MM` (hours 00–23, minutes 00–59). Whether the instant is storable (years 0001–9999 in UTC) is
 * a separate question: see {@link canonicalTimestamp}.
 */
export function rfc3339Error(text: string): string | undefined {
  const result = resolve(text)
  return typeof result === 'string' ? result : undefined
}

/** Whether `text` is a strict RFC 3339 date-time ({@link rfc3339Error} has the rule). */
export function isRfc3339DateTime(text: string): boolean {
  return typeof resolve(text) !== 'string'
}

/**
 * Epoch milliseconds of a strict RFC 3339 date-time (digits below the millisecond truncated, so
 * never later than the instant), or undefined when `text` is not one. The result may lie outside
 * the storable range ({@link EARLIEST_STORABLE_MS}..{@link LATEST_STORABLE_MS}).
 */
export function parseRfc3339(text: string): number | undefined {
  const result = resolve(text)
  if (typeof result === 'string') return undefined
  return result.seconds * 1000 + Math.floor(result.micros / 1000)
}

const EARLIEST_SECONDS = EARLIEST_STORABLE_MS / 1000
const LATEST_SECONDS = Math.floor(LATEST_STORABLE_MS / 1000)

/**
 * The UTC instant PostgreSQL stores for a strict RFC 3339 date-time, as `YYYY-MM-DDTHH:MM:SS.ffffffZ`
 * (always six fraction digits): any offset (up to ±23:59, beyond PostgreSQL's own ±15:59) is
 * converted to UTC, and digits beyond the microsecond are truncated, never rounded, so a timestamp
 * cannot move into the next second, day or month (PostgreSQL itself would round). Undefined when
 * `text` is not a strict RFC 3339 date-time or the instant lies outside
 * 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999Z.
 *
 * @example
 * canonicalTimestamp('2024-03-01T00:30:00+23:59') // '2024-02-29T00:31:00.000000Z'
 * canonicalTimestamp('2019-01-31T23:59:59.9999995Z') // '2019-01-31T23:59:59.999999Z'
 * canonicalTimestamp('0001-01-01T00:00:00+01:00') // undefined (year 0 in UTC)
 */
export function canonicalTimestamp(text: string): string | undefined {
  const result = resolve(text)
  if (typeof result === 'string') return undefined
  const { seconds, micros } = result
  if (seconds < EARLIEST_SECONDS || seconds > LATEST_SECONDS) return undefined
  const whole = new Date(seconds * 1000).toISOString().slice(0, 19)
  return `${whole}.${String(micros).padStart(6, '0')}Z`
}
