import { type AuditEventWithId, decodeDeadLetterMessage } from '@audit-trail/datastorage-client'
import type { Logger } from 'pino'
import { describe, expect, it } from 'vitest'
import { createDeadLetterWriter, type DeadLetterWriter } from '../../src/dlq/dead-letter-writer.js'
import { DlqFullError } from '../../src/dlq/errors.js'
import { createReplayWorker } from '../../src/dlq/replay-worker.js'
import { StoreUnavailableError } from '../../src/errors.js'
import { createMetrics } from '../../src/metrics/service-metrics.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { createEventWriter } from '../../src/write/event-writer.js'
import { captureLogger, makeEvent, testRedis, useDlqTestContext } from '../dlq/support.js'

const dlq = useDlqTestContext({ postgres: true })

const unavailableStore = (store: AuditEventStore): AuditEventStore => ({
  ...store,
  insert: async () => {
    throw new StoreUnavailableError('database unavailable: connect ECONNREFUSED 127.0.0.1:1')
  },
})

/** Writes through the write path over `store`, with `deadLetters` as its fallback when given. */
const write = (
  options: { store: AuditEventStore; deadLetters?: DeadLetterWriter; logger: Logger },
  events: readonly AuditEventWithId[],
) => createEventWriter({ ...options, metrics: createMetrics({ defaultMetrics: false }) }).write(events)

describe('createEventWriter', () => {
  it('queues every event when PostgreSQL is unreachable', async () => {
    const { pg, redis, streams } = dlq
    const deadLetters = createDeadLetterWriter({ redis, stream: streams.stream })
    const events = [makeEvent(), makeEvent()]
    const result = await write(
      { store: unavailableStore(pg.store), deadLetters, logger: captureLogger().logger },
      events,
    )
    expect(result).toEqual({ created: [], duplicates: [], queued: events.map((e) => e.event_id) })
    const [first] = await redis.xrange(streams.stream, '-', '+')
    expect(decodeDeadLetterMessage(first![1])).toMatchObject({
      source: 'server',
      reason: 'PostgreSQL unavailable: database unavailable: connect ECONNREFUSED 127.0.0.1:1',
    })
  })

  it('without a DLQ, or with a full one, the error reaches the caller and nothing is queued', async () => {
    const { pg, redis, streams } = dlq
    const logger = captureLogger().logger
    const store = unavailableStore(pg.store)
    await expect(write({ store, logger }, [makeEvent()])).rejects.toBeInstanceOf(StoreUnavailableError)
    const full = createDeadLetterWriter({ redis, stream: streams.stream, capacity: 1 })
    await expect(
      write({ store, deadLetters: full, logger }, [makeEvent(), makeEvent()]),
    ).rejects.toBeInstanceOf(DlqFullError)
    expect(await redis.xlen(streams.stream)).toBe(0)
  })

  it('a data error is not queued: nothing stored, the error is rethrown', async () => {
    const { pg, redis, streams } = dlq
    const deadLetters = createDeadLetterWriter({ redis, stream: streams.stream })
    const ok = makeEvent()
    await pg.sql.unsafe(
      `ALTER TABLE audit_events ADD CONSTRAINT fallback_refuse CHECK (correlation_id <> 'refused')`,
    )
    const bad = makeEvent({ correlation_id: 'refused' })
    const error = await write({ store: pg.store, deadLetters, logger: captureLogger().logger }, [
      ok,
      bad,
    ]).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: '23514' })
    expect(await pg.countRows([ok.event_id, bad.event_id])).toBe(0)
    expect(await redis.xlen(streams.stream)).toBe(0)
  })

  it('a broken partition for one month queues that month only; the others are stored; replay finishes once it is fixed', async () => {
    const { pg, redis, streams } = dlq
    const deadLetters = createDeadLetterWriter({ redis, stream: streams.stream })
    // A table squatting on the partition's name: the month has no partition, and creating it is a no-op.
    await pg.sql.unsafe('CREATE TABLE audit_events_y2024m07 (id int)')
    const healthy = [
      makeEvent({ event_timestamp: '2024-06-15T10:00:00Z' }),
      makeEvent({ event_timestamp: '2024-08-01T00:00:00Z' }),
    ]
    const broken = [
      makeEvent({ event_timestamp: '2024-07-04T12:00:00Z' }),
      makeEvent({ event_timestamp: '2024-07-31T23:59:59Z' }),
    ]
    const { logger, lines } = captureLogger()
    const result = await write({ store: pg.store, deadLetters, logger }, [
      healthy[0]!,
      broken[0]!,
      healthy[1]!,
      broken[1]!,
    ])
    expect(result).toEqual({
      created: healthy.map((e) => e.event_id),
      duplicates: [],
      queued: broken.map((e) => e.event_id),
    })
    expect(await pg.countRows(healthy.map((e) => e.event_id))).toBe(2)
    const queued = (await redis.xrange(streams.stream, '-', '+')).map(([, f]) => decodeDeadLetterMessage(f))
    expect(queued.map((m) => m.event.event_id)).toEqual(broken.map((e) => e.event_id))
    expect(queued[0]!.reason).toMatch(
      /^2024-07: PostgreSQL refused the batch: no partition of relation "audit_events" found for row/,
    )
    expect(lines.some((l) => l['level'] === 50 && l['month'] === '2024-07')).toBe(true)

    // The worker keeps such messages (a partition fault is not the data's fault) until the month is repaired.
    const workerRedis = testRedis()
    let clock = Date.now()
    const worker = createReplayWorker({
      now: () => clock,
      redis: workerRedis,
      store: pg.store,
      logger,
      stream: streams.stream,
      deadLetterStream: streams.deadLetterStream,
      maxAttempts: 1,
      blockMs: 50,
      backoffBaseMs: 10,
      backoffMaxMs: 50,
    })
    expect(await worker.runOnce()).toMatchObject({ read: 2, stored: 0, poisoned: 0 })
    expect(await redis.exists(streams.deadLetterStream)).toBe(0)
    await pg.sql.unsafe('DROP TABLE audit_events_y2024m07')
    clock += 50 // past the longest backoff (backoffMaxMs)
    expect(await worker.runOnce()).toMatchObject({ read: 2, stored: 2, created: 2 })
    expect(await pg.countRows(broken.map((e) => e.event_id))).toBe(2)
    await worker.stop()
    workerRedis.disconnect()
  })
})
