import { createAuditClient } from '@audit-trail/audit-client'
import { redisDeadLetterQueue } from '@audit-trail/audit-client/redis'
import { decodeDeadLetterMessage, encodeDeadLetterMessage, uuidv7 } from '@audit-trail/datastorage-client'
import { startThrowawayPostgres, waitFor } from '@audit-trail/test-infra'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { validatingFetch } from '../src/contract/validating-fetch.js'
import { startDatastorage, waitStartupSelfAudit } from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'
import { queryAll, readerOf, uniqueIds, waitQueryable } from '../src/query.js'

/** Every answer is also held to the contract (src/contract). */
const fetch = validatingFetch()
const { databaseUrl, redisUrl, keyPrefix } = inject('e2e')
const redis = new Redis(redisUrl)
afterAll(() => redis.disconnect())

const LAYOUT = ['v', 'event_id', 'event', 'source', 'service', 'reason', 'attempts', 'enqueued_at']

/** Messages a service's replay worker acknowledged, from its /metrics. */
async function replayedBy(serviceUrl: string): Promise<number> {
  const text = await (await fetch(`${serviceUrl}/metrics`)).text()
  let total = 0
  for (const line of text.split('\n'))
    if (line.startsWith('audit_dlq_replayed_total')) total += Number(line.split(' ').at(-1))
  return total
}

