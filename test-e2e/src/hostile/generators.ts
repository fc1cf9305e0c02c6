import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { openapiDocument } from '@audit-trail/datastorage-client/openapi'
import fc from 'fast-check'
import { decimalKey, type LiteralForm, survivesDoubles, writeDecimal } from './decimal.js'
import { num, obj, type Raw, type StringEscape, str } from './raw-json.js'
import {
  daysInMonth,
  EARLIEST_MICROS,
  instantMicros,
  microsOfMs,
  partsAt,
  type TimestampParts,
  writeTimestamp,
} from './timestamps.js'

/**
 * fast-check arbitraries of the hostile-input test: valid audit events (as raw JSON, so number
 * literals and string escapes reach the service as chosen) and the ways to make one invalid, each
 * knowing why. Validity is decided here from how a value was built, never by asking the service's
 * validator.
 */

/** What every generator needs: the clock the run started at (timestamps at most 1 h ahead). */
export interface GenContext {
  nowMs: number
}

// ---------------------------------------------------------------------------------------------
// Strings

/** Single code points a sender may put in any text field and the service must store unchanged. */
const AWKWARD = [
  '\u2028', // LINE SEPARATOR: legal in JSON strings, not in JavaScript source before ES2019
  '\u2029',
  '\uFEFF',
  '\u200B',
  '\u200D',
  '\u202E', // RIGHT-TO-LEFT OVERRIDE
  '\u0301', // combining acute
  '\uFFFD',
  '\uFFFE',
  '\uFFFF',
  '\u{10FFFF}',
  '\u{1F600}',
  '\u{1D538}',
  '\u00A0',
  '\u1680',
  '\u3000',
  '"',
  '\\',
  '/',
  '\u0001',
  '\u001F',
  '\u007F',
  '\u0085',
  '\n',
  '\r',
  '\t',
  '%',
  "'",
  '<',
  '$',
  'İ',
  'ß',
  'ǅ',
]

/** A xorshift32 stream from a seed: strings are drawn from one fast-check integer, not one value per character. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return x >>> 0
  }
}

/**
 * One code point without NUL or surrogates: half printable ASCII, then any scalar value of the
 * BMP or beyond, then an awkward one; `astralShare` (0–1) of the rest forced beyond the BMP.
 */
function codePoint(next: () => number, astralShare: number): string {
  const r = next() % 100
  if (r < 50) return String.fromCodePoint(0x20 + (next() % 95))
  if (r < 80 || next() % 100 < astralShare * 100) {
    const astral = r >= 65 || next() % 100 < astralShare * 100
    for (;;) {
      const c = astral ? 0x10000 + (next() % 0x100000) : 1 + (next() % 0xffff)
      if (c < 0xd800 || c > 0xdfff) return String.fromCodePoint(c)
    }
  }
  return AWKWARD[next() % AWKWARD.length]!
}

/** `length` code points drawn from `seed`. */
function drawText(length: number, seed: number, astralShare = 0): string {
  const next = xorshift(seed)
  let out = ''
  for (let i = 0; i < length; i++) out += codePoint(next, astralShare)
  return out
}

/**
 * Text of `min`..`max` code points without NUL or lone surrogates: usually short, sometimes exactly
 * at the limit (astral characters included, so a limit counted in UTF-16 units would show).
 */
export function text(min: number, max: number): fc.Arbitrary<string> {
  const shortMax = Math.max(min, Math.min(max, 24))
  const short = fc
    .tuple(fc.integer({ min, max: shortMax }), fc.integer())
    .map(([length, seed]) => drawText(length, seed))
  if (max <= 24) return short
  return fc.oneof(
    { weight: 12, arbitrary: short },
    { weight: 1, arbitrary: fc.integer().map((seed) => drawText(max, seed, 0.5)) },
  )
}

const escapeArb: fc.Arbitrary<StringEscape> = fc.constantFrom<StringEscape>(
  'plain',
  'plain',
  'plain',
  'ascii',
  'all',
)

/** A string value with a random way of writing it. */
const strArb = (min: number, max: number) => fc.tuple(text(min, max), escapeArb).map(([v, e]) => str(v, e))

