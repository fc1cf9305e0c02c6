import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { openapiDocument } from '@audit-trail/datastorage-client/openapi'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type DatastorageProcess, startDatastorage } from '../datastorage-process.js'
import { makeEvent } from '../events.js'
import { validatingFetch } from './validating-fetch.js'

/**
 * The contract walk (issue 17): every operation of openapi/datastorage.yaml, read from the spec
 * itself so an operation added there is walked without a change here, is sent requests generated
 * from its own parameter and body schemas: valid ones, which must get a 2xx the operation declares,
 * and invalid ones (each parameter out of its schema in turn, unknown and repeated parameters,
 * bodies with one field out of schema, no token, a token without the scope), which must get a 4xx
 * it declares, as problem+json. Never a 5xx. Every answer goes through the validating fetch, so its
 * body and headers are held to the declared schema as well. Where the service's state decides what
 * is valid (a tree size within the newest checkpoint, a sealed event, an active legal hold), the
 * operation's RULES put the service into that state and narrow the draws to it, and what the state
 * makes a 4xx is sent among the invalid requests, held to the status its description gives.
 */

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const doc = openapiDocument as unknown as Json
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

/** The subset of JSON Schema the spec uses for parameters. */
interface Schema {
  type?: string
  enum?: string[]
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  $ref?: string
}

function deref<T>(node: unknown): T {
  let at = node
  for (let hops = 0; isObject(at) && typeof at.$ref === 'string' && hops < 10; hops++) {
    at = (at.$ref as string)
      .slice(2)
      .split('/')
      .reduce<unknown>((n, key) => (isObject(n) ? n[key] : undefined), doc)
  }
  if (at === undefined) throw new Error(`contract walk: unresolved reference in ${JSON.stringify(node)}`)
  return at as T
}

export interface Parameter {
  name: string
  in: 'query' | 'path' | 'header'
  required: boolean
  schema: Schema
}

export interface Operation {
  operationId: string
  method: string
  template: string
  parameters: Parameter[]
  /** The `$ref` name of the JSON request body's schema, if the operation takes a body. */
  bodySchema?: string
  /** Whether the body must be sent (`requestBody.required`); an optional one may be left out. */
  bodyRequired: boolean
  /** The bearer scope it requires; undefined for an open operation. */
  scope?: string
  /** The statuses it declares. */
  statuses: string[]
}

/** Every operation of the spec, in document order. */
export function listOperations(): Operation[] {
  const out: Operation[] = []
  for (const [template, item] of Object.entries(doc.paths as Json)) {
    if (!isObject(item)) continue
    for (const method of METHODS) {
      const op = item[method]
      if (!isObject(op)) continue
      const parameters = ((op.parameters as unknown[]) ?? []).map((raw) => {
        const p = deref<Json>(raw)
        return {
          name: p.name as string,
          in: p.in as Parameter['in'],
          required: p.required === true,
          schema: deref<Schema>(p.schema),
        }
      })
      const security = (op.security ?? doc.security) as Array<Record<string, string[]>> | undefined
      const scope = security?.[0]?.bearerAuth?.[0]
      const body = isObject(op.requestBody) ? deref<Json>(op.requestBody) : undefined
      const bodyRef = (body?.content as Json | undefined)?.['application/json'] as Json | undefined
      const ref = (bodyRef?.schema as Json | undefined)?.$ref
      out.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        template,
        parameters,
        ...(typeof ref === 'string' ? { bodySchema: ref.split('/').at(-1) } : {}),
        bodyRequired: body?.required === true,
        ...(scope ? { scope } : {}),
        statuses: Object.keys(op.responses as Json),
      })
    }
  }
  return out
}

/** What the walk needs from the running service and the seed. */
export interface WalkContext {
  baseUrl: string
  tokens: { writer: string; reader: string; admin: string; all: string }
  /** Ids of events stored before the walk, for path parameters that must name one. */
  storedEventIds: string[]
  /** A real `next_cursor` from a first page. */
  cursor: string
  seed: number
  /** Valid requests drawn per operation. */
  validRuns: number
  /** What the operations' `prepare` hooks learned of the service and put into it. */
  state: WalkState
}

/**
 * The service's state that makes a request valid beyond its schemas: a tree size must not exceed
 * the newest checkpoint's, a proof needs a sealed event, a release an active hold. Filled by the
 * operations' `prepare` hooks right before each operation is planned; the tree only grows, so what
 * was true then is true when the requests are sent.
 */
export interface WalkState {
  /** Tree sizes at which a checkpoint was seen signed, ascending; the last is the newest seen. */
  checkpointSizes: number[]
  /** Sealed events (leaves within the newest checkpoint seen) by event id: their leaf index. */
  sealed: Map<string, number>
  /** Correlation ids of which events are stored. */
  storedCorrelationIds: string[]
  /** Ids of active legal holds, one per valid `releaseLegalHold` draw, handed out in order. */
  holdsToRelease: string[]
  /** Correlation ids with an active hold, one per valid `releaseLegalHoldCompat` draw, in order. */
  heldCorrelationIds: string[]
  /** A hold released already: releasing it again is a 409. */
  releasedHold?: string
  /** File names of the timeline page's assets, as its HTML names them. */
  assets: string[]
}

/** A state of no checkpoint seen and nothing placed, for a walk about to start. */
export function emptyWalkState(): WalkState {
  return {
    checkpointSizes: [],
    sealed: new Map(),
    storedCorrelationIds: [],
    holdsToRelease: [],
    heldCorrelationIds: [],
    assets: [],
  }
}

/** A TimeBound sample list, oldest bound first, so that `since` earlier than `until` is an order. */
let bounds: string[] | undefined
function timeBounds(): string[] {
  // Made once, so the `fixValid` of a request finds the very strings its draw took.
  const recent = new Date(Date.now() - 30_000).toISOString()
  bounds ??= [
    '2000-01-01T00:00:00Z',
    '2020-06-15t12:30:45.123+02:00',
    '2021-03-01 08:00:00.123456789-05:30',
    '2w',
    '7d',
    '24h',
    '15m',
    '90s',
    recent,
  ]
  return bounds
}

interface PatternSamples {
  valid: (schema: Schema, ctx: WalkContext) => fc.Arbitrary<string>
  invalid: string[]
}

const NO_NUL = '^[^\\u0000]*$'
/** Printable text within a schema's length, from a few hand-picked values and drawn ASCII. */
const freeText = (schema: Schema) => {
  const min = schema.minLength ?? 0
  const max = Math.min(schema.maxLength ?? 40, 40)
  return fc.oneof(
    fc.constantFrom('e2e', 'payments', 'Ünïcødé 日本', 'a b&c=d?e#f%', 'x'.repeat(schema.maxLength ?? 40)),
    fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }),
  )
}

/**
 * Known-good and known-bad values of every `pattern` the spec's parameters use. A pattern not listed
 * here fails the walk: whoever adds one says what satisfies it.
 */
