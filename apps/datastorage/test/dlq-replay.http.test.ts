import type { components, Problem } from '@audit-trail/datastorage-client'
import { waitFor } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DlqAdminOptions } from '../src/dlq/dlq-admin.js'
import { createLogger } from '../src/logger.js'
import { createMetrics } from '../src/metrics/service-metrics.js'
import { SelfAudit } from '../src/self-audit/self-audit.js'
import { createEventWriter } from '../src/write/event-writer.js'
import { addMessages, clientMessage, makeEvent, useDlqTestContext } from './dlq/support.js'
import { buildTestApp, logCapture } from './support/app.js'
import { postJson } from './support/events.js'

// POST /api/v1/audit/dlq/replay against a real Redis and PostgreSQL: the messages put in the DLQ
// are stored, the summary is the contract's, a second request meanwhile is refused with 409, the
// body is validated, and the replay is self-audited with trigger `api`.

type Summary = components['schemas']['DlqReplaySummary']
const REPLAY = '/api/v1/audit/dlq/replay'
const GROUP = 'datastorage'

const dlq = useDlqTestContext({ postgres: true })

const adminOptions = (): DlqAdminOptions => ({
  redis: dlq.redis,
  stream: dlq.streams.stream,
  deadLetterStream: dlq.streams.deadLetterStream,
  group: GROUP,
  capacity: 1000,
})

let selfAudit: SelfAudit
beforeAll(() => {
  const metrics = createMetrics({ defaultMetrics: false })
  selfAudit = new SelfAudit({
    writer: createEventWriter({ store: dlq.pg.store, metrics }),
    logger: createLogger({ level: 'silent', destination: logCapture().stream }),
    metrics,
    flushIntervalMs: 10,
  })
})
afterAll(() => selfAudit?.close())

function appWith(admin: DlqAdminOptions | undefined) {
  return buildTestApp(dlq.pg.store, { dlqAdmin: admin, selfAudit }).app
}

describe('POST /api/v1/audit/dlq/replay', () => {
  it('stores the queued messages and answers the summary; an event already stored is done, not created', async () => {
    const events = [makeEvent(), makeEvent(), makeEvent()]
    const stored = makeEvent()
    await dlq.pg.store.insert([stored], 'test-writer')
    await addMessages(
      dlq.redis,
      dlq.streams.stream,
      [...events, stored].map((e) => clientMessage(e)),
    )
    const res = await appWith(adminOptions()).request(REPLAY, { method: 'POST' })
    expect(res.status, await res.clone().text()).toBe(200)
    const summary = (await res.json()) as Summary
    expect(summary).toMatchObject({
      stream: dlq.streams.stream,
      total: 4,
      done: 4,
      created: 3,
      poisoned: 0,
      waiting: 0,
      remaining: 0,
      left: { held_elsewhere: [], retrying: 0, unread: 0 },
      gave_up: false,
      max_wait_ms: 60_000,
    })
    expect(summary.duration_ms).toBeGreaterThanOrEqual(0)
    expect(await dlq.pg.countRows(events.map((e) => e.event_id))).toBe(3)
    expect(await dlq.pg.countRows([stored.event_id])).toBe(1)

    // Recorded as datastorage.dlq.replayed, trigger api, the caller as operator.
    await selfAudit.flush()
    const rows = await dlq.pg.sql<{ event_data: Record<string, unknown>; actor_id: string }[]>`
      select event_data, actor_id from audit_events
      where event_type = 'datastorage.dlq.replayed' and event_data->>'stream' = ${dlq.streams.stream}`
    expect(rows).toHaveLength(1)
    expect(rows[0]!.event_data).toMatchObject({
      trigger: 'api',
      done: 4,
      created: 3,
      poisoned: 0,
      waiting: 0,
    })
    expect(rows[0]!.actor_id).toBe(rows[0]!.event_data['operator'])
  })

  it('takes max_wait_ms, and answers an empty queue at once', async () => {
    const res = await appWith(adminOptions()).request(REPLAY, postJson({ max_wait_ms: 1234 }))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ total: 0, done: 0, max_wait_ms: 1234, gave_up: false })
  })

  it('gives up after max_wait_ms when another consumer holds messages not yet claimable', async () => {
    await addMessages(dlq.redis, dlq.streams.stream, [clientMessage(makeEvent())])
    await dlq.redis.xgroup('CREATE', dlq.streams.stream, GROUP, '0')
    await dlq.redis.xreadgroup('GROUP', GROUP, 'replica-1', 'COUNT', 1, 'STREAMS', dlq.streams.stream, '>')
    const res = await appWith(adminOptions()).request(REPLAY, postJson({ max_wait_ms: 0 }))
    expect(res.status).toBe(200)
    const summary = (await res.json()) as Summary
    expect(summary).toMatchObject({ done: 0, remaining: 1, gave_up: true, max_wait_ms: 0 })
    expect(summary.left.held_elsewhere).toEqual([
      { consumer: 'replica-1', count: 1, claimable_in_ms: expect.any(Number) },
    ])
  })

  it('refuses a second replay while one runs (409 replay-in-progress)', async () => {
    await addMessages(dlq.redis, dlq.streams.stream, [clientMessage(makeEvent())])
    await dlq.redis.xgroup('CREATE', dlq.streams.stream, GROUP, '0')
    await dlq.redis.xreadgroup('GROUP', GROUP, 'replica-1', 'COUNT', 1, 'STREAMS', dlq.streams.stream, '>')
    const app = appWith(adminOptions())
    // The first waits (up to 3 s) for the message another consumer holds; the second comes meanwhile.
    const first = app.request(REPLAY, postJson({ max_wait_ms: 3000 }))
    // Running once its consumer joined the group.
    await waitFor('the first replay to read the DLQ', async () => {
      const consumers = (await dlq.redis.xinfo('CONSUMERS', dlq.streams.stream, GROUP)) as unknown[][]
      return consumers.some((c) => String(c[1]).startsWith('api-'))
    })
    const second = await app.request(REPLAY, postJson({}))
    expect(second.status).toBe(409)
    expect(((await second.json()) as Problem).type).toBe(
      'https://audit-trail.dev/problems/replay-in-progress',
    )
    const done = await first
    expect(done.status).toBe(200)
    expect(((await done.json()) as Summary).gave_up).toBe(true)
    // Once it ended, a replay runs again.
    const again = await app.request(REPLAY, postJson({ max_wait_ms: 0 }))
    expect(again.status).toBe(200)
  })

  it('validates the body: unknown fields and a bad max_wait_ms in one 400; 415 and 400 for bad bodies', async () => {
    const app = appWith(adminOptions())
    const res = await app.request(REPLAY, postJson({ max_wait_ms: 600_001, force: true }))
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem & { errors: { field: string }[] }
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['force', 'max_wait_ms'])
    for (const bad of [1.5, -1, '10', null]) {
      const r = await app.request(REPLAY, postJson({ max_wait_ms: bad }))
      expect(r.status, JSON.stringify(bad)).toBe(400)
    }
    expect((await app.request(REPLAY, postJson('[]'))).status).toBe(400)
    expect((await app.request(REPLAY, postJson('{'))).status).toBe(400)
    const text = await app.request(REPLAY, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(text.status).toBe(415)
    expect((await app.request(`${REPLAY}?now=1`, { method: 'POST' })).status).toBe(400)
  })

  it('answers 404 without REDIS_URL', async () => {
    const res = await appWith(undefined).request(REPLAY, { method: 'POST' })
    expect(res.status).toBe(404)
    expect(((await res.json()) as Problem).detail).toMatch(/REDIS_URL/)
  })
})
