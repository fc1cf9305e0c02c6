import fc from 'fast-check'
import {
  CATEGORIES,
  type EventDraft,
  type GenContext,
  INEXACT_NUMBERS,
  nestedData,
  OUTCOMES,
} from './generators.js'
import { num, obj, type Raw, str } from './raw-json.js'
import {
  daysInMonth,
  microsOfMs,
  partsAt,
  type TimestampParts,
  writeTimestamp,
  zoneText,
} from './timestamps.js'

/**
 * The ways to make a valid event invalid. Each mutation makes exactly one defect and knows its
 * class (for the counts and the list of pending classes) and the field the service's answer must
 * name. The verdict comes from how the value was built, never from a validator.
 */
export interface Mutated {
  /** Class label, e.g. `ts.offset-no-colon`. */
  cls: string
  /** The field the problem's `errors` must name (`event_data.a.b` for nested ones). */
  field: string
  /** The mutated top-level entries (event_id included when the event has one). */
  entries: Array<[string, Raw]>
}

/** Makes an event (its draft and its top-level entries, event_id included) invalid. */
export type Mutation = (draft: EventDraft, entries: Array<[string, Raw]>) => Mutated

const set = (entries: Array<[string, Raw]>, name: string, value: Raw): Array<[string, Raw]> => {
  const out = entries.filter(([k]) => k !== name)
  const at = entries.findIndex(([k]) => k === name)
  out.splice(at < 0 ? out.length : at, 0, [name, value])
  return out
}

const entryValue = (entries: Array<[string, Raw]>, name: string): Raw | undefined =>
  entries.find(([k]) => k === name)?.[1]

const strValue = (entries: Array<[string, Raw]>, name: string): string | undefined => {
  const v = entryValue(entries, name)
  return v?.t === 'str' ? v.value : undefined
}

const insertAt = (value: string, at: number, piece: string): string => {
  const points = [...value]
  const i = points.length === 0 ? 0 : at % (points.length + 1)
  return [...points.slice(0, i), piece, ...points.slice(i)].join('')
}

/** Values of the wrong JSON type for a string field. */
const notAString: fc.Arbitrary<Raw> = fc.constantFrom<Raw>(
  num('1700000000'),
  num('0'),
  { t: 'null' },
  { t: 'bool', value: true },
  { t: 'arr', items: [str('x')] },
  obj([]),
)

// ---------------------------------------------------------------------------------------------
// Timestamps

interface TimestampMutation {
  cls: string
  make: (parts: TimestampParts, ctx: GenContext) => string
}

const UNICODE_SPACES = [
  '\u00A0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200A',
  '\u202F',
  '\u205F',
  '\u3000',
  '\uFEFF',
  '\u180E',
]

const pad2 = (n: number) => String(n).padStart(2, '0')
const withZone = (parts: TimestampParts, zone: string) =>
  writeTimestamp({ ...parts, offset: 'Z' }).slice(0, -1) + zone

const OTHER_DIGITS = [0xff10, 0x0660, 0x0966, 0x1d7ce]