// ---------------------------------------------------------------------------------------------
// Numbers

/** Doubles whose shortest text is the value a literal is written from. */
const doubleArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    0.1,
    0.2,
    0.30000000000000004,
    1e21,
    1e-7,
    5e-324,
    2.2250738585072014e-308,
    Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    2 ** 53,
    2 ** 60,
    2 ** 64,
    1e300,
    123.456,
    -1.5,
  ),
  fc
    .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 12 }))
    .map(([m, k]) => Number(`${m}e-${k}`)),
)

const literalForm: fc.Arbitrary<LiteralForm> = fc.oneof(
  fc.record({ kind: fc.constant('plain' as const), extraZeros: fc.nat(4) }),
  fc.record({
    kind: fc.constant('sci' as const),
    e: fc.constantFrom('e' as const, 'E' as const),
    plus: fc.boolean(),
    expZeros: fc.nat(3),
    extraZeros: fc.nat(3),
  }),
  fc.record({
    kind: fc.constant('int-mantissa' as const),
    e: fc.constantFrom('e' as const, 'E' as const),
    plus: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('shifted' as const), shift: fc.nat(4) }),
)

/** The ways of writing zero with a minus sign: JSON.parse reads -0, which is the value 0. */
const NEGATIVE_ZEROS = ['-0', '-0.0', '-0e0', '-0.000E+5']

/** Spells `key`'s value in a form; the result must survive doubles (checked: a wrong generator fails loudly). */
function spell(value: number, form: LiteralForm): string {
  const literal = writeDecimal(decimalKey(JSON.stringify(value)), form)
  if (!survivesDoubles(literal))
    throw new Error(`generator: ${literal} (from ${value}) does not survive doubles`)
  return literal
}

/** A number literal that JSON.parse reads without changing its value, in any of its JSON spellings. */
export const exactNumber: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(doubleArb, literalForm).map(([d, form]) => spell(d, form)) },
  { weight: 1, arbitrary: fc.constantFrom(...NEGATIVE_ZEROS) },
)

/** An integer in `[min, max]`, spelled in any exact form (`1e3`, `1000.0`, `10E2`). */
export const exactInteger = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max)),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant<LiteralForm>({ kind: 'plain', extraZeros: 0 }) },
        literalForm,
      ),
    )
    .map(([n, form]) => spell(n, form))

/**
 * Literals JSON.parse would change: beyond the doubles, below them, more digits than a double holds.
 * Each comes with what it is, for the class counts.
 */
export const INEXACT_NUMBERS: readonly string[] = [
  '1e309',
  '-1e309',
  '1e-400',
  '-1e-400',
  '4.9e-325',
  '123456789012345678901234567890',
  '9007199254740993',
  '-9007199254740993',
  '0.1000000000000000055511151231257827',
  '1.00000000000000000000001',
  `1${'0'.repeat(400)}`,
  `0.${'0'.repeat(400)}1`,
  '1E+999999999999999999999',
  '18446744073709551617',
  '2.0000000000000004440892098500626',
]
for (const literal of INEXACT_NUMBERS) {
  if (survivesDoubles(literal)) throw new Error(`generator: ${literal} survives doubles`)
}

// ---------------------------------------------------------------------------------------------
// UUIDs

/** How an id's hex digits are cased; the stored id is the same UUID in lower case. */
export type IdCase = { style: 'lower' } | { style: 'upper' } | { style: 'mixed'; mask: number }

export const idCase: fc.Arbitrary<IdCase> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<IdCase>({ style: 'lower' }) },
  { weight: 2, arbitrary: fc.constant<IdCase>({ style: 'upper' }) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 0x7fffffff }).map((mask) => ({ style: 'mixed' as const, mask })),
  },
)

/** `hex32` (lower-case hex digits) written as a UUID `8-4-4-4-12` with the given case. */
export function writeUuid(hex32: string, casing: IdCase): string {
  const dashed = `${hex32.slice(0, 8)}-${hex32.slice(8, 12)}-${hex32.slice(12, 16)}-${hex32.slice(16, 20)}-${hex32.slice(20)}`
  if (casing.style === 'lower') return dashed
  if (casing.style === 'upper') return dashed.toUpperCase()
  let i = 0
  return dashed.replace(/[a-f]/g, (c) => ((casing.mask >> (i++ % 31)) & 1 ? c.toUpperCase() : c))
}

