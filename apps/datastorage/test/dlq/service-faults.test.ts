import type { AuditEventWithId } from '@audit-trail/datastorage-client'
import {
  createTestDatabase,
  startThrowawayPostgres,
  type TestDatabase,
  type ThrowawayPostgres,
  waitFor,
} from '@audit-trail/test-infra'
import type { Redis } from 'ioredis'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attemptsKey } from '../../src/dlq/replay-batch.js'
import { ADMIN_URL } from '../support/postgres.js'
import { postBatchWithRetry, queryAllIds, sleep, startService, type WriteCounts } from './service-support.js'
import { addMessages, clientMessage, makeEvent, type TestStreams, testRedis, testStreams } from './support.js'

let redis: Redis
const cleanups: Array<() => Promise<unknown>> = []

beforeAll(() => {
  redis = testRedis()
})
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  redis.disconnect()
})

/** A fresh database (dropped afterwards) and fresh stream names (deleted afterwards). */
async function isolated(adminUrl = ADMIN_URL): Promise<{ database: TestDatabase; streams: TestStreams }> {
  const database = await createTestDatabase(adminUrl, 'audit_faults')
  const streams = testStreams()
  cleanups.push(
    () => database.drop(),
    () => streams.cleanup(),
  )
  return { database, streams }
}

async function pendingOf(streams: TestStreams): Promise<number> {
  try {
    return Number(((await redis.xpending(streams.stream, 'datastorage')) as unknown[])[0])
  } catch {
    return 0 // no group yet
  }
}

async function drained(streams: TestStreams): Promise<boolean> {
  return (await redis.xlen(streams.stream)) === 0 && (await pendingOf(streams)) === 0
}

function metricValue(text: string, name: string): number {
  let total = 0
  for (const line of text.split('\n')) if (line.startsWith(name)) total += Number(line.split(' ').at(-1))
  return total
}

const newCorrelation = (label: string) => `${label}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`

