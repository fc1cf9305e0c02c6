import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import {
  type EventDraft,
  entriesWithId,
  type GenContext,
  type GeneratedTimestamp,
  validEvent,
  writeUuid,
} from './generators.js'
import { type Mutation, mutation } from './mutations.js'
import { type HostileQuery, hostileQuery } from './queries.js'
import { obj, type Raw, str, writeRaw } from './raw-json.js'
import { EARLIEST_MICROS, microsOfMs, partsAt, writeTimestamp } from './timestamps.js'
import { bearer, type HostileScope, type HostileToken, type HostileTokens, TOKEN_ALPHABET } from './tokens.js'

/**
 * The requests of a hostile-input run, generated from one seed: shapes drawn by fast-check, then
 * materialized with event ids derived from the seed (so ids never collide, whatever the bias of the
 * generators) into bytes to send and the answer each must get.
 */

export const EVENTS = '/api/v1/audit/events'
export const BATCH = '/api/v1/audit/events/batch'

/** How a body is sent. */
export interface Transport {
  contentType: string
  /** Whitespace between tokens: none, or random runs of space/TAB/LF/CR drawn from this seed. */
  ws: number | undefined
  gzip: boolean
}

/** What a request's answer must be. */
export interface Expectation {
  /** Allowed statuses. */
  status: number[]
  /** Allowed problem types (suffixes) for a 4xx answer. */
  types?: string[]
  /** Fields the problem's `errors` must name (with `index` in a batch). */
  fields?: Array<{ field: string; index?: number }>
  /** For a batch refused for invalid events: exactly the indexes the `errors` must name. */
  indexes?: number[]
  /** For a 201 batch: the counts of the answer. */
  created?: number
  duplicates?: number
  /** For a 201 single event: the answer's `duplicate`. */
  duplicate?: boolean
  /** The answer of a query: a page. */
  page?: boolean
  /** Text the problem's `detail` must contain (a 403 names the scope it lacks). */
  detailIncludes?: string
}

/** A valid event sent: if its request succeeds, exactly one row with these fields must exist. */
export interface SentEvent {
  entries: Array<[string, Raw]>
  /** The id sent, lower case; undefined when the service assigns it. */
  id: string | undefined
  /** Position in the batch (0 for a single event). */
  index: number
  /** Duplicate of an event sent earlier (no new row; the earlier one's fields stay). */
  duplicateOf?: string
}

/** A request of the plan, ready to send. */
export interface PlannedRequest {
  /** The class it is counted in. */
  cls: string
  /** The class and what is special about its events: a request is pending when any label is. */
  labels: string[]
  method: string
  path: string
  headers: Record<string, string>
  body?: Uint8Array
  /** Raw bytes written to a TCP socket instead of an HTTP client request. */
  raw?: RawRequest
  expect: Expectation
  /** Valid events it carries (stored when it is answered 201). */
  events: SentEvent[]
  /** Ids of invalid events it carries: never stored. */
  refusedIds: string[]
}

/** A request the HTTP clients cannot send, written byte for byte. */
export interface RawRequest {
  /** Chunks written one after the other. */
  chunks: Uint8Array[]
  /** The server must close the connection after answering. */
  closes?: boolean
  /** Answers expected on the connection (pipelined requests). */
  answers?: number
}

// ---------------------------------------------------------------------------------------------
// Shapes drawn by fast-check

type Shape =
  | { kind: 'single-valid'; draft: EventDraft; transport: Transport }
  | { kind: 'single-invalid'; draft: EventDraft; mutation: Mutation; transport: Transport }
  | { kind: 'batch-valid'; drafts: EventDraft[]; transport: Transport; innerDuplicate?: InnerDuplicate }
  | { kind: 'batch-invalid'; drafts: EventDraft[]; invalid: Array<[number, Mutation]>; transport: Transport }
  | { kind: 'batch-odd'; variant: BatchOdd; drafts: EventDraft[]; at: number }
  | { kind: 'body'; variant: BodyVariant; draft: EventDraft; at: number }
  | { kind: 'media'; contentType: string | undefined; draft: EventDraft }
  | { kind: 'query'; query: HostileQuery }
  | { kind: 'raw'; variant: RawVariant; draft: EventDraft }
  | AuthShape

interface InnerDuplicate {
  from: number
  to: number
  /** The second copy's timestamp: the same, another on the same UTC day, or on another day. */
  when: 'same' | 'same-day' | 'other-day'
  r: number
}

const BATCH_ODD = ['not-object-item', 'not-array', 'empty', 'too-many'] as const
type BatchOdd = (typeof BATCH_ODD)[number]

const BODY_VARIANTS = [
  'truncated',
  'trailing-comma',
  'single-quotes',
  'nan',
  'leading-zero',
  'plus-sign',
  'bare-fraction',
  'hex',
  'comment',
  'raw-control-char',
  'bad-escape',
  'trailing-garbage',
  'two-values',
  'invalid-utf8',
  'overlong-nul',
  'cesu-surrogate',
  'truncated-utf8',
  'empty',
  'whitespace-only',
  'not-an-object',
  'deep-nesting',
  'duplicate-key-proto',
] as const
type BodyVariant = (typeof BODY_VARIANTS)[number]

export const RAW_VARIANTS = [
  'bad-host',
  'missing-host',
  'backslash-path',
  'options-star',
  'bad-content-length',
  'two-content-lengths',
  'content-length-and-chunked',
  'bad-transfer-encoding',
  'huge-headers',
  'expect-bogus',
  'chunked-over-limit-then-keep-alive',
  'gzip-valid',
  'gzip-plain-body',
  'brotli',
  'gzip-bomb',
  'lowercase-method',
  'garbage-request-line',
  'pipelined',
  'http10-no-host',
  'absolute-form',
] as const
export type RawVariant = (typeof RAW_VARIANTS)[number]