/** Invalid event_timestamp texts, by class (the examples among them). */
export const timestampMutation: fc.Arbitrary<TimestampMutation> = fc.oneof(
  fc.constantFrom(...UNICODE_SPACES).map((sep) => ({
    cls: 'ts.separator-unicode-space',
    make: (p: TimestampParts) => writeTimestamp({ ...p, separator: sep }),
  })),
  fc.constantFrom('\u2028', '\u2029', '\u0085').map((sep) => ({
    cls: 'ts.separator-line',
    make: (p: TimestampParts) => writeTimestamp({ ...p, separator: sep }),
  })),
  fc.constantFrom('\t', '\n', '\r', '\u000B', '\u000C').map((sep) => ({
    cls: 'ts.separator-control',
    make: (p: TimestampParts) => writeTimestamp({ ...p, separator: sep }),
  })),
  fc.constantFrom('_', '  ', '', 'TT', 'x', 'T ', '\u0130').map((sep) => ({
    cls: 'ts.separator-other',
    make: (p: TimestampParts) => writeTimestamp({ ...p, separator: sep }),
  })),
  fc
    .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([s, h, m]) => ({
      cls: 'ts.offset-no-colon',
      make: (p: TimestampParts) => withZone(p, `${s}${pad2(h)}${pad2(m)}`),
    })),
  fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 })).map(([s, h]) => ({
    cls: 'ts.offset-hours-only',
    make: (p: TimestampParts) => withZone(p, `${s}${pad2(h)}`),
  })),
  fc.constantFrom('+24:00', '-24:00', '+01:60', '+99:99', '+23:60', '-25:00').map((zone) => ({
    cls: 'ts.offset-out-of-range',
    make: (p: TimestampParts) => withZone(p, zone),
  })),
  fc
    .constantFrom(
      '',
      'UTC',
      'GMT',
      ' Z',
      '+1:00',
      '\u221201:00',
      '+01:00:00',
      'ZZ',
      '+01:0',
      'Z+01:00',
      '+01:00Z',
    )
    .map((zone) => ({
      cls: 'ts.offset-malformed',
      make: (p: TimestampParts) => withZone(p, zone),
    })),
  fc.constantFrom(true, false).map((named) => ({
    cls: 'ts.leap-second',
    make: (p: TimestampParts) => (named ? '2016-12-31T23:59:60.5Z' : writeTimestamp({ ...p, second: 60 })),
  })),
  fc
    .constantFrom<(p: TimestampParts) => TimestampParts>(
      (p) => ({ ...p, hour: 24 }),
      (p) => ({ ...p, minute: 60 }),
      (p) => ({ ...p, second: 61 }),
      (p) => ({ ...p, month: 13 }),
      (p) => ({ ...p, month: 0 }),
      (p) => ({ ...p, day: 0 }),
      (p) => ({ ...p, day: 32 }),
      (p) => ({ ...p, day: daysInMonth(p.year, p.month) + 1 }),
      (p) => ({ ...p, year: 2023, month: 2, day: 29 }),
    )
    .map((f) => ({ cls: 'ts.field-range', make: (p: TimestampParts) => writeTimestamp(f(p)) })),
  fc.integer({ min: 10, max: 400 }).map((n) => ({
    cls: 'ts.fraction-too-long',
    make: (p: TimestampParts) => writeTimestamp({ ...p, fraction: '9'.repeat(n) }),
  })),
  fc.constantFrom('.', ',5', '.5.5', '.\u0665', '.5 ').map((tail) => ({
    cls: 'ts.fraction-malformed',
    make: (p: TimestampParts) => withZone({ ...p, fraction: '' }, tail + zoneText(p)),
  })),
  fc.constantFrom('0000', '+10000', '-0001', '20', '02020', '10000').map((year) => ({
    cls: 'ts.year-out-of-range',
    make: (p: TimestampParts) => year + writeTimestamp(p).slice(4),
  })),
  fc.tuple(fc.integer({ min: 1, max: 1439 }), fc.nat(10_000)).map(([offset, r]) => ({
    cls: 'ts.unstorable-after-offset',
    make: () => {
      // Local 0001-01-01 before the offset has passed midnight: UTC is in year 0000.
      const local = r % offset
      return writeTimestamp({
        year: 1,
        month: 1,
        day: 1,
        hour: Math.floor(local / 60),
        minute: local % 60,
        second: 0,
        fraction: '',
        offset,
        separator: 'T',
      })
    },
  })),
  fc.bigInt({ min: 90n * 60_000_000n, max: 50n * 365n * 86_400_000_000n }).map((ahead) => ({
    cls: 'ts.future',
    make: (p: TimestampParts, ctx: GenContext) =>
      writeTimestamp(partsAt(microsOfMs(ctx.nowMs) + ahead, p.offset, '', p.separator)),
  })),
  fc.tuple(fc.nat(18), fc.constantFrom(...OTHER_DIGITS)).map(([at, base]) => ({
    cls: 'ts.non-ascii-digit',
    make: (p: TimestampParts) => {
      const t = writeTimestamp(p)
      const digits = [...t.matchAll(/\d/g)].map((m) => m.index)
      const i = digits[at % digits.length]!
      return t.slice(0, i) + String.fromCodePoint(base + Number(t[i])) + t.slice(i + 1)
    },
  })),
  fc.constantFrom(' ', '\n', '\t', '\u00A0').chain((ws) =>
    fc.boolean().map((before) => ({
      cls: 'ts.whitespace-around',
      make: (p: TimestampParts) => (before ? ws + writeTimestamp(p) : writeTimestamp(p) + ws),
    })),
  ),
)

// ---------------------------------------------------------------------------------------------
// Strings and fields

