import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeDeadLetterMessage } from '@audit-trail/datastorage-client'
import {
  deleteKeysWithPrefix,
  redisKeyPrefix,
  startThrowawayRedis,
  type ThrowawayRedis,
} from '@audit-trail/test-infra'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chainDeadLetterQueues } from '../src/dead-letter/chain.js'
import type { DeadLetterQueue } from '../src/dead-letter/dead-letter-queue.js'
import { fileDeadLetterQueue } from '../src/dead-letter/file-dead-letter-queue.js'
import { redisDeadLetterQueue } from '../src/dead-letter/redis-dead-letter-queue.js'
import { DeadLetterWriteError } from '../src/errors.js'
import { deadLetterMessages } from './support/dead-letter-messages.js'

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379'
const prefix = redisKeyPrefix()
let shared: Redis
let dir: string

beforeAll(async () => {
  shared = new Redis(REDIS_URL, { lazyConnect: true })
  await shared.connect()
})
afterAll(async () => {
  await deleteKeysWithPrefix(REDIS_URL, prefix)
  await shared.quit()
})
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-chain-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const spoolIds = async (path: string) =>
  (await readFile(path, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { event: { event_id: string } }).event.event_id)

describe('chainDeadLetterQueues (Redis, then the file spool)', () => {
  it('writes to Redis while it is up and leaves the spool untouched', async () => {
    const stream = `${prefix}up:audit:dlq:events`
    const path = join(dir, 'spool.jsonl')
    const chain = chainDeadLetterQueues(
      redisDeadLetterQueue({ redis: shared, stream }),
      fileDeadLetterQueue({ path }),
    )
    expect(chain.name).toBe('redis>file')
    const messages = deadLetterMessages(5)
    await chain.write(messages)
    await chain.close()
    const entries = await shared.xrange(stream, '-', '+')
    expect(entries.map(([, fields]) => decodeDeadLetterMessage(fields))).toEqual(messages)
    await expect(stat(path)).rejects.toThrow(/ENOENT/)
  })

  describe('with a throwaway Redis that gets killed', () => {
    let server: ThrowawayRedis
    let client: Redis
    beforeEach(async () => {
      server = await startThrowawayRedis()
      client = new Redis(server.url, { maxRetriesPerRequest: null, lazyConnect: true })
      client.on('error', () => undefined)
      await client.connect()
    })
    afterEach(async () => {
      client.disconnect()
      await server.destroy()
    })

    it('falls back to the spool once Redis is gone', async () => {
      const stream = `${prefix}killed:audit:dlq:events`
      const path = join(dir, 'spool.jsonl')
      const chain = chainDeadLetterQueues(
        redisDeadLetterQueue({ redis: client, stream, timeoutMs: 300 }),
        fileDeadLetterQueue({ path }),
      )
      const before = deadLetterMessages(2)
      await chain.write(before)
      expect(await client.xlen(stream)).toBe(2)

      await server.kill()
      const after = deadLetterMessages(3, 2)
      const started = performance.now()
      await chain.write(after)
      expect(performance.now() - started).toBeLessThan(1500)
      expect(await spoolIds(path)).toEqual(after.map((m) => m.event.event_id))
      expect(await chain.spoolDepth?.()).toBe(3)
      await chain.close()
    })

    it('rejects naming both queues when Redis and the spool fail', async () => {
      await writeFile(join(dir, 'blocker'), 'a file, not a directory')
      const chain = chainDeadLetterQueues(
        redisDeadLetterQueue({ redis: client, stream: `${prefix}both:audit:dlq:events`, timeoutMs: 200 }),
        fileDeadLetterQueue({ path: join(dir, 'blocker', 'spool.jsonl') }),
      )
      await server.kill()
      const error = await chain.write(deadLetterMessages(2)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DeadLetterWriteError)
      expect((error as DeadLetterWriteError).code).toBe('DLQ_WRITE_FAILED')
      expect((error as Error).message).toMatch(/redis: .*within 200 ms.*; file: .*blocker/)
      const cause = (error as Error).cause as AggregateError
      expect(cause).toBeInstanceOf(AggregateError)
      expect(cause.errors).toHaveLength(2)
      expect(cause.errors.every((e) => e instanceof DeadLetterWriteError)).toBe(true)
    })
  })
})

describe('chainDeadLetterQueues', () => {
  const recording = (name: string, fail: boolean, log: string[]): DeadLetterQueue => ({
    name,
    async write(messages) {
      log.push(`${name}:${messages.length}`)
      if (fail) throw new Error(`${name} down`)
    },
    async close() {
      log.push(`${name}:close`)
      if (fail) throw new Error(`${name} close failed`)
    },
  })

  it('tries the queues in order and stops at the first that stores the batch', async () => {
    const log: string[] = []
    const chain = chainDeadLetterQueues(
      recording('a', true, log),
      recording('b', false, log),
      recording('c', false, log),
    )
    expect(chain.name).toBe('a>b>c')
    await chain.write(deadLetterMessages(4))
    await chain.write([])
    expect(log).toEqual(['a:4', 'b:4'])
  })

  it('closes every queue even when one fails to close', async () => {
    const log: string[] = []
    const chain = chainDeadLetterQueues(recording('a', true, log), recording('b', false, log))
    await expect(chain.close()).rejects.toThrow(AggregateError)
    expect(log).toEqual(['a:close', 'b:close'])
  })

  it('has a spoolDepth() only when a chained queue has one', async () => {
    const log: string[] = []
    expect(chainDeadLetterQueues(recording('a', false, log)).spoolDepth).toBeUndefined()
    const depth = (n: number) => ({ ...recording('s', false, log), spoolDepth: async () => n })
    expect(await chainDeadLetterQueues(recording('a', false, log), depth(2), depth(5)).spoolDepth?.()).toBe(7)
  })

  it('needs at least one queue', () => {
    expect(() => chainDeadLetterQueues()).toThrow(/at least one/)
  })
})