/** Any UUID text the contract accepts (any hex, any case), including the nil and max UUIDs. */
export const anyUuid: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.uuid({ version: [1, 4, 7] }), idCase)
      .map(([u, c]) => writeUuid(u.replace(/-/g, ''), c)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '00000000-0000-0000-0000-000000000000',
      'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    ),
  },
)

// ---------------------------------------------------------------------------------------------
// Timestamps

/** A timestamp as sent, its instant in microseconds and what is special about it (for the class counts). */
export interface GeneratedTimestamp {
  text: string
  parts: TimestampParts
  micros: bigint
  tags: string[]
}

/**
 * Months far from now whose partitions the valid events may use (each run creates a bounded number
 * of partitions: these, their neighbours reached through an offset, and the months around now).
 */
const FAR_MONTHS: ReadonlyArray<[number, number]> = [
  [1, 1],
  [1, 2],
  [999, 12],
  [1582, 10],
  [1899, 12],
  [1900, 2],
  [1969, 12],
  [1970, 1],
  [2000, 2],
  [2016, 12],
  [2019, 1],
  [2024, 2],
]

const MICROS_PER_DAY = 86_400_000_000n
const MAX_FUTURE_MICROS = 55n * 60_000_000n

const offsetArb: fc.Arbitrary<'Z' | 'z' | number> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<'Z'>('Z') },
  { weight: 1, arbitrary: fc.constant<'z'>('z') },
  { weight: 4, arbitrary: fc.integer({ min: -1439, max: 1439 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 960, -960, 1439, -1439, 959, -959, 345, -570) },
)

/** Fraction digits for an instant: 0–9 digits, the first ones those of its microseconds, the rest random. */
const fractionArb = fc.tuple(
  fc.integer({ min: 0, max: 9 }),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 3, maxLength: 3 }),
)

/**
 * A valid event timestamp: strict RFC 3339 with a random separator (`T`, `t`, space), offset
 * (`Z`, `z`, any `±HH:MM` up to ±23:59, `-00:00`) and 0–9 fraction digits, whose instant lies in
 * 0001-01-01T00:00:00Z..now+55 min (mostly the last days, else in a few months far back).
 */
export function validTimestamp(ctx: GenContext): fc.Arbitrary<GeneratedTimestamp> {
  const now = microsOfMs(ctx.nowMs)
  const recent = fc.bigInt({ min: -3n * MICROS_PER_DAY, max: MAX_FUTURE_MICROS }).map((delta) => now + delta)
  const far = fc
    .tuple(fc.constantFrom(...FAR_MONTHS), fc.nat(30), fc.bigInt({ min: 0n, max: MICROS_PER_DAY - 1n }))
    .map(([[year, month], day, inDay]) => {
      const parts = partsAt(0n, 'Z', '')
      parts.year = year
      parts.month = month
      parts.day = 1 + (day % daysInMonth(year, month))
      return instantMicros(parts) + inDay
    })
  const edges = fc.constantFrom(
    EARLIEST_MICROS,
    EARLIEST_MICROS + 1n,
    0n,
    -1n,
    instantMicros({ ...partsAt(0n, 'Z', ''), year: 2019, month: 2, day: 1 }) - 1n,
  )
  return fc
    .tuple(
      fc.oneof(
        { weight: 10, arbitrary: recent },
        { weight: 5, arbitrary: far },
        { weight: 1, arbitrary: edges },
      ),
      offsetArb,
      fractionArb,
      fc.constantFrom('T', 'T', 'T', 'T', 't', ' '),
      fc.boolean(),
    )
    .map(([micros, offset, [digits, extra], separator, negativeZero]) => {
      const six = String(((micros % 1_000_000n) + 1_000_000n) % 1_000_000n).padStart(6, '0')
      const fraction = digits <= 6 ? six.slice(0, digits) : six + extra.slice(0, digits - 6)
      // Seen at the offset, with the fraction cut to `digits`: the instant moves down to that precision.
      const parts = partsAt(
        micros - BigInt(Number(six) - Number(six.slice(0, digits).padEnd(6, '0'))),
        offset,
        fraction,
        separator,
      )
      if (offset === 0 && typeof offset === 'number') parts.negativeZero = negativeZero
      return parts
    })
    .filter((parts) => parts.year >= 1 && parts.year <= 9999)
    .map((parts) => {
      const stored = instantMicros(parts)
      const tags: string[] = []
      if (typeof parts.offset === 'number' && Math.abs(parts.offset) > 959)
        tags.push('ts.offset-beyond-15:59')
      if (parts.fraction.length > 6) tags.push('ts.sub-microsecond-digits')
      return { text: writeTimestamp(parts), parts, micros: stored, tags }
    })
    .filter((t) => t.micros >= EARLIEST_MICROS && t.micros <= now + MAX_FUTURE_MICROS)
}