const PATTERNS: Record<string, PatternSamples> = {
  [NO_NUL]: { valid: freeText, invalid: ['a\u0000b'] },
  '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$': {
    valid: () => fc.constantFrom('gateway.signal.received', 'remediation.workflow_created', 'a9.b_c.d'),
    invalid: ['Gateway.Signal', 'nodots', 'a..b', '9a.b', 'a.b-c'],
  },
  '^([0-9]+[smhdw]|[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2}))$':
    {
      valid: () => fc.constantFrom(...timeBounds()),
      invalid: [
        'yesterday',
        '15x',
        '2024-01-01',
        '2024-01-01T00:00:00',
        '-5m',
        '2024-01-01T00:00:00.1234567891Z',
      ],
    },
  '^[A-Za-z0-9_-]+$': {
    valid: (_schema, ctx) => fc.constant(ctx.cursor),
    invalid: ['abc+def', 'abc/def=', 'ab cd'],
  },
  // A W3C trace id: a fixed one and drawn ones (32 lowercase hex digits).
  '^[0-9a-f]{32}$': {
    valid: () =>
      fc.oneof(
        fc.constant('4bf92f3577b34da6a3ce929d0e0e4736'),
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }),
      ),
    invalid: ['4BF92F3577B34DA6A3CE929D0E0E4736', 'abc', `${'0'.repeat(31)}g`, '0'.repeat(33)],
  },
  // An asset of the timeline page: the names its HTML gives (learned by the operation's prepare).
  '^[A-Za-z0-9._-]+$': {
    valid: (_schema, ctx) => fc.constantFrom(...ctx.state.assets),
    invalid: ['a b.js', 'a%b.js', 'ünï.js'],
  },
  '^[a-zA-Z0-9_]+$': {
    valid: () => fc.constantFrom('seq', 'namespace', 'signal_name', 'A_1'),
    invalid: ['a-b', 'a.b', 'a b'],
  },
  // Content-Encoding: a coding is case-insensitive (RFC 9110 §8.4.1). The empty value (identity)
  // is not drawn: the walk sends an empty header as none.
  '^([Gg][Zz][Ii][Pp]|[Xx]-[Gg][Zz][Ii][Pp]|[Ii][Dd][Ee][Nn][Tt][Ii][Tt][Yy])?$': {
    valid: () => fc.constantFrom('gzip', 'GZIP', 'x-gzip', 'X-Gzip', 'identity', 'IDENTITY'),
    invalid: ['br', 'deflate', 'gzip, br'],
  },
}

function patternSamples(schema: Schema, where: string): PatternSamples {
  const samples = schema.pattern === undefined ? undefined : PATTERNS[schema.pattern]
  if (!samples) throw new Error(`contract walk: no samples for the pattern ${schema.pattern} of ${where}`)
  return samples
}

/** Valid values of one parameter, drawn from its schema. */
function validValue(p: Parameter, op: Operation, ctx: WalkContext): fc.Arbitrary<string> {
  return schemaValue(p.schema, `${op.operationId}.${p.name}`, ctx)
}

/** Valid string values of a schema (a parameter's, or a property of a body). */
function schemaValue(s: Schema, where: string, ctx: WalkContext): fc.Arbitrary<string> {
  if (s.enum) return fc.constantFrom(...s.enum)
  if (s.type === 'integer') {
    return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1_000_000 }).map(String)
  }
  if (s.format === 'uuid') {
    if (ctx.storedEventIds.length === 0) throw new Error(`contract walk: no stored event for ${where}`)
    return fc.constantFrom(...ctx.storedEventIds)
  }
  if (s.format === 'date-time') return dateTime()
  if (s.format !== undefined) throw new Error(`contract walk: no generator for format ${s.format} (${where})`)
  if (s.type !== 'string') throw new Error(`contract walk: no generator for type ${s.type} (${where})`)
  const min = s.minLength ?? 0
  const max = s.maxLength ?? Number.POSITIVE_INFINITY
  const values = s.pattern === undefined ? freeText(s) : patternSamples(s, where).valid(s, ctx)
  return values.filter((v) => [...v].length >= min && [...v].length <= max)
}