describe('service faults, end to end through the running service (docs/architecture.md#what-each-failure-does)', () => {
  let pgServer: ThrowawayPostgres

  beforeAll(async () => {
    pgServer = await startThrowawayPostgres()
    cleanups.push(() => pgServer.destroy())
  }, 60_000)

  it('PostgreSQL stopped and restarted under 20,000 writes: every event queryable exactly once, DLQ empty', async () => {
    const { database, streams } = await isolated(pgServer.url)
    const service = await startService(database.url, streams)
    cleanups.push(() => service.close())
    const correlationId = newCorrelation('outage')
    const batches: AuditEventWithId[][] = []
    for (let b = 0; b < 40; b++)
      batches.push(Array.from({ length: 500 }, () => makeEvent({ correlation_id: correlationId })))
    const counts: WriteCounts = { created: 0, accepted: 0, retried503: 0, networkErrors: 0 }

    const started = Date.now()
    let next = 0
    // The second half of the batches waits for PostgreSQL to be down, so the outage falls in the
    // middle of the stream of writes however fast or slow this machine is.
    let stopped!: () => void
    const pgStopped = new Promise<void>((resolve) => {
      stopped = resolve
    })
    const writer = async () => {
      while (next < batches.length) {
        const index = next++
        if (index >= batches.length / 2) await pgStopped
        await postBatchWithRetry(service.url, batches[index]!, counts)
        await sleep(100) // paced: the writes go on through the outage and after it
      }
    }
    const outage = { startedAt: 0, endedAt: 0 }
    const fault = async () => {
      await waitFor('first batches stored', () => counts.created >= 8, 30_000)
      outage.startedAt = Date.now()
      await pgServer.stop()
      stopped()
      await sleep(1500)
      await pgServer.start()
      outage.endedAt = Date.now()
    }
    await Promise.all([writer(), writer(), fault()])
    const writeMs = Date.now() - started
    await waitFor('DLQ drained', () => drained(streams), 60_000)
    const drainMs = Date.now() - outage.endedAt

    const ids = await queryAllIds(service.url, correlationId)
    const sent = new Set(batches.flat().map((e) => e.event_id))
    const metrics = await (await fetch(`${service.url}/metrics`)).text()
    const queued = metricValue(metrics, 'audit_dlq_enqueued_total')
    const replayed = metricValue(metrics, 'audit_dlq_replayed_total')
    console.log(
      `[faults] 20000 events in 40 batches: ${counts.created} x 201, ${counts.accepted} x 202 (${queued} events queued to the DLQ), ` +
        `${counts.retried503} x 503 retried, ${counts.networkErrors} network errors; outage ${outage.endedAt - outage.startedAt} ms; ` +
        `writes done in ${writeMs} ms; DLQ empty ${drainMs} ms after restart (${replayed} replayed); ` +
        `query API returns ${ids.length} ids, ${new Set(ids).size} distinct`,
    )
    expect(counts.accepted).toBeGreaterThan(0) // the outage really sent writes to the DLQ
    expect(queued).toBeGreaterThan(0)
    expect(ids.length).toBe(20_000)
    expect(new Set(ids).size).toBe(20_000)
    expect(ids.every((id) => sent.has(id))).toBe(true)
    expect(await redis.xlen(streams.deadLetterStream)).toBe(0)
    await service.close()
  })

  it('a DLQ at capacity answers 503 with Retry-After, /readyz says dlq_full, and a retrying client holds its events until room returns', async () => {
    const { database, streams } = await isolated(pgServer.url)
    const service = await startService(database.url, streams, { DLQ_CAPACITY: '200' })
    cleanups.push(() => service.close())
    const correlationId = newCorrelation('full')
    await pgServer.stop()
    try {
      const post = (events: AuditEventWithId[]) =>
        fetch(`${service.url}/api/v1/audit/events/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(events),
        })
      const queuedEvents = Array.from({ length: 200 }, () => makeEvent({ correlation_id: correlationId }))
      const first = await post(queuedEvents.slice(0, 100))
      expect(first.status).toBe(202)
      expect(await first.json()).toEqual({
        status: 'accepted',
        message: 'audit events queued for async processing',
        event_ids: queuedEvents.slice(0, 100).map((e) => e.event_id),
        queued: 100,
      })
      expect((await post(queuedEvents.slice(100))).status).toBe(202)

      const refused = await post([makeEvent({ correlation_id: correlationId })])
      expect(refused.status).toBe(503)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect(await refused.json()).toMatchObject({ status: 503, type: expect.stringMatching(/dlq-full$/) })

      const ready = await fetch(`${service.url}/readyz`)
      expect(ready.status).toBe(503)
      expect(await ready.json()).toMatchObject({
        status: 'not_ready',
        reasons: ['dlq_full'],
        checks: { database: 'failing', dlq: 'failing' },
      })
      expect(
        metricValue(await (await fetch(`${service.url}/metrics`)).text(), 'audit_dlq_capacity_ratio'),
      ).toBe(1)
      expect(
        service.logs.some((l) => l['msg'] === 'dead-letter queue is full: writes answer 503 until it drains'),
      ).toBe(true)
      // The replay worker meets the outage again and again, and counts no attempt against the messages.
      const unavailableRounds = async () =>
        metricValue(
          await (await fetch(`${service.url}/metrics`)).text(),
          'audit_dlq_replay_failures_total{kind="unavailable"}',
        )
      await waitFor(
        'the replay to meet the outage twice',
        async () => (await unavailableRounds()) >= 2,
        30_000,
      )
      expect(await redis.exists(attemptsKey(streams.stream))).toBe(0)
      expect(await redis.xlen(streams.stream)).toBe(200)
      expect(await redis.exists(streams.deadLetterStream)).toBe(0)

      // A client that retries on 503 keeps its events while the DLQ is full …
      const held = Array.from({ length: 50 }, () => makeEvent({ correlation_id: correlationId }))
      const counts: WriteCounts = { created: 0, accepted: 0, retried503: 0, networkErrors: 0 }
      const holding = postBatchWithRetry(service.url, held, counts, { maxWaitMs: 200 })
      await waitFor('the client to be refused with 503 and retry', () => counts.retried503 >= 2, 30_000)
      expect(counts.created + counts.accepted).toBe(0)
      // … and delivers them once PostgreSQL is back and the replay made room.
      await pgServer.start()
      expect(await holding).toBe(201)
      await waitFor('DLQ drained', () => drained(streams), 30_000)
      const ids = await queryAllIds(service.url, correlationId)
      console.log(
        `[faults] DLQ full: ${counts.retried503} x 503 held the client's batch until PostgreSQL returned; ${ids.length} rows`,
      )
      expect(new Set(ids)).toEqual(new Set([...queuedEvents, ...held].map((e) => e.event_id)))
      expect(ids.length).toBe(250)
    } finally {
      await pgServer.start().catch(() => undefined)
      await service.close()
    }
  })
})

