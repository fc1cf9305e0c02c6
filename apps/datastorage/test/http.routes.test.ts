import type {
  AuditEvent,
  AuditEventBatchCreated,
  AuditEventCreated,
  AuditEventPage,
} from '@audit-trail/datastorage-client'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/client.js'
import { DataStorageError } from '../src/errors.js'
import type { AppEnv } from '../src/http/context.js'
import { ReadinessState } from '../src/http/readiness.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import type { EventWriter } from '../src/write/event-writer.js'
import { buildTestApp, type TestApp } from './support/app.js'
import { postJson, uniqueCorrelationId, validEvent } from './support/events.js'
import { literalAfterKey, sameDecimal } from './support/exact-decimal.js'
import { openPgliteStore, type TestStore } from './support/store.js'

const EVENTS = '/api/v1/audit/events'
const BATCH = '/api/v1/audit/events/batch'
const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let db: TestStore
let test: TestApp
let app: Hono<AppEnv>

beforeAll(async () => {
  db = await openPgliteStore()
  test = buildTestApp(db.store)
  app = test.app
})
afterAll(() => db?.close())

async function query(params: Record<string, string>): Promise<AuditEventPage> {
  const res = await app.request(`${EVENTS}?${new URLSearchParams(params)}`)
  expect(res.status).toBe(200)
  return (await res.json()) as AuditEventPage
}

describe('POST /api/v1/audit/events', () => {
  it("stores as sent what the seed system's emitters send: a free severity word, empty cluster_id and namespace, a two-segment event_type", async () => {
    const correlation_id = uniqueCorrelationId('seed-shapes')
    const event = validEvent({
      correlation_id,
      event_type: 'remediation.workflow_created',
      event_data: {
        event_type: 'remediation.workflow_created',
        rr_name: 'rr-1',
        namespace: '',
        workflow_id: 'restart-pod',
      },
      severity: 'high',
      cluster_id: '',
      namespace: '',
    })
    const res = await app.request(EVENTS, postJson(event))
    expect(res.status).toBe(201)
    const [stored] = (await query({ correlation_id, severity: 'high' })).data
    expect(stored).toMatchObject({
      event_type: 'remediation.workflow_created',
      severity: 'high',
      cluster_id: '',
      namespace: '',
    })
  })

  it('stores an event with its own id and reports a replay as a duplicate', async () => {
    const event = validEvent({
      event_id: '01890a5d-ac96-774b-bcce-b302099a8000',
      correlation_id: uniqueCorrelationId('single'),
    })
    const first = await app.request(EVENTS, postJson(event))
    expect(first.status).toBe(201)
    expect(first.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await first.json()).toEqual<AuditEventCreated>({
      event_id: event.event_id!,
      event_timestamp: event.event_timestamp,
      duplicate: false,
      message: 'audit event stored',
    })
    const replay = await app.request(EVENTS, postJson(event))
    expect(replay.status).toBe(201)
    expect(await replay.json()).toMatchObject({ duplicate: true, message: 'audit event already stored' })
    const page = await query({ correlation_id: event.correlation_id })
    expect(page.data).toHaveLength(1)
  })

  it('assigns a UUIDv7 when the event has no id, and the event can be read back by it', async () => {
    const event = validEvent({
      correlation_id: uniqueCorrelationId('assign'),
      actor_type: 'service',
      actor_id: 'gateway',
      actor_ip: '10.0.0.7',
      severity: 'warning',
      duration_ms: 12,
      is_sensitive: true,
    })
    const res = await app.request(EVENTS, postJson(event))
    expect(res.status).toBe(201)
    const { event_id } = (await res.json()) as AuditEventCreated
    expect(event_id).toMatch(UUIDV7)
    // The first 48 bits are the creation time in ms, so service-made ids sort by time.
    const millis = Number.parseInt(event_id.replace(/-/g, '').slice(0, 12), 16)
    expect(Math.abs(millis - Date.now())).toBeLessThan(60_000)

    const got = await app.request(`${EVENTS}/${event_id}`)
    expect(got.status).toBe(200)
    const stored = (await got.json()) as AuditEvent
    expect(stored).toMatchObject({
      event_id,
      event_type: event.event_type,
      correlation_id: event.correlation_id,
      event_data: event.event_data,
      actor_id: 'gateway',
      actor_ip: '10.0.0.7',
      severity: 'warning',
      duration_ms: 12,
      is_sensitive: true,
      retention_days: 2555,
      event_date: event.event_timestamp.slice(0, 10),
    })
    expect(Date.parse(stored.event_timestamp)).toBe(Date.parse(event.event_timestamp))
    expect(Number.isNaN(Date.parse(stored.stored_at))).toBe(false)
  })

  it('accepts an old timestamp (a replay from a dead-letter queue) in a month with no partition yet', async () => {
    const event = validEvent({
      event_timestamp: '2019-06-15T12:00:00.000Z',
      correlation_id: uniqueCorrelationId('old'),
    })
    const res = await app.request(EVENTS, postJson(event))
    expect(res.status).toBe(201)
    const page = await query({ correlation_id: event.correlation_id })
    expect(page.data[0]?.event_date).toBe('2019-06-15')
  })
})