/** The timestamps of the issue that must be stored, with the instant they must be stored as. */
export const NAMED_VALID_TIMESTAMPS: ReadonlyArray<{ text: string; tags: string[] }> = [
  { text: '2019-01-31T23:59:59.9999995Z', tags: ['ts.sub-microsecond-digits', 'ts.sub-us-month-end'] },
  { text: '2024-03-01T00:30:00+23:59', tags: ['ts.offset-beyond-15:59'] },
  { text: '2024-02-29T12:00:00+16:00', tags: ['ts.offset-beyond-15:59'] },
  {
    text: '2016-12-31T23:59:59.999999999-23:59',
    tags: ['ts.offset-beyond-15:59', 'ts.sub-microsecond-digits'],
  },
  { text: '0001-01-01T00:00:00Z', tags: [] },
  { text: '0001-01-01t23:59:00+23:59', tags: ['ts.offset-beyond-15:59'] },
]

// ---------------------------------------------------------------------------------------------
// event_data

/** Keys of event_data that are names on Object.prototype, or otherwise awkward: all must be stored. */
const AWKWARD_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  '',
  ' ',
  '.',
  'a.b',
  '$ref',
  '0',
  '-1',
  'event_data',
  '\u2028',
]

const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: text(0, 20) },
  { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_KEYS) },
)

/** A leaf value of event_data. */
const leafArb: fc.Arbitrary<Raw> = fc.oneof(
  { weight: 4, arbitrary: strArb(0, 40) },
  { weight: 4, arbitrary: exactNumber.map(num) },
  { weight: 1, arbitrary: fc.boolean().map((value): Raw => ({ t: 'bool', value })) },
  { weight: 1, arbitrary: fc.constant<Raw>({ t: 'null' }) },
)

/** An object's entries with unique keys, some of them awkward, written with a random key escape. */
function entriesArb(value: fc.Arbitrary<Raw>, maxKeys: number, avoid: ReadonlySet<string> = new Set()) {
  return fc
    .tuple(
      fc.uniqueArray(
        fc.tuple(
          keyArb.filter((k) => !avoid.has(k)),
          value,
        ),
        {
          maxLength: maxKeys,
          selector: ([k]) => k,
        },
      ),
      escapeArb,
    )
    .map(([entries, keyEscape]) => ({ entries, keyEscape }))
}

/** Any JSON value nested at most `depth` levels below its parent. */
const nestedValue: fc.Arbitrary<Raw> = fc.letrec<{ value: Raw; arr: Raw; obj: Raw }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 3 }, leafArb, tie('arr'), tie('obj')),
  arr: fc.array(tie('value'), { maxLength: 4 }).map((items): Raw => ({ t: 'arr', items })),
  obj: entriesArb(tie('value'), 4).map(({ entries, keyEscape }): Raw => ({ t: 'obj', entries, keyEscape })),
})).value

/** Free-form event_data: an object of random entries (depth at most 5 of the contract's 10). */
export const freeEventData: fc.Arbitrary<Raw> = entriesArb(nestedValue, 6).map(
  ({ entries, keyEscape }): Raw => ({ t: 'obj', entries, keyEscape }),
)

