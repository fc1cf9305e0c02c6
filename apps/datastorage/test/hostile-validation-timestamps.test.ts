// The validator and PostgreSQL agree on timestamps: any string the contract's validator accepts as
// event_timestamp, canonicalTimestamp converts, and PostgreSQL (a real server) accepts the canonical
// text as the same instant, which it computes itself from the string's parts. Strings the validator
// refuses either are no strict RFC 3339, or name an instant PostgreSQL puts outside years 0001-9999.
import {
  canonicalTimestamp,
  createAuditEventValidator,
  LATEST_STORABLE_MS,
  parseRfc3339,
} from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import fc from 'fast-check'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

// Every value is sent as text and cast in SQL: postgres.js would serialize a parameter PostgreSQL
// types as timestamp(tz) through a JavaScript Date, dropping the microseconds.
let database: TestDatabase
let sql: postgres.Sql
beforeAll(async () => {
  database = await createTestDatabase(ADMIN_URL)
  sql = postgres(database.url, { max: 1, onnotice: () => {} })
})
afterAll(async () => {
  await sql?.end({ timeout: 5 })
  await database?.drop()
})

// The clock at the end of year 9999, so that the future guard never decides: only the format and
// the storable range do.
const validate = createAuditEventValidator({ now: () => LATEST_STORABLE_MS })
const accepts = (timestamp: string) => validate(validEvent({ event_timestamp: timestamp })).length === 0

/** The parts of an RFC 3339 date-time, read independently of the package's parser. */
const PARTS = /^(\d{4})-(\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/

interface Tally {
  accepted: number
  refused: number
  outOfRange: number
  comparedRaw: number
}

/**
 * Checks one string. PostgreSQL computes the instant from the parts: the local date and time (the
 * year moved 400 years on, the same Gregorian calendar, since PostgreSQL has no year 0), plus the
 * fraction's first six digits in microseconds, minus the offset.
 */
async function check(text: string, tally: Tally): Promise<void> {
  const accepted = accepts(text)
  const canonical = canonicalTimestamp(text)
  expect(accepted, `validator vs canonicalTimestamp: ${JSON.stringify(text)}`).toBe(canonical !== undefined)
  const parts = PARTS.exec(text)
  if (parseRfc3339(text) === undefined) {
    expect(accepted, JSON.stringify(text)).toBe(false)
    tally.refused++
    return
  }
  // Strict RFC 3339: the shape PARTS reads (its ranges are the package's to check).
  expect(parts, JSON.stringify(text)).not.toBeNull()
  const [, year, monthDay, time, fraction = '', sign, offsetHours = '00', offsetMinutes = '00'] = parts!
  const local = `${Number(year) + 400}-${monthDay} ${time}`
  const micros = fraction.slice(0, 6).padEnd(6, '0')
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes))
  const [row] = await sql<{ micros: string; storable: boolean }[]>`
    WITH t AS (
      SELECT ${local}::text::timestamp - interval '146097 days' + ${micros}::bigint * interval '1 microsecond'
        - ${offset}::int * interval '1 minute' AS utc
    )
    SELECT (extract(epoch FROM utc) * 1000000)::bigint::text AS micros,
      utc >= timestamp '0001-01-01 00:00:00' AND utc < timestamp '9999-12-31 00:00:00' + interval '1 day'
        AS storable
    FROM t`
  expect(row!.storable, `storable in PostgreSQL: ${JSON.stringify(text)}`).toBe(accepted)
  if (!accepted) {
    tally.outOfRange++
    return
  }
  tally.accepted++
  // PostgreSQL takes the canonical text as the same instant and gives it back unchanged.
  const [stored] = await sql<{ micros: string; text: string }[]>`
    SELECT (extract(epoch FROM ${canonical!}::text::timestamptz) * 1000000)::bigint::text AS micros,
      to_char(${canonical!}::text::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS text`
  expect(stored, JSON.stringify(text)).toEqual({ micros: row!.micros, text: canonical })
  // Where PostgreSQL reads the text itself (offsets within ±15:59, years from 0001), it finds the
  // same instant, but rounds a seventh digit where canonicalTimestamp truncates.
  if (Math.abs(offset) <= 15 * 60 + 59 && Number(year) >= 1) {
    const [raw] = await sql<{ micros: string }[]>`
      SELECT (extract(epoch FROM ${text}::text::timestamptz) * 1000000)::bigint::text AS micros`
    const difference = BigInt(raw!.micros) - BigInt(row!.micros)
    if (fraction.length <= 6) expect(difference, JSON.stringify(text)).toBe(0n)
    else expect([0n, 1n], JSON.stringify(text)).toContain(difference)
    tally.comparedRaw++
  } else if (Math.abs(offset) > 15 * 60 + 59) {
    // Beyond PostgreSQL's ±15:59: it refuses the text, so only the canonical form can be stored.
    await expect(sql`SELECT ${text}::text::timestamptz`).rejects.toThrow(
      /time zone displacement out of range/,
    )
  }
}

