import { contractLimits, type Problem } from '@audit-trail/datastorage-client'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../src/http/context.js'
import { buildTestApp } from './support/app.js'
import { nested, postJson, uniqueCorrelationId, validEvent, without } from './support/events.js'
import { openPgliteStore, type TestStore } from './support/store.js'

const EVENTS = '/api/v1/audit/events'
const BATCH = '/api/v1/audit/events/batch'
const P = 'https://audit-trail.dev/problems/'
const BODY_LIMIT = 5 * 1024 * 1024

interface Case {
  name: string
  path: string
  init?: RequestInit
  status: number
  type: string
  /** A field the `errors` array must name (with `index` when given). */
  field?: string
  index?: number
  /** Response headers that must be present. */
  headers?: Record<string, string | RegExp>
}

const hourFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()
const ABSENT_ID = '01890a5d-ac96-774b-bcce-b302099a8057'

const cases: Case[] = [
  // --- body framing ---
  {
    name: 'malformed JSON',
    path: EVENTS,
    init: postJson('{"version": "1.0",'),
    status: 400,
    type: 'malformed-json',
  },
  {
    name: 'JSON with trailing comma (batch)',
    path: BATCH,
    init: postJson('[{},]'),
    status: 400,
    type: 'malformed-json',
  },
  { name: 'empty body', path: EVENTS, init: postJson(''), status: 400, type: 'malformed-json' },
  {
    name: 'invalid UTF-8',
    path: EVENTS,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    },
    status: 400,
    type: 'malformed-json',
  },
  {
    name: 'JSON null',
    path: EVENTS,
    init: postJson('null'),
    status: 400,
    type: 'validation-error',
    field: '(root)',
  },
  {
    name: 'array sent to the single endpoint',
    path: EVENTS,
    init: postJson([validEvent()]),
    status: 400,
    type: 'validation-error',
    field: '(root)',
  },
  {
    name: 'text/plain content type',
    path: EVENTS,
    init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(validEvent()) },
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'missing content type',
    path: EVENTS,
    init: { method: 'POST', body: new TextEncoder().encode(JSON.stringify(validEvent())) },
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'non-UTF-8 charset',
    path: EVENTS,
    init: postJson(validEvent(), { 'content-type': 'application/json; charset=latin1' }),
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'form content type on batch',
    path: BATCH,
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' },
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'body over BODY_LIMIT_BYTES',
    path: EVENTS,
    init: postJson(' '.repeat(BODY_LIMIT + 1)),
    status: 413,
    type: 'payload-too-large',
  },
  {
    name: 'batch body over BODY_LIMIT_BYTES without Content-Length (streamed)',
    path: BATCH,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit,
    status: 413,
    type: 'payload-too-large',
  },
  // --- batch shape ---
  {
    name: 'batch over MAX_BATCH_SIZE',
    path: BATCH,
    init: postJson(Array.from({ length: 5001 }, () => ({}))),
    status: 413,
    type: 'batch-too-large',
  },
  {
    name: 'empty batch',
    path: BATCH,
    init: postJson([]),
    status: 400,
    type: 'validation-error',
    field: '(root)',
  },
  {
    name: 'batch that is an object',
    path: BATCH,
    init: postJson(validEvent()),
    status: 400,
    type: 'validation-error',
    field: '(root)',
  },
  {
    name: 'batch item that is not an object',
    path: BATCH,
    init: postJson([validEvent(), 42]),
    status: 400,
    type: 'validation-error',
    field: '(root)',
    index: 1,
  },
  // --- required fields ---
  ...(
    [
      'version',
      'event_type',
      'event_timestamp',
      'event_category',
      'event_action',
      'event_outcome',
      'correlation_id',
      'event_data',
    ] as const
  ).map((field) => ({
    name: `missing ${field}`,
    path: EVENTS,
    init: postJson(without(field)),
    status: 400,
    type: 'validation-error',
    field,
  })),
  // --- field values ---
  {
    name: 'bad event_category enum',
    path: EVENTS,
    init: postJson(validEvent({ event_category: 'kitchen' as never })),
    status: 400,
    type: 'validation-error',
    field: 'event_category',
  },
  {
    name: 'bad event_outcome enum',
    path: EVENTS,
    init: postJson(validEvent({ event_outcome: 'maybe' as never })),
    status: 400,
    type: 'validation-error',
    field: 'event_outcome',
  },
  {
    name: 'bad severity enum',
    path: EVENTS,
    init: postJson(validEvent({ severity: 'loud' as never })),
    status: 400,
    type: 'validation-error',
    field: 'severity',
  },
  {
    name: 'version 2.0',
    path: EVENTS,
    init: postJson(validEvent({ version: '2.0' as never })),
    status: 400,
    type: 'validation-error',
    field: 'version',
  },
  {
    name: 'event_type over 100 chars',
    path: EVENTS,
    init: postJson(validEvent({ event_type: `svc.cat.${'a'.repeat(100)}` })),
    status: 400,
    type: 'validation-error',
    field: 'event_type',
  },
  {
    name: 'uppercase event_type',
    path: EVENTS,
    init: postJson(validEvent({ event_type: 'Gateway.Signal.Received' })),
    status: 400,
    type: 'validation-error',
    field: 'event_type',
  },
  {
    name: 'event_type with two segments',
    path: EVENTS,
    init: postJson(validEvent({ event_type: 'gateway.received' })),
    status: 400,
    type: 'validation-error',
    field: 'event_type',
  },
  {
    name: 'event_action over 50 chars',
    path: EVENTS,
    init: postJson(validEvent({ event_action: 'x'.repeat(51) })),
    status: 400,
    type: 'validation-error',
    field: 'event_action',
  },
  {
    name: 'empty correlation_id',
    path: EVENTS,
    init: postJson(validEvent({ correlation_id: '' })),
    status: 400,
    type: 'validation-error',
    field: 'correlation_id',
  },
  {
    name: 'timestamp 2 h in the future',
    path: EVENTS,
    init: postJson(validEvent({ event_timestamp: hourFromNow(2) })),
    status: 400,
    type: 'validation-error',
    field: 'event_timestamp',
  },
  {
    name: 'timestamp not RFC 3339',
    path: EVENTS,
    init: postJson(validEvent({ event_timestamp: '26/11/2025 10:00' })),
    status: 400,
    type: 'validation-error',
    field: 'event_timestamp',
  },
  {
    name: 'event_data too deep',
    path: EVENTS,
    init: postJson(
      validEvent({
        event_type: 'custom.thing.happened',
        event_data: nested(contractLimits.eventDataMaxDepth + 1),
      }),
    ),
    status: 400,
    type: 'validation-error',
    field: 'event_data',
  },
  {
    name: 'event_data too big',
    path: EVENTS,
    init: postJson(
      validEvent({
        event_type: 'custom.thing.happened',
        event_data: { blob: 'x'.repeat(contractLimits.eventDataMaxBytes) },
      }),
    ),
    status: 400,
    type: 'validation-error',
    field: 'event_data',
  },
  {
    name: 'event_data an array',
    path: EVENTS,
    init: postJson(validEvent({ event_data: [] as never })),
    status: 400,
    type: 'validation-error',
    field: 'event_data',
  },
  {
    name: 'event_id not a UUID',
    path: EVENTS,
    init: postJson(validEvent({ event_id: 'not-a-uuid' })),
    status: 400,
    type: 'validation-error',
    field: 'event_id',
  },
  {
    name: 'unknown field',
    path: EVENTS,
    init: postJson(validEvent({ colour: 'blue' })),
    status: 400,
    type: 'validation-error',
    field: 'colour',
  },
  {
    name: 'typed catalog: gateway.signal.received without signal_name',
    path: EVENTS,
    init: postJson(validEvent({ event_data: { signal_source: 'prometheus', fingerprint: 'fp' } })),
    status: 400,
    type: 'validation-error',
    field: 'event_data.signal_name',
  },
  {
    name: 'typed catalog: notification.message.sent with a bad channel',
    path: EVENTS,
    init: postJson(
      validEvent({
        event_type: 'notification.message.sent',
        event_category: 'notification',
        event_data: { notification_id: 'n-1', channel: 'carrier-pigeon' },
      }),
    ),
    status: 400,
    type: 'validation-error',
    field: 'event_data.channel',
  },
  {
    name: 'retention_days 0',
    path: EVENTS,
    init: postJson(validEvent({ retention_days: 0 })),
    status: 400,
    type: 'validation-error',
    field: 'retention_days',
  },
  {
    name: 'actor_ip not an IP',
    path: EVENTS,
    init: postJson(validEvent({ actor_ip: '999.1.1.1' })),
    status: 400,
    type: 'validation-error',
    field: 'actor_ip',
  },
  {
    name: 'uppercase trace_id',
    path: EVENTS,
    init: postJson(validEvent({ trace_id: 'A'.repeat(32) })),
    status: 400,
    type: 'validation-error',
    field: 'trace_id',
  },
  {
    name: 'negative duration_ms',
    path: EVENTS,
    init: postJson(validEvent({ duration_ms: -1 })),
    status: 400,
    type: 'validation-error',
    field: 'duration_ms',
  },
  {
    name: 'timestamp in year 0000 (RFC 3339, but not storable)',
    path: EVENTS,
    init: postJson(validEvent({ event_timestamp: '0000-06-01T00:00:00Z' })),
    status: 400,
    type: 'validation-error',
    field: 'event_timestamp',
  },
  // --- query parameters ---
  {
    name: 'unknown query parameter',
    path: `${EVENTS}?colour=blue`,
    status: 400,
    type: 'validation-error',
    field: 'colour',
  },
  { name: 'limit=0', path: `${EVENTS}?limit=0`, status: 400, type: 'validation-error', field: 'limit' },
  { name: 'limit=1001', path: `${EVENTS}?limit=1001`, status: 400, type: 'validation-error', field: 'limit' },
  { name: 'limit=ten', path: `${EVENTS}?limit=ten`, status: 400, type: 'validation-error', field: 'limit' },
  {
    name: 'limit given twice',
    path: `${EVENTS}?limit=5&limit=6`,
    status: 400,
    type: 'validation-error',
    field: 'limit',
  },
  {
    name: 'since=yesterday',
    path: `${EVENTS}?since=yesterday`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'since=5y (unknown unit)',
    path: `${EVENTS}?since=5y`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'until on 30 February',
    path: `${EVENTS}?until=2025-02-30T00:00:00Z`,
    status: 400,
    type: 'validation-error',
    field: 'until',
  },
  {
    name: 'since in year 0000',
    path: `${EVENTS}?since=0000-01-01T00:00:00Z`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'since=99999999d (before year 1)',
    path: `${EVENTS}?since=99999999d`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'since after until',
    path: `${EVENTS}?since=2025-03-01T00:00:00Z&until=2025-02-01T00:00:00Z`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'bad event_category filter',
    path: `${EVENTS}?event_category=kitchen`,
    status: 400,
    type: 'validation-error',
    field: 'event_category',
  },
  {
    name: 'uppercase event_type filter',
    path: `${EVENTS}?event_type=A.B.C`,
    status: 400,
    type: 'validation-error',
    field: 'event_type',
  },
  {
    name: 'empty correlation_id filter',
    path: `${EVENTS}?correlation_id=`,
    status: 400,
    type: 'validation-error',
    field: 'correlation_id',
  },
  {
    name: 'cursor not issued by the service',
    path: `${EVENTS}?cursor=bm90LWEtY3Vyc29y`,
    status: 400,
    type: 'invalid-cursor',
    field: 'cursor',
  },
  {
    name: 'cursor over 512 chars',
    path: `${EVENTS}?cursor=${'a'.repeat(513)}`,
    status: 400,
    type: 'validation-error',
    field: 'cursor',
  },
  // --- paths and methods ---
  {
    name: 'GET by a non-UUID id',
    path: `${EVENTS}/not-a-uuid`,
    status: 400,
    type: 'validation-error',
    field: 'event_id',
  },
  { name: 'GET by an absent id', path: `${EVENTS}/${ABSENT_ID}`, status: 404, type: 'not-found' },
  { name: 'unknown route', path: '/api/v2/audit/events', status: 404, type: 'not-found' },
  { name: 'unknown route under the prefix', path: '/api/v1/audit/things', status: 404, type: 'not-found' },
  {
    name: 'DELETE on the collection',
    path: EVENTS,
    init: { method: 'DELETE' },
    status: 405,
    type: 'method-not-allowed',
    headers: { allow: /^(?=.*GET)(?=.*POST)/ },
  },
  {
    name: 'PUT on an event (append-only)',
    path: `${EVENTS}/${ABSENT_ID}`,
    init: postJson(validEvent(), {}),
    status: 405,
    type: 'method-not-allowed',
    headers: { allow: 'GET, HEAD' },
  },
  {
    name: 'POST /healthz',
    path: '/healthz',
    init: { method: 'POST' },
    status: 405,
    type: 'method-not-allowed',
    headers: { allow: 'GET, HEAD' },
  },
]
// PUT rather than POST for the "PUT on an event" case.
cases.find((c) => c.name.startsWith('PUT'))!.init!.method = 'PUT'

