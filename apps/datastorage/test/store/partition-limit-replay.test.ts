import type { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { PartitionLimitError } from '../../src/db/partitions.js'
import { createDeadLetterWriter } from '../../src/dlq/dead-letter-writer.js'
import { attemptsKey } from '../../src/dlq/replay-batch.js'
import { createReplayWorker } from '../../src/dlq/replay-worker.js'
import { captureLogger, makeEvent, testRedis, useDlqTestContext } from '../dlq/support.js'
import { RECORDED_BY } from '../support/events.js'

// The limit of new partitions per insert must not hold up the DLQ replay: events queued while
// PostgreSQL was down may span any number of months, and the replay stores them all.
const dlq = useDlqTestContext({ postgres: true })
const opened: Redis[] = []
afterEach(() => {
  for (const r of opened.splice(0)) r.disconnect()
})

describe('the limit of new partitions per insert and the DLQ replay', () => {
  it('a queued batch spanning 30 months without a partition is replayed in one round, no attempt counted', async () => {
    const { pg, redis, streams } = dlq
    // 30 months of 2001-2003 (no partition yet on this fresh database) and 5 months before 2000.
    const monthly = Array.from({ length: 30 }, (_, i) =>
      makeEvent({ event_timestamp: new Date(Date.UTC(2001, i, 3, 4, 5, 6)).toISOString() }),
    )
    const ancient = [1, 250, 999, 1500, 1999].map((year) =>
      makeEvent({ event_timestamp: `${String(year).padStart(4, '0')}-07-01T00:00:00Z` }),
    )
    const events = [...monthly, ...ancient]
    // Written directly, the batch is refused: it would create 31 partitions.
    await expect(pg.store.insert(events, RECORDED_BY)).rejects.toBeInstanceOf(PartitionLimitError)

    await createDeadLetterWriter({ redis, stream: streams.stream }).write(events, 'PostgreSQL down', {
      recordedBy: RECORDED_BY,
    })
    const own = testRedis()
    opened.push(own)
    const worker = createReplayWorker({
      redis: own,
      store: pg.store,
      logger: captureLogger().logger,
      stream: streams.stream,
      deadLetterStream: streams.deadLetterStream,
      blockMs: 100,
    })
    expect(await worker.runOnce()).toMatchObject({
      read: events.length,
      stored: events.length,
      created: events.length,
      poisoned: 0,
      retry: [],
    })
    await worker.stop()
    expect(await pg.countRows(events.map((e) => e.event_id))).toBe(events.length)
    expect(await redis.xlen(streams.stream)).toBe(0)
    expect(await redis.exists(attemptsKey(streams.stream))).toBe(0)
  })
})