/** Free-text fields, their limits in code points and whether they are required. */
const TEXT_FIELDS: ReadonlyArray<{ name: string; min: number; max: number }> = [
  { name: 'event_action', min: 1, max: 50 },
  { name: 'correlation_id', min: 1, max: 255 },
  { name: 'actor_type', min: 1, max: 50 },
  { name: 'actor_id', min: 1, max: 255 },
  { name: 'resource_type', min: 1, max: 100 },
  { name: 'resource_id', min: 1, max: 255 },
  { name: 'resource_name', min: 0, max: 255 },
  // May be empty: single-cluster setups of the seed system send `""`.
  { name: 'namespace', min: 0, max: 255 },
  { name: 'cluster_id', min: 0, max: 255 },
  // Any word up to 20 characters (the seed system's `high` included).
  { name: 'severity', min: 1, max: 20 },
  { name: 'error_code', min: 0, max: 50 },
  { name: 'error_message', min: 0, max: 4096 },
]

const REQUIRED = [
  'version',
  'event_type',
  'event_timestamp',
  'event_category',
  'event_action',
  'event_outcome',
  'correlation_id',
  'event_data',
]

const OPTIONAL = [
  'actor_type',
  'actor_id',
  'actor_ip',
  'resource_type',
  'resource_id',
  'resource_name',
  'parent_event_id',
  'namespace',
  'cluster_id',
  'severity',
  'duration_ms',
  'error_code',
  'error_message',
  'trace_id',
  'span_id',
  'retention_days',
  'is_sensitive',
]

const KNOWN = new Set(['event_id', ...REQUIRED, ...OPTIONAL])

/** Names on Object.prototype (and the like) that a plain-object lookup would find. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__lookupGetter__',
]

const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDC00\uD800']

/** Where in event_data a new entry goes: a container and its dotted path. */
interface Slot {
  container: Raw & ({ t: 'obj' } | { t: 'arr' })
  path: string[]
}

function slots(value: Raw, path: string[], out: Slot[], typed: boolean): Slot[] {
  if (value.t === 'obj' || value.t === 'arr') out.push({ container: value, path })
  // A typed event's known properties have schemas of their own: only its top level takes new entries.
  if (typed) return out
  if (value.t === 'obj') for (const [k, v] of value.entries) slots(v, [...path, k], out, false)
  if (value.t === 'arr')
    for (const [i, v] of value.items.entries()) slots(v, [...path, String(i)], out, false)
  return out
}

/** A deep copy of a raw value (mutations never touch the draft). */
const clone = (value: Raw): Raw => structuredClone(value)

/**
 * event_data with a new entry at a random place (`pick` chooses): `value` under a fresh key, or
 * as a new array item. Returns the data and the dotted path of the new entry.
 */
function addToData(
  data: Raw,
  pick: number,
  key: string,
  value: Raw,
  typed: boolean,
  keyed = false,
): { data: Raw; path: string } {
  const copy = clone(data)
  // A mutation of a key needs an object to put the key in.
  const all = slots(copy, ['event_data'], [], typed).filter((slot) => !keyed || slot.container.t === 'obj')
  const slot = all[pick % all.length]!
  if (slot.container.t === 'arr') {
    const at = pick % (slot.container.items.length + 1)
    slot.container.items.splice(at, 0, value)
    return { data: copy, path: [...slot.path, String(at)].join('.') }
  }
  let name = key
  while (slot.container.entries.some(([k]) => k === name)) name += '_'
  const at = pick % (slot.container.entries.length + 1)
  slot.container.entries.splice(at, 0, [name, value])
  return { data: copy, path: [...slot.path, name].join('.') }
}

const textField = fc.constantFrom(...TEXT_FIELDS)

/**
 * One mutation of any kind, weighted so that every class is drawn in a few thousand requests; the
 * field it names is decided when applied (it may depend on the event).
 */