/** event_data nested exactly `depth` levels (event_data itself is level 1). */
export function nestedData(depth: number): Raw {
  let value: Raw = obj([['leaf', { t: 'bool', value: true }]])
  for (let level = 1; level < depth; level++) value = obj([['child', value]])
  return value
}

/** A typed catalog event: its type, a category and data satisfying the type's schema plus extra keys. */
interface TypedTemplate {
  eventType: string
  category: string
  required: () => fc.Arbitrary<Array<[string, Raw]>>
  /** The schema's property names: extra keys must avoid them (their values are constrained). */
  properties: readonly string[]
}

/** The payload facts of the seed system's event types (test-e2e/fixtures/seed-catalog.json). */
const seedCatalog = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/seed-catalog.json', import.meta.url)), 'utf8'),
) as { types: Record<string, { properties: Record<string, unknown> }> }
const propertiesOf = (eventType: string): readonly string[] =>
  Object.keys(seedCatalog.types[eventType]?.properties ?? {})

// The seed's payloads: free strings except the enums, and `event_type` repeating the event's.
const phaseOf = <T extends string>(...phases: T[]) => fc.constantFrom(...phases).map((p) => str(p))

const TYPED: readonly TypedTemplate[] = [
  {
    eventType: 'gateway.signal.received',
    category: 'gateway',
    properties: propertiesOf('gateway.signal.received'),
    required: () =>
      fc
        .tuple(
          strArb(1, 255),
          strArb(0, 63),
          strArb(1, 128),
          fc.option(strArb(0, 50)),
          fc.option(fc.uniqueArray(fc.tuple(keyArb, strArb(0, 30)), { maxLength: 4, selector: ([k]) => k })),
        )
        .map(([name, namespace, fp, severity, labels]) => {
          const entries: Array<[string, Raw]> = [
            ['event_type', str('gateway.signal.received')],
            ['signal_type', str('alert')],
            ['signal_name', name],
            ['namespace', namespace],
            ['fingerprint', fp],
          ]
          if (severity) entries.push(['severity', severity])
          if (labels) entries.push(['signal_labels', obj(labels)])
          return entries
        }),
  },
  {
    eventType: 'notification.message.sent',
    category: 'notification',
    properties: propertiesOf('notification.message.sent'),
    required: () =>
      fc
        .tuple(strArb(1, 255), fc.constantFrom('slack', 'email', 'console'), strArb(0, 255), strArb(0, 1024))
        .map(
          ([id, channel, subject, body]): Array<[string, Raw]> => [
            ['notification_id', id],
            ['channel', str(channel)],
            ['subject', subject],
            ['body', body],
            ['priority', str('high')],
            ['type', str('escalation')],
          ],
        ),
  },
  {
    eventType: 'signalprocessing.classification.decision',
    category: 'signalprocessing',
    properties: propertiesOf('signalprocessing.classification.decision'),
    required: () =>
      fc
        .tuple(
          strArb(1, 255),
          phaseOf('Classifying', 'Categorizing', 'Completed'),
          fc.option(fc.constantFrom('P0', 'P1', 'P2', 'P3', 'P4')),
        )
        .map(([signal, phase, priority]) => {
          const entries: Array<[string, Raw]> = [
            ['event_type', str('signalprocessing.classification.decision')],
            ['phase', phase],
            ['signal', signal],
          ]
          if (priority) entries.push(['priority', str(priority)])
          return entries
        }),
  },
  {
    eventType: 'workflowexecution.workflow.completed',
    category: 'workflowexecution',
    properties: propertiesOf('workflowexecution.workflow.completed'),
    required: () =>
      fc
        .tuple(strArb(1, 255), strArb(1, 253), strArb(1, 512), fc.constantFrom('2m30s', '45s', '1h2m3.5s'))
        .map(
          ([id, exec, target, duration]): Array<[string, Raw]> => [
            ['event_type', str('workflowexecution.workflow.completed')],
            ['workflow_id', id],
            ['workflow_version', str('v1.2.0')],
            ['target_resource', target],
            ['phase', str('Completed')],
            ['container_image', str('registry.local/workflows/restart:1')],
            ['execution_name', exec],
            ['duration', str(duration)],
          ],
        ),
  },
  {
    eventType: 'orchestrator.approval.requested',
    category: 'approval',
    properties: propertiesOf('orchestrator.approval.requested'),
    required: () =>
      fc.tuple(strArb(1, 253), strArb(0, 63)).map(
        ([rr, namespace]): Array<[string, Raw]> => [
          ['event_type', str('orchestrator.approval.requested')],
          ['rr_name', rr],
          ['namespace', namespace],
        ],
      ),
  },
]