const transportArb: fc.Arbitrary<Transport> = fc.record({
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON; charset="UTF-8"',
    'application/json;charset=UTF-8',
  ),
  ws: fc.option(fc.integer({ min: 1, max: 0x7fffffff }), { freq: 4, nil: undefined }),
  gzip: fc.constant(false),
})

/** Transport with gzip (pending until the service reads gzip request bodies). */
const gzipTransport: fc.Arbitrary<Transport> = transportArb.map((t) => ({ ...t, gzip: true }))

/** The arbitrary of one request's shape. */
function shapeArb(ctx: GenContext): fc.Arbitrary<Shape> {
  const event = validEvent(ctx)
  const mutate = mutation(ctx)
  const drafts = (max: number) => fc.array(event, { minLength: 1, maxLength: max })
  return fc.oneof(
    {
      weight: 20,
      arbitrary: fc.record({
        kind: fc.constant('single-valid' as const),
        draft: event,
        transport: transportArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('single-valid' as const),
        draft: event,
        transport: gzipTransport,
      }),
    },
    {
      weight: 26,
      arbitrary: fc.record({
        kind: fc.constant('single-invalid' as const),
        draft: event,
        mutation: mutate,
        transport: transportArb,
      }),
    },
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant('batch-valid' as const),
        drafts: drafts(12),
        transport: transportArb,
      }),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({
          drafts: drafts(8).filter((d) => d.length >= 2),
          transport: transportArb,
          a: fc.nat(),
          b: fc.nat(),
          when: fc.constantFrom('same' as const, 'same-day' as const, 'other-day' as const),
          r: fc.nat(),
        })
        .map(({ drafts, transport, a, b, when, r }) => {
          const from = a % (drafts.length - 1)
          const to = from + 1 + (b % (drafts.length - from - 1))
          return { kind: 'batch-valid' as const, drafts, transport, innerDuplicate: { from, to, when, r } }
        }),
    },
    {
      weight: 10,
      arbitrary: fc
        .record({
          drafts: drafts(8),
          transport: transportArb,
          picks: fc.array(fc.tuple(fc.nat(), mutate), { minLength: 1, maxLength: 3 }),
        })
        .map(({ drafts, transport, picks }) => {
          const invalid = new Map<number, Mutation>()
          for (const [at, m] of picks) invalid.set(at % drafts.length, m)
          return { kind: 'batch-invalid' as const, drafts, transport, invalid: [...invalid] }
        }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('batch-odd' as const),
        variant: fc.constantFrom(...BATCH_ODD),
        drafts: drafts(5),
        at: fc.nat(),
      }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('body' as const),
        variant: fc.constantFrom(...BODY_VARIANTS),
        draft: event,
        at: fc.nat(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('media' as const),
        contentType: fc.constantFrom(
          undefined,
          'text/plain',
          'application/json; charset=latin1',
          'application/jsonx',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
          '*/*',
        ),
        draft: event,
      }),
    },
    { weight: 17, arbitrary: fc.record({ kind: fc.constant('query' as const), query: hostileQuery(ctx) }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        variant: fc.constantFrom(...RAW_VARIANTS),
        draft: event,
      }),
    },
    { weight: 12, arbitrary: authShapeArb(ctx) },
  )
}

// ---------------------------------------------------------------------------------------------
// Materialization

/** Whitespace runs from a seed: mostly none, sometimes a few of space/TAB/LF/CR. */
function whitespace(seed: number | undefined): (() => string) | undefined {
  if (seed === undefined) return undefined
  let s = seed >>> 0 || 1
  const next = () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return s >>> 0
  }
  return () => {
    const r = next()
    if (r % 3 !== 0) return ''
    let out = ''
    for (let n = 1 + (r % 4); n > 0; n--) out += ' \t\n\r'[next() % 4]
    return out
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text)

const eventText = (entries: Array<[string, Raw]>, ws?: () => string) =>
  writeRaw({ t: 'obj', entries }, ws ? { ws } : {})

/** Context of materializing one plan: the seed's id stream. */
export class IdSource {
  private next = 0
  constructor(private readonly seed: string) {}
  /** 32 lower-case hex digits, unique per call within a seed. */
  hex(): string {
    return createHash('sha256')
      .update(`${this.seed}:${this.next++}`)
      .digest('hex')
      .slice(0, 32)
  }
}

/** The lower-case UUID `8-4-4-4-12` of 32 hex digits: how PostgreSQL stores and returns it. */
export const uuidOf = (hex32: string): string => writeUuid(hex32, { style: 'lower' })

/** The id of an event as stored (lower case, dashed), or undefined. */
const storedId = (hex32: string | undefined) => (hex32 === undefined ? undefined : uuidOf(hex32))

const MICROS_PER_DAY = 86_400_000_000n

/** A timestamp on the same UTC day as `ts` (another instant of it, not after `nowMs`), in UTC. */
export function sameDayTimestamp(ts: GeneratedTimestamp, r: number, nowMs: number): string {
  const dayStart = ts.micros - (((ts.micros % MICROS_PER_DAY) + MICROS_PER_DAY) % MICROS_PER_DAY)
  const now = microsOfMs(nowMs)
  const span = now - dayStart < MICROS_PER_DAY ? now - dayStart : MICROS_PER_DAY
  let micros = dayStart + ((BigInt(r) * 1_000_003n) % (span > 0n ? span : 1n))
  if (micros === ts.micros) micros = micros === dayStart ? dayStart + 1n : dayStart
  const p = partsAt(micros, 'Z', String(((micros % 1_000_000n) + 1_000_000n) % 1_000_000n).padStart(6, '0'))
  return writeTimestamp(p)
}