describe('POST /api/v1/audit/events/batch', () => {
  it('stores a batch atomically and reports duplicates by id on a partial replay', async () => {
    const correlation_id = uniqueCorrelationId('batch')
    const events = Array.from({ length: 3 }, (_, i) =>
      validEvent({
        correlation_id,
        event_action: `step${i}`,
        event_timestamp: new Date(Date.now() - i * 1000).toISOString(),
      }),
    )
    const res = await app.request(BATCH, postJson(events))
    expect(res.status).toBe(201)
    const created = (await res.json()) as AuditEventBatchCreated
    expect(created).toMatchObject({
      created: 3,
      duplicates: 0,
      duplicate_ids: [],
      message: '3 audit events stored',
    })
    expect(created.event_ids).toHaveLength(3)
    for (const id of created.event_ids) expect(id).toMatch(UUIDV7)

    const withIds = events.map((e, i) => ({ ...e, event_id: created.event_ids[i] }))
    const fresh = validEvent({ correlation_id, event_action: 'step3' })
    const replay = await app.request(BATCH, postJson([...withIds.slice(0, 2), fresh]))
    expect(replay.status).toBe(201)
    const second = (await replay.json()) as AuditEventBatchCreated
    expect(second).toMatchObject({
      created: 1,
      duplicates: 2,
      message: '1 audit event stored, 2 already stored',
    })
    expect(second.duplicate_ids?.sort()).toEqual(created.event_ids.slice(0, 2).sort())
    expect(second.event_ids.slice(0, 2)).toEqual(created.event_ids.slice(0, 2))

    const page = await query({ correlation_id })
    expect(page.data).toHaveLength(4)
  })

  it('counts events and batch sizes in the metrics', async () => {
    const correlation_id = uniqueCorrelationId('metrics')
    await app.request(BATCH, postJson(Array.from({ length: 7 }, () => validEvent({ correlation_id }))))
    const text = await (await app.request('/metrics')).text()
    expect(text).toMatch(/audit_events_written_total\{result="created"\} \d+/)
    expect(text).toMatch(/audit_events_written_total\{result="duplicate"\} [1-9]/)
    expect(text).toMatch(/audit_batch_size_bucket\{le="10"\} [1-9]/)
    expect(text).toContain(
      'http_requests_total{route="/api/v1/audit/events/batch",method="POST",status="201"}',
    )
    expect(text).toContain(
      'http_requests_total{route="/api/v1/audit/events/:event_id",method="GET",status="200"}',
    )
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="[\d.]+",route="\/api\/v1\/audit\/events",method="POST"\}/,
    )
    expect(text).not.toMatch(/route="\/api\/v1\/audit\/events\/[0-9a-f]{8}-/)
  })
})