/** An instant as RFC 3339 with milliseconds, at a UTC offset in minutes, `T`/`Z` upper or lower case. */
function rfc3339(ms: number, offsetMinutes = 0, lowerCase = false): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23)
  const abs = Math.abs(offsetMinutes)
  const zone =
    offsetMinutes === 0
      ? 'Z'
      : `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  const text = `${local}${zone}`
  return lowerCase ? text.replace('T', 't').replace('Z', 'z') : text
}

const OFFSETS = [0, 0, 120, -330, 840, -720]
/** Instants from 2000 to a day ahead as RFC 3339, in the forms the spec's date-time allows. */
const dateTime = () =>
  fc
    .record({
      ms: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.now() + 86_400_000 }),
      offset: fc.constantFrom(...OFFSETS),
      lower: fc.boolean(),
    })
    .map(({ ms, offset, lower }) => rfc3339(ms, offset, lower))

/** Values of one parameter outside its schema, each with why. */
function invalidValues(p: Parameter, op: Operation): Array<{ why: string; value: string }> {
  const s = p.schema
  const out: Array<{ why: string; value: string }> = []
  if (s.type === 'integer') {
    out.push({ why: 'not a number', value: 'ten' }, { why: 'not an integer', value: '1.5' })
    if (s.minimum !== undefined) out.push({ why: 'below minimum', value: String(s.minimum - 1) })
    if (s.maximum !== undefined) out.push({ why: 'above maximum', value: String(s.maximum + 1) })
    return out
  }
  if (s.enum) {
    out.push({ why: 'outside enum', value: 'not-a-member' })
    // A header's coding is case-insensitive (RFC 9110), a query value is not.
    if (p.in === 'query') out.push({ why: 'wrong case', value: s.enum[0]!.toUpperCase() })
  }
  if (s.maxLength !== undefined) out.push({ why: 'too long', value: 'a'.repeat(s.maxLength + 1) })
  if ((s.minLength ?? 0) > 0) out.push({ why: 'too short', value: '' })
  if (s.format === 'uuid') {
    out.push(
      { why: 'not a uuid', value: 'not-a-uuid' },
      { why: 'uuid one digit short', value: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f405' },
      { why: 'urn uuid', value: 'urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4051' },
    )
  }
  if (s.pattern !== undefined) {
    for (const value of patternSamples(s, `${op.operationId}.${p.name}`).invalid) {
      out.push({ why: `does not match ${s.pattern}`, value })
    }
  }
  return out
}

/** One request of the walk. */
export interface WalkRequest {
  operation: Operation
  kind: 'valid' | 'invalid'
  /** What makes it invalid. */
  why: string
  /** The one status the description gives for it, when the spec names one. */
  expected?: number
  method: string
  /** Path and query, percent-encoded. */
  target: string
  headers: Record<string, string>
  body?: Uint8Array | string
}

/** The parameters of one valid draw, as sent: what {@link OperationRules.fixValid} may change. */
export interface DrawnParameters {
  query: Map<string, string>
  path: Map<string, string>
}

/** A request out of the contract that the schemas cannot tell: a description's rule, or the state. */
interface ExtraInvalid {
  why: string
  /** The status the description gives for it. */
  status: number
  /** Parameters replacing the base draw's (undefined leaves one out). */
  params?: Record<string, string | undefined>
  /** The body replacing the base draw's. */
  body?: unknown
}

/**
 * Operation-specific rules the schemas cannot state (from the operations' descriptions), and the
 * service state a valid request of the operation needs.
 */
interface OperationRules {
  /**
   * Puts the service into the state the operation's valid requests need, or learns it (the newest
   * checkpoint, sealed events), into `ctx.state`; run right before the operation is planned.
   */
  prepare?: (ctx: WalkContext) => Promise<void>
  /** Valid values of parameters that the state narrows (a tree size, a sealed event's id). */
  values?: (ctx: WalkContext) => Record<string, fc.Arbitrary<string>>
  /** Valid bodies, from those drawn from the body's schema, when the state or a rule narrows them. */
  body?: (ctx: WalkContext, fromSchema: fc.Arbitrary<Json>) => fc.Arbitrary<unknown>
  /** Makes a drawn set of valid parameters satisfy the rules across parameters and the state. */
  fixValid?: (drawn: DrawnParameters, ctx: WalkContext) => void
  /** Requests the schemas allow but the description or the state makes a 4xx. */
  invalid?: (ctx: WalkContext) => ExtraInvalid[]
}

/**
 * The read filters the query, the export and the histogram share, made valid together: `since`
 * earlier than `until` (the samples are ordered, so the two drawn are ordered), `detail_key` and
 * `detail_value` both or neither.
 */
function fixFilters(query: Map<string, string>): void {
  const since = query.get('since')
  const until = query.get('until')
  if (since !== undefined && until !== undefined) {
    const order = timeBounds()
    const a = order.indexOf(since)
    const b = order.indexOf(until)
    if (a === b) query.delete('until')
    else if (a > b) {
      query.set('since', until)
      query.set('until', since)
    }
  }
  if (query.has('detail_key') !== query.has('detail_value')) {
    query.delete('detail_key')
    query.delete('detail_value')
  }
}

/** The histogram's intervals in milliseconds. */
const HISTOGRAM_INTERVAL_MS: Record<string, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/** A TimeBound sample as epoch ms: a duration before now, or RFC 3339 (`t`, a space, 9 digits). */
function boundMs(bound: string): number {
  const relative = /^(\d+)([smhdw])$/.exec(bound)
  if (relative) return Date.now() - Number(relative[1]) * UNIT_MS[relative[2]!]!
  const normal = bound
    .replace(/^(.{10})[Tt ]/, '$1T')
    .replace(/(\.\d{3})\d+/, '$1')
    .replace(/z$/, 'Z')
  const ms = Date.parse(normal)
  if (Number.isNaN(ms)) throw new Error(`contract walk: cannot read the time bound ${bound}`)
  return ms
}

/** The largest tree size the contract's integers allow: far above any checkpoint. */
const MAX_SIZE = '9007199254740991'
/** A uuid no event and no hold has. */
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000'
/** The longest window `POST /verify` takes. */
const MAX_WINDOW_MS = 31 * 86_400_000

const newest = (ctx: WalkContext): number => {
  const size = ctx.state.checkpointSizes.at(-1)
  if (size === undefined) throw new Error('contract walk: no checkpoint seen yet')
  return size
}

/** Takes the next of the values a prepare hook made for one valid draw each. */
function takeNext(queue: string[], what: string): string {
  const next = queue.shift()
  if (next === undefined) throw new Error(`contract walk: more valid draws than ${what} prepared`)
  return next
}

/**
 * Every operation must be listed here, even without rules of its own: an operation the spec gains
 * fails the walk until someone looks at what its description says beyond the schemas.
 */
const RULES: Record<string, OperationRules> = {
  createAuditEvent: {},
  createAuditEventsBatch: {},
  getAuditEvent: {},
  getDeadLetterQueueStats: {},
  listDeadLetterMessages: {},
  getHealth: {},
  getReadiness: {},
  getMetrics: {},
  queryAuditEvents: {
    fixValid({ query }) {
      fixFilters(query)
      if (query.has('cursor')) query.delete('offset')
    },
  },
  exportAuditEvents: {
    fixValid: ({ query }) => fixFilters(query),
  },
  getAuditEventHistogram: {
    fixValid({ query }) {
      fixFilters(query)
      // `until` alone may fall before the default `since` (an hour before now): leave it out.
      if (!query.has('since')) query.delete('until')
      // At most 1440 buckets: the narrowest interval that fits the window, or a shorter window.
      const since = boundMs(query.get('since') ?? '1h')
      const until = boundMs(query.get('until') ?? '0s')
      const fits = (interval: string) => (until - since) / HISTOGRAM_INTERVAL_MS[interval]! < 1439
      const drawn = query.get('interval') ?? '1m'
      if (!fits(drawn)) {
        const wider = Object.keys(HISTOGRAM_INTERVAL_MS).find(fits)
        if (wider) query.set('interval', wider)
        else {
          query.set('since', '7d')
          query.delete('until')
          query.set('interval', '1h')
        }
      }
    },
    invalid: () => [
      {
        why: 'more than 1440 buckets',
        status: 400,
        params: { since: '2w', until: undefined, interval: '1m' },
      },
      {
        why: 'since after the default until (now)',
        status: 400,
        params: { since: new Date(Date.now() + 86_400_000).toISOString(), until: undefined },
      },
    ],
  },
  replayDeadLetterQueue: {
    // DlqReplayRequest's one property is an integer; the walk's DLQ is empty, so a replay ends at
    // once whatever it may wait.
    body: () => fc.record({ max_wait_ms: fc.integer({ min: 0, max: 600_000 }) }, { requiredKeys: [] }),
  },
  redirectToTimeline: {},
  redirectToTimelinePage: {},
  getTimelinePage: {},
  getTimelineAsset: {
    // Valid names are the assets the page's HTML refers to.
    async prepare(ctx) {
      const response = await fetchChecked(`${ctx.baseUrl}/ui/`)
      const html = await response.text()
      if (response.status !== 200)
        throw new Error(`contract walk: GET /ui/ answered ${response.status}: ${html.slice(0, 300)}`)
      ctx.state.assets = [
        ...new Set([...html.matchAll(/\/ui\/assets\/([A-Za-z0-9._-]+)/g)].map((m) => m[1]!)),
      ]
      if (ctx.state.assets.length === 0) throw new Error('contract walk: the timeline page names no asset')
    },
    invalid: () => [
      { why: 'an asset that does not exist', status: 404, params: { file: 'missing-00000000.js' } },
    ],
  },
  // The suite waits for a first checkpoint before the walk: from then on there is a newest one.
  getLatestCheckpoint: {},
  getCheckpoint: {
    // A checkpoint exists at the sizes it was signed at only: those seen, at least two of them.
    prepare: (ctx) => awaitNewCheckpoint(ctx),
    values: (ctx) => ({ tree_size: fc.constantFrom(...ctx.state.checkpointSizes.map(String)) }),
    invalid: () => [{ why: 'no checkpoint at that tree_size', status: 404, params: { tree_size: MAX_SIZE } }],
  },
  getConsistencyProof: {
    prepare: (ctx) => learnCheckpoint(ctx).then(() => undefined),
    values: (ctx) => {
      const size = fc.integer({ min: 1, max: newest(ctx) }).map(String)
      return { from: size, to: size }
    },
    fixValid({ query }) {
      // `from` must not exceed `to`.
      const from = Number(query.get('from'))
      const to = Number(query.get('to'))
      if (from > to) {
        query.set('from', String(to))
        query.set('to', String(from))
      }
    },
    invalid: (ctx) => [
      { why: 'from above to', status: 400, params: { from: String(newest(ctx)), to: '1' } },
      { why: "to above the newest checkpoint's size", status: 400, params: { from: '1', to: MAX_SIZE } },
    ],
  },
  getInclusionProof: {
    prepare: (ctx) => learnSealed(ctx),
    values: (ctx) => ({
      event_id: fc.constantFrom(...ctx.state.sealed.keys()),
      tree_size: fc.integer({ min: 1, max: newest(ctx) }).map(String),
    }),
    fixValid({ path, query }, ctx) {
      // The event's leaf must be in the tree of `tree_size`: above its index, up to the newest.
      const leaf = ctx.state.sealed.get(path.get('event_id') ?? '')
      const size = query.get('tree_size')
      if (leaf === undefined || size === undefined || Number(size) > leaf) return
      const room = newest(ctx) - leaf
      query.set('tree_size', String(leaf + 1 + (Number(size) % room)))
    },
    invalid: (ctx) => {
      const later = [...ctx.state.sealed].find(([, leaf]) => leaf > 0)
      if (!later) throw new Error('contract walk: no sealed event past leaf 0')
      return [
        {
          why: 'an event never stored',
          status: 404,
          params: { event_id: UNKNOWN_UUID, tree_size: undefined },
        },
        { why: "tree_size above the newest checkpoint's", status: 400, params: { tree_size: MAX_SIZE } },
        {
          why: 'a tree too small to hold the event (event-not-sealed)',
          status: 404,
          params: { event_id: later[0], tree_size: String(later[1]) },
        },
      ]
    },
  },
  listLogLeaves: {},
  verifyAuditEvents: {
    body: (ctx) => fc.oneof(correlationBody(ctx), windowBody()),
    invalid: () => {
      const until = Date.now()
      return [
        { why: 'body: neither correlation_id nor a window', status: 400, body: {} },
        { why: 'body: only since', status: 400, body: { since: rfc3339(until - 60_000) } },
        { why: 'body: only until', status: 400, body: { until: rfc3339(until) } },
        {
          why: 'body: correlation_id and a window',
          status: 400,
          body: { correlation_id: 'c', since: rfc3339(until - 60_000), until: rfc3339(until) },
        },
        {
          why: 'body: a window of 31 days and 1 ms',
          status: 400,
          body: { since: rfc3339(until - MAX_WINDOW_MS - 1), until: rfc3339(until) },
        },
        {
          why: 'body: since after until',
          status: 400,
          body: { since: rfc3339(until), until: rfc3339(until - 60_000) },
        },
      ]
    },
  },
  verifyAuditChain: {
    body: (ctx, fromSchema) =>
      fc.oneof(
        fromSchema,
        fc.constantFrom(...ctx.state.storedCorrelationIds).map((id) => ({ correlation_id: id })),
      ),
  },
  placeLegalHold: {},
  listLegalHolds: {},
  releaseLegalHold: {
    // Each valid release needs a hold of its own, active until then.
    async prepare(ctx) {
      const holds = await placeHolds(
        ctx,
        Array.from({ length: ctx.validRuns + 1 }, (_, i) => `contract-walk-release-${i}`),
      )
      const released = holds.pop()!
      await call(ctx, 'DELETE', `/api/v1/audit/legal-holds/${released}`, 'admin', 200)
      ctx.state.releasedHold = released
      ctx.state.holdsToRelease = holds
    },
    fixValid({ path }, ctx) {
      path.set('hold_id', takeNext(ctx.state.holdsToRelease, 'active holds'))
    },
    invalid: (ctx) => [
      { why: 'a hold that does not exist', status: 404, params: { hold_id: UNKNOWN_UUID } },
      { why: 'a hold released before', status: 409, params: { hold_id: ctx.state.releasedHold } },
    ],
  },
  placeLegalHoldCompat: {
    // The replaced system refuses a hold on a correlation id of which nothing is stored (404):
    // valid draws name stored ones, drawn from the schema and stored first.
    async prepare(ctx) {
      const ids = fc.sample(correlationIds(ctx), { seed: ctx.seed, numRuns: 1 })[0]!.slice(0, 5)
      await storeEvents(ctx, ids)
    },
    body: (ctx, fromSchema) =>
      fc
        .tuple(fromSchema, fc.constantFrom(...ctx.state.storedCorrelationIds))
        .map(([body, id]) => ({ ...body, correlation_id: id })),
    invalid: (ctx) => [
      {
        why: 'a correlation id of which nothing is stored',
        status: 404,
        body: { correlation_id: `contract-walk-never-stored-${ctx.seed}`, reason: 'walk' },
      },
    ],
  },
  listLegalHoldsCompat: {},
  releaseLegalHoldCompat: {
    // Releasing releases every active hold of the correlation id: each valid draw needs a
    // correlation id of its own with an active hold, drawn from the path parameter's schema.
    async prepare(ctx) {
      const ids = fc.sample(correlationIds(ctx, ctx.validRuns), { seed: ctx.seed, numRuns: 1 })[0]!
      await placeHolds(ctx, ids)
      ctx.state.heldCorrelationIds = ids
    },
    fixValid({ path }, ctx) {
      path.set('correlation_id', takeNext(ctx.state.heldCorrelationIds, 'held correlation ids'))
    },
    invalid: () => [
      {
        why: 'a correlation id without an active hold',
        status: 404,
        params: { correlation_id: 'contract-walk-never-held' },
      },
    ],
  },
}

/**
 * Distinct correlation ids drawn from the contract's schema of one (`minLength` 1, `maxLength` 255,
 * no NUL). `.` and `..` are left out: as a path segment, the URL parser of any client removes them
 * (`%2E` included), so no request can name them in `/legal-hold/{correlation_id}`.
 */
function correlationIds(ctx: WalkContext, count = 5): fc.Arbitrary<string[]> {
  const schema = componentSchema('LegalHoldRequest').properties?.correlation_id
  if (!schema) throw new Error('contract walk: LegalHoldRequest has no correlation_id')
  const one = schemaValue(schema, 'LegalHoldRequest.correlation_id', ctx).filter(
    (id) => id !== '.' && id !== '..',
  )
  return fc.uniqueArray(one, { minLength: count, maxLength: count })
}

/** `{correlation_id}` bodies of `POST /verify`: stored ids, and ids drawn from the schema. */
function correlationBody(ctx: WalkContext): fc.Arbitrary<Json> {
  const schema = componentSchema('VerifyRequest').properties?.correlation_id
  if (!schema) throw new Error('contract walk: VerifyRequest has no correlation_id')
  return fc
    .oneof(fc.constantFrom(...ctx.state.storedCorrelationIds), schemaValue(schema, 'VerifyRequest', ctx))
    .map((id) => ({ correlation_id: id }))
}

/**
 * `{since, until}` bodies of `POST /verify`: since before until, at most 31 days apart (the edge
 * included), each bound at any offset and case RFC 3339 allows; half of them end near now, where
 * the events are.
 */
function windowBody(): fc.Arbitrary<Json> {
  const now = Date.now()
  return fc
    .record({
      since: fc.oneof(
        fc.integer({ min: now - MAX_WINDOW_MS, max: now }),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: now + 86_400_000 }),
      ),
      length: fc.oneof(fc.constant(MAX_WINDOW_MS), fc.integer({ min: 1, max: MAX_WINDOW_MS })),
      offsets: fc.tuple(fc.constantFrom(...OFFSETS), fc.constantFrom(...OFFSETS)),
      lower: fc.boolean(),
    })
    .map(({ since, length, offsets, lower }) => ({
      since: rfc3339(since, offsets[0], lower),
      until: rfc3339(since + length, offsets[1], lower),
    }))
}

/** One call the walk makes to set up or learn the state, held to the contract like the rest. */
async function call(
  ctx: WalkContext,
  method: string,
  target: string,
  token: keyof WalkContext['tokens'],
  expected: number,
  body?: unknown,
): Promise<unknown> {
  const response = await fetchChecked(`${ctx.baseUrl}${target}`, {
    method,
    headers: {
      authorization: `Bearer ${ctx.tokens[token]}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (response.status !== expected) {
    throw new Error(`contract walk: ${method} ${target} answered ${response.status}: ${text.slice(0, 300)}`)
  }
  return text === '' ? undefined : JSON.parse(text)
}