/** A timestamp 1–3 UTC days from `ts` (back, or forward when it cannot go back), never in the future. */
export function otherDayTimestamp(ts: GeneratedTimestamp, r: number, nowMs: number): string {
  const days = BigInt(1 + (r % 3))
  let micros = ts.micros - days * MICROS_PER_DAY
  if (micros < EARLIEST_MICROS) micros = ts.micros + days * MICROS_PER_DAY
  if (micros > microsOfMs(nowMs)) micros = ts.micros - days * MICROS_PER_DAY
  return writeTimestamp(partsAt(micros, ts.parts.offset, ts.parts.fraction.slice(0, 6), ts.parts.separator))
}

const setEntry = (entries: Array<[string, Raw]>, name: string, value: Raw) =>
  entries.map(([k, v]): [string, Raw] => (k === name ? [k, value] : [k, v]))

function encode(text: string, transport: Transport): { body: Uint8Array; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'content-type': transport.contentType }
  if (!transport.gzip) return { body: utf8(text), headers }
  return { body: gzipSync(utf8(text)), headers: { ...headers, 'content-encoding': 'gzip' } }
}

const labelsOf = (cls: string, drafts: readonly EventDraft[], extra: string[] = []) => [
  ...new Set([cls, ...extra, ...drafts.flatMap((d) => d.tags)]),
]

/** Options of {@link materialize}. */
export interface MaterializeOptions {
  ids: IdSource
  ctx: GenContext
  /** The service's port (raw requests write a Host header). */
  port: number
  /** The run's tokens: requests to /api/v1 carry the route's own, auth cases a bad one. */
  tokens: HostileTokens
}

/** Turns a shape into the request to send and the answer it must get. */
function materialize(shape: Shape, options: MaterializeOptions): PlannedRequest {
  const { ids, ctx, port, tokens } = options
  switch (shape.kind) {
    case 'single-valid': {
      const id = shape.draft.id ? ids.hex() : undefined
      const entries = entriesWithId(shape.draft, id)
      const { body, headers } = encode(eventText(entries, whitespace(shape.transport.ws)), shape.transport)
      const cls = shape.transport.gzip ? 'valid.single-gzip' : 'valid.single'
      return {
        cls,
        labels: labelsOf(cls, [shape.draft]),
        method: 'POST',
        path: EVENTS,
        headers,
        body,
        expect: { status: [201], duplicate: false },
        events: [{ entries, id: storedId(id), index: 0 }],
        refusedIds: [],
      }
    }
    case 'single-invalid': {
      const id = ids.hex()
      const draft: EventDraft = {
        ...shape.draft,
        id: shape.draft.id ?? { casing: { style: 'lower' }, position: 0 },
      }
      const m = shape.mutation(draft, entriesWithId(draft, id))
      const { body, headers } = encode(eventText(m.entries, whitespace(shape.transport.ws)), shape.transport)
      const cls = `invalid.${m.cls}`
      return {
        cls,
        labels: [cls],
        method: 'POST',
        path: EVENTS,
        headers,
        body,
        expect: { status: [400], types: ['validation-error'], fields: [{ field: m.field }] },
        events: [],
        refusedIds: [uuidOf(id)],
      }
    }
    case 'batch-valid': {
      const dup = shape.innerDuplicate
      const events: SentEvent[] = []
      let texts: string[] = []
      const ws = whitespace(shape.transport.ws)
      const extra: string[] = []
      shape.drafts.forEach((draft, index) => {
        const forceId = dup && (index === dup.from || index === dup.to)
        let id = draft.id || forceId ? ids.hex() : undefined
        let entries = entriesWithId(
          forceId && !draft.id ? { ...draft, id: { casing: { style: 'lower' }, position: 0 } } : draft,
          id,
        )
        let duplicateOf: string | undefined
        if (dup && index === dup.to) {
          duplicateOf = events[dup.from]!.id!
          id = undefined
          // The same id, in upper case half the time: the same UUID.
          entries = setEntry(entries, 'event_id', str(dup.r % 2 ? duplicateOf.toUpperCase() : duplicateOf))
          const original = shape.drafts[dup.from]!.timestamp
          const when =
            dup.when === 'same'
              ? original.text
              : dup.when === 'same-day'
                ? sameDayTimestamp(original, dup.r, ctx.nowMs)
                : otherDayTimestamp(original, dup.r, ctx.nowMs)
          entries = setEntry(entries, 'event_timestamp', str(when))
          extra.push(`dup.in-batch-${dup.when}`)
        }
        events.push({
          entries,
          id: duplicateOf ?? storedId(id),
          index,
          ...(duplicateOf ? { duplicateOf } : {}),
        })
        texts.push(eventText(entries, ws))
      })
      texts = [`[${texts.join(`${ws?.() ?? ''},${ws?.() ?? ''}`)}]`]
      const { body, headers } = encode(texts[0]!, shape.transport)
      const cls = dup ? `dup.in-batch-${dup.when}` : 'valid.batch'
      return {
        cls,
        labels: labelsOf(cls, shape.drafts, extra),
        method: 'POST',
        path: BATCH,
        headers,
        body,
        expect: { status: [201], created: events.length - (dup ? 1 : 0), duplicates: dup ? 1 : 0 },
        events,
        refusedIds: [],
      }
    }
    case 'batch-invalid': {
      const invalid = new Map(shape.invalid)
      const ws = whitespace(shape.transport.ws)
      const fields: Array<{ field: string; index: number }> = []
      const refusedIds: string[] = []
      const classes: string[] = []
      const texts = shape.drafts.map((draft, index) => {
        const m = invalid.get(index)
        const id = m || draft.id ? ids.hex() : undefined
        if (id) refusedIds.push(uuidOf(id))
        let entries = entriesWithId(
          m && !draft.id ? { ...draft, id: { casing: { style: 'lower' }, position: 0 } } : draft,
          id,
        )
        if (m) {
          const mutated = m(draft, entries)
          entries = mutated.entries
          fields.push({ field: mutated.field, index })
          classes.push(`invalid.${mutated.cls}`)
        }
        return eventText(entries, ws)
      })
      const { body, headers } = encode(`[${texts.join(',')}]`, shape.transport)
      return {
        cls: 'invalid.batch-with-invalid-events',
        labels: ['invalid.batch-with-invalid-events', ...new Set(classes)],
        method: 'POST',
        path: BATCH,
        headers,
        body,
        expect: {
          status: [400],
          types: ['validation-error'],
          fields,
          indexes: [...invalid.keys()].sort((a, b) => a - b),
        },
        events: [],
        refusedIds,
      }
    }
    case 'batch-odd':
      return batchOdd(shape, ids)
    case 'body':
      return bodyVariant(shape, ids)
    case 'media': {
      const id = ids.hex()
      const entries = entriesWithId({ ...shape.draft, id: { casing: { style: 'lower' }, position: 0 } }, id)
      return {
        cls: 'invalid.media-type',
        labels: ['invalid.media-type'],
        method: 'POST',
        path: EVENTS,
        headers: shape.contentType === undefined ? {} : { 'content-type': shape.contentType },
        body: utf8(eventText(entries)),
        expect: { status: [415], types: ['unsupported-media-type'] },
        events: [],
        refusedIds: [uuidOf(id)],
      }
    }
    case 'query':
      return {
        cls: `query.${shape.query.cls}`,
        labels: [`query.${shape.query.cls}`],
        method: 'GET',
        path: shape.query.path,
        headers: {},
        expect: shape.query.expect,
        events: [],
        refusedIds: [],
      }
    case 'raw':
      return rawRequest(shape.variant, shape.draft, ids, port, tokens)
    case 'auth':
      return authRequest(shape, options, tokens)
  }
}

