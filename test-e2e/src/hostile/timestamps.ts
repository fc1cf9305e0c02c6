/**
 * RFC 3339 date-times for the hostile-input test, computed here without `Date` or the service's
 * code: the parts of a timestamp, its text, and the UTC instant PostgreSQL stores for it
 * (microseconds, digits beyond them truncated), proleptic Gregorian as PostgreSQL counts.
 */

/** The parts of an RFC 3339 date-time. */
export interface TimestampParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** Fraction digits as written, `''` for none. */
  fraction: string
  /** `Z`/`z`, or minutes east of UTC written `±HH:MM` (`-00:00` when `negativeZero`). */
  offset: 'Z' | 'z' | number
  negativeZero?: boolean
  /** `T`, `t` or a space. */
  separator: string
}

const MICROS_PER_DAY = 86_400_000_000n

/** Days from 1970-01-01 to a civil date (proleptic Gregorian; year 0 = 1 BC). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The civil date of a day number (see {@link daysFromCivil}). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** Offset minutes of the parts (0 for Z). */
export const offsetMinutes = (parts: TimestampParts): number =>
  typeof parts.offset === 'number' ? parts.offset : 0

/** The UTC instant of the parts in microseconds since 1970 (fraction truncated to microseconds). */
export function instantMicros(parts: TimestampParts): bigint {
  const days = daysFromCivil(parts.year, parts.month, parts.day)
  const seconds = parts.hour * 3600 + parts.minute * 60 + parts.second - offsetMinutes(parts) * 60
  const micros = BigInt(parts.fraction.slice(0, 6).padEnd(6, '0') || '0')
  return BigInt(days) * MICROS_PER_DAY + BigInt(seconds) * 1_000_000n + micros
}

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ` of an instant: what PostgreSQL's `to_char(… AT TIME ZONE 'UTC')` gives. */
export function utcText(micros: bigint): string {
  let days = micros / MICROS_PER_DAY
  let rest = micros % MICROS_PER_DAY
  if (rest < 0n) {
    rest += MICROS_PER_DAY
    days -= 1n
  }
  const { year, month, day } = civilFromDays(Number(days))
  const secs = Number(rest / 1_000_000n)
  const us = Number(rest % 1_000_000n)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}.${pad(us, 6)}Z`
}

/** The parts of a UTC instant seen at an offset, with the given fraction digits (which must agree with the instant). */
export function partsAt(
  micros: bigint,
  offset: 'Z' | 'z' | number,
  fraction: string,
  separator = 'T',
): TimestampParts {
  const local = micros + BigInt(typeof offset === 'number' ? offset : 0) * 60_000_000n
  let days = local / MICROS_PER_DAY
  let rest = local % MICROS_PER_DAY
  if (rest < 0n) {
    rest += MICROS_PER_DAY
    days -= 1n
  }
  const { year, month, day } = civilFromDays(Number(days))
  const secs = Number(rest / 1_000_000n)
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor(secs / 60) % 60,
    second: secs % 60,
    fraction,
    offset,
    separator,
  }
}

/** The zone of the parts as written: `Z`, `z` or `±HH:MM`. */
export function zoneText(parts: TimestampParts): string {
  const { offset } = parts
  if (typeof offset !== 'number') return offset
  const sign = offset < 0 || (offset === 0 && parts.negativeZero) ? '-' : '+'
  const abs = Math.abs(offset)
  return `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
}

/** The RFC 3339 text of the parts. */
export function writeTimestamp(parts: TimestampParts): string {
  const zone = zoneText(parts)
  const fraction = parts.fraction === '' ? '' : `.${parts.fraction}`
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}${parts.separator}${pad(parts.hour, 2)}:${pad(parts.minute, 2)}:${pad(parts.second, 2)}${fraction}${zone}`
}

/** Epoch microseconds of a `Date.now()`-style millisecond value. */
export const microsOfMs = (ms: number): bigint => BigInt(Math.trunc(ms)) * 1000n

/** 0001-01-01T00:00:00Z, the earliest instant PostgreSQL stores with a four-digit year. */
export const EARLIEST_MICROS = BigInt(daysFromCivil(1, 1, 1)) * MICROS_PER_DAY
/** 9999-12-31T23:59:59.999999Z. */
export const LATEST_MICROS = BigInt(daysFromCivil(10000, 1, 1)) * MICROS_PER_DAY - 1n

/**
 * Parses a strict RFC 3339 date-time (the contract's rule: `T`/`t`/space, 1–9 fraction digits,
 * `Z`/`z`/`±HH:MM`, no leap second) into its instant; undefined otherwise. For reading the
 * timestamps the service answers with.
 */
export function parseTimestamp(text: string): bigint | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/.exec(
      text,
    )
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
  if (hour > 23 || minute > 59 || second > 59) return undefined
  if (m[10] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return undefined
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]))
  return instantMicros({
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction: m[7] ?? '',
    offset,
    separator: 'T',
  })
}
