import { encodeDeadLetterMessage } from '@audit-trail/datastorage-client'
import { startThrowawayRedis, type ThrowawayRedis, waitFor } from '@audit-trail/test-infra'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DlqAdminConnection, type DlqAdminOptions, openDlqAdmin } from '../src/dlq/dlq-admin.js'
import type { AppEnv, AuditRead } from '../src/http/context.js'
import { addMessages, clientMessage, makeEvent, useDlqTestContext } from './dlq/support.js'
import { buildTestApp } from './support/app.js'

const dlq = useDlqTestContext({ postgres: true })
const CAPACITY = 1000
const GROUP = 'datastorage'

const adminOptions = (): DlqAdminOptions => ({
  redis: dlq.redis,
  stream: dlq.streams.stream,
  deadLetterStream: dlq.streams.deadLetterStream,
  group: GROUP,
  capacity: CAPACITY,
})

/**
 * The app (protected mode, in-process requests count as loopback: the scopes are auth.http.test's
 * business), behind an outer app that keeps what the handler left for the self-audit.
 */
function appWith(dlqAdmin: DlqAdminOptions | undefined) {
  const { app, logs } = buildTestApp(dlq.pg.store, { dlqAdmin })
  const reads: Array<AuditRead | undefined> = []
  const outer = new Hono<AppEnv>()
  outer.use(async (c, next) => {
    await next()
    reads.push(c.get('auditRead'))
  })
  outer.route('/', app)
  const get = async (path: string) => {
    const res = await outer.request(path)
    return { res, body: (await res.json()) as Record<string, unknown> }
  }
  return { get, reads, logs }
}

describe('GET /api/v1/audit/dlq', () => {
  it('answers an empty DLQ: no stream, no group, nothing dead-lettered', async () => {
    const { res, body } = await appWith(adminOptions()).get('/api/v1/audit/dlq')
    expect(res.status).toBe(200)
    expect(body).toEqual({
      enabled: true,
      stream: dlq.streams.stream,
      length: 0,
      capacity: CAPACITY,
      capacity_ratio: 0,
      group: null,
      dead_letter: { stream: dlq.streams.deadLetterStream, length: 0 },
      oldest_enqueued_at: null,
    })
  })

  it('counts queued messages and names the oldest one’s enqueued_at', async () => {
    const messages = [0, 1, 2].map((i) =>
      clientMessage(makeEvent(), { enqueuedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }),
    )
    await addMessages(dlq.redis, dlq.streams.stream, messages)
    await addMessages(dlq.redis, dlq.streams.deadLetterStream, [clientMessage(makeEvent())])
    const { body } = await appWith(adminOptions()).get('/api/v1/audit/dlq')
    expect(body).toMatchObject({
      enabled: true,
      length: 3,
      capacity_ratio: 3 / CAPACITY,
      group: null,
      dead_letter: { stream: dlq.streams.deadLetterStream, length: 1 },
      oldest_enqueued_at: '2026-01-01T00:00:00.000Z',
    })
  })

  it('reports the replay group: pending messages, last delivered id, consumers', async () => {
    const ids = await addMessages(dlq.redis, dlq.streams.stream, [
      clientMessage(makeEvent()),
      clientMessage(makeEvent()),
      clientMessage(makeEvent()),
    ])
    await dlq.redis.xgroup('CREATE', dlq.streams.stream, GROUP, '0')
    await dlq.redis.xreadgroup('GROUP', GROUP, 'replica-1', 'COUNT', 2, 'STREAMS', dlq.streams.stream, '>')
    const { body } = await appWith(adminOptions()).get('/api/v1/audit/dlq')
    expect(body.length).toBe(3)
    expect(body.group).toEqual({
      name: GROUP,
      pending: 2,
      last_delivered_id: ids[1],
      consumers: [{ name: 'replica-1', pending: 2, idle_ms: expect.any(Number) }],
    })
    const [consumer] = (body.group as { consumers: Array<{ idle_ms: number }> }).consumers
    expect(consumer!.idle_ms).toBeGreaterThanOrEqual(0)
  })

  it('answers a stream key of another type as a 500 it logs, not as Redis being down', async () => {
    await dlq.redis.set(dlq.streams.stream, 'not a stream')
    const { get, logs } = appWith(adminOptions())
    const { res, body } = await get('/api/v1/audit/dlq')
    expect(res.status).toBe(500)
    expect(body).toMatchObject({ type: 'https://audit-trail.dev/problems/internal-error' })
    expect(JSON.stringify(body)).not.toContain('WRONGTYPE')
    expect(logs().some((l) => l.level === 50 && JSON.stringify(l.err).includes('WRONGTYPE'))).toBe(true)
  })

  it('answers {enabled:false} when the service has no DLQ', async () => {
    const { res, body } = await appWith(undefined).get('/api/v1/audit/dlq')
    expect(res.status).toBe(200)
    expect(body).toEqual({ enabled: false })
  })
})