// One PGlite for the file: it takes seconds to start.
let db: TestStore
let app: Hono<AppEnv>
beforeAll(async () => {
  db = await openPgliteStore()
  app = buildTestApp(db.store).app
})
afterAll(() => db?.close())

describe('malformed requests get the right RFC 7807 problem', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  it.each(cases)('$name → $status $type', async (c) => {
    const res = await app.request(c.path, c.init)
    const text = await res.text()
    expect(res.status, text).toBe(c.status)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(text).not.toMatch(/\bat .+:\d+:\d+|stack/i)
    const problem = JSON.parse(text)
    expect(problem).toMatchObject({
      type: P + c.type,
      status: c.status,
      instance: new URL(c.path, 'http://x').pathname,
    })
    expect(typeof problem.title).toBe('string')
    expect(typeof problem.detail).toBe('string')
    if (c.field !== undefined) {
      const match = { field: c.field, ...(c.index === undefined ? {} : { index: c.index }) }
      expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining(match)]))
    }
    for (const [name, value] of Object.entries(c.headers ?? {})) {
      expect(res.headers.get(name)).toMatch(value)
    }
  })

  it('stores nothing from any malformed write', async () => {
    const res = await app.request(`${EVENTS}?correlation_id=corr-default`)
    expect(((await res.json()) as { data: unknown[] }).data).toEqual([])
  })

  it('refuses an unknown event type only when configured to', async () => {
    const event = validEvent({
      event_type: 'billing.invoice.paid',
      event_category: 'apifrontend',
      correlation_id: uniqueCorrelationId('unknown-type'),
      event_data: { anything: 1 },
    })
    const accepting = await app.request(EVENTS, postJson(event))
    expect(accepting.status).toBe(201)
    const rejecting = buildTestApp(db.store, { config: { unknownEventTypes: 'reject' } }).app
    const res = await rejecting.request(EVENTS, postJson({ ...event, event_id: undefined }))
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem
    expect(problem.type).toBe(`${P}validation-error`)
    expect(problem.errors).toEqual([{ field: 'event_type', message: 'is not in the event-type catalog' }])
  })
})

