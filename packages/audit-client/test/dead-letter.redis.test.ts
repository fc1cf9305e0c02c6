import { decodeDeadLetterMessage, encodeDeadLetterMessage } from '@audit-trail/datastorage-client'
import { deleteKeysWithPrefix, redisKeyPrefix, startThrowawayRedis } from '@audit-trail/test-infra'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisDeadLetterQueue } from '../src/dead-letter/redis-dead-letter-queue.js'
import { DeadLetterWriteError } from '../src/errors.js'
import { deadLetterMessage, deadLetterMessages } from './support/dead-letter-messages.js'

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379'
// Every key this file touches starts with the prefix, so parallel runs and other suites never collide.
const prefix = redisKeyPrefix()
let redis: Redis
let streams = 0
const nextStream = () => `${prefix}${++streams}:audit:dlq:events`

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true })
  await redis.connect()
})

afterAll(async () => {
  await deleteKeysWithPrefix(REDIS_URL, prefix)
  await redis.quit()
})

describe('redisDeadLetterQueue against a real Redis', () => {
  it('adds one stream entry per event with exactly the encodeDeadLetterMessage fields', async () => {
    const stream = nextStream()
    const dlq = redisDeadLetterQueue({ redis, stream })
    const messages = deadLetterMessages(3)
    await dlq.write(messages)

    const entries = await redis.xrange(stream, '-', '+')
    expect(entries).toHaveLength(3)
    entries.forEach(([, fields], i) => {
      expect(fields).toEqual(encodeDeadLetterMessage(messages[i]!))
      expect(decodeDeadLetterMessage(fields)).toEqual(messages[i])
    })
    expect(dlq.name).toBe('redis')
  })

  it('sends plain XADD … * commands in one MULTI, never MAXLEN or MINID', async () => {
    const stream = nextStream()
    const monitor = await redis.monitor()
    const seen: string[][] = []
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args[1] === stream || args[0]?.toLowerCase() === 'multi' || args[0]?.toLowerCase() === 'exec') {
        seen.push(args)
      }
    })
    try {
      const messages = deadLetterMessages(2)
      await redisDeadLetterQueue({ redis, stream }).write(messages)
      await expect.poll(() => seen.filter((a) => a[0]?.toLowerCase() === 'xadd').length).toBe(2)
      const ours = seen.filter((a) => a[1] === stream)
      expect(ours).toEqual(messages.map((m) => ['xadd', stream, '*', ...encodeDeadLetterMessage(m)]))
      for (const args of ours) {
        expect(args.map((a) => a.toUpperCase())).not.toContain('MAXLEN')
        expect(args.map((a) => a.toUpperCase())).not.toContain('MINID')
      }
      expect(seen.some((a) => a[0]?.toLowerCase() === 'multi')).toBe(true)
    } finally {
      monitor.disconnect()
    }
  })

  it('never trims: 10,000 events make 10,000 entries', async () => {
    const stream = nextStream()
    const dlq = redisDeadLetterQueue({ redis, stream })
    for (let batch = 0; batch < 10; batch++) await dlq.write(deadLetterMessages(1000, batch * 1000))
    expect(await redis.xlen(stream)).toBe(10_000)
    const [first] = await redis.xrange(stream, '-', '+', 'COUNT', 1)
    expect(decodeDeadLetterMessage(first![1]).event.event_data).toEqual({ i: 0 })
  }, 30_000)

  it('writes nothing and creates no key for an empty batch', async () => {
    const stream = nextStream()
    await redisDeadLetterQueue({ redis, stream }).write([])
    expect(await redis.exists(stream)).toBe(0)
  })

  it('rejects with DeadLetterWriteError carrying the Redis error when an XADD fails', async () => {
    const stream = nextStream()
    await redis.set(stream, 'not a stream')
    const error = await redisDeadLetterQueue({ redis, stream })
      .write([deadLetterMessage(1)])
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadLetterWriteError)
    expect((error as DeadLetterWriteError).code).toBe('DLQ_WRITE_FAILED')
    expect(String((error as Error).cause)).toMatch(/WRONGTYPE/)
  })

  it('refuses writes after close() and leaves the injected client open', async () => {
    const stream = nextStream()
    const dlq = redisDeadLetterQueue({ redis, stream })
    await dlq.close()
    await dlq.close()
    await expect(dlq.write([deadLetterMessage(1)])).rejects.toThrow(/closed/)
    expect(await redis.ping()).toBe('PONG')
    expect(await redis.exists(stream)).toBe(0)
  })

  it('checks its options at construction', () => {
    expect(() => redisDeadLetterQueue({ redis, stream: '' })).toThrow(/stream/)
    expect(() => redisDeadLetterQueue({ redis, timeoutMs: 0 })).toThrow(/timeoutMs/)
    expect(() => redisDeadLetterQueue({ redis: {} as Redis })).toThrow(/redis/)
  })
})

describe('redisDeadLetterQueue when Redis is down', () => {
  it('rejects within timeoutMs while ioredis queues commands for a reconnect that never comes', async () => {
    const server = await startThrowawayRedis()
    // maxRetriesPerRequest: null is the worst case: ioredis itself would wait forever.
    const client = new Redis(server.url, { maxRetriesPerRequest: null, lazyConnect: true })
    client.on('error', () => undefined)
    try {
      await client.connect()
      const stream = nextStream()
      const dlq = redisDeadLetterQueue({ redis: client, stream, timeoutMs: 300 })
      await dlq.write([deadLetterMessage(1)])
      expect(await client.xlen(stream)).toBe(1)

      await server.kill()
      const started = performance.now()
      const error = await dlq.write([deadLetterMessage(2)]).catch((e: unknown) => e)
      const elapsed = performance.now() - started
      expect(error).toBeInstanceOf(DeadLetterWriteError)
      expect(String((error as Error).cause)).toMatch(/within 300 ms/)
      expect(elapsed).toBeGreaterThanOrEqual(290)
      expect(elapsed).toBeLessThan(1500)
    } finally {
      client.disconnect()
      await server.destroy()
    }
  })

  it('rejects at once when the client connection is closed for good', async () => {
    const client = new Redis(REDIS_URL, { lazyConnect: true })
    await client.connect()
    await client.quit()
    const started = performance.now()
    await expect(
      redisDeadLetterQueue({ redis: client, stream: nextStream() }).write([deadLetterMessage(1)]),
    ).rejects.toThrow(DeadLetterWriteError)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
