import { randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { openapiDocument } from '@audit-trail/datastorage-client/openapi'
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
 * body and headers are held to the declared schema as well.
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
  '^[a-zA-Z0-9_]+$': {
    valid: () => fc.constantFrom('seq', 'namespace', 'signal_name', 'A_1'),
    invalid: ['a-b', 'a.b', 'a b'],
  },
}

function patternSamples(schema: Schema, where: string): PatternSamples {
  const samples = schema.pattern === undefined ? undefined : PATTERNS[schema.pattern]
  if (!samples) throw new Error(`contract walk: no samples for the pattern ${schema.pattern} of ${where}`)
  return samples
}

/** Valid values of one parameter, drawn from its schema. */
function validValue(p: Parameter, op: Operation, ctx: WalkContext): fc.Arbitrary<string> {
  const s = p.schema
  const where = `${op.operationId}.${p.name}`
  if (s.enum) return fc.constantFrom(...s.enum)
  if (s.type === 'integer') {
    return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1_000_000 }).map(String)
  }
  if (s.format === 'uuid') {
    if (ctx.storedEventIds.length === 0) throw new Error(`contract walk: no stored event for ${where}`)
    return fc.constantFrom(...ctx.storedEventIds)
  }
  if (s.format !== undefined) throw new Error(`contract walk: no generator for format ${s.format} (${where})`)
  if (s.type !== 'string') throw new Error(`contract walk: no generator for type ${s.type} (${where})`)
  if (s.pattern !== undefined) {
    const min = s.minLength ?? 0
    const max = s.maxLength ?? Number.POSITIVE_INFINITY
    return patternSamples(s, where)
      .valid(s, ctx)
      .filter((v) => [...v].length >= min && [...v].length <= max)
  }
  return freeText(s)
}

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
  method: string
  /** Path and query, percent-encoded. */
  target: string
  headers: Record<string, string>
  body?: Uint8Array | string
}

/** Operation-specific rules the schemas cannot state (from the operations' descriptions). */
interface OperationRules {
  /** Makes a drawn set of valid parameters satisfy the rules across parameters. */
  fixValid?: (query: Map<string, string>) => void
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
    fixValid(query) {
      // `since` earlier than `until`: the samples are ordered, so order the two drawn.
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
      if (query.has('cursor')) query.delete('offset')
      // detail_key and detail_value: both or neither.
      if (query.has('detail_key') !== query.has('detail_value')) {
        query.delete('detail_key')
        query.delete('detail_value')
      }
    },
  },
}

/** Valid bodies, by the request body's schema name: JSON text. */
function validBody(schema: string, where: string): fc.Arbitrary<unknown> {
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
  throw new Error(`contract walk: no body generator for ${schema} (${where})`)
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
  }
  return out
}

const TOKEN_OF: Record<string, keyof WalkContext['tokens']> = {
  'audit:write': 'writer',
  'audit:read': 'reader',
  'audit:admin': 'admin',
}