describe('numbers are stored with the value sent, or the event is refused', () => {
  /** The event as JSON text with `@name` placeholders replaced by number literals, as a client may write them. */
  function eventText(
    correlation_id: string,
    topLevel: Record<string, string>,
    data: Record<string, string>,
  ): string {
    const event = validEvent({
      correlation_id,
      event_type: 'test.numbers.recorded',
      event_data: Object.fromEntries(Object.keys(data).map((k) => [k, `@${k}`])),
      ...Object.fromEntries(Object.keys(topLevel).map((k) => [k, `@${k}`])),
    })
    return JSON.stringify(event).replace(/"@(\w+)"/g, (_, k: string) => topLevel[k] ?? data[k]!)
  }

  // Each literal denotes a double's exact value, however it is written.
  const storable: Record<string, string> = {
    hundred: '1e2',
    hundred_point: '100.0',
    hundred_upper: '1.00E+2',
    tenth: '0.1',
    minus_zero: '-0',
    double_sum: '0.30000000000000004',
    max_safe: '9007199254740991',
    huge: '1.5e300',
    largest: '1.7976931348623157e308',
    tiny: '5e-324',
    small: '-123.456e-2',
  }

  it('stores each literal with its decimal value (GET returns the same values)', async () => {
    const correlation_id = uniqueCorrelationId('exact')
    const res = await app.request(
      EVENTS,
      postJson(eventText(correlation_id, { duration_ms: '1.5e3', retention_days: '3.0e1' }, storable)),
    )
    expect(res.status).toBe(201)
    const { event_id } = (await res.json()) as AuditEventCreated
    const text = await (await app.request(`${EVENTS}/${event_id}`)).text()
    for (const [key, sent] of Object.entries({
      ...storable,
      duration_ms: '1.5e3',
      retention_days: '3.0e1',
    })) {
      const got = literalAfterKey(text, key)
      expect(got !== undefined && sameDecimal(sent, got), `${key}: sent ${sent}, got ${got}`).toBe(true)
    }
  })

  it('refuses a single event naming each number that would change, top-level fields included', async () => {
    const correlation_id = uniqueCorrelationId('inexact')
    const text = eventText(
      correlation_id,
      { duration_ms: '1.00000000000000000001' },
      { x: '1e309', ok: '0.1', tiny: '1e-400', big: '123456789012345678901234567890' },
    )
    const res = await app.request(EVENTS, postJson(text))
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await res.json()) as { type: string; errors: unknown[] }
    expect(problem.type).toBe('https://audit-trail.dev/problems/validation-error')
    expect(problem.errors).toEqual([
      { field: 'event_data.x', message: 'number 1e309 cannot be stored exactly (it would become null)' },
      { field: 'event_data.tiny', message: 'number 1e-400 cannot be stored exactly (it would become 0)' },
      {
        field: 'event_data.big',
        message:
          'number 123456789012345678901234567890 cannot be stored exactly (it would become 1.2345678901234568e+29)',
      },
      {
        field: 'duration_ms',
        message: 'number 1.00000000000000000001 cannot be stored exactly (it would become 1)',
      },
    ])
    expect((await query({ correlation_id })).data).toEqual([])
  })

  it('gives one error per field when the validator refuses the value JSON.parse made of the number', async () => {
    const res = await app.request(
      EVENTS,
      postJson(eventText(uniqueCorrelationId('both'), { duration_ms: '1e309' }, { n: '1' })),
    )
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([
      {
        field: 'duration_ms',
        message: 'number 1e309 cannot be stored exactly (it would become null); must be <= 2147483647',
      },
    ])
  })

  it('refuses a batch naming the index of each event concerned, and stores none of it', async () => {
    const correlation_id = uniqueCorrelationId('inexact-batch')
    const events = [
      eventText(correlation_id, {}, { ok: '1e2' }),
      eventText(correlation_id, {}, { count: '9007199254740993' }),
      JSON.stringify(validEvent({ correlation_id, event_outcome: 'maybe' as never })),
      eventText(correlation_id, { duration_ms: '-0' }, { tiny: '-1e-400' }),
    ]
    const res = await app.request(BATCH, postJson(`[${events.join(',')}]`))
    expect(res.status).toBe(400)
    const problem = (await res.json()) as { detail: string; errors: Array<{ index: number; field: string }> }
    expect(problem.detail).toBe('3 of 4 events are invalid; nothing was stored.')
    expect(problem.errors).toEqual([
      {
        index: 1,
        field: 'event_data.count',
        message: 'number 9007199254740993 cannot be stored exactly (it would become 9007199254740992)',
      },
      { index: 2, field: 'event_outcome', message: expect.stringMatching(/^must be one of/) },
      {
        index: 3,
        field: 'event_data.tiny',
        message: 'number -1e-400 cannot be stored exactly (it would become 0)',
      },
    ])
    expect((await query({ correlation_id })).data).toEqual([])
  })

  it('stores a batch whose numbers are all exact, each with the value sent', async () => {
    const correlation_id = uniqueCorrelationId('exact-batch')
    const entries = Object.entries(storable)
    const res = await app.request(
      BATCH,
      postJson(`[${entries.map(([k, v]) => eventText(correlation_id, {}, { [k]: v })).join(',')}]`),
    )
    expect(res.status).toBe(201)
    const { event_ids } = (await res.json()) as AuditEventBatchCreated
    for (const [i, [key, sent]] of entries.entries()) {
      const text = await (await app.request(`${EVENTS}/${event_ids[i]}`)).text()
      const got = literalAfterKey(text, key)
      expect(got !== undefined && sameDecimal(sent, got), `${key}: sent ${sent}, got ${got}`).toBe(true)
    }
  })
})