function batchOdd(shape: Extract<Shape, { kind: 'batch-odd' }>, ids: IdSource): PlannedRequest {
  const withIds = shape.drafts.map((d) => {
    const id = ids.hex()
    return {
      id,
      text: eventText(entriesWithId({ ...d, id: { casing: { style: 'lower' }, position: 0 } }, id)),
    }
  })
  const cls = `invalid.batch-${shape.variant}`
  const base = {
    cls,
    labels: [cls],
    method: 'POST',
    path: BATCH,
    headers: { 'content-type': 'application/json' },
    events: [],
    refusedIds: withIds.map((w) => uuidOf(w.id)),
  }
  switch (shape.variant) {
    case 'not-object-item': {
      const items = withIds.map((w) => w.text)
      const at = shape.at % (items.length + 1)
      items.splice(at, 0, ['null', '42', '"event"', '[]', 'true'][shape.at % 5]!)
      return {
        ...base,
        body: utf8(`[${items.join(',')}]`),
        expect: {
          status: [400],
          types: ['validation-error'],
          fields: [{ field: '(root)', index: at }],
          indexes: [at],
        },
      }
    }
    case 'not-array':
      return {
        ...base,
        body: utf8(withIds[0]!.text),
        expect: { status: [400], types: ['validation-error'], fields: [{ field: '(root)' }] },
      }
    case 'empty':
      return {
        ...base,
        body: utf8('[]'),
        expect: { status: [400], types: ['validation-error'], fields: [{ field: '(root)' }] },
      }
    case 'too-many':
      return {
        ...base,
        body: utf8(`[${Array.from({ length: 5001 }, () => '{}').join(',')}]`),
        expect: { status: [413], types: ['batch-too-large'] },
      }
  }
}

/** Bodies that are not a JSON event: each knows the problem it must get. */
function bodyVariant(shape: Extract<Shape, { kind: 'body' }>, ids: IdSource): PlannedRequest {
  const id = ids.hex()
  const entries = entriesWithId({ ...shape.draft, id: { casing: { style: 'lower' }, position: 0 } }, id)
  const text = eventText(entries)
  const malformed = { status: [400], types: ['malformed-json'] }
  const inString = (piece: string) => text.replace('"1.0"', `"1.0${piece}"`)
  let body: Uint8Array
  let expect: Expectation = malformed
  switch (shape.variant) {
    case 'truncated': {
      // Any proper prefix of an object's text is not JSON.
      const cut = 1 + (shape.at % (text.length - 1))
      body = utf8(text.slice(0, cut))
      break
    }
    case 'trailing-comma':
      body = utf8(`${text.slice(0, -1)},}`)
      break
    case 'single-quotes':
      body = utf8(text.replace('"version"', "'version'"))
      break
    case 'nan':
      body = utf8(
        `${text.slice(0, -1)},"event_data":{"x":${['NaN', 'Infinity', '-Infinity', 'undefined'][shape.at % 4]}}}`,
      )
      break
    case 'leading-zero':
      body = utf8(`${text.slice(0, -1)},"duration_ms":0${1 + (shape.at % 9)}}`)
      break
    case 'plus-sign':
      body = utf8(`${text.slice(0, -1)},"duration_ms":+1}`)
      break
    case 'bare-fraction':
      body = utf8(
        `${text.slice(0, -1)},"duration_ms":${['.5', '1.', '1.e3', '-.5', '1e', '1e+'][shape.at % 6]}}`,
      )
      break
    case 'hex':
      body = utf8(`${text.slice(0, -1)},"duration_ms":0x10}`)
      break
    case 'comment':
      body = utf8(`/* c */${text}`)
      break
    case 'raw-control-char':
      body = utf8(inString(String.fromCharCode(shape.at % 32)))
      break
    case 'bad-escape':
      body = utf8(inString(['\\x41', '\\u12', '\\U0041', '\\a', "\\'"][shape.at % 5]!))
      break
    case 'trailing-garbage':
      body = utf8(`${text}${['x', ']', '}', 'null', '\u0000'][shape.at % 5]}`)
      break
    case 'two-values':
      body = utf8(`${text} ${text}`)
      break
    case 'invalid-utf8':
      body = bytesInString(text, [0xff])
      break
    case 'overlong-nul':
      body = bytesInString(text, [0xc0, 0x80])
      break
    case 'cesu-surrogate':
      body = bytesInString(text, [0xed, 0xa0, 0x80])
      break
    case 'truncated-utf8':
      body = bytesInString(text, [0xe2, 0x82])
      break
    case 'empty':
      body = new Uint8Array(0)
      break
    case 'whitespace-only':
      body = utf8(' \n\t\r ')
      break
    case 'not-an-object':
      body = utf8(['null', '42', '"event"', 'true', `[${text}]`][shape.at % 5]!)
      expect = { status: [400], types: ['validation-error'], fields: [{ field: '(root)' }] }
      break
    case 'deep-nesting': {
      const depth = 10_000 + (shape.at % 90_000)
      const marker = '\u0001DEEP\u0001'
      const deep = eventText(
        entries.map(([k, v]): [string, Raw] =>
          k === 'event_data' ? [k, obj([['deep', str(marker)]])] : [k, v],
        ),
      )
      body = utf8(deep.replace(JSON.stringify(marker), `${'['.repeat(depth)}${']'.repeat(depth)}`))
      // Valid JSON nested far deeper than event_data allows: refused as too deep (or as unparseable).
      expect = { status: [400], types: ['validation-error', 'malformed-json'] }
      break
    }
    case 'duplicate-key-proto':
      body = utf8(`{"__proto__":{"version":"1.0"},${text.slice(1)}`)
      expect = { status: [400], types: ['validation-error'], fields: [{ field: '__proto__' }] }
      break
  }
  const cls = `invalid.body-${shape.variant}`
  return {
    cls,
    labels: shape.variant === 'duplicate-key-proto' ? [cls, 'invalid.key.prototype-name'] : [cls],
    method: 'POST',
    path: EVENTS,
    headers: { 'content-type': 'application/json' },
    body,
    expect,
    events: [],
    refusedIds: [uuidOf(id)],
  }
}