describe('client dead-letter queue → service replay', () => {
  it('scenario 8: with the service down past all retries the batch lands in the Redis DLQ; the restarted service replays it exactly once', async () => {
    const corr = correlationId('s8')
    const stream = `${keyPrefix}s8:audit:dlq:events`
    const service = await startDatastorage({
      databaseUrl,
      redisUrl,
      env: { DLQ_STREAM: stream, DEAD_LETTER_STREAM: `${keyPrefix}s8:audit:dead-letter:events` },
    })
    try {
      await service.stop()
      const audit = createAuditClient({
        baseUrl: service.url,
        token: service.tokens.writer,
        service: 'e2e',
        maxRetries: 2,
        retryBaseMs: 50,
        requestTimeoutMs: 1000,
        deadLetter: redisDeadLetterQueue({ redis, stream }),
      })
      const ids = Array.from({ length: 100 }, (_, i) => audit.emit(makeEvent(corr, i)))
      const stats = await audit.close()
      expect(stats).toMatchObject({
        emitted: 100,
        deadLettered: 100,
        persisted: 0,
        failed: 0,
        pending: 0,
        retries: 2,
      })

      const entries = await redis.xrange(stream, '-', '+')
      expect(entries).toHaveLength(100)
      for (const [, fields] of entries) expect(fields.filter((_, i) => i % 2 === 0)).toEqual(LAYOUT)
      const messages = entries.map(([, fields]) => decodeDeadLetterMessage(fields))
      expect(messages.map((m) => m.event.event_id).sort()).toEqual([...ids].sort())
      expect(messages.every((m) => m.source === 'client' && m.service === 'e2e' && m.attempts === 3)).toBe(
        true,
      )

      const restartedAt = performance.now()
      await service.restart()
      const { events } = await waitQueryable(readerOf(service), corr, 100, 30_000)
      await waitFor('the DLQ stream to drain', async () => (await redis.xlen(stream)) === 0, 30_000)
      const drainedMs = performance.now() - restartedAt

      // Replaying the same messages again (as a second client or a re-run would) adds no row.
      const again = redis.multi()
      for (const [, fields] of entries) again.xadd(stream, '*', ...fields)
      await again.exec()
      await waitFor('the re-added messages to drain', async () => (await redis.xlen(stream)) === 0, 30_000)
      const after = await queryAll(readerOf(service), corr)
      console.log(
        `[scenario 8] service down: ${messages.length} events in the Redis DLQ (reason "${messages[0]?.reason}", attempts ${messages[0]?.attempts}); restarted service replayed them in ${drainedMs.toFixed(0)} ms; stored ${events.length}; after replaying the same 100 again: ${after.length} rows, ${uniqueIds(after)} unique`,
      )
      expect(uniqueIds(events)).toBe(100)
      expect(after).toHaveLength(100)
      expect(uniqueIds(after)).toBe(100)
    } finally {
      await service.stop()
    }
  })

  it('a full service DLQ answers 503 and the audit client holds its events until room returns', async () => {
    const corr = correlationId('dlq-full')
    const stream = `${keyPrefix}dlq-full:audit:dlq:events`
    const pg = await startThrowawayPostgres()
    const service = await startDatastorage({
      databaseUrl: pg.url,
      redisUrl,
      env: {
        DLQ_STREAM: stream,
        DEAD_LETTER_STREAM: `${keyPrefix}dlq-full:audit:dead-letter:events`,
        DLQ_CAPACITY: '100',
        DATABASE_WRITE_TIMEOUT_MS: '1000',
      },
    })
    const audit = createAuditClient({
      baseUrl: service.url,
      token: service.tokens.writer,
      service: 'e2e',
      batchSize: 50,
      flushIntervalMs: 50,
      maxRetries: 100,
      retryBaseMs: 100,
      retryMaxMs: 300,
    })
    try {
      // Only the test's events may reach the DLQ: its capacity is counted exactly below.
      await waitStartupSelfAudit(pg.url)
      await pg.stop()
      for (let i = 0; i < 300; i++) audit.emit(makeEvent(corr, i))
      // PostgreSQL is down: the service queues 100 events (its capacity) and then answers 503.
      await waitFor('the service DLQ to fill', async () => (await redis.xlen(stream)) === 100, 30_000)
      await waitFor(
        'the client to count the 202s and retry the 503s',
        async () => audit.stats().persisted === 100 && audit.stats().retries > 0,
        30_000,
      )
      const held = audit.stats()
      expect(await redis.xlen(stream)).toBe(100)
      expect(held.pending).toBe(200)
      expect(held.retries).toBeGreaterThan(0)
      expect(held).toMatchObject({ persisted: 100, failed: 0, deadLettered: 0 })

      await pg.start()
      const stats = await audit.close({ timeoutMs: 60_000 })
      await waitFor('the service DLQ to drain', async () => (await redis.xlen(stream)) === 0, 30_000)
      const stored = await queryAll(readerOf(service), corr)
      console.log(
        `[service DLQ] capacity 100 with PostgreSQL down: 100 queued (202), the client held ${held.pending} through ${held.retries} retried 503s; after PostgreSQL returned: stored ${stored.length} (${uniqueIds(stored)} unique); stats ${JSON.stringify(stats)}`,
      )
      expect(stored).toHaveLength(300)
      expect(uniqueIds(stored)).toBe(300)
      // A write the service gave up on (its write timeout) may still commit; the client's retry of it
      // is then reported as duplicates: stored once, counted once.
      expect(stats.persisted + stats.duplicates).toBe(300)
      expect(stats).toMatchObject({ emitted: 300, failed: 0, deadLettered: 0, pending: 0 })
    } finally {
      await audit.close()
      await service.stop()
      await pg.destroy()
    }
  })

  it('two service processes consuming one DLQ store every message exactly once', async () => {
    const corr = correlationId('two-consumers')
    const stream = `${keyPrefix}two:audit:dlq:events`
    const total = 5000
    const messages = Array.from({ length: total }, (_, i) => ({
      event: {
        ...makeEvent(corr, i),
        version: '1.0' as const,
        event_id: uuidv7(),
        event_timestamp: new Date(Date.now() - i).toISOString(),
      },
      source: 'client' as const,
      service: 'e2e',
      reason: 'seeded by the test',
      attempts: 4,
      enqueuedAt: new Date().toISOString(),
    }))
    // Every 10th message twice, as a client and a server dead-lettering the same event would.
    const entries = [...messages, ...messages.filter((_, i) => i % 10 === 0)]
    for (let i = 0; i < entries.length; i += 1000) {
      const pipeline = redis.pipeline()
      for (const m of entries.slice(i, i + 1000)) pipeline.xadd(stream, '*', ...encodeDeadLetterMessage(m))
      await pipeline.exec()
    }
    const env = { DLQ_STREAM: stream, DEAD_LETTER_STREAM: `${keyPrefix}two:audit:dead-letter:events` }
    const started = performance.now()
    const [a, b] = await Promise.all([
      startDatastorage({ databaseUrl, redisUrl, env: { ...env, DLQ_CONSUMER_NAME: 'process-a' } }),
      startDatastorage({ databaseUrl, redisUrl, env: { ...env, DLQ_CONSUMER_NAME: 'process-b' } }),
    ])
    try {
      await waitFor('the DLQ to drain', async () => (await redis.xlen(stream)) === 0, 60_000)
      const drainedMs = performance.now() - started
      const consumers = (await redis.xinfo('CONSUMERS', stream, 'datastorage')) as unknown[][]
      const stored = await queryAll(readerOf(a), corr)
      const [byA, byB] = await Promise.all([replayedBy(a.url), replayedBy(b.url)])
      console.log(
        `[service DLQ] two datastorage processes (pids ${a.pid()} and ${b.pid()}) drained ${entries.length} messages (${total} events, ${entries.length - total} repeated) in ${drainedMs.toFixed(0)} ms: ${byA} replayed by a, ${byB} by b; consumers in the group: ${consumers.length}; stored ${stored.length} rows, ${uniqueIds(stored)} unique`,
      )
      expect(byA + byB).toBe(entries.length)
      expect(a.pid()).not.toBe(b.pid())
      expect(consumers.length).toBe(2)
      expect(stored).toHaveLength(total)
      expect(uniqueIds(stored)).toBe(total)
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
  })
})