/** Notes a size a checkpoint was signed at. */
function noteCheckpoint(ctx: WalkContext, size: number): void {
  const sizes = ctx.state.checkpointSizes
  if (!sizes.includes(size)) {
    sizes.push(size)
    sizes.sort((a, b) => a - b)
  }
}

/** The newest checkpoint's size, noted. */
async function learnCheckpoint(ctx: WalkContext): Promise<number> {
  const latest = (await call(ctx, 'GET', '/api/v1/audit/checkpoints/latest', 'reader', 200)) as {
    tree_size: number
  }
  noteCheckpoint(ctx, latest.tree_size)
  return latest.tree_size
}

/** Stores one event of each correlation id, noted as stored. */
async function storeEvents(ctx: WalkContext, correlationIds: string[]): Promise<string[]> {
  const events = correlationIds.map((corr, i) => ({
    version: '1.0',
    event_id: randomUUID(),
    event_timestamp: new Date().toISOString(),
    ...makeEvent(corr, i),
  }))
  await call(ctx, 'POST', '/api/v1/audit/events/batch', 'writer', 201, events)
  ctx.state.storedCorrelationIds.push(...correlationIds)
  return events.map((e) => e.event_id)
}

/**
 * Waits for a checkpoint newer than every one seen (an event is stored first, so the tree grows):
 * a tree size, then, at which a checkpoint was signed besides the first.
 */