describe('service faults on the shared PostgreSQL', () => {
  it('two service instances consuming one DLQ make no duplicate rows', async () => {
    const { database, streams } = await isolated()
    const [a, b] = await Promise.all([
      startService(database.url, streams, { DLQ_CONSUMER_NAME: 'instance-a' }),
      startService(database.url, streams, { DLQ_CONSUMER_NAME: 'instance-b' }),
    ])
    cleanups.push(
      () => a!.close(),
      () => b!.close(),
    )
    const events = Array.from({ length: 5000 }, () => makeEvent({ correlation_id: 'two-instances' }))
    // 500 events dead-lettered twice (client and spool both gave up on them).
    const messages = [
      ...events.map((e) => clientMessage(e)),
      ...events.slice(0, 500).map((e) => clientMessage(e, { source: 'spool' })),
    ]
    const started = Date.now()
    for (let i = 0; i < messages.length; i += 500)
      await addMessages(redis, streams.stream, messages.slice(i, i + 500))
    await waitFor('DLQ drained', () => drained(streams), 60_000)
    const replayedA = metricValue(await (await fetch(`${a!.url}/metrics`)).text(), 'audit_dlq_replayed_total')
    const replayedB = metricValue(await (await fetch(`${b!.url}/metrics`)).text(), 'audit_dlq_replayed_total')
    const sql = postgres(database.url, { max: 1, onnotice: () => {} })
    try {
      const [row] = await sql`SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM audit_events`
      console.log(
        `[faults] two instances replayed ${messages.length} messages (${replayedA} by a, ${replayedB} by b) in ${Date.now() - started} ms: ${row!['n']} rows`,
      )
      expect(row).toEqual({ n: 5000, d: 5000 })
    } finally {
      await sql.end()
    }
    expect(replayedA).toBeGreaterThan(0)
    expect(replayedB).toBeGreaterThan(0)
    expect(replayedA + replayedB).toBe(5500)
    await Promise.all([a!.close(), b!.close()])
  })

  it('50 concurrent batch writes against a pool of 10 all succeed (a burst waits for a pooled connection instead of failing)', async () => {
    const { database, streams } = await isolated()
    const service = await startService(database.url, streams, { DATABASE_POOL_MAX: '10' })
    cleanups.push(() => service.close())
    const sampler = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
    let maxConnections = 0
    let sampling = true
    const sample = (async () => {
      while (sampling) {
        const [row] =
          await sampler`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ${database.name} AND application_name = 'audit-trail-datastorage'`
        maxConnections = Math.max(maxConnections, Number(row!['n']))
        await sleep(10)
      }
    })()
    const correlationId = newCorrelation('pool')
    const batches = Array.from({ length: 50 }, () =>
      Array.from({ length: 200 }, () => makeEvent({ correlation_id: correlationId })),
    )
    const started = Date.now()
    const responses = await Promise.all(
      batches.map((batch) =>
        fetch(`${service.url}/api/v1/audit/events/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(batch),
        }),
      ),
    )
    const elapsed = Date.now() - started
    sampling = false
    await sample
    await sampler.end()
    const statuses = responses.map((r) => r.status)
    console.log(
      `[faults] 50 concurrent batches of 200 on a pool of 10: ${statuses.filter((s) => s === 201).length} x 201 in ${elapsed} ms, at most ${maxConnections} connections`,
    )
    expect(statuses).toEqual(Array(50).fill(201))
    expect(maxConnections).toBeLessThanOrEqual(10)
    expect(await redis.xlen(streams.stream)).toBe(0) // stored directly, nothing queued
    expect((await queryAllIds(service.url, correlationId)).length).toBe(10_000)
    await service.close()
  })

  it('a failing partition for one month: a batch touching it is refused (500), nothing stored or queued; the other months work', async () => {
    const { database, streams } = await isolated()
    const sql = postgres(database.url, { max: 1, onnotice: () => {} })
    cleanups.push(() => sql.end())
    const service = await startService(database.url, streams)
    cleanups.push(() => service.close())
    // A table squatting on July 2024's partition name: that month cannot get a partition.
    await sql.unsafe('CREATE TABLE audit_events_y2024m07 (id int)')
    const june = makeEvent({ event_timestamp: '2024-06-30T23:59:59Z' })
    const july = makeEvent({ event_timestamp: '2024-07-15T12:00:00Z' })
    const august = makeEvent({ event_timestamp: '2024-08-01T00:00:00Z' })
    const post = (events: AuditEventWithId[]) =>
      fetch(`${service.url}/api/v1/audit/events/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(events),
      })
    const refused = await post([june, july, august])
    // PostgreSQL is up: not queued (202), but refused; the client keeps the events and retries.
    expect(refused.status).toBe(500)
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const status = async (id: string) => (await fetch(`${service.url}/api/v1/audit/events/${id}`)).status
    expect(await status(june.event_id)).toBe(404)
    expect(await redis.xlen(streams.stream)).toBe(0)
    // Batches of the other months are stored as usual.
    expect((await post([june, august])).status).toBe(201)
    expect(await status(august.event_id)).toBe(200)

    await sql.unsafe('DROP TABLE audit_events_y2024m07')
    expect((await post([june, july, august])).status).toBe(201)
    expect(await status(july.event_id)).toBe(200)
    expect(await redis.exists(streams.deadLetterStream)).toBe(0)
    await service.close()
  })

  it('an event PostgreSQL refuses for its data: 400 naming its index, nothing stored or queued; the others sent again are stored', async () => {
    const { database, streams } = await isolated()
    const sql = postgres(database.url, { max: 1, onnotice: () => {} })
    cleanups.push(() => sql.end())
    const service = await startService(database.url, streams)
    cleanups.push(() => service.close())
    // A rule the contract does not know: PostgreSQL refuses the row (SQLSTATE 23514).
    await sql.unsafe(
      `ALTER TABLE audit_events ADD CONSTRAINT faults_refuse CHECK (correlation_id <> 'refused')`,
    )
    const correlationId = newCorrelation('refusal')
    const good = Array.from({ length: 4 }, () => makeEvent({ correlation_id: correlationId }))
    const bad = makeEvent({ correlation_id: 'refused' })
    const batch = [good[0]!, good[1]!, good[2]!, bad, good[3]!]
    const post = (events: AuditEventWithId[]) =>
      fetch(`${service.url}/api/v1/audit/events/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(events),
      })
    const refused = await post(batch)
    expect(refused.status).toBe(400)
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const problem = (await refused.json()) as { errors: Array<{ index?: number; message: string }> }
    expect(problem).toMatchObject({ status: 400, type: expect.stringMatching(/validation-error$/) })
    expect(problem.errors.map((e) => e.index)).toEqual([3])
    expect(problem.errors[0]!.message).toMatch(/faults_refuse.*SQLSTATE 23514/)
    expect(await queryAllIds(service.url, correlationId)).toEqual([])
    expect(await redis.xlen(streams.stream)).toBe(0)

    expect((await post(good)).status).toBe(201)
    expect(new Set(await queryAllIds(service.url, correlationId))).toEqual(
      new Set(good.map((e) => e.event_id)),
    )
    await service.close()
  })
})