const pad = (width: number) => (n: number) => String(n).padStart(width, '0')
const weighted = <T>(...arbitraries: Array<[number, fc.Arbitrary<T>]>) =>
  fc.oneof(...arbitraries.map(([weight, arbitrary]) => ({ weight, arbitrary })))

const year = weighted(
  [6, fc.integer({ min: 0, max: 9999 }).map(pad(4))],
  [3, fc.constantFrom('0000', '0001', '1900', '1969', '1970', '2000', '2024', '9999')],
  [1, fc.constantFrom('10000', '999', '+2024', '٢٠٢٤')],
)
const month = weighted(
  [9, fc.integer({ min: 1, max: 12 }).map(pad(2))],
  [1, fc.constantFrom('00', '13', '1')],
)
const day = weighted(
  [6, fc.integer({ min: 1, max: 28 }).map(pad(2))],
  [3, fc.constantFrom('29', '30', '31')],
  [1, fc.constantFrom('00', '32')],
)
const hour = weighted([9, fc.integer({ min: 0, max: 23 }).map(pad(2))], [1, fc.constantFrom('24', '99')])
const minute = weighted([9, fc.integer({ min: 0, max: 59 }).map(pad(2))], [1, fc.constant('60')])
const second = weighted([9, fc.integer({ min: 0, max: 59 }).map(pad(2))], [1, fc.constantFrom('60', '61')])
const separator = weighted(
  [8, fc.constantFrom('T', 't', ' ')],
  [
    2,
    fc.constantFrom(
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
    ),
  ],
)
const fraction = weighted(
  [4, fc.constant('')],
  [6, fc.integer({ min: 1, max: 9 }).chain((n) => fc.stringMatching(new RegExp(`^\\.\\d{${n}}$`)))],
  [1, fc.constantFrom('.', `.${'1'.repeat(400)}`, '.1234567890', '.9999999999')],
)
const offsetHour = weighted([9, fc.integer({ min: 0, max: 23 }).map(pad(2))], [1, fc.constant('24')])
const offsetMinute = weighted([9, fc.integer({ min: 0, max: 59 }).map(pad(2))], [1, fc.constant('60')])
const zone = weighted(
  [3, fc.constantFrom('Z', 'z')],
  [6, fc.tuple(fc.constantFrom('+', '-'), offsetHour, offsetMinute).map(([s, h, m]) => `${s}${h}:${m}`)],
  [1, fc.constantFrom('', '+0100', '-0530', '+01', '+16', 'UTC', '+1:00', '+01:00:00')],
)
const dateTime = fc
  .tuple(year, month, day, separator, hour, minute, second, fraction, zone)
  .map(([y, mo, d, sep, h, mi, s, f, z]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${f}${z}`)

describe('the validator, canonicalTimestamp and PostgreSQL agree on every date-time', () => {
  it('on the examples of the hostile-input run', async () => {
    const tally: Tally = { accepted: 0, refused: 0, outOfRange: 0, comparedRaw: 0 }
    const examples = [
      '2024-03-01T00:30:00+16:00',
      '2024-03-01T00:30:00+23:59',
      '2024-03-01T00:30:00-23:59',
      '2019-01-31T23:59:59.9999995Z',
      '2019-01-31T23:59:59.999999999+15:59',
      '2016-12-31T23:59:60Z',
      '2016-12-31T23:59:60.5Z',
      `2026-06-01T12:00:00.${'5'.repeat(400)}Z`,
      '2026-06-01T12:00:00+01',
      '2026-06-01T12:00:00+16',
      '2026-06-01T12:00:00+0100',
      '2026-06-01T12:00:00-0530',
      ...[
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
      ].map((s) => `2026-06-01${s}12:00:00Z`),
      '0000-06-01T00:00:00Z',
      '0001-01-01T00:00:00+01:00',
      '0000-12-31T23:00:00-01:00',
      '9999-12-31T23:59:59.999999999Z',
      '9999-12-31T23:59:59-00:01',
    ]
    for (const text of examples) await check(text, tally)
    expect(tally).toEqual({ accepted: 7, refused: 20, outOfRange: 3, comparedRaw: 3 })
  })

  it('on generated strings, valid and near-valid', async () => {
    const tally: Tally = { accepted: 0, refused: 0, outOfRange: 0, comparedRaw: 0 }
    await fc.assert(
      fc.asyncProperty(dateTime, (text) => check(text, tally)),
      { numRuns: 500 },
    )
    // The generator reaches every branch, so the property is not vacuous.
    expect(tally.accepted).toBeGreaterThan(100)
    expect(tally.refused).toBeGreaterThan(100)
    expect(tally.comparedRaw).toBeGreaterThan(50)
  })
})