async function awaitNewCheckpoint(ctx: WalkContext): Promise<void> {
  const seen = ctx.state.checkpointSizes.at(-1) ?? 0
  await storeEvents(ctx, [`contract-walk-checkpoint-${seen}`])
  await waitFor(
    'a checkpoint newer than the last seen',
    async () => (await learnCheckpoint(ctx)) > seen,
    20_000,
  )
}

/** Learns the sealed events: the first leaves of the newest checkpoint, and their indexes. */
async function learnSealed(ctx: WalkContext): Promise<void> {
  const page = (await call(ctx, 'GET', '/api/v1/audit/log/leaves?limit=1000', 'reader', 200)) as {
    tree_size: number
    leaves: Array<{ event_id: string; leaf_index: number; removed?: unknown }>
  }
  noteCheckpoint(ctx, page.tree_size)
  for (const leaf of page.leaves) if (!leaf.removed) ctx.state.sealed.set(leaf.event_id, leaf.leaf_index)
  if (ctx.state.sealed.size === 0) throw new Error('contract walk: the log lists no sealed event')
}

/** Places one active hold on each correlation id; their ids in order. */
async function placeHolds(ctx: WalkContext, correlationIds: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const [i, corr] of correlationIds.entries()) {
    const hold = (await call(ctx, 'POST', '/api/v1/audit/legal-holds', 'admin', 201, {
      correlation_id: corr,
      reason: `contract walk ${i}`,
    })) as { id: string }
    ids.push(hold.id)
  }
  return ids
}

/** A component schema of an object of strings (the integrity and legal-hold bodies). */
interface ObjectSchema {
  type?: string
  required?: string[]
  properties?: Record<string, Schema>
  additionalProperties?: boolean
  oneOf?: unknown[]
}

function componentSchema(name: string): ObjectSchema {
  return deref<ObjectSchema>({ $ref: `#/components/schemas/${name}` })
}

/** Valid bodies of an object schema of strings, each property drawn from its own schema. */
function schemaBody(name: string, ctx: WalkContext): fc.Arbitrary<Json> {
  const schema = componentSchema(name)
  if (schema.type !== 'object' || !schema.properties)
    throw new Error(`contract walk: no body generator for ${name}`)
  const properties: Record<string, fc.Arbitrary<string>> = {}
  for (const [key, property] of Object.entries(schema.properties)) {
    properties[key] = schemaValue(property, `${name}.${key}`, ctx)
  }
  return fc.record(properties, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Json>
}

/** Bodies of an object schema of strings with one property out of its schema, each with why. */
function schemaInvalidBodies(name: string, valid: Json): Array<{ why: string; body: unknown }> {
  const schema = componentSchema(name)
  const out: Array<{ why: string; body: unknown }> = []
  const withField = (why: string, key: string, value: unknown) =>
    out.push({ why: `${key} ${why}`, body: { ...valid, [key]: value } })
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    // Under a oneOf, adding a property the valid body lacks may break the oneOf rather than the
    // property's schema: only the ones present are changed.
    if (schema.oneOf && !(key in valid)) continue
    if (property.type === 'integer') {
      withField('not an integer', key, 1.5)
      withField('a string', key, '10')
      if (property.minimum !== undefined) withField('below minimum', key, property.minimum - 1)
      if (property.maximum !== undefined) withField('above maximum', key, property.maximum + 1)
      continue
    }
    withField('not a string', key, 42)
    if ((property.minLength ?? 0) > 0) withField('empty', key, '')
    if (property.maxLength !== undefined) withField('too long', key, 'a'.repeat(property.maxLength + 1))
    if (property.pattern === NO_NUL) withField('with a NUL', key, 'a\u0000b')
    else if (property.pattern !== undefined) {
      for (const value of patternSamples(property, `${name}.${key}`).invalid)
        withField(`off ${property.pattern}`, key, value)
    }
    if (property.format === 'date-time') {
      withField('not a date-time', key, 'yesterday')
      withField('a date without a time', key, '2024-01-01')
    }
  }
  for (const key of schema.required ?? []) {
    const body = { ...valid }
    Reflect.deleteProperty(body, key)
    out.push({ why: `${key} missing`, body })
  }
  if (schema.additionalProperties === false)
    out.push({ why: 'unknown field', body: { ...valid, bogus: 'x' } })
  return out
}

