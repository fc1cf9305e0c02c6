import { type AuditClient, BufferFullError, createAuditClient } from '@audit-trail/audit-client'
import { redisDeadLetterQueue } from '@audit-trail/audit-client/redis'
import { decodeDeadLetterMessage } from '@audit-trail/datastorage-client'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { correlationId, makeEvent } from '../src/events.js'
import { runMemoryFixture } from '../src/memory-run.js'
import { queryAll, uniqueIds } from '../src/query.js'

const { serviceUrl, redisUrl, keyPrefix, tokens } = inject('e2e')
// Queries read with the reader token; clients write with the writer token, the least scope they need.
const shared = { url: serviceUrl, token: tokens.reader }
const redis = new Redis(redisUrl)
afterAll(() => redis.disconnect())

/**
 * Runs `emitters` concurrent producers, each emitting `perEmitter` events. Between two of its emits
 * a producer waits for the next `gapMs` tick of a fixed schedule or, with 0, yields one turn of the event loop (setImmediate),
 * so the client's sends and the producers interleave.
 */
async function burst(emitters: number, perEmitter: number, emitOne: (n: number) => void, gapMs = 0) {
  const started = performance.now()
  // Emit i of every producer is due at started + i·gapMs (a fixed schedule, so lateness does not add up).
  const pause = (i: number) =>
    new Promise((r) =>
      gapMs > 0 ? setTimeout(r, Math.max(0, started + (i + 1) * gapMs - performance.now())) : setImmediate(r),
    )
  await Promise.all(
    Array.from({ length: emitters }, async (_, e) => {
      for (let i = 0; i < perEmitter; i++) {
        emitOne(e * perEmitter + i)
        if (i < perEmitter - 1) await pause(i)
      }
    }),
  )
  return performance.now() - started
}

// The replaced client's burst: 50 producers × 10 events within ~100 ms (it lost 90% of it into bufferSize 100).
const SEED_BURST_GAP_MS = 10

/** The replaced client's burst through emit(); a BufferFullError is the refusal the caller hears about. */
async function seedBurst(audit: AuditClient, corr: string) {
  let refused = 0
  const ms = await burst(
    50,
    10,
    (n) => {
      try {
        audit.emit(makeEvent(corr, n))
      } catch (error) {
        if (!(error instanceof BufferFullError)) throw error
        refused++
      }
    },
    SEED_BURST_GAP_MS,
  )
  return { ms, refused }
}