/** The text's bytes with `bytes` inserted inside its first string value ("1.0"). */
function bytesInString(text: string, bytes: number[]): Uint8Array {
  const at = text.indexOf('"1.0"') + 2
  const head = utf8(text.slice(0, at))
  const tail = utf8(text.slice(at))
  return Buffer.concat([head, Buffer.from(bytes), tail])
}

/** Raw HTTP requests: the server's edges before the app. */
function rawRequest(
  variant: RawVariant,
  draft: EventDraft,
  ids: IdSource,
  port: number,
  tokens: HostileTokens,
): PlannedRequest {
  const host = `127.0.0.1:${port}`
  const id = ids.hex()
  const entries = entriesWithId({ ...draft, id: { casing: { style: 'lower' }, position: 0 } }, id)
  const json = utf8(eventText(entries))
  const cls = `raw.${variant}`
  const problem = (status: number[], types?: string[]): Expectation => ({
    status,
    ...(types ? { types } : {}),
  })
  // A request to /api/v1 carries the route's token, so that what is tested is the HTTP edge, not auth.
  const withAuth = (lines: string[]) => {
    const [method = '', target = ''] = lines[0]!.split(' ')
    if (!target.includes('/api/v1')) return lines
    const token = method.toUpperCase() === 'POST' ? tokens.writer : tokens.reader
    return [...lines, `Authorization: ${bearer(token)}`]
  }
  const head = (lines: string[]) => utf8(`${withAuth(lines).join('\r\n')}\r\n\r\n`)
  const post = (extra: string[], body: Uint8Array) =>
    Buffer.concat([
      head([`POST ${EVENTS} HTTP/1.1`, `Host: ${host}`, 'Content-Type: application/json', ...extra]),
      body,
    ])
  let chunks: Uint8Array[]
  let expect: Expectation
  let events: SentEvent[] = []
  let closes: boolean | undefined
  let answers: number | undefined
  switch (variant) {
    case 'bad-host':
      chunks = [head([`GET ${EVENTS} HTTP/1.1`, 'Host: exa mple.com:x'])]
      expect = problem([400])
      break
    case 'missing-host':
      chunks = [head([`GET ${EVENTS} HTTP/1.1`])]
      expect = problem([400])
      break
    case 'backslash-path':
      chunks = [head(['GET /api\\v1\\audit\\events HTTP/1.1', `Host: ${host}`])]
      expect = problem([400, 404])
      break
    case 'options-star':
      chunks = [head(['OPTIONS * HTTP/1.1', `Host: ${host}`])]
      expect = problem([400, 404, 405, 501])
      break
    case 'bad-content-length':
      chunks = [post(['Content-Length: 12x'], json)]
      expect = problem([400])
      break
    case 'two-content-lengths':
      chunks = [post([`Content-Length: ${json.length}`, `Content-Length: ${json.length + 1}`], json)]
      expect = problem([400])
      break
    case 'content-length-and-chunked':
      chunks = [post([`Content-Length: ${json.length}`, 'Transfer-Encoding: chunked'], chunked(json))]
      expect = problem([400])
      break
    case 'bad-transfer-encoding':
      chunks = [post(['Transfer-Encoding: gzip, identity'], json)]
      expect = problem([400, 501])
      break
    case 'huge-headers':
      chunks = [head([`GET /healthz HTTP/1.1`, `Host: ${host}`, `X-Big: ${'a'.repeat(17 * 1024)}`])]
      expect = problem([431])
      break
    case 'expect-bogus':
      chunks = [post([`Content-Length: ${json.length}`, 'Expect: bogus'], json)]
      expect = problem([417])
      break
    case 'chunked-over-limit-then-keep-alive': {
      const mib = new Uint8Array(1024 * 1024).fill(0x20)
      chunks = [
        head([
          `POST ${EVENTS} HTTP/1.1`,
          `Host: ${host}`,
          'Content-Type: application/json',
          'Transfer-Encoding: chunked',
          'Connection: keep-alive',
        ]),
      ]
      for (let i = 0; i < 6; i++) chunks.push(chunkOf(mib))
      chunks.push(utf8('0\r\n\r\n'))
      expect = problem([413], ['payload-too-large'])
      closes = true
      break
    }
    case 'gzip-valid': {
      const gz = gzipSync(json)
      chunks = [post([`Content-Length: ${gz.length}`, 'Content-Encoding: gzip'], gz)]
      expect = { status: [201], duplicate: false }
      events = [{ entries, id: uuidOf(id), index: 0 }]
      break
    }
    case 'gzip-plain-body':
      chunks = [post([`Content-Length: ${json.length}`, 'Content-Encoding: gzip'], json)]
      expect = problem([400])
      break
    case 'brotli':
      chunks = [post([`Content-Length: ${json.length}`, 'Content-Encoding: br'], json)]
      expect = problem([415], ['unsupported-content-encoding', 'unsupported-media-type'])
      break
    case 'gzip-bomb': {
      const bomb = gzipSync(Buffer.alloc(6 * 1024 * 1024, 0x20))
      chunks = [post([`Content-Length: ${bomb.length}`, 'Content-Encoding: gzip'], bomb)]
      expect = problem([413], ['payload-too-large'])
      break
    }
    case 'lowercase-method':
      chunks = [head([`get ${EVENTS} HTTP/1.1`, `Host: ${host}`])]
      expect = problem([400, 501])
      break
    case 'garbage-request-line':
      chunks = [Buffer.from([0x00, 0x01, 0x47, 0x45, 0x54, 0x20, 0xff, 0x0d, 0x0a, 0x0d, 0x0a])]
      expect = problem([400])
      break
    case 'pipelined':
      chunks = [
        Buffer.concat([
          head([`GET /healthz HTTP/1.1`, `Host: ${host}`]),
          post([`Content-Length: ${json.length}`], json),
        ]),
      ]
      // The first answer must be 200 (checked by the runner), the second this one.
      expect = { status: [201], duplicate: false }
      events = [{ entries, id: uuidOf(id), index: 0 }]
      answers = 2
      break
    case 'http10-no-host':
      // HTTP/1.0 does not require Host: answered, or refused with a problem.
      chunks = [head(['GET /healthz HTTP/1.0'])]
      expect = { status: [200, 400] }
      break
    case 'absolute-form':
      chunks = [head([`GET http://${host}/healthz HTTP/1.1`, `Host: ${host}`])]
      expect = { status: [200, 400] }
      break
  }
  return {
    cls,
    labels: events.length > 0 ? labelsOf(cls, [draft]) : [cls],
    method: 'RAW',
    path: variant,
    headers: {},
    raw: { chunks, ...(closes ? { closes } : {}), ...(answers ? { answers } : {}) },
    expect,
    events,
    refusedIds: events.length > 0 ? [] : [uuidOf(id)],
  }
}