/** Valid bodies, by the request body's schema name: JSON text. */
function validBody(schema: string, ctx: WalkContext): fc.Arbitrary<unknown> {
  const event = fc
    .record({
      i: fc.nat(10_000),
      id: fc.uuid({ version: 4 }),
      severity: fc.option(fc.constantFrom('info', 'critical', 'high'), { nil: undefined }),
      duration_ms: fc.option(fc.integer({ min: 0, max: 2_147_483_647 }), { nil: undefined }),
      ageMs: fc.integer({ min: 0, max: 30 * 86_400_000 }),
    })
    .map(({ i, id, severity, duration_ms, ageMs }) => ({
      version: '1.0',
      event_id: id,
      event_timestamp: new Date(Date.now() - ageMs).toISOString(),
      ...makeEvent(`contract-walk-${i % 5}`, i),
      ...(severity === undefined ? {} : { severity }),
      ...(duration_ms === undefined ? {} : { duration_ms }),
    }))
  if (schema === 'AuditEventRequest') return event
  if (schema === 'AuditEventBatchRequest') return fc.array(event, { minLength: 1, maxLength: 5 })
  return schemaBody(schema, ctx)
}

type Mutation = { why: string; apply: (event: Json) => void }
const set = (field: string, value: unknown) => (event: Json) => {
  event[field] = value
}
const drop = (field: string) => (event: Json) => {
  Reflect.deleteProperty(event, field)
}
/** One field of an event out of its schema. */
const EVENT_MUTATIONS: Mutation[] = [
  { why: 'event_type off pattern', apply: set('event_type', 'Not A Type') },
  { why: 'event_category outside enum', apply: set('event_category', 'nonsense') },
  { why: 'event_outcome outside enum', apply: set('event_outcome', 'maybe') },
  { why: 'correlation_id empty', apply: set('correlation_id', '') },
  { why: 'correlation_id too long', apply: set('correlation_id', 'c'.repeat(256)) },
  { why: 'event_action too long', apply: set('event_action', 'a'.repeat(51)) },
  { why: 'duration_ms negative', apply: set('duration_ms', -1) },
  { why: 'duration_ms a string', apply: set('duration_ms', 'fast') },
  { why: 'trace_id off pattern', apply: set('trace_id', 'xyz') },
  { why: 'event_id not a uuid', apply: set('event_id', 'not-a-uuid') },
  { why: 'event_timestamp not a date-time', apply: set('event_timestamp', 'yesterday') },
  {
    why: 'event_timestamp 2 h in the future',
    apply: set('event_timestamp', new Date(Date.now() + 7_200_000).toISOString()),
  },
  { why: 'version not 1.0', apply: set('version', '2.0') },
  { why: 'event_type missing', apply: drop('event_type') },
  { why: 'unknown field', apply: set('bogus', true) },
  { why: 'event_data not an object', apply: set('event_data', 'text') },
  { why: 'is_sensitive not a boolean', apply: set('is_sensitive', 'yes') },
  { why: 'retention_days 0', apply: set('retention_days', 0) },
  { why: 'actor_ip not an address', apply: set('actor_ip', '999.1.1.1') },
  { why: 'severity too long', apply: set('severity', 's'.repeat(21)) },
  { why: 'NUL in actor_id', apply: set('actor_id', 'a\u0000b') },
]

/** Invalid bodies of a schema, each derived from a valid one. */
function invalidBodies(schema: string, valid: unknown): Array<{ why: string; body: unknown }> {
  const copy = () => structuredClone(valid) as Json | Json[]
  const out: Array<{ why: string; body: unknown }> = [
    { why: 'not JSON', body: '{"event_type": ' },
    { why: 'JSON null', body: null },
  ]
  if (schema === 'AuditEventRequest') {
    for (const m of EVENT_MUTATIONS) {
      const e = copy() as Json
      m.apply(e)
      out.push({ why: m.why, body: e })
    }
    out.push({ why: 'an array', body: [valid] })
  } else if (schema === 'AuditEventBatchRequest') {
    out.push({ why: 'empty batch', body: [] }, { why: 'an object', body: (valid as Json[])[0] })
    for (const m of EVENT_MUTATIONS) {
      const batch = copy() as Json[]
      m.apply(batch[batch.length - 1]!)
      out.push({ why: `last event: ${m.why}`, body: batch })
    }
  } else {
    out.push({ why: 'an array', body: [valid] })
    out.push(...schemaInvalidBodies(schema, valid as Json))
  }
  return out
}

const TOKEN_OF: Record<string, keyof WalkContext['tokens']> = {
  'audit:write': 'writer',
  'audit:read': 'reader',
  'audit:admin': 'admin',
}

function rulesOf(op: Operation): OperationRules {
  const rules = RULES[op.operationId]
  if (!rules)
    throw new Error(
      `contract walk: no generator for operation ${op.operationId} (${op.method} ${op.template})`,
    )
  return rules
}