describe('GET /api/v1/audit/events', () => {
  const correlation_id = uniqueCorrelationId('query')
  const base = Date.parse('2025-01-10T00:00:00.000Z')
  const ids: string[] = []

  beforeAll(async () => {
    const events = Array.from({ length: 5 }, (_, i) =>
      validEvent({
        correlation_id,
        event_timestamp: new Date(base + i * 60_000).toISOString(),
        event_outcome: i % 2 === 0 ? 'success' : 'failure',
        actor_id: `actor-${i % 2}`,
      }),
    )
    const res = await app.request(BATCH, postJson(events))
    ids.push(...((await res.json()) as AuditEventBatchCreated).event_ids)
  })

  it('returns events newest first with the default limit', async () => {
    const page = await query({ correlation_id })
    expect(page.pagination).toEqual({ limit: 100, next_cursor: null, has_more: false })
    expect(page.data.map((e) => e.event_id)).toEqual([...ids].reverse())
  })

  it('pages with an opaque cursor without gaps or overlaps', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: AuditEventPage = await query({ correlation_id, limit: '2', ...(cursor ? { cursor } : {}) })
      expect(page.pagination.limit).toBe(2)
      seen.push(...page.data.map((e) => e.event_id))
      cursor = page.pagination.next_cursor
      expect(page.pagination.has_more).toBe(cursor !== null)
      pages++
    } while (cursor && pages < 10)
    expect(pages).toBe(3)
    expect(seen).toEqual([...ids].reverse())
  })

  it('filters by outcome, actor and an RFC 3339 time window', async () => {
    const failures = await query({ correlation_id, event_outcome: 'failure' })
    expect(failures.data.map((e) => e.event_id)).toEqual([ids[3], ids[1]])
    const actor = await query({ correlation_id, actor_id: 'actor-0' })
    expect(actor.data).toHaveLength(3)
    const window = await query({
      correlation_id,
      since: new Date(base + 60_000).toISOString(),
      until: new Date(base + 3 * 60_000).toISOString(),
    })
    expect(window.data.map((e) => e.event_id)).toEqual([ids[2], ids[1]])
  })

  it('takes relative bounds before now', async () => {
    const recent = uniqueCorrelationId('relative')
    await app.request(EVENTS, postJson(validEvent({ correlation_id: recent })))
    await app.request(
      EVENTS,
      postJson(
        validEvent({
          correlation_id: recent,
          event_timestamp: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        }),
      ),
    )
    expect((await query({ correlation_id: recent, since: '15m' })).data).toHaveLength(1)
    expect((await query({ correlation_id: recent, since: '7d' })).data).toHaveLength(2)
    expect((await query({ correlation_id: recent, until: '1d' })).data).toHaveLength(1)
    expect((await query({ correlation_id: recent, since: '2w', until: '90s' })).data).toHaveLength(1)
  })
})