describe('a batch with invalid events', () => {
  it('reports every invalid event by index, with every invalid field, and stores none', async () => {
    const correlation_id = uniqueCorrelationId('batch-invalid')
    const batch = [
      validEvent({ correlation_id }),
      validEvent({ correlation_id, event_type: 'NOPE', event_outcome: 'maybe' as never }),
      validEvent({ correlation_id }),
      { ...without('event_action'), correlation_id, severity: 'loud', extra: 1 },
      validEvent({ correlation_id, event_data: { fingerprint: 'fp' } }),
    ]
    const res = await app.request(BATCH, postJson(batch))
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem
    expect(problem.detail).toBe('3 of 5 events are invalid; nothing was stored.')
    const byIndex = new Map<number, string[]>()
    for (const e of (problem.errors ?? []) as Array<{ index: number; field: string }>) {
      byIndex.set(e.index, [...(byIndex.get(e.index) ?? []), e.field])
    }
    expect([...byIndex.keys()].sort()).toEqual([1, 3, 4])
    expect(byIndex.get(1)?.sort()).toEqual(['event_outcome', 'event_type'])
    expect(byIndex.get(3)?.sort()).toEqual(['event_action', 'extra', 'severity'])
    expect(byIndex.get(4)?.sort()).toEqual(['event_data.signal_name', 'event_data.signal_source'])

    const stored = await app.request(`${EVENTS}?correlation_id=${correlation_id}`)
    expect(((await stored.json()) as { data: unknown[] }).data).toEqual([])

    // Dropping just the reported indexes makes the batch acceptable, as the client does.
    const rest = batch.filter((_, i) => !byIndex.has(i))
    const retry = await app.request(BATCH, postJson(rest))
    expect(retry.status).toBe(201)
    expect(await retry.json()).toMatchObject({ created: 2, duplicates: 0 })
  })
})