describe('bursts, concurrency and memory', () => {
  it('scenario 10a: a 500-event burst into bufferSize 100 without a DLQ: every event stored or refused at emit()', async () => {
    const corr = correlationId('s10a')
    const audit = createAuditClient({
      baseUrl: serviceUrl,
      token: tokens.writer,
      service: 'e2e',
      bufferSize: 100,
      batchSize: 50,
    })
    const { ms, refused } = await seedBurst(audit, corr)
    const stats = await audit.close()
    const stored = await queryAll(shared, corr)
    console.log(
      `[scenario 10a] 500 events in ${ms.toFixed(0)} ms into bufferSize 100 (onFull reject): stored ${stored.length}, refused ${refused}, lost ${500 - stored.length - refused}; stats ${JSON.stringify(stats)}`,
    )
    expect(stored.length + refused).toBe(500)
    expect(uniqueIds(stored)).toBe(stored.length)
    expect(stats.refused).toBe(refused)
    expect(stats.persisted).toBe(stored.length)
  })

  it('scenario 10b: the same burst with a Redis DLQ, then an overflow: every event stored or dead-lettered, in the documented format', async () => {
    const corr = correlationId('s10b')
    const BURST = 500
    const TOTAL = 750
    const stream = `${keyPrefix}s10b:audit:dlq:events`
    const audit = createAuditClient({
      baseUrl: serviceUrl,
      token: tokens.writer,
      service: 'e2e',
      bufferSize: 100,
      batchSize: 50,
      concurrency: 1,
      deadLetter: redisDeadLetterQueue({ redis, stream }),
    })
    const seed = await seedBurst(audit, corr)
    const ms = seed.ms
    let refused = seed.refused
    // Whether the seed's burst overflows depends on how fast the service answers; this tail always
    // does: one synchronous loop lets no answer in, and the buffer (100) and one batch in flight
    // (50) hold at most 150 of its 250 events, so the dead-letter path is taken on any machine
    // (and once its own bounded overflow is full too, emit() refuses at once).
    for (let n = BURST; n < TOTAL; n++) {
      try {
        audit.emit(makeEvent(corr, n))
      } catch (error) {
        if (!(error instanceof BufferFullError)) throw error
        refused++
      }
    }
    const stats = await audit.close()
    const stored = await queryAll(shared, corr)
    const entries = await redis.xrange(stream, '-', '+')
    const parked = entries.map(([, fields]) => decodeDeadLetterMessage(fields))
    console.log(
      `[scenario 10b] 500 events in ${ms.toFixed(0)} ms, then ${TOTAL - BURST} at once, into bufferSize 100 (onFull dead-letter): stored ${stored.length}, dead-lettered ${parked.length}, refused ${refused}, lost ${TOTAL - stored.length - parked.length - refused}`,
    )
    expect(stored.length + parked.length + refused).toBe(TOTAL)
    expect(parked.length).toBeGreaterThan(0)
    const all = new Set([...stored.map((e) => e.event_id), ...parked.map((m) => m.event.event_id)])
    expect(all.size).toBe(TOTAL - refused)
    expect(
      parked.every((m) => m.source === 'client' && m.service === 'e2e' && m.event.correlation_id === corr),
    ).toBe(true)
    expect(stats).toMatchObject({
      emitted: TOTAL - refused,
      persisted: stored.length,
      deadLettered: parked.length,
      refused,
      failed: 0,
      pending: 0,
    })
  })

  it('scenario 10c: the same burst through emitAsync waits for room: all 500 stored', async () => {
    const corr = correlationId('s10c')
    const audit = createAuditClient({
      baseUrl: serviceUrl,
      token: tokens.writer,
      service: 'e2e',
      bufferSize: 100,
      batchSize: 50,
    })
    const started = performance.now()
    await Promise.all(
      Array.from({ length: 50 }, async (_, e) => {
        for (let i = 0; i < 10; i++) await audit.emitAsync(makeEvent(corr, e * 10 + i))
      }),
    )
    const ms = performance.now() - started
    await audit.close()
    const stored = await queryAll(shared, corr)
    console.log(
      `[scenario 10c] 500 events through emitAsync into bufferSize 100: all accepted in ${ms.toFixed(0)} ms, stored ${stored.length}`,
    )
    expect(uniqueIds(stored)).toBe(500)
  })

  it.each([
    [50, 20],
    [100, 100],
  ])(
    'scenario 11: %i concurrent emitters × %i events are all stored exactly once',
    async (emitters, each) => {
      const corr = correlationId(`s11-${emitters}`)
      const audit = createAuditClient({
        baseUrl: serviceUrl,
        token: tokens.writer,
        service: 'e2e',
        flushIntervalMs: 200,
      })
      const ms = await burst(emitters, each, (n) => void audit.emit(makeEvent(corr, n)))
      const stats = await audit.close()
      const stored = await queryAll(shared, corr)
      console.log(
        `[scenario 11] ${emitters} × ${each} = ${emitters * each} events emitted in ${ms.toFixed(0)} ms; stored ${stored.length} (unique ${uniqueIds(stored)}); ${stats.batches} batches`,
      )
      expect(stored).toHaveLength(emitters * each)
      expect(uniqueIds(stored)).toBe(emitters * each)
      expect(stats.persisted).toBe(emitters * each)
    },
  )

  it('scenario 12: 100,000 events through one client keep heap growth after GC under 10 MB', async () => {
    const corr = correlationId('s12')
    const result = await runMemoryFixture(serviceUrl, tokens.writer, corr, 100_000, 240_000)
    console.log(
      `[scenario 12] ${result.events} events in ${result.seconds.toFixed(1)} s: heap after GC ${result.heapBeforeMb.toFixed(1)} → ${result.heapAfterMb.toFixed(1)} MB (growth ${result.growthMb.toFixed(2)} MB); persisted ${result.stats.persisted}`,
    )
    expect(result.stats.persisted).toBe(100_000)
    expect(result.growthMb).toBeLessThan(10)
  })
})
