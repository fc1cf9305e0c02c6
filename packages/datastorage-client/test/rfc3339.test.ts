import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canonicalTimestamp,
  EARLIEST_STORABLE_MS,
  isRfc3339DateTime,
  LATEST_STORABLE_MS,
  parseRfc3339,
  rfc3339Error,
} from '../src/index.js'

describe('canonicalTimestamp', () => {
  it.each([
    ['2019-01-31T23:59:59.9999995Z', '2019-01-31T23:59:59.999999Z'],
    ['2024-03-01T00:30:00+23:59', '2024-02-29T00:31:00.000000Z'],
    ['2024-02-29T23:30:00-23:59', '2024-03-01T23:29:00.000000Z'],
    ['2026-06-01T12:00:00Z', '2026-06-01T12:00:00.000000Z'],
    ['2026-06-01t12:00:00z', '2026-06-01T12:00:00.000000Z'],
    ['2026-06-01 12:00:00.5+02:00', '2026-06-01T10:00:00.500000Z'],
    ['2026-06-01T12:00:00.123456789-05:30', '2026-06-01T17:30:00.123456Z'],
    ['2026-06-01T00:00:00.000001+00:00', '2026-06-01T00:00:00.000001Z'],
    ['2026-06-01T00:00:00-00:00', '2026-06-01T00:00:00.000000Z'],
    ['1969-12-31T23:59:59.9999999Z', '1969-12-31T23:59:59.999999Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000000Z'],
    ['0001-01-01T00:59:00+00:59', '0001-01-01T00:00:00.000000Z'],
    ['0000-12-31T23:00:00-01:00', '0001-01-01T00:00:00.000000Z'],
    ['9999-12-31T23:59:59.999999999Z', '9999-12-31T23:59:59.999999Z'],
    ['1999-12-31T23:59:59.999999999-00:01', '2000-01-01T00:00:59.999999Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000000Z'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalTimestamp(input)).toBe(expected)
  })

  it.each([
    ['0001-01-01T00:00:00+01:00', 'year 0 in UTC'],
    ['0000-06-01T00:00:00Z', 'year 0'],
    ['0001-01-01T00:00:00.999999+00:01', 'year 0 in UTC by less than a second'],
    ['9999-12-31T23:59:59-00:01', 'year 10000 in UTC'],
    ['9999-12-31T23:00:00-23:59', 'year 10000 in UTC'],
    ['2016-12-31T23:59:60Z', 'a leap second'],
    ['2016-12-31T23:59:60.5Z', 'a leap second'],
    ['2026-06-01T12:00:00+16', 'an offset without minutes'],
    ['2026-06-01T12:00:00+0100', 'an offset without colon'],
    ['2026-06-01T12:00:00+24:00', 'an offset of 24 hours'],
    ['2026-06-01T12:00:00+23:60', 'an offset of 60 minutes'],
    ['2026-06-01T12:00:00', 'no offset'],
    [`2026-06-01T12:00:00.${'1'.repeat(400)}Z`, '400 fraction digits'],
    ['2026-06-01T12:00:00.1234567890Z', '10 fraction digits'],
    ['2026-06-01T12:00:00.Z', 'an empty fraction'],
    ['2026-02-29T00:00:00Z', '29 February of a common year'],
    ['1900-02-29T00:00:00Z', '29 February of 1900'],
    ['2026-04-31T00:00:00Z', '31 April'],
    ['2026-06-01T24:00:00Z', 'hour 24'],
    ['2026-06-01T23:60:00Z', 'minute 60'],
  ])('%s → undefined (%s)', (input) => {
    expect(canonicalTimestamp(input)).toBeUndefined()
  })

  it('refuses every separator but T, t and one space', () => {
    const separators = [
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u3000',
      '\ufeff',
      '  ',
      '',
      '_',
      'TT',
    ]
    for (const separator of separators) {
      const text = `2026-06-01${separator}12:00:00Z`
      expect(canonicalTimestamp(text), JSON.stringify(text)).toBeUndefined()
      expect(rfc3339Error(text), JSON.stringify(text)).toMatch(/RFC 3339/)
    }
    for (const separator of ['T', 't', ' ']) {
      expect(canonicalTimestamp(`2026-06-01${separator}12:00:00Z`)).toBe('2026-06-01T12:00:00.000000Z')
    }
  })

  it('refuses digits other than ASCII and text around the timestamp', () => {
    for (const text of [
      '٢٠٢٦-06-01T12:00:00Z',
      '2026-06-01T12:00:00Z ',
      ' 2026-06-01T12:00:00Z',
      '2026-06-01T12:00:00Z\n',
      '+2026-06-01T12:00:00Z',
      '2026-6-01T12:00:00Z',
      '20260601T120000Z',
    ]) {
      expect(canonicalTimestamp(text), JSON.stringify(text)).toBeUndefined()
    }
  })

  // An oracle that goes the other way: from a UTC instant (BigInt microseconds) to the text of its
  // local time at an offset, with the fraction cut to some digits or padded with more.
  const MICROS_PER_S = 1_000_000n
  const instant = fc.bigInt({
    min: BigInt(EARLIEST_STORABLE_MS) * 1000n,
    max: BigInt(LATEST_STORABLE_MS) * 1000n + 999n,
  })
  const offsetMinutes = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })
  const fractionDigits = fc.integer({ min: 0, max: 9 })
  const extraDigits = fc.stringMatching(/^\d{3}$/)
  const separator = fc.constantFrom('T', 't', ' ')
  const zulu = fc.constantFrom('Z', 'z')

  const floorDiv = (a: bigint, b: bigint) => a / b - (a % b < 0n ? 1n : 0n)

  function localText(utcMicros: bigint, offset: number, digits: number, extra: string, sep: string) {
    const local = utcMicros + BigInt(offset) * 60n * MICROS_PER_S
    const seconds = floorDiv(local, MICROS_PER_S)
    const micros = local - seconds * MICROS_PER_S
    const iso = new Date(Number(seconds) * 1000).toISOString()
    const fraction = `${micros.toString().padStart(6, '0')}${extra}`.slice(0, digits)
    const sign = offset < 0 ? '-' : '+'
    const abs = Math.abs(offset)
    const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
    return { text: `${iso.slice(0, 10)}${sep}${iso.slice(11, 19)}${digits ? `.${fraction}` : ''}`, zone }
  }

  /** The instant with its fraction cut to `digits` digits (towards the past, as the text's digits are). */
  function truncated(utcMicros: bigint, digits: number): bigint {
    const unit = 10n ** BigInt(Math.max(0, 6 - digits))
    return floorDiv(utcMicros, unit) * unit
  }

  function utcText(utcMicros: bigint): string {
    const seconds = floorDiv(utcMicros, MICROS_PER_S)
    const micros = utcMicros - seconds * MICROS_PER_S
    return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${micros.toString().padStart(6, '0')}Z`
  }

  it('gives the UTC instant of any storable timestamp at any offset, truncated to microseconds', () => {
    fc.assert(
      fc.property(
        instant,
        offsetMinutes,
        fractionDigits,
        extraDigits,
        separator,
        (utc, offset, digits, extra, sep) => {
          const local = localText(utc, offset, digits, extra, sep)
          // A local year outside 0000-9999 cannot be written with four digits.
          fc.pre(/^\d{4}-/.test(local.text))
          const text = `${local.text}${local.zone}`
          const expected = truncated(utc, digits)
          expect(canonicalTimestamp(text)).toBe(utcText(expected))
          expect(parseRfc3339(text)).toBe(Number(floorDiv(expected, 1000n)))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('treats Z, z, +00:00 and -00:00 alike', () => {
    fc.assert(
      fc.property(instant, zulu, fc.constantFrom('+00:00', '-00:00'), (utc, z, zero) => {
        const { text } = localText(utc, 0, 6, '', 'T')
        expect(canonicalTimestamp(`${text}${z}`)).toBe(canonicalTimestamp(`${text}${zero}`))
        expect(canonicalTimestamp(`${text}${z}`)).toBe(utcText(utc))
      }),
    )
  })
})

describe('rfc3339Error', () => {
  it('says leap seconds cannot be stored', () => {
    expect(rfc3339Error('2016-12-31T23:59:60Z')).toMatch(/leap second.*cannot be stored/)
    expect(rfc3339Error('2016-12-31T23:59:60.5Z')).toMatch(/leap second/)
  })

  it('names the rule that failed', () => {
    expect(rfc3339Error(`2026-06-01T12:00:00.${'1'.repeat(400)}Z`)).toBe(
      'must not have more than 9 fractional digits',
    )
    expect(rfc3339Error('2026-02-30T12:00:00Z')).toMatch(/calendar/)
    expect(rfc3339Error('2026-06-01T12:00:00+24:00')).toMatch(/offset/)
    expect(rfc3339Error('2026-06-01T24:00:00Z')).toMatch(/hour/)
    expect(rfc3339Error('2026-06-01T12:00:61Z')).toMatch(/seconds/)
    expect(rfc3339Error('2026-06-01T12:00:00+0100')).toMatch(/±HH:MM/)
    expect(rfc3339Error('2026-06-01T12:00:00.123456789+23:59')).toBeUndefined()
  })

  it('accepts year 0000 as RFC 3339 (the storable range is canonicalTimestamp’s question)', () => {
    expect(isRfc3339DateTime('0000-01-01T00:00:00Z')).toBe(true)
    expect(parseRfc3339('0000-01-01T00:00:00Z')).toBeLessThan(EARLIEST_STORABLE_MS)
    expect(canonicalTimestamp('0000-01-01T00:00:00Z')).toBeUndefined()
  })
})

describe('parseRfc3339', () => {
  it('gives epoch milliseconds, truncating below them, or undefined', () => {
    expect(parseRfc3339('2026-06-01T12:00:00.9999Z')).toBe(Date.parse('2026-06-01T12:00:00.999Z'))
    expect(parseRfc3339('1969-12-31T23:59:59.9999Z')).toBe(-1)
    expect(parseRfc3339('0001-01-01T00:00:00Z')).toBe(EARLIEST_STORABLE_MS)
    expect(parseRfc3339('9999-12-31T23:59:59.999999Z')).toBe(LATEST_STORABLE_MS)
    expect(parseRfc3339('2026-06-01T12:00:00+0100')).toBeUndefined()
    expect(parseRfc3339('2016-12-31T23:59:60Z')).toBeUndefined()
  })
})
