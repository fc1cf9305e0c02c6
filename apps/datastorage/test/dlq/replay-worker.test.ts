import { decodeDeadLetterMessage } from '@audit-trail/datastorage-client'
import { waitFor } from '@audit-trail/test-infra'
import type { Redis } from 'ioredis'
import { Registry } from 'prom-client'
import { afterEach, describe, expect, it } from 'vitest'
import { createDeadLetterWriter } from '../../src/dlq/dead-letter-writer.js'
import { attemptsKey } from '../../src/dlq/replay-batch.js'
import { createReplayWorker, type ReplayWorkerOptions } from '../../src/dlq/replay-worker.js'
import { createDlqMetrics } from '../../src/metrics/dlq-metrics.js'
import { RECORDED_BY } from '../support/events.js'
import {
  addMessages,
  captureLogger,
  clientMessage,
  makeEvent,
  testRedis,
  useDlqTestContext,
} from './support.js'

const dlq = useDlqTestContext({ postgres: true })
const opened: Redis[] = []

afterEach(() => {
  for (const r of opened.splice(0)) r.disconnect()
})

function worker(overrides: Partial<ReplayWorkerOptions> = {}) {
  const { pg, streams } = dlq
  const own = testRedis()
  opened.push(own)
  return createReplayWorker({
    redis: own,
    store: pg.store,
    logger: captureLogger().logger,
    stream: streams.stream,
    deadLetterStream: streams.deadLetterStream,
    group: 'datastorage',
    blockMs: 100,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
    ...overrides,
  })
}

async function pendingCount(): Promise<number> {
  const { redis, streams } = dlq
  const summary = (await redis.xpending(streams.stream, 'datastorage')) as [number, ...unknown[]]
  return Number(summary[0])
}