/**
 * Every event type with a typed event_data schema (a generic type must not be one of these): the
 * `if`/`then` table of the contract's EventDataCatalog.
 */
export const TYPED_EVENT_TYPES = new Set(
  (
    (openapiDocument as { components: { schemas: Record<string, { allOf?: unknown[] }> } }).components.schemas
      .EventDataCatalog?.allOf ?? []
  ).flatMap((entry) => {
    const eventType = (entry as { if: { properties: { event_type: { const?: string; enum?: string[] } } } })
      .if.properties.event_type
    return eventType.const !== undefined ? [eventType.const] : (eventType.enum ?? [])
  }),
)

export const CATEGORIES = [
  'gateway',
  'notification',
  'analysis',
  'aiagent',
  'signalprocessing',
  'workflow',
  'workflowexecution',
  'orchestration',
  'approval',
  'effectiveness',
  'actiontype',
  'apifrontend',
  'security',
  'agentsession',
] as const
export const OUTCOMES = ['success', 'failure', 'pending'] as const
export const SEVERITIES = ['debug', 'info', 'notice', 'warning', 'error', 'critical'] as const
/** Severity words outside the recommended levels that the seed system's emitters send; stored as sent. */
export const SEED_SEVERITIES = ['high', 'medium', 'low'] as const

const segment = fc.stringMatching(/^[a-z][a-z0-9_]{0,14}$/)

/** An event type following the naming rule, 5–100 characters, without a typed schema. */
export const genericEventType: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'gateway.signal.throttled',
    'aiagent.llm.retried',
    'aianalysis.rego.skipped',
    'billing.invoice.sent',
  ),
  fc
    .array(segment, { minLength: 3, maxLength: 6 })
    .map((s) => s.join('.'))
    .filter((t) => t.length >= 5 && t.length <= 100 && !TYPED_EVENT_TYPES.has(t)),
  fc
    .constant(`a${'.b'.repeat(49)}c`.slice(0, 100))
    .filter((t) => /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}$/.test(t)),
)

// ---------------------------------------------------------------------------------------------
// Events

/** The top-level fields of an event and how they are written. */
export interface EventDraft {
  /** Top-level entries in the order they are written, without event_id. */
  fields: Array<[string, Raw]>
  /** How the event_id is written, or undefined to let the service assign one. */
  id: { casing: IdCase; position: number } | undefined
  timestamp: GeneratedTimestamp
  tags: string[]
}

const optionalText = (name: string, min: number, max: number) =>
  fc.option(
    strArb(min, max).map((v): [string, Raw] => [name, v]),
    { freq: 3 },
  )

const optionalRaw = (name: string, arb: fc.Arbitrary<Raw>) =>
  fc.option(
    arb.map((v): [string, Raw] => [name, v]),
    { freq: 3 },
  )

const hex = (n: number) =>
  fc.integer().map((seed) => {
    const next = xorshift(seed)
    return Array.from({ length: n }, () => '0123456789abcdef'[next() % 16]).join('')
  })

