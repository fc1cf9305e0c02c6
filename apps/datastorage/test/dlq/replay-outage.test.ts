import { startThrowawayPostgres, type ThrowawayPostgres, waitFor } from '@audit-trail/test-infra'
import type { Redis } from 'ioredis'
import { Registry } from 'prom-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attemptsKey } from '../../src/dlq/replay-batch.js'
import { createReplayWorker } from '../../src/dlq/replay-worker.js'
import { createDlqMetrics } from '../../src/metrics/dlq-metrics.js'
import {
  addMessages,
  captureLogger,
  clientMessage,
  makeEvent,
  openPgStore,
  testRedis,
  useDlqTestContext,
} from './support.js'

const dlq = useDlqTestContext({ streams: 'file' })
let pgServer: ThrowawayPostgres
let workerRedis: Redis

beforeAll(async () => {
  pgServer = await startThrowawayPostgres()
  workerRedis = testRedis()
}, 60_000)
afterAll(async () => {
  workerRedis.disconnect()
  await pgServer.destroy()
})

describe('replay worker during a PostgreSQL outage', () => {
  it('backs off as a whole while PostgreSQL is stopped and finishes after it restarts', async () => {
    const { redis, streams } = dlq
    const pg = await openPgStore(pgServer.url)
    const registry = new Registry()
    const metrics = createDlqMetrics(registry)
    const { logger, lines } = captureLogger()
    const events = Array.from({ length: 300 }, () => makeEvent())
    await pg.sql.end()
    await pgServer.stop()
    await addMessages(
      redis,
      streams.stream,
      events.map((e) => clientMessage(e)),
    )

    const worker = createReplayWorker({
      redis: workerRedis,
      store: pg.store,
      logger,
      metrics,
      stream: streams.stream,
      deadLetterStream: streams.deadLetterStream,
      maxAttempts: 2,
      blockMs: 100,
      backoffBaseMs: 100,
      backoffMaxMs: 800,
    })
    worker.start()
    const outageMs = 3000
    await new Promise((resolve) => setTimeout(resolve, outageMs))
    const failures =
      (await metrics.replayFailures.get()).values.find((v) => v.labels['kind'] === 'unavailable')?.value ?? 0
    console.log(`[dlq] ${failures} replay attempts in a ${outageMs} ms outage (backoff 100..800 ms)`)
    // Exponential backoff: a handful of tries, not a spin (a spinning loop would make hundreds).
    expect(failures).toBeGreaterThanOrEqual(2)
    expect(failures).toBeLessThanOrEqual(12)
    // An outage is not the messages' fault: nothing counted against them, nothing parked.
    expect(await redis.xlen(streams.stream)).toBe(300)
    expect(await redis.exists(attemptsKey(streams.stream))).toBe(0)
    expect(await redis.exists(streams.deadLetterStream)).toBe(0)
    expect(
      lines.filter((l) => l['msg'] === 'dead-letter replay paused: PostgreSQL unavailable'),
    ).toHaveLength(1)

    const restarted = Date.now()
    await pgServer.start()
    await waitFor('DLQ drained after restart', async () => (await redis.xlen(streams.stream)) === 0, 30_000)
    console.log(`[dlq] drained 300 messages ${Date.now() - restarted} ms after PostgreSQL restarted`)
    await worker.stop()
    const check = await openPgStore(pgServer.url)
    try {
      expect(await check.countRows(events.map((e) => e.event_id))).toBe(300)
    } finally {
      await check.closeStore()
      await pg.closeStore()
    }
    expect(lines.some((l) => l['msg'] === 'dead-letter replay resumed')).toBe(true)
  })
})