describe('GET /api/v1/audit/dlq/messages', () => {
  it('lists the oldest messages decoded, undecodable ones with why, and leaves the read for the self-audit', async () => {
    const event = makeEvent()
    const [first] = await addMessages(dlq.redis, dlq.streams.stream, [
      clientMessage(event, {
        reason: 'HTTP 503 after 3 retries',
        attempts: 4,
        enqueuedAt: '2026-01-01T00:00:00.000Z',
      }),
    ])
    const broken = await dlq.redis.xadd(dlq.streams.stream, '*', 'v', '1', 'event', '{not json')
    await addMessages(dlq.redis, dlq.streams.stream, [clientMessage(makeEvent())])
    const { get, reads } = appWith(adminOptions())

    const { res, body } = await get('/api/v1/audit/dlq/messages?count=2')
    expect(res.status).toBe(200)
    expect(body.stream).toBe(dlq.streams.stream)
    const messages = body.messages as Array<Record<string, unknown>>
    expect(messages.map((m) => m.id)).toEqual([first, broken])
    expect(messages[0]).toEqual({
      id: first,
      message: {
        event: JSON.parse(JSON.stringify(event)),
        source: 'client',
        service: 'billing',
        reason: 'HTTP 503 after 3 retries',
        attempts: 4,
        enqueued_at: '2026-01-01T00:00:00.000Z',
      },
    })
    expect(messages[1]).toEqual({ id: broken, error: expect.any(String) })
    expect(reads.at(-1)).toEqual({
      operation: 'dlq_messages',
      rows: 2,
      filters: { count: '2', stream: 'dlq' },
    })

    // The default count (10) takes all three.
    const all = await get('/api/v1/audit/dlq/messages')
    expect((all.body.messages as unknown[]).length).toBe(3)
    expect(reads.at(-1)).toEqual({
      operation: 'dlq_messages',
      rows: 3,
      filters: { count: '10', stream: 'dlq' },
    })
  })

  it('lists the dead-letter stream with the parked fields as extra', async () => {
    const parked = clientMessage(makeEvent(), {
      source: 'server',
      service: 'datastorage',
      recordedBy: 'billing-writer',
    })
    const id = await dlq.redis.xadd(
      dlq.streams.deadLetterStream,
      '*',
      ...encodeDeadLetterMessage(parked),
      'dlq_id',
      '1767225600000-0',
      'poisoned_at',
      '2026-01-01T00:00:01.000Z',
    )
    const { get, reads } = appWith(adminOptions())
    const { res, body } = await get('/api/v1/audit/dlq/messages?stream=dead-letter&count=100')
    expect(res.status).toBe(200)
    expect(body).toMatchObject({
      stream: dlq.streams.deadLetterStream,
      messages: [
        {
          id,
          message: {
            source: 'server',
            service: 'datastorage',
            recorded_by: 'billing-writer',
            event: { event_id: parked.event.event_id },
          },
          extra: { dlq_id: '1767225600000-0', poisoned_at: '2026-01-01T00:00:01.000Z' },
        },
      ],
    })
    expect(reads.at(-1)).toEqual({
      operation: 'dlq_messages',
      rows: 1,
      filters: { count: '100', stream: 'dead-letter' },
    })
    const empty = await get('/api/v1/audit/dlq/messages')
    expect(empty.body).toEqual({ stream: dlq.streams.stream, messages: [] })
  })

  it('refuses parameters outside the contract with a 400 naming each, and records no read', async () => {
    const { get, reads } = appWith(adminOptions())
    const cases: Array<[string, string[]]> = [
      ['count=0', ['count']],
      ['count=101', ['count']],
      ['count=1.5', ['count']],
      ['count=ten', ['count']],
      ['stream=poison', ['stream']],
      ['count=1&count=2', ['count']],
      ['limit=5', ['limit']],
      ['count=0&stream=x&cursor=y', ['count', 'stream', 'cursor']],
    ]
    for (const [query, fields] of cases) {
      const { res, body } = await get(`/api/v1/audit/dlq/messages?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(body.type).toBe('https://audit-trail.dev/problems/validation-error')
      expect((body.errors as Array<{ field: string }>).map((e) => e.field).sort(), query).toEqual(
        [...fields].sort(),
      )
    }
    // The stats take no parameter at all.
    const stats = await get('/api/v1/audit/dlq?count=1')
    expect(stats.res.status).toBe(400)
    expect(stats.body.errors).toEqual([{ field: 'count', message: 'is not a known query parameter' }])
    expect(reads.every((r) => r === undefined)).toBe(true)
    // The bounds themselves are accepted.
    for (const count of [1, 100]) {
      expect((await get(`/api/v1/audit/dlq/messages?count=${count}`)).res.status).toBe(200)
    }
  })

  it('answers 404 naming REDIS_URL when the service has no DLQ', async () => {
    const { get, reads } = appWith(undefined)
    const { res, body } = await get('/api/v1/audit/dlq/messages')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(body).toMatchObject({ type: 'https://audit-trail.dev/problems/not-found', status: 404 })
    expect(body.detail).toContain('REDIS_URL')
    expect(reads).toEqual([undefined])
  })
})

describe('with Redis down', () => {
  let redis: ThrowawayRedis
  let admin: DlqAdminConnection
  beforeAll(async () => {
    redis = await startThrowawayRedis()
    admin = openDlqAdmin(
      redis.url,
      {
        stream: 'audit:dlq:events',
        deadLetterStream: 'audit:dead-letter:events',
        consumerGroup: GROUP,
        capacity: CAPACITY,
      },
      { commandTimeoutMs: 500 },
    )
  })
  afterAll(async () => {
    await admin?.close()
    await redis?.destroy()
  })

  it('answers 503 dlq-unavailable with Retry-After and no stack, then reads again once Redis is back', async () => {
    const { get, logs } = appWith(admin)
    // The connection opens on the first request.
    expect(admin.redis.status).toBe('wait')
    expect((await get('/api/v1/audit/dlq')).body).toMatchObject({ enabled: true, length: 0 })

    await redis.kill()
    for (const path of ['/api/v1/audit/dlq', '/api/v1/audit/dlq/messages?count=5']) {
      const started = Date.now()
      const { res, body } = await get(path)
      expect(res.status, path).toBe(503)
      expect(Date.now() - started).toBeLessThan(5000)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(res.headers.get('retry-after')).toBe('5')
      expect(body).toEqual({
        type: 'https://audit-trail.dev/problems/dlq-unavailable',
        title: 'Dead-letter queue unavailable',
        status: 503,
        detail: expect.stringContaining('REDIS_URL'),
        instance: path.split('?')[0],
      })
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+/)
    }
    // Logged as a warning for the operator, not as an unhandled error.
    expect(logs().some((l) => l.level === 40 && l.msg === 'Dead-letter queue unavailable')).toBe(true)
    expect(logs().some((l) => l.level === 50)).toBe(false)

    await redis.start()
    await waitFor(
      'the admin routes to read Redis again',
      async () => (await get('/api/v1/audit/dlq')).res.status === 200,
      10_000,
    )
  })

  it('closes its connection, also when it never opened one', async () => {
    const unused = openDlqAdmin(redis.url, {
      stream: 's',
      deadLetterStream: 'd',
      consumerGroup: GROUP,
      capacity: 1,
    })
    await unused.close()
    expect(unused.redis.status).toBe('end')
    await admin.close()
    await admin.close()
    expect(admin.redis.status).toBe('end')
  })
})