describe('replay worker', () => {
  it('replays client- and server-sourced messages into PostgreSQL exactly once, then XACKs and XDELs them', async () => {
    const { pg, redis, streams } = dlq
    const fromClient = [makeEvent(), makeEvent(), makeEvent()]
    const fromServer = [makeEvent(), makeEvent()]
    await addMessages(
      redis,
      streams.stream,
      fromClient.map((e) => clientMessage(e)),
    )
    await createDeadLetterWriter({ redis, stream: streams.stream }).write(fromServer, 'PostgreSQL down', {
      recordedBy: RECORDED_BY,
    })
    // The same event dead-lettered twice (client and server both gave up on it): one row.
    await addMessages(redis, streams.stream, [clientMessage(fromClient[0]!, { source: 'spool' })])

    const w = worker()
    const round = await w.runOnce()
    expect(round).toMatchObject({ read: 6, stored: 6, created: 5, poisoned: 0, retry: [] })
    const ids = [...fromClient, ...fromServer].map((e) => e.event_id)
    expect(await pg.countRows(ids)).toBe(5)
    expect(await redis.xlen(streams.stream)).toBe(0)
    expect(await pendingCount()).toBe(0)
    const stored = await pg.store.get(fromServer[1]!.event_id)
    expect(stored).toMatchObject({
      event_id: fromServer[1]!.event_id,
      correlation_id: 'dlq-test',
      // The service queued it for a request: stored under that request's principal.
      recorded_by: RECORDED_BY,
    })
    // A client wrote it to Redis itself, past any token: the DLQ's reserved name.
    expect((await pg.store.get(fromClient[2]!.event_id))?.recorded_by).toBe('redis:dead-letter-queue')

    // Replaying the same message again (e.g. after a crash between INSERT and XACK) adds no row.
    await addMessages(redis, streams.stream, [clientMessage(fromClient[1]!)])
    expect(await w.runOnce()).toMatchObject({ read: 1, stored: 1, created: 0 })
    expect(await pg.countRows(ids)).toBe(5)
    expect(await redis.xlen(streams.stream)).toBe(0)
    await w.stop()
  })

  it('parks poison messages in the dead-letter stream with the reason after N attempts; batch-mates are stored', async () => {
    const { pg, redis, streams } = dlq
    const registry = new Registry()
    const metrics = createDlqMetrics(registry)
    const good = [makeEvent(), makeEvent()]
    const invalid = makeEvent({ event_category: 'not-a-category' as never })
    // Passes the contract, but the database refuses the row: a data error (SQLSTATE 23514) from a
    // constraint the contract does not know about.
    await pg.sql.unsafe(
      `ALTER TABLE audit_events ADD CONSTRAINT dlq_test_refuse CHECK (correlation_id <> 'refused-by-db')`,
    )
    const refused = makeEvent({ correlation_id: 'refused-by-db' })
    await addMessages(
      redis,
      streams.stream,
      [good[0]!, invalid, refused, good[1]!].map((e) => clientMessage(e)),
    )
    const undecodable = await redis.xadd(streams.stream, '*', 'v', '99', 'event', '{}')

    const w = worker({ maxAttempts: 3, metrics })
    w.start()
    await waitFor('three poison messages', async () => (await redis.xlen(streams.deadLetterStream)) === 3)
    await w.stop()

    expect(await pg.countRows(good.map((e) => e.event_id))).toBe(2)
    expect(await pg.countRows([invalid.event_id, refused.event_id])).toBe(0)
    expect(await redis.xlen(streams.stream)).toBe(0)
    expect(await pendingCount()).toBe(0)
    expect(await redis.exists(attemptsKey(streams.stream))).toBe(0)

    const parked = new Map<string, Map<string, string>>()
    for (const [, fields] of await redis.xrange(streams.deadLetterStream, '-', '+')) {
      const map = new Map<string, string>()
      for (let i = 0; i < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!)
      parked.set(map.get('event_id') ?? map.get('dlq_id')!, map)
    }
    const invalidEntry = parked.get(invalid.event_id)!
    expect(invalidEntry.get('reason')).toMatch(/^invalid event: .*event_category/)
    expect(invalidEntry.get('attempts')).toBe('3')
    expect(invalidEntry.get('source')).toBe('client')
    expect(decodeDeadLetterMessage([...invalidEntry].flat()).event).toEqual(invalid)
    const refusedEntry = parked.get(refused.event_id)!
    expect(refusedEntry.get('reason')).toMatch(/^rejected by PostgreSQL: .*dlq_test_refuse.*SQLSTATE 23514/)
    expect(refusedEntry.get('attempts')).toBe('3')
    // Undecodable bytes never become decodable: parked at the first attempt, original fields kept.
    const undecodableEntry = parked.get(undecodable!)!
    expect(undecodableEntry.get('reason')).toMatch(/^undecodable: unsupported dead-letter message version/)
    expect(undecodableEntry.get('attempts')).toBe('1')
    expect(undecodableEntry.get('v')).toBe('99')
    expect((await metrics.poisoned.get()).values[0]?.value).toBe(3)
  })

  it('takes over the pending messages of a crashed consumer (XAUTOCLAIM after the idle time)', async () => {
    const { pg, redis, streams } = dlq
    const events = Array.from({ length: 50 }, () => makeEvent())
    await addMessages(
      redis,
      streams.stream,
      events.map((e) => clientMessage(e)),
    )
    await redis.xgroup('CREATE', streams.stream, 'datastorage', '0', 'MKSTREAM')
    // A consumer that read everything and died before acknowledging anything.
    const read = (await redis.xreadgroup(
      'GROUP',
      'datastorage',
      'crashed-1',
      'COUNT',
      100,
      'STREAMS',
      streams.stream,
      '>',
    )) as unknown[]
    expect(read).toHaveLength(1)
    expect(await pendingCount()).toBe(50)

    const w = worker({ claimIdleMs: 300 })
    const first = await w.runOnce({ block: false })
    expect(first.read).toBe(0) // not idle long enough yet: a live consumer is not robbed
    w.start()
    await waitFor(
      'claimed messages stored',
      async () => (await pg.countRows(events.map((e) => e.event_id))) === 50,
    )
    await waitFor('pending list empty', async () => (await pendingCount()) === 0)
    expect(await redis.xlen(streams.stream)).toBe(0)
    await w.stop()
  })

  it('two workers of one group on 5,000 messages make exactly 5,000 rows', async () => {
    const { pg, redis, streams } = dlq
    const events = Array.from({ length: 5000 }, (_, i) =>
      makeEvent({ correlation_id: `two-workers-${i % 50}` }),
    )
    await addMessages(
      redis,
      streams.stream,
      events.map((e) => clientMessage(e)),
    )
    const a = worker({ consumer: 'replica-a', batchSize: 250 })
    const b = worker({ consumer: 'replica-b', batchSize: 250 })
    const started = Date.now()
    a.start()
    b.start()
    await waitFor('DLQ drained', async () => (await redis.xlen(streams.stream)) === 0, 60_000)
    await Promise.all([a.stop(), b.stop()])
    const rows = await pg.countRows(events.map((e) => e.event_id))
    const distinct = Number(
      (
        await pg.sql`SELECT count(DISTINCT event_id)::int AS n FROM audit_events WHERE correlation_id LIKE 'two-workers-%'`
      )[0]!['n'],
    )
    console.log(
      `[dlq] two workers replayed 5000 messages in ${Date.now() - started} ms: ${rows} rows (a ${a.totals.stored}, b ${b.totals.stored})`,
    )
    expect(rows).toBe(5000)
    expect(distinct).toBe(5000)
    // Both shared the work, and between them acknowledged each message once.
    expect(a.totals.stored).toBeGreaterThan(0)
    expect(b.totals.stored).toBeGreaterThan(0)
    expect(a.totals.stored + b.totals.stored).toBe(5000)
    expect(await pendingCount()).toBe(0)
  })

  it('stop() finishes the round in progress and acknowledges nothing whose row is missing', async () => {
    const { pg, redis, streams } = dlq
    const events = Array.from({ length: 3000 }, () => makeEvent({ correlation_id: 'stop-test' }))
    const entryIds = await addMessages(
      redis,
      streams.stream,
      events.map((e) => clientMessage(e)),
    )
    const w = worker({ batchSize: 100 })
    w.start()
    await waitFor('replay under way', async () => (await pg.countRows(events.map((e) => e.event_id))) > 0)
    const stopping = Date.now()
    await w.stop()
    const stopMs = Date.now() - stopping

    const remaining = new Set((await redis.xrange(streams.stream, '-', '+')).map(([id]) => id))
    const gone = events.filter((_, i) => !remaining.has(entryIds[i]!))
    expect(gone.length).toBeGreaterThan(0)
    expect(remaining.size).toBeGreaterThan(0) // it stopped before the end
    // Every entry that left the stream has its row.
    expect(await pg.countRows(gone.map((e) => e.event_id))).toBe(gone.length)
    // And nothing is left half-done: no entry is still pending with this consumer.
    expect(await pendingCount()).toBe(0)
    expect(stopMs).toBeLessThan(5000)
  })
})