/** Builds the walk's requests for one operation. */
export function planOperation(op: Operation, ctx: WalkContext, index: number): WalkRequest[] {
  const rules = rulesOf(op)
  const token = op.scope === undefined ? undefined : ctx.tokens[TOKEN_OF[op.scope] ?? 'all']
  if (op.scope !== undefined && !TOKEN_OF[op.scope])
    throw new Error(`contract walk: unknown scope ${op.scope}`)
  const where = `${op.operationId}`
  // Headers the walk draws like query parameters, from their schemas (a pattern or an enum).
  const drawnHeaders = ['content-encoding', 'consistency']
  for (const p of op.parameters) {
    if (p.in === 'header' && !drawnHeaders.includes(p.name.toLowerCase()))
      throw new Error(`contract walk: no generator for header parameter ${p.name} (${where})`)
  }

  // One draw = a value (or absence) for every parameter, and a body (or none, when optional).
  const narrowed = rules.values?.(ctx) ?? {}
  const drawValue = (p: Parameter) => narrowed[p.name] ?? validValue(p, op, ctx)
  const paramArbs: Record<string, fc.Arbitrary<string | undefined>> = {}
  for (const p of op.parameters) {
    const value = drawValue(p)
    paramArbs[p.name] = p.required ? value : fc.option(value, { nil: undefined, freq: 2 })
  }
  const schemaBodyArb = op.bodySchema === undefined ? undefined : validBody(op.bodySchema, ctx)
  const bodyArb =
    schemaBodyArb === undefined
      ? fc.constant(undefined)
      : rules.body
        ? rules.body(ctx, schemaBodyArb as fc.Arbitrary<Json>)
        : schemaBodyArb
  const draw = fc.record({
    params: fc.record(paramArbs),
    body: op.bodyRequired ? bodyArb : fc.option(bodyArb, { nil: undefined, freq: 3 }),
  })
  const draws = fc.sample(draw, { seed: ctx.seed + index, numRuns: ctx.validRuns })

  const build = (
    kind: WalkRequest['kind'],
    why: string,
    params: Record<string, string | undefined>,
    body: unknown,
    extra: { query?: Array<[string, string]>; headers?: Record<string, string>; rawBody?: boolean } = {},
  ): WalkRequest => {
    const query = new Map<string, string>()
    const pathParams = new Map<string, string>()
    const headers: Record<string, string> = {}
    for (const p of op.parameters) {
      const v = params[p.name]
      if (v === undefined) continue
      if (p.in === 'path') pathParams.set(p.name, v)
      else if (p.in === 'query') query.set(p.name, v)
      else headers[p.name] = v
    }
    if (kind === 'valid') rules.fixValid?.({ query, path: pathParams }, ctx)
    let path = op.template
    for (const [name, v] of pathParams) path = path.replace(`{${name}}`, encodeURIComponent(v))
    const search = new URLSearchParams([...query, ...(extra.query ?? [])]).toString()
    let payload: Uint8Array | string | undefined
    if (op.bodySchema !== undefined && (body !== undefined || extra.rawBody)) {
      payload = extra.rawBody && typeof body === 'string' ? body : JSON.stringify(body)
      headers['content-type'] = 'application/json'
      const coding = headers['Content-Encoding']?.toLowerCase()
      if (coding === 'gzip' || coding === 'x-gzip') payload = gzipSync(payload)
    }
    if (token !== undefined) headers.authorization = `Bearer ${token}`
    Object.assign(headers, extra.headers)
    return {
      operation: op,
      kind,
      why,
      method: op.method,
      target: search ? `${path}?${search}` : path,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    }
  }

  const out: WalkRequest[] = draws.map((d) => build('valid', 'drawn from the schemas', d.params, d.body))
  // Invalid requests: each from a valid draw, with one thing out of the contract.
  const base = draws[0]!
  // An optional body left out of the first draw: the invalid ones change one drawn from its schema.
  const baseBody =
    base.body === undefined && schemaBodyArb !== undefined
      ? fc.sample(schemaBodyArb, { seed: ctx.seed + index, numRuns: 1 })[0]
      : base.body
  // The spec's rule: every /api/v1 operation refuses an unknown or repeated query parameter; the
  // probes (/healthz, /readyz, /metrics) ignore query strings.
  const refusesUnknownQuery = op.template.startsWith('/api/v1/')
  for (const p of op.parameters) {
    for (const { why, value } of invalidValues(p, op)) {
      out.push(build('invalid', `${p.name}: ${why}`, { ...base.params, [p.name]: value }, baseBody))
    }
  }
  if (refusesUnknownQuery) {
    out.push(
      build('invalid', 'unknown query parameter', base.params, baseBody, {
        query: [['unknown_param', '1']],
      }),
    )
    const first = op.parameters.find((p) => p.in === 'query')
    if (first) {
      const v = fc.sample(drawValue(first), { seed: ctx.seed, numRuns: 1 })[0]!
      const without = { ...base.params, [first.name]: undefined }
      out.push(
        build('invalid', `${first.name} given twice`, without, baseBody, {
          query: [
            [first.name, v],
            [first.name, v],
          ],
        }),
      )
    }
  }
  if (op.bodySchema !== undefined) {
    for (const { why, body } of invalidBodies(op.bodySchema, baseBody)) {
      out.push(build('invalid', `body: ${why}`, base.params, body, { rawBody: why === 'not JSON' }))
    }
    out.push(
      build('invalid', 'body as text/plain', { ...base.params, 'Content-Encoding': undefined }, baseBody, {
        headers: { 'content-type': 'text/plain' },
      }),
    )
  }
  for (const x of rules.invalid?.(ctx) ?? []) {
    const request = build('invalid', x.why, { ...base.params, ...x.params }, 'body' in x ? x.body : baseBody)
    out.push({ ...request, expected: x.status })
  }
  if (token !== undefined) {
    out.push(build('invalid', 'no token', base.params, baseBody, { headers: { authorization: '' } }))
    out.push(
      build('invalid', 'unknown token', base.params, baseBody, {
        headers: { authorization: 'Bearer at_not-a-token-of-this-service' },
      }),
    )
    const other = op.scope === 'audit:write' ? ctx.tokens.reader : ctx.tokens.writer
    out.push(
      build('invalid', `a token without ${op.scope}`, base.params, baseBody, {
        headers: { authorization: `Bearer ${other}` },
      }),
    )
  }
  return out
}

/** One request's outcome. */
export interface WalkResult {
  request: WalkRequest
  status: number
  contentType: string
  body: string
  /** Why the answer breaks the walk's rule; undefined when it keeps it. */
  failure?: string
}

const fetchChecked = validatingFetch()

/** Sends one request and judges the answer by the walk's rule. */
export async function send(ctx: WalkContext, request: WalkRequest): Promise<WalkResult> {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([, v]) => v !== ''))
  const response = await fetchChecked(`${ctx.baseUrl}${request.target}`, {
    method: request.method,
    // A redirect is an answer of the operation (GET / → 302), not a hop to follow.
    redirect: 'manual',
    headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  })
  const body = await response.text()
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
  const { status } = response
  const declared = request.operation.statuses.includes(String(status))
  let failure: string | undefined
  if (status >= 500) failure = `a ${status}`
  else if (!declared) failure = `${status} is not declared (${request.operation.statuses.join(', ')})`
  else if (request.kind === 'valid' && (status < 200 || status > 399))
    failure = `${status} to a valid request`
  else if (request.kind === 'invalid' && (status < 400 || status > 499))
    failure = `${status} to an invalid request`
  else if (request.expected !== undefined && status !== request.expected)
    failure = `${status}, where the description gives ${request.expected}`
  else if (request.kind === 'invalid' && contentType !== 'application/problem+json')
    failure = `a ${status} as ${contentType || '(no content type)'}, not application/problem+json`
  return { request, status, contentType, body, ...(failure === undefined ? {} : { failure }) }
}

/** A request as printed in a report, to send again by hand. */
export function describeRequest(r: WalkRequest): string {
  const body =
    r.body === undefined
      ? ''
      : ` body: ${typeof r.body === 'string' ? r.body.slice(0, 300) : `(${r.body.length} gzip bytes)`}`
  const headers = Object.entries(r.headers)
    .filter(([k]) => k !== 'authorization')
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')
  return `${r.operation.operationId} [${r.kind}: ${r.why}] ${r.method} ${r.target} {${headers}}${body}`
}