describe('operations endpoints', () => {
  it('/healthz answers ok', async () => {
    const res = await app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('/readyz is ready with a reachable database, and 503 draining once shutdown starts', async () => {
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', dlq: 'disabled' } })

    const readiness = new ReadinessState()
    const draining = buildTestApp(db.store, { readiness }).app
    readiness.startDraining()
    const res = await draining.request('/readyz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      status: 'not_ready',
      reasons: ['draining'],
      checks: { database: 'ok', dlq: 'disabled' },
    })
    expect(res.headers.get('connection')).toBe('close')
  })

  it('/metrics serves Prometheus text from the app registry', async () => {
    const res = await app.request('/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await res.text()).toContain('# TYPE http_requests_total counter')
  })
})

describe('request ids and logs', () => {
  it('honours an incoming X-Request-Id and logs the request with it', async () => {
    const res = await app.request('/healthz', { headers: { 'X-Request-Id': 'trace-abc-123' } })
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123')
    const line = test.logs().find((l) => l.req_id === 'trace-abc-123')
    expect(line).toMatchObject({ method: 'GET', path: '/healthz', route: '/healthz', status: 200 })
    expect(typeof line?.duration_ms).toBe('number')
  })

  it('replaces an unsafe X-Request-Id with a fresh one', async () => {
    const res = await app.request('/healthz', { headers: { 'X-Request-Id': 'bad id; drop table' } })
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('the write path seam for the dead-letter fallback', () => {
  it('answers 202 Accepted when the writer queued the events instead of storing them', async () => {
    const writes: number[] = []
    const writer: EventWriter = {
      write: async (events) => {
        writes.push(events.length)
        return { created: [], duplicates: [], queued: events.map((e) => e.event_id) }
      },
    }
    const queued = buildTestApp(db.store, { writer }).app
    const single = await queued.request(
      EVENTS,
      postJson(validEvent({ event_id: '01890a5d-ac96-774b-bcce-b302099a8111' })),
    )
    expect(single.status).toBe(202)
    expect(await single.json()).toEqual({
      status: 'accepted',
      message: 'audit event queued for async processing',
      event_ids: ['01890a5d-ac96-774b-bcce-b302099a8111'],
      queued: 1,
    })
    const batch = await queued.request(BATCH, postJson([validEvent(), validEvent()]))
    expect(batch.status).toBe(202)
    const body = (await batch.json()) as { status: string; event_ids: string[]; queued: number }
    expect(body).toMatchObject({
      status: 'accepted',
      queued: 2,
      message: 'audit events queued for async processing',
    })
    expect(body.event_ids).toHaveLength(2)
    expect(writes).toEqual([1, 2])
  })

  it('answers 503 with Retry-After when the dead-letter queue refuses too', async () => {
    const writer: EventWriter = {
      write: async () => {
        throw new DataStorageError('DLQ_FULL', 'dead-letter queue is full: 10 of 10 messages')
      },
    }
    const res = await buildTestApp(db.store, { writer }).app.request(EVENTS, postJson(validEvent()))
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(((await res.json()) as { type: string }).type).toBe('https://audit-trail.dev/problems/dlq-full')
  })

  it('answers 503 store-unavailable when Redis cannot take the events', async () => {
    const writer: EventWriter = {
      write: async () => {
        throw new DataStorageError('DLQ_UNAVAILABLE', 'could not queue 1 event(s): connect ECONNREFUSED')
      },
    }
    const res = await buildTestApp(db.store, { writer }).app.request(EVENTS, postJson(validEvent()))
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(((await res.json()) as { type: string }).type).toBe(
      'https://audit-trail.dev/problems/store-unavailable',
    )
  })
})

describe('failures of the service itself', () => {
  it('answers 500 with a generic detail and logs the error with its stack', async () => {
    const writer: EventWriter = {
      write: async () => {
        // Shaped like a driver error: the statement's parameters ride along on the error.
        throw Object.assign(new Error('secret internal detail: password=hunter2'), {
          code: 'XX000',
          params: ['parameter-payload-not-for-logs'],
        })
      },
    }
    const failing = buildTestApp(db.store, { writer })
    const res = await failing.app.request(EVENTS, postJson(validEvent()))
    expect(res.status).toBe(500)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const text = await res.text()
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('at ')
    expect(JSON.parse(text)).toMatchObject({
      type: 'https://audit-trail.dev/problems/internal-error',
      status: 500,
      instance: EVENTS,
    })
    const logged = failing.logs().find((l) => l.msg === 'unhandled error') as { err?: { stack?: string } }
    expect(logged?.err?.stack).toContain('hunter2')
    expect(logged?.err).toMatchObject({ type: 'Error', code: 'XX000' })
    expect(JSON.stringify(failing.logs())).not.toContain('parameter-payload-not-for-logs')
  })
})

describe('an unreachable database', () => {
  // Nothing listens on port 1: every connection attempt is refused at once.
  const unreachable = async () => {
    const database = await openDatabase({
      url: 'postgres://postgres@127.0.0.1:1/none',
      connectTimeoutSeconds: 2,
    })
    return createAuditEventStore(database)
  }

  it('turns writes and reads into 503 problems with Retry-After, and /readyz into 503', async () => {
    const store = await unreachable()
    const down = buildTestApp(store)
    try {
      for (const [path, init] of [
        [EVENTS, postJson(validEvent())],
        [BATCH, postJson([validEvent()])],
        [`${EVENTS}?correlation_id=x`, undefined],
        [`${EVENTS}/01890a5d-ac96-774b-bcce-b302099a8057`, undefined],
      ] as const) {
        const res = await down.app.request(path, init)
        expect(res.status, path).toBe(503)
        expect(res.headers.get('content-type')).toBe('application/problem+json')
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
        const problem = (await res.json()) as { type: string; detail: string }
        expect(problem.type).toBe('https://audit-trail.dev/problems/store-unavailable')
        expect(problem.detail).not.toContain('127.0.0.1')
      }
      const ready = await down.app.request('/readyz')
      expect(ready.status).toBe(503)
      expect(await ready.json()).toEqual({
        status: 'not_ready',
        reasons: ['database_unreachable_no_dlq'],
        checks: { database: 'failing', dlq: 'disabled' },
      })
      const metrics = await (await down.app.request('/metrics')).text()
      expect(metrics).toMatch(/audit_db_errors_total\{kind="unavailable"\} [5-9]/)
      expect(down.logs().some((l) => l.level === 40 && l.msg === 'Storage unavailable')).toBe(true)
    } finally {
      await store.close()
    }
  })
})