const chunkOf = (data: Uint8Array) =>
  Buffer.concat([utf8(`${data.length.toString(16)}\r\n`), data, utf8('\r\n')])
const chunked = (data: Uint8Array) => Buffer.concat([chunkOf(data), utf8('0\r\n\r\n')])

/** Options of {@link generatePlan}. */
export interface PlanOptions {
  seed: number
  requests: number
  ctx: GenContext
  port: number
  /** Seed of the event ids (default: the seed). */
  idSeed?: string
  tokens: HostileTokens
}

/** The requests of phase 1, in order. */
export function generatePlan({ seed, requests, ctx, port, idSeed, tokens }: PlanOptions): PlannedRequest[] {
  const shapes = fc.sample(shapeArb(ctx), { seed, numRuns: requests })
  const ids = new IdSource(`hostile:${idSeed ?? seed}`)
  // The auth cases set their own Authorization; every other request carries its route's token.
  return shapes.map((shape) =>
    shape.kind === 'auth'
      ? materialize(shape, { ids, ctx, port, tokens })
      : authorize(materialize(shape, { ids, ctx, port, tokens }), tokens),
  )
}

// ---------------------------------------------------------------------------------------------
// Access control: bad tokens against a service in tokens mode

/** Spellings of a refused `Authorization` (fetch sends them): each answered 401, the same problem every time. */
const AUTH_UNAUTHORIZED = [
  'missing',
  'wrong-scheme',
  'bearer-empty',
  'two-tokens',
  'long-token',
  'latin1-token',
  'unknown',
  'tampered',
] as const
/** Header bytes fetch would not send, written on a raw socket. */
const AUTH_RAW = ['raw-control-char', 'raw-utf8-token', 'raw-two-headers'] as const
type AuthVariant =
  | (typeof AUTH_UNAUTHORIZED)[number]
  | (typeof AUTH_RAW)[number]
  | 'wrong-scope'
  | 'scheme-spelling'

/** The request a token is sent with: one of the ordinary shapes, a read by id, or a path no route serves. */
type AuthTarget =
  | Extract<Shape, { kind: 'single-valid' | 'batch-valid' | 'single-invalid' | 'query' }>
  | { kind: 'by-id' }
  | { kind: 'unrouted'; method: string; path: string }

interface AuthShape {
  kind: 'auth'
  variant: AuthVariant
  target: AuthTarget
  r: number
  at: number
}

/** Paths under /api/v1 no route (or not this method) serves: refused 401 before any 404 or 405. */
const UNROUTED = ['/api/v1', '/api/v1/', '/api/v1/audit', '/api/v1/nope', '/api/v1/audit/events/a/b', EVENTS]