/** Walks every operation; returns every result and a summary to print. */
export async function walkContract(ctx: WalkContext): Promise<{ results: WalkResult[]; summary: string }> {
  const operations = listOperations()
  // Every operation has rules before anything is sent: a new one fails the walk at once.
  for (const op of operations) rulesOf(op)
  const results: WalkResult[] = []
  for (const [i, op] of operations.entries()) {
    // The state an operation's valid requests need is made (or learned) right before it is planned.
    await rulesOf(op).prepare?.(ctx)
    for (const request of planOperation(op, ctx, i)) results.push(await send(ctx, request))
  }
  const lines = operations.map((op) => {
    const mine = results.filter((r) => r.request.operation === op)
    const statuses = new Map<string, number>()
    for (const r of mine) {
      const key = `${r.request.kind === 'valid' ? 'v' : 'i'}${r.status}`
      statuses.set(key, (statuses.get(key) ?? 0) + 1)
    }
    const valid = mine.filter((r) => r.request.kind === 'valid').length
    const seen = [...statuses].map(([k, n]) => `${k}×${n}`).join(' ')
    return `  ${op.operationId.padEnd(26)} ${String(mine.length).padStart(4)} requests (${valid} valid, ${mine.length - valid} invalid): ${seen}`
  })
  const summary = [
    `[contract-walk] seed ${ctx.seed} (CONTRACT_WALK_SEED=${ctx.seed} replays), ${ctx.validRuns} valid draws per operation`,
    `[contract-walk] ${operations.length} operations walked, ${results.length} requests; statuses (v = valid, i = invalid):`,
    ...lines,
  ].join('\n')
  return { results, summary }
}

/** Options of {@link contractWalkSuite}. */
export interface ContractWalkSuiteOptions {
  /** Valid draws per operation (CONTRACT_WALK_RUNS overrides). */
  validRuns: number
}

/**
 * The walk as a vitest suite: a service of its own on a database of its own (so its sequencer is
 * the log's only one, signing a checkpoint every 200 ms with a key under a directory of its own;
 * the DLQ on, its streams under the run's key prefix), three stored events, a real cursor and a
 * first checkpoint sealing those events, then every operation walked. The seed is
 * CONTRACT_WALK_SEED (default 1717), printed with the summary for replay.
 */
export function contractWalkSuite(options: ContractWalkSuiteOptions): void {
  const seed = Number(process.env.CONTRACT_WALK_SEED ?? 1717)
  const validRuns = Number(process.env.CONTRACT_WALK_RUNS ?? options.validRuns)
  const ctx = {
    seed,
    validRuns,
    storedEventIds: [] as string[],
    state: emptyWalkState(),
  } as unknown as WalkContext
  const { postgresUrl, redisUrl, keyPrefix } = inject('e2e')
  let service: DatastorageProcess | undefined
  let db: TestDatabase | undefined
  let dataDir: string | undefined

  beforeAll(async () => {
    // A service of its own, with the DLQ on (the DLQ operations answer 200 only then), its streams
    // under this run's key prefix.
    db = await createTestDatabase(postgresUrl, 'audit_walk')
    dataDir = mkdtempSync(join(tmpdir(), 'e2e-walk-'))
    service = await startDatastorage({
      databaseUrl: db.url,
      redisUrl,
      env: {
        DLQ_STREAM: `${keyPrefix}walk:audit:dlq:events`,
        DEAD_LETTER_STREAM: `${keyPrefix}walk:audit:dead-letter:events`,
        CHECKPOINT_INTERVAL_MS: '200',
        DATA_DIR: dataDir,
      },
    })
    const started = service
    ctx.baseUrl = started.url
    ctx.tokens = started.tokens
    // Events for the path parameters that name one, and a first page for a real cursor.
    const corr = `contract-walk-${randomUUID()}`
    const events = Array.from({ length: 3 }, (_, i) => ({
      version: '1.0',
      event_id: randomUUID(),
      event_timestamp: new Date(Date.now() - i * 1000).toISOString(),
      ...makeEvent(corr, i),
    }))
    const written = await fetchChecked(`${started.url}/api/v1/audit/events/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${started.tokens.writer}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    })
    expect(written.status).toBe(201)
    ctx.storedEventIds = events.map((e) => e.event_id)
    const page = await fetchChecked(
      `${started.url}/api/v1/audit/events?${new URLSearchParams({ correlation_id: corr, limit: '1' })}`,
      { headers: { authorization: `Bearer ${started.tokens.reader}` } },
    )
    const { pagination } = (await page.json()) as { pagination: { next_cursor: string | null } }
    if (!pagination.next_cursor) throw new Error('the first page of 3 events carries no next_cursor')
    ctx.cursor = pagination.next_cursor
    ctx.state.storedCorrelationIds.push(corr)
    // The integrity operations need a first checkpoint, sealing the stored events.
    await waitFor(
      'a first checkpoint sealing the stored events',
      async () => {
        // 404 no-checkpoint until the first is signed: the call throws, and is tried again.
        await learnSealed(ctx)
        return ctx.storedEventIds.every((id) => ctx.state.sealed.has(id))
      },
      20_000,
    )
  }, 60_000)

  afterAll(async () => {
    await service?.stop()
    await db?.drop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  describe('contract walk (issue 17)', () => {
    it('every operation of the spec: valid → a declared 2xx, invalid → a declared 4xx problem, never a 5xx', async () => {
      const { results, summary } = await walkContract(ctx).catch((error: unknown) => {
        // A walk that cannot go on (the service gone, a state not reached): what the service said.
        const message = error instanceof Error ? error.message : String(error)
        throw new Error(`${message}\nthe service's last output:\n${service?.output()}`, { cause: error })
      })
      console.log(summary)
      // Every operation was walked with valid requests, and each one with a token, a parameter or a
      // body to get wrong with invalid ones too (the probes have none).
      for (const op of listOperations()) {
        const mine = results.filter((r) => r.request.operation.operationId === op.operationId)
        expect(
          mine.some((r) => r.request.kind === 'valid'),
          op.operationId,
        ).toBe(true)
        const refusable = op.scope !== undefined || op.parameters.length > 0 || op.bodySchema !== undefined
        expect(
          mine.some((r) => r.request.kind === 'invalid'),
          op.operationId,
        ).toBe(refusable)
      }
      const failures = results.filter((r) => r.failure !== undefined)
      const report = failures
        .slice(0, 30)
        .map(
          (r) => `  ${r.failure}: ${describeRequest(r.request)}\n    → ${r.status} ${r.body.slice(0, 300)}`,
        )
        .join('\n')
      if (failures.length > 0) console.error(report)
      expect(
        failures.length,
        `seed ${seed}: ${failures.length} answer(s) break the walk's rule:\n${report}`,
      ).toBe(0)
    })
  })
}