export function mutation(ctx: GenContext): fc.Arbitrary<Mutation> {
  const makers: Array<{ weight: number; arbitrary: fc.Arbitrary<Mutation> }> = [
    {
      weight: 10,
      arbitrary: fc.tuple(timestampMutation, fc.constant(null)).map(([m]) => (draft, entries) => ({
        cls: m.cls,
        field: 'event_timestamp',
        entries: set(entries, 'event_timestamp', str(m.make(draft.timestamp.parts, ctx))),
      })),
    },
    {
      weight: 1,
      arbitrary: notAString.map((v) => (_draft, entries) => ({
        cls: 'ts.not-a-string',
        field: 'event_timestamp',
        entries: set(entries, 'event_timestamp', v),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.nat().map((at) => (draft, entries) => ({
        cls: 'ts.nul',
        field: 'event_timestamp',
        entries: set(entries, 'event_timestamp', str(insertAt(draft.timestamp.text, at, '\u0000'))),
      })),
    },
    // UUIDs
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom('event_id', 'parent_event_id'),
          fc.uuid(),
          fc.constantFrom('urn:uuid:', 'URN:UUID:', 'urn:uuid:'),
        )
        .map(([field, uuid, prefix]) => (_draft, entries) => ({
          cls: 'uuid.urn',
          field,
          entries: set(entries, field, str(prefix + uuid)),
        })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom('event_id', 'parent_event_id'),
          fc.uuid(),
          fc.constantFrom<(u: string) => string>(
            (u) => `{${u}}`,
            (u) => u.replace(/-/g, ''),
            (u) => u.slice(1),
            (u) => `${u}0`,
            (u) => `g${u.slice(1)}`,
            (u) => `${u.slice(0, 8)}${u.slice(9, 10)}-${u.slice(10)}`,
            (u) => ` ${u}`,
            (u) => `${u}\n`,
            (u) => u.replace(/-/g, '\uFF0D'),
            (u) => u.replace(/-/g, '\u2010'),
            () => '',
            () => 'nil',
            (u) => `${u.slice(0, 35)}\u0000`,
          ),
        )
        .map(([field, uuid, f]) => (_draft, entries) => ({
          cls: 'uuid.malformed',
          field,
          entries: set(entries, field, str(f(uuid))),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('event_id', 'parent_event_id'), notAString)
        .map(([field, v]) => (_draft, entries) => ({
          cls: 'uuid.not-a-string',
          field,
          entries: set(entries, field, v),
        })),
    },
    // Top-level keys
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...PROTOTYPE_KEYS),
          fc.constantFrom<Raw>(str('x'), num('1'), obj([]), { t: 'null' }, obj([['a', num('1')]])),
          fc.nat(),
        )
        .map(([key, value, at]) => (_draft, entries) => {
          const out = [...entries]
          out.splice(at % (out.length + 1), 0, [key, value])
          return { cls: 'key.prototype-name', field: key, entries: out }
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.oneof(
            fc.constantFrom(
              'Event_Type',
              'EVENT_ID',
              'event_type ',
              ' event_type',
              'event\u200Btype',
              'event-type',
              'eventType',
              'colour',
              '$schema',
              'event_data.x',
            ),
            fc
              .string({ minLength: 1, maxLength: 12 })
              .filter((k) => !KNOWN.has(k) && !PROTOTYPE_KEYS.includes(k) && !k.includes('\u0000')),
          ),
          fc.nat(),
        )
        .map(([key, at]) => (_draft, entries) => {
          const out = [...entries]
          out.splice(at % (out.length + 1), 0, [key, str('x')])
          return { cls: 'key.unknown', field: key, entries: out }
        }),
    },
    // Text fields
    {
      weight: 3,
      arbitrary: fc.tuple(textField, fc.nat()).map(([f, at]) => (_draft, entries) => ({
        cls: 'str.nul',
        field: f.name,
        entries: set(entries, f.name, str(insertAt(strValue(entries, f.name) ?? 'abc', at, '\u0000'))),
      })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(textField, fc.nat(), fc.constantFrom(...LONE_SURROGATES))
        .map(([f, at, s]) => (_draft, entries) => ({
          cls: 'str.lone-surrogate',
          field: f.name,
          entries: set(entries, f.name, str(insertAt(strValue(entries, f.name) ?? 'abc', at, s))),
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(textField, fc.constantFrom('a', '\u{1F600}', 'é', '\u4E00'))
        .map(([f, ch]) => (_draft, entries) => ({
          cls: 'str.too-long',
          field: f.name,
          entries: set(entries, f.name, str(ch.repeat(f.max + 1))),
        })),
    },
    {
      weight: 1,
      arbitrary: textField
        .filter((f) => f.min > 0)
        .map((f) => (_draft, entries) => ({
          cls: 'str.empty',
          field: f.name,
          entries: set(entries, f.name, str('')),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(textField, notAString).map(([f, v]) => (_draft, entries) => ({
        cls: 'str.not-a-string',
        field: f.name,
        entries: set(entries, f.name, v),
      })),
    },
    // Enums, patterns, formats
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(['event_category', CATEGORIES] as const, ['event_outcome', OUTCOMES] as const),
          fc.nat(),
          fc.constantFrom<(v: string) => string>(
            (v) => v[0]!.toUpperCase() + v.slice(1),
            (v) => `${v} `,
            (v) => ` ${v}`,
            (v) => `${v}\u200B`,
            () => 'unknown',
            () => '',
            (v) => v.toUpperCase(),
          ),
        )
        .map(([[field, values], i, f]) => (_draft, entries) => ({
          cls: 'enum.bad',
          field,
          entries: set(entries, field, str(f(values[i % values.length]!))),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<Raw>(str('1'), str('1.00'), str('2.0'), str(' 1.0'), num('1.0'), str('1.0\u0000'), {
          t: 'null',
        })
        .map((v) => (_draft, entries) => ({
          cls: 'version.bad',
          field: 'version',
          entries: set(entries, 'version', v),
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          'Gateway.Signal.Received',
          // One segment (two are enough: \`remediation.workflow_created\`).
          'gateway_received',
          'gateway.signal.',
          '.gateway.signal.received',
          '1gateway.signal.received',
          'gateway.si\u0121nal.received',
          'gateway-signal.received.x',
          'ab',
          `a.b.${'c'.repeat(97)}`,
          'gateway..signal.received',
          'gateway.signal.received\n',
        )
        .map((t) => (_draft, entries) => ({
          cls: 'event_type.bad',
          field: 'event_type',
          entries: set(entries, 'event_type', str(t)),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('trace_id', 'span_id'),
          fc.constantFrom<(n: number) => string>(
            (n) => 'A'.repeat(n),
            (n) => 'a'.repeat(n - 1),
            (n) => 'a'.repeat(n + 1),
            (n) => 'g'.repeat(n),
            (n) => `${'a'.repeat(n - 1)}\u0660`,
          ),
        )
        .map(([field, f]) => (_draft, entries) => ({
          cls: 'trace.bad',
          field,
          entries: set(entries, field, str(f(field === 'trace_id' ? 32 : 16))),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '999.1.1.1',
          '1.2.3',
          '01.2.3.4',
          '::g',
          '1.2.3.4 ',
          'localhost',
          '1.2.3.4/24',
          `${'1:'.repeat(7)}1::`,
          'fe80::1%eth0',
          `::ffff:${'1'.repeat(40)}`,
        )
        .map((ip) => (_draft, entries) => ({
          cls: 'ip.bad',
          field: 'actor_ip',
          entries: set(entries, 'actor_ip', str(ip)),
        })),
    },
    // Numbers of the top level
    {
      weight: 2,
      arbitrary: fc
        .constantFrom<[string, Raw]>(
          ['duration_ms', num('-1')],
          ['duration_ms', num('2147483648')],
          ['duration_ms', num('1.5')],
          ['duration_ms', str('5')],
          ['duration_ms', { t: 'bool', value: true }],
          ['duration_ms', num('1e10')],
          ['retention_days', num('0')],
          ['retention_days', num('2556')],
          ['retention_days', num('1.5')],
          ['retention_days', num('-1')],
          ['retention_days', str('30')],
          ['is_sensitive', str('true')],
          ['is_sensitive', num('1')],
        )
        .map(([field, v]) => (_draft, entries) => ({
          cls: 'int.bad',
          field,
          entries: set(entries, field, v),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<[string, string]>(
          ['duration_ms', '2147483647.0000000000000000001'],
          ['duration_ms', '100.00000000000000000001'],
          ['retention_days', '30.000000000000000000001'],
        )
        .map(([field, literal]) => (_draft, entries) => ({
          cls: 'number.inexact',
          field,
          entries: set(entries, field, num(literal)),
        })),
    },
    // null where a field is optional but not nullable
    {
      weight: 1,
      arbitrary: fc.constantFrom(...OPTIONAL).map((field) => (_draft, entries) => ({
        cls: 'null.optional',
        field,
        entries: set(entries, field, { t: 'null' }),
      })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...REQUIRED).map((field) => (_draft, entries) => ({
        cls: 'required.missing',
        field,
        entries: entries.filter(([k]) => k !== field),
      })),
    },
    // event_data
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...INEXACT_NUMBERS), fc.nat())
        .map(([literal, pick]) => (draft, entries) => {
          const { data, path } = addToData(
            entryValue(entries, 'event_data')!,
            pick,
            'n',
            num(literal),
            draft.tags.includes('typed'),
          )
          return { cls: 'number.inexact', field: path, entries: set(entries, 'event_data', data) }
        }),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.nat(), fc.boolean(), fc.nat()).map(([pick, inKey, at]) => (draft, entries) => {
        const piece = insertAt('key', at, '\u0000')
        const { data, path } = inKey
          ? addToData(
              entryValue(entries, 'event_data')!,
              pick,
              piece,
              str('v'),
              draft.tags.includes('typed'),
              true,
            )
          : addToData(
              entryValue(entries, 'event_data')!,
              pick,
              'k',
              str(insertAt('value', at, '\u0000')),
              draft.tags.includes('typed'),
            )
        return {
          cls: inKey ? 'data.nul-key' : 'data.nul-value',
          field: path,
          entries: set(entries, 'event_data', data),
        }
      }),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat(), fc.boolean(), fc.constantFrom(...LONE_SURROGATES))
        .map(([pick, inKey, s]) => (draft, entries) => {
          const { data, path } = inKey
            ? addToData(
                entryValue(entries, 'event_data')!,
                pick,
                `k${s}`,
                str('v'),
                draft.tags.includes('typed'),
                true,
              )
            : addToData(
                entryValue(entries, 'event_data')!,
                pick,
                'k',
                str(`v${s}`),
                draft.tags.includes('typed'),
              )
          return {
            cls: inKey ? 'data.lone-surrogate-key' : 'data.lone-surrogate-value',
            field: path,
            entries: set(entries, 'event_data', data),
          }
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<Raw>({ t: 'arr', items: [] }, str('{}'), { t: 'null' }, num('1'), {
          t: 'bool',
          value: true,
        })
        .map((v) => (_draft, entries) => ({
          cls: 'data.not-object',
          field: 'event_data',
          entries: set(entries, 'event_data', v),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 11, max: 60 }).map((depth) => (_draft, entries) => ({
        cls: 'data.too-deep',
        field: 'event_data',
        entries: set(entries, 'event_data', nestedData(depth)),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('x', '\u00E9', '\u{1F600}').map((ch) => (_draft, entries) => ({
        cls: 'data.too-big',
        field: 'event_data',
        // Over 256 KiB serialized whatever the character's width.
        entries: set(
          entries,
          'event_data',
          obj([['blob', str(ch.repeat(Math.ceil(262_145 / Buffer.byteLength(ch))))]]),
        ),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom<[string, Array<[string, Raw]>, string]>(
          ['notification.message.sent', [['notification_id', str('n-1')]], 'event_data.channel'],
          [
            'workflowexecution.workflow.started',
            [
              ['event_type', str('workflowexecution.workflow.started')],
              ['workflow_id', str('w')],
              ['workflow_version', str('v1')],
              ['target_resource', str('ns/deployment/api')],
              ['phase', str('Sleeping')],
              ['container_image', str('img:1')],
              ['execution_name', str('e')],
            ],
            'event_data.phase',
          ],
          [
            'gateway.signal.received',
            [
              ['event_type', str('gateway.signal.received')],
              ['signal_type', str('alert')],
              ['namespace', str('ns')],
              ['fingerprint', str('f')],
            ],
            'event_data.signal_name',
          ],
          [
            'signalprocessing.classification.decision',
            [
              ['event_type', str('signalprocessing.classification.decision')],
              ['phase', str('Classifying')],
              ['signal', str('s')],
              ['priority', str('P9')],
            ],
            'event_data.priority',
          ],
          [
            // The seed's duration is a Go duration string ("2m30s"), not milliseconds.
            'workflowexecution.workflow.completed',
            [
              ['event_type', str('workflowexecution.workflow.completed')],
              ['workflow_id', str('w')],
              ['workflow_version', str('v1')],
              ['target_resource', str('ns/deployment/api')],
              ['phase', str('Completed')],
              ['container_image', str('img:1')],
              ['execution_name', str('e')],
              ['duration', num('150000')],
            ],
            'event_data.duration',
          ],
        )
        .map(([type, data, field]) => (_draft, entries) => ({
          cls: 'data.typed-schema',
          field,
          entries: set(set(entries, 'event_type', str(type)), 'event_data', obj(data)),
        })),
    },
  ]

  return fc.oneof(...makers)
}