function authShapeArb(ctx: GenContext): fc.Arbitrary<AuthShape> {
  // Every event of an auth request has an id, so that the oracle can check a refused one is not stored.
  const event = validEvent(ctx).map(
    (d): EventDraft => ({ ...d, id: d.id ?? { casing: { style: 'lower' }, position: 0 } }),
  )
  const routed: fc.Arbitrary<AuthTarget> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('single-valid' as const),
        draft: event,
        transport: transportArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('batch-valid' as const),
        drafts: fc.array(event, { minLength: 1, maxLength: 6 }),
        transport: transportArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('single-invalid' as const),
        draft: event,
        mutation: mutation(ctx),
        transport: transportArb,
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('query' as const), query: hostileQuery(ctx) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'by-id' as const }) },
  )
  const unrouted: fc.Arbitrary<AuthTarget> = fc.record({
    kind: fc.constant('unrouted' as const),
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    path: fc.constantFrom(...UNROUTED),
  })
  const shape = (variants: readonly AuthVariant[], target: fc.Arbitrary<AuthTarget>) =>
    fc.record({
      kind: fc.constant('auth' as const),
      variant: fc.constantFrom(...variants),
      target,
      r: fc.nat(),
      at: fc.nat(),
    })
  return fc.oneof(
    { weight: 14, arbitrary: shape(AUTH_UNAUTHORIZED, fc.oneof({ weight: 6, arbitrary: routed }, unrouted)) },
    { weight: 5, arbitrary: shape(['wrong-scope'], routed) },
    { weight: 3, arbitrary: shape(['scheme-spelling'], routed) },
    {
      weight: 3,
      arbitrary: shape(
        AUTH_RAW,
        fc.record({ kind: fc.constant('single-valid' as const), draft: event, transport: transportArb }),
      ),
    },
  )
}

/** The token a request to `method` needs: the writer's for a POST, the reader's otherwise. */
const tokenFor = (method: string, tokens: HostileTokens): HostileToken =>
  method === 'POST' ? tokens.writer : tokens.reader

/** Sets the `Authorization` a request to /api/v1 needs (the route's own token); others are left as they are. */
export function authorize(req: PlannedRequest, tokens: HostileTokens): PlannedRequest {
  if (req.raw || !req.path.startsWith('/api/v1')) return req
  return { ...req, headers: { ...req.headers, authorization: bearer(tokenFor(req.method, tokens)) } }
}

/** A token with one character changed to another of the alphabet. */
function changeOne(token: string, at: number, r: number): string {
  const i = 3 + (at % (token.length - 3))
  const was = TOKEN_ALPHABET.indexOf(token[i]!)
  const now = TOKEN_ALPHABET[(was + 1 + (r % (TOKEN_ALPHABET.length - 1))) % TOKEN_ALPHABET.length]!
  return token.slice(0, i) + now + token.slice(i + 1)
}

/** A token the service never issued, derived from the seed: `at_` and 43 base64url characters. */
const unknownToken = (r: number) =>
  `at_${createHash('sha256').update(`hostile-unknown:${r}`).digest('base64url')}`