/** Builds the walk's requests for one operation. */
export function planOperation(op: Operation, ctx: WalkContext, index: number): WalkRequest[] {
  const rules = RULES[op.operationId]
  if (!rules)
    throw new Error(
      `contract walk: no generator for operation ${op.operationId} (${op.method} ${op.template})`,
    )
  const token = op.scope === undefined ? undefined : ctx.tokens[TOKEN_OF[op.scope] ?? 'all']
  if (op.scope !== undefined && !TOKEN_OF[op.scope])
    throw new Error(`contract walk: unknown scope ${op.scope}`)
  const where = `${op.operationId}`
  for (const p of op.parameters) {
    if (p.in === 'header' && p.name.toLowerCase() !== 'content-encoding')
      throw new Error(`contract walk: no generator for header parameter ${p.name} (${where})`)
  }

  // One draw = a value (or absence) for every parameter, and a body.
  const paramArbs: Record<string, fc.Arbitrary<string | undefined>> = {}
  for (const p of op.parameters) {
    const value = validValue(p, op, ctx)
    paramArbs[p.name] = p.required ? value : fc.option(value, { nil: undefined, freq: 2 })
  }
  const draw = fc.record({
    params: fc.record(paramArbs),
    body: op.bodySchema === undefined ? fc.constant(undefined) : validBody(op.bodySchema, where),
  })
  const draws = fc.sample(draw, { seed: ctx.seed + index, numRuns: ctx.validRuns })

  const build = (
    kind: WalkRequest['kind'],
    why: string,
    params: Record<string, string | undefined>,
    body: unknown,
    extra: { query?: Array<[string, string]>; headers?: Record<string, string>; rawBody?: boolean } = {},
  ): WalkRequest => {
    let path = op.template
    const query = new Map<string, string>()
    const headers: Record<string, string> = {}
    for (const p of op.parameters) {
      const v = params[p.name]
      if (v === undefined) continue
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(v))
      else if (p.in === 'query') query.set(p.name, v)
      else headers[p.name] = v
    }
    if (kind === 'valid') rules.fixValid?.(query)
    const search = new URLSearchParams([...query, ...(extra.query ?? [])]).toString()
    let payload: Uint8Array | string | undefined
    if (op.bodySchema !== undefined) {
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
  // The spec's rule: every /api/v1 operation refuses an unknown or repeated query parameter; the
  // probes (/healthz, /readyz, /metrics) ignore query strings.
  const refusesUnknownQuery = op.template.startsWith('/api/v1/')
  for (const p of op.parameters) {
    for (const { why, value } of invalidValues(p, op)) {
      out.push(build('invalid', `${p.name}: ${why}`, { ...base.params, [p.name]: value }, base.body))
    }
  }
  if (refusesUnknownQuery) {
    out.push(
      build('invalid', 'unknown query parameter', base.params, base.body, {
        query: [['unknown_param', '1']],
      }),
    )
    const first = op.parameters.find((p) => p.in === 'query')
    if (first) {
      const v = fc.sample(validValue(first, op, ctx), { seed: ctx.seed, numRuns: 1 })[0]!
      const without = { ...base.params, [first.name]: undefined }
      out.push(
        build('invalid', `${first.name} given twice`, without, base.body, {
          query: [
            [first.name, v],
            [first.name, v],
          ],
        }),
      )
    }
  }
  if (op.bodySchema !== undefined) {
    for (const { why, body } of invalidBodies(op.bodySchema, base.body)) {
      out.push(build('invalid', `body: ${why}`, base.params, body, { rawBody: why === 'not JSON' }))
    }
    out.push(
      build('invalid', 'body as text/plain', { ...base.params, 'Content-Encoding': undefined }, base.body, {
        headers: { 'content-type': 'text/plain' },
      }),
    )
  }
  if (token !== undefined) {
    out.push(build('invalid', 'no token', base.params, base.body, { headers: { authorization: '' } }))
    out.push(
      build('invalid', 'unknown token', base.params, base.body, {
        headers: { authorization: 'Bearer at_not-a-token-of-this-service' },
      }),
    )
    const other = op.scope === 'audit:write' ? ctx.tokens.reader : ctx.tokens.writer
    out.push(
      build('invalid', `a token without ${op.scope}`, base.params, base.body, {
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
  else if (request.kind === 'valid' && (status < 200 || status > 299))
    failure = `${status} to a valid request`
  else if (request.kind === 'invalid' && (status < 400 || status > 499))
    failure = `${status} to an invalid request`
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
  const plans = operations.map((op, i) => planOperation(op, ctx, i))
  const results: WalkResult[] = []
  for (const plan of plans) for (const request of plan) results.push(await send(ctx, request))
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
 * The walk as a vitest suite: a service of its own (the DLQ on, its streams under the run's key
 * prefix), three stored events and a real cursor, then every operation walked. The seed is
 * CONTRACT_WALK_SEED (default 1717), printed with the summary for replay.
 */
export function contractWalkSuite(options: ContractWalkSuiteOptions): void {
  const seed = Number(process.env.CONTRACT_WALK_SEED ?? 1717)
  const validRuns = Number(process.env.CONTRACT_WALK_RUNS ?? options.validRuns)
  const ctx = { seed, validRuns, storedEventIds: [] as string[] } as unknown as WalkContext
  const { databaseUrl, redisUrl, keyPrefix } = inject('e2e')
  let service: DatastorageProcess | undefined

  beforeAll(async () => {
    // A service of its own, with the DLQ on (the DLQ operations answer 200 only then), its streams
    // under this run's key prefix.
    service = await startDatastorage({
      databaseUrl,
      redisUrl,
      env: {
        DLQ_STREAM: `${keyPrefix}walk:audit:dlq:events`,
        DEAD_LETTER_STREAM: `${keyPrefix}walk:audit:dead-letter:events`,
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
  }, 60_000)

  afterAll(async () => {
    await service?.stop()
  })

  describe('contract walk (issue 17)', () => {
    it('every operation of the spec: valid → a declared 2xx, invalid → a declared 4xx problem, never a 5xx', async () => {
      const { results, summary } = await walkContract(ctx)
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