/** A deterministic permutation of `n` items from a seed. */
function permutation(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  let s = seed >>> 0 || 1
  for (let i = n - 1; i > 0; i--) {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    const j = (s >>> 0) % (i + 1)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order
}

/** A valid event (every field within the contract), as raw JSON entries. */
export function validEvent(ctx: GenContext): fc.Arbitrary<EventDraft> {
  const typeAndData = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(genericEventType, fc.constantFrom(...CATEGORIES), freeEventData)
        .map(([type, category, data]) => ({ type, category, data, tags: [] as string[] })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...TYPED).chain((t) =>
        fc
          .tuple(t.required(), entriesArb(nestedValue, 4, new Set(t.properties)))
          .map(([required, extra]) => ({
            type: t.eventType,
            category: t.category,
            data: { t: 'obj', entries: [...required, ...extra.entries], keyEscape: extra.keyEscape } as Raw,
            tags: ['typed'],
          })),
      ),
    },
  )
  const timestamp = fc.oneof(
    { weight: 30, arbitrary: validTimestamp(ctx) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...NAMED_VALID_TIMESTAMPS).map((t) => namedTimestamp(t.text, t.tags)),
    },
  )
  const optional = fc.tuple(
    optionalText('actor_type', 1, 50),
    optionalText('actor_id', 1, 255),
    optionalRaw(
      'actor_ip',
      fc.oneof(fc.ipV4(), fc.ipV6()).map((v) => str(v)),
    ),
    optionalText('resource_type', 1, 100),
    optionalText('resource_id', 1, 255),
    optionalText('resource_name', 0, 255),
    optionalRaw(
      'parent_event_id',
      anyUuid.map((v) => str(v)),
    ),
    optionalText('namespace', 0, 255),
    optionalText('cluster_id', 0, 255),
    optionalRaw(
      'severity',
      fc.constantFrom(...SEVERITIES, ...SEED_SEVERITIES).map((v) => str(v)),
    ),
    optionalRaw('duration_ms', exactInteger(0, 2147483647).map(num)),
    optionalText('error_code', 0, 50),
    optionalText('error_message', 0, 4096),
    optionalRaw(
      'trace_id',
      hex(32).map((v) => str(v)),
    ),
    optionalRaw(
      'span_id',
      hex(16).map((v) => str(v)),
    ),
    optionalRaw('retention_days', exactInteger(1, 2555).map(num)),
    optionalRaw(
      'is_sensitive',
      fc.boolean().map((value): Raw => ({ t: 'bool', value })),
    ),
  )
  return fc
    .record({
      typeAndData,
      timestamp,
      action: strArb(1, 50),
      outcome: fc.constantFrom(...OUTCOMES),
      correlation: strArb(1, 255),
      optional,
      id: fc.option(idCase, { freq: 8, nil: undefined }),
      order: fc.integer({ min: 1, max: 0x7fffffff }),
      shuffle: fc.boolean(),
    })
    .map(({ typeAndData, timestamp, action, outcome, correlation, optional, id, order, shuffle }) => {
      const fields: Array<[string, Raw]> = [
        ['version', str('1.0')],
        ['event_type', str(typeAndData.type)],
        ['event_timestamp', str(timestamp.text)],
        ['event_category', str(typeAndData.category)],
        ['event_action', action],
        ['event_outcome', str(outcome)],
        ['correlation_id', correlation],
        ['event_data', typeAndData.data],
      ]
      for (const entry of optional) if (entry) fields.push(entry)
      const ordered = shuffle ? permutation(fields.length, order).map((i) => fields[i]!) : fields
      return {
        fields: ordered,
        id: id === undefined ? undefined : { casing: id, position: order % (ordered.length + 1) },
        timestamp,
        tags: [...typeAndData.tags, ...timestamp.tags],
      }
    })
}

/** A {@link GeneratedTimestamp} for a fixed text (which must be a valid one). */
export function namedTimestamp(text: string, tags: string[]): GeneratedTimestamp {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})([Tt ])(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(
      text,
    )
  if (!m) throw new Error(`namedTimestamp: ${text}`)
  const parts: TimestampParts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    separator: m[4]!,
    hour: Number(m[5]),
    minute: Number(m[6]),
    second: Number(m[7]),
    fraction: m[8] ?? '',
    offset: m[10] ? (m[10] === '-' ? -1 : 1) * (Number(m[11]) * 60 + Number(m[12])) : (m[9] as 'Z' | 'z'),
  }
  return { text, parts, micros: instantMicros(parts), tags }
}

/** The draft's entries with its event_id (`hex32` lower-case hex digits) in place. */
export function entriesWithId(draft: EventDraft, hex32: string | undefined): Array<[string, Raw]> {
  if (!draft.id || hex32 === undefined) return draft.fields
  const entries = [...draft.fields]
  entries.splice(draft.id.position, 0, ['event_id', str(writeUuid(hex32, draft.id.casing))])
  return entries
}