/** Turns an auth shape into its request: the target request with the `Authorization` under test. */
function authRequest(shape: AuthShape, options: MaterializeOptions, tokens: HostileTokens): PlannedRequest {
  const { ids } = options
  const { r, at, variant } = shape
  let target: AuthTarget = shape.target
  // A known token on a path no route serves is a 404/405, not an auth case: read by id instead.
  if (target.kind === 'unrouted' && !(AUTH_UNAUTHORIZED as readonly string[]).includes(variant))
    target = { kind: 'by-id' }
  let base: PlannedRequest
  if (target.kind === 'by-id') {
    base = {
      cls: 'query.get-by-id-absent',
      labels: [],
      method: 'GET',
      path: `${EVENTS}/${uuidOf(ids.hex())}`,
      headers: {},
      expect: { status: [404], types: ['not-found'] },
      events: [],
      refusedIds: [],
    }
  } else if (target.kind === 'unrouted') {
    const withBody = target.method !== 'GET'
    base = {
      cls: 'unrouted',
      labels: [],
      method: target.method,
      path: target.path,
      headers: withBody ? { 'content-type': 'application/json' } : {},
      ...(withBody ? { body: utf8('{}') } : {}),
      expect: { status: [404, 405] },
      events: [],
      refusedIds: [],
    }
  } else base = materialize(target, options)
  const right = tokenFor(base.method, tokens)
  const scope: HostileScope = base.method === 'POST' ? 'audit:write' : 'audit:read'
  const cls = `auth.${variant}`
  const labels = [...new Set([cls, `${cls}.${target.kind}`, ...base.labels.filter((l) => l !== base.cls)])]
  const headers = { ...base.headers }
  delete headers.authorization
  // Refused before the body is read: none of its events may be stored, valid or not.
  const refused = (expect: Expectation, authorization?: string): PlannedRequest => ({
    ...base,
    cls,
    labels,
    headers: authorization === undefined ? headers : { ...headers, authorization },
    expect,
    events: [],
    refusedIds: [...base.refusedIds, ...base.events.flatMap((e) => (e.id && !e.duplicateOf ? [e.id] : []))],
  })
  const unauthorized: Expectation = { status: [401], types: ['unauthorized'] }
  const t = right.token
  switch (variant) {
    case 'missing':
      return refused(unauthorized)
    case 'wrong-scheme': {
      const basic = Buffer.from(`${right.name}:${t}`).toString('base64')
      const values = [
        `Basic ${basic}`,
        `Token ${t}`,
        `Bearer:${t}`,
        `Bearer${t}`,
        t,
        `Bearer=${t}`,
        `Digest ${t}`,
      ]
      return refused(unauthorized, values[r % values.length])
    }
    case 'bearer-empty':
      return refused(unauthorized, ['Bearer', 'Bearer ', 'bearer', 'Bearer ""', 'Bearer \t'][r % 5])
    case 'two-tokens': {
      const other = [tokens.writer, tokens.reader, tokens.admin][at % 3]!.token
      const values = [
        `Bearer ${t} ${t}`,
        `Bearer ${t}, Bearer ${other}`,
        `Bearer ${t},${t}`,
        `Bearer ${other} ${t}`,
      ]
      return refused(unauthorized, values[r % values.length])
    }
    case 'long-token': {
      const n = 256 + (r % 12_000)
      return refused(unauthorized, `Bearer ${at % 2 ? t : 'at_'}${TOKEN_ALPHABET[at % 64]!.repeat(n)}`)
    }
    case 'latin1-token': {
      // Bytes 0x80–0xFF (fetch sends a Latin-1 string byte for byte): outside the token's characters.
      const i = 3 + (at % (t.length - 3))
      const ch = ['é', 'ÿ', '£', 'µ', '\u00a0', 'Ã'][r % 6]!
      return refused(unauthorized, `Bearer ${t.slice(0, i)}${ch}${t.slice(i + (r % 2))}`)
    }
    case 'unknown': {
      // A token never issued, the hash the file holds instead of the token, or the file's name of it.
      const values = [unknownToken(r), createHash('sha256').update(t).digest('hex'), right.name, 'at_']
      return refused(unauthorized, `Bearer ${values[at % values.length]}`)
    }
    case 'tampered': {
      // The route's own token, one character off: changed, its case flipped, cut short, one too many.
      const flipped = (() => {
        const i = 3 + (at % (t.length - 3))
        const c = t[i]!
        const f = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()
        return f === c ? changeOne(t, at, r) : t.slice(0, i) + f + t.slice(i + 1)
      })()
      const values = [
        changeOne(t, at, r),
        flipped,
        t.slice(0, -1),
        t.slice(1),
        `${t}${TOKEN_ALPHABET[r % 64]}`,
        `${TOKEN_ALPHABET[r % 64]}${t}`,
      ]
      return refused(unauthorized, `Bearer ${values[(r >>> 8) % values.length]}`)
    }
    case 'wrong-scope': {
      // A known token without the route's scope (the admin's holds neither): 403 naming the scope.
      const holder =
        base.method === 'POST' ? [tokens.reader, tokens.admin][r % 2]! : [tokens.writer, tokens.admin][r % 2]!
      return refused({ status: [403], types: ['forbidden'], detailIncludes: scope }, bearer(holder))
    }
    case 'scheme-spelling': {
      // The scheme is case-insensitive and may be followed by several spaces: accepted, the request
      // is then answered as it would be with `Bearer <token>` (stored, refused as invalid, a page…).
      const values = [`bearer ${t}`, `BEARER ${t}`, `bEaReR ${t}`, `Bearer    ${t}`, `Bearer ${t}  `]
      return { ...base, cls, labels, headers: { ...headers, authorization: values[r % values.length]! } }
    }
    case 'raw-control-char':
    case 'raw-utf8-token':
    case 'raw-two-headers':
      return rawAuthRequest(variant, base, right, tokens, { r, at, port: options.port, cls, labels }, refused)
  }
}

/** An auth case in bytes fetch refuses to send: control characters, UTF-8, the header twice. */
function rawAuthRequest(
  variant: 'raw-control-char' | 'raw-utf8-token' | 'raw-two-headers',
  base: PlannedRequest,
  right: HostileToken,
  tokens: HostileTokens,
  o: { r: number; at: number; port: number; cls: string; labels: string[] },
  refused: (expect: Expectation) => PlannedRequest,
): PlannedRequest {
  const t = right.token
  const i = 3 + (o.at % (t.length - 3))
  let auth: Uint8Array[]
  let expect: Expectation
  switch (variant) {
    case 'raw-control-char': {
      // TAB is allowed in a header value (the token is then not one): 401; any other control
      // character (CR and LF alone included) is refused by the HTTP parser before the app: 400.
      const ctrl = [...Array.from({ length: 32 }, (_, c) => c), 0x7f][o.r % 33]!
      auth = [utf8(`Authorization: Bearer ${t.slice(0, i)}`), Buffer.from([ctrl]), utf8(t.slice(i))]
      expect =
        ctrl === 0x09 ? { status: [401], types: ['unauthorized'] } : { status: [400], types: ['bad-request'] }
      break
    }
    case 'raw-utf8-token': {
      const ch = ['é', '€', '🔑', 'ｔ', '\u200b'][o.r % 5]!
      auth = [utf8(`Authorization: Bearer ${t.slice(0, i)}${ch}${t.slice(i + (o.r % 2))}`)]
      expect = { status: [401], types: ['unauthorized'] }
      break
    }
    case 'raw-two-headers': {
      // The header twice: never two answers to who is calling. Joined (`a, b`), it is no token: 401.
      const other = [tokens.writer, tokens.reader, tokens.admin][o.r % 3]!
      const second = [other.token, t, unknownToken(o.r)][o.at % 3]!
      auth = [utf8(`Authorization: Bearer ${t}\r\nAuthorization: Bearer ${second}`)]
      expect = { status: [401], types: ['unauthorized'] }
      break
    }
  }
  const body = base.body ?? new Uint8Array(0)
  const head = utf8(
    `POST ${base.path} HTTP/1.1\r\nHost: 127.0.0.1:${o.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n`,
  )
  const req = refused(expect)
  return {
    ...req,
    method: 'RAW',
    path: o.cls,
    headers: {},
    raw: { chunks: [Buffer.concat([head, ...auth, utf8('\r\n\r\n'), body])] },
  }
}
