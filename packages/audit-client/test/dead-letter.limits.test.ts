import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Redis } from 'ioredis'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chainDeadLetterQueues } from '../src/dead-letter/chain.js'
import type { DeadLetterQueue } from '../src/dead-letter/dead-letter-queue.js'
import { fileDeadLetterQueue } from '../src/dead-letter/file-dead-letter-queue.js'
import { redisDeadLetterQueue } from '../src/dead-letter/redis-dead-letter-queue.js'
import { DeadLetterWriteError } from '../src/errors.js'
import { deadLetterMessage } from './support/dead-letter-messages.js'

/** The bytes a message takes in the spool: one JSON line (ids are UUIDs: every one the same length). */
const lineBytes = (i: number) => Buffer.byteLength(`${JSON.stringify(deadLetterMessage(i))}\n`)

describe('fileDeadLetterQueue: limits and rotation boundaries', () => {
  let dir: string
  let path: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-spool-limits-'))
    path = join(dir, 'spool.jsonl')
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  const files = async () => (await readdir(dir)).sort()

  it('refuses an empty or non-string path at construction', () => {
    expect(() => fileDeadLetterQueue({ path: '' })).toThrow(/path must be a non-empty string/)
    // From JavaScript, or config read without types.
    expect(() => fileDeadLetterQueue({ path: 42 as unknown as string })).toThrow(RangeError)
  })

  it('writes a batch larger than maxBytes into an empty file instead of rotating an empty file away', async () => {
    const dlq = fileDeadLetterQueue({ path, maxBytes: 10 })
    await dlq.write([deadLetterMessage(0)])
    await dlq.close()
    expect(await files()).toEqual(['spool.jsonl'])
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(2)
  })

  it('fills the file up to exactly maxBytes before it rotates', async () => {
    // Two lines that together take maxBytes exactly: no rotation; the third line rotates.
    const dlq = fileDeadLetterQueue({ path, maxBytes: lineBytes(1) + lineBytes(2) })
    await dlq.write([deadLetterMessage(1)])
    await dlq.write([deadLetterMessage(2)])
    expect(await files()).toEqual(['spool.jsonl'])
    await dlq.write([deadLetterMessage(3)])
    await dlq.close()
    expect(await files()).toEqual(['spool.jsonl', 'spool.jsonl.1'])
    expect((await readFile(`${path}.1`, 'utf8')).trim().split('\n')).toHaveLength(2)
  })

  it('counts the newline that ends a torn last line towards the size that decides rotation', async () => {
    // A crash left "abc" without a newline; reopening ends it, so the file holds 4 bytes. With room
    // for 3 more bytes than the next line, the line does not fit beside those 4 bytes: rotate.
    await writeFile(path, 'abc')
    const message = deadLetterMessage(0)
    const line = `${JSON.stringify(message)}\n`
    const dlq = fileDeadLetterQueue({ path, maxBytes: Buffer.byteLength(line) + 3 })
    await dlq.write([message])
    await dlq.close()
    expect(await readFile(`${path}.1`, 'utf8')).toBe('abc\n')
    expect(await readFile(path, 'utf8')).toBe(line)
  })

  it('refuses writes after close() with a DeadLetterWriteError naming the path', async () => {
    const dlq = fileDeadLetterQueue({ path })
    await dlq.close()
    const error = await dlq.write([deadLetterMessage(0)]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadLetterWriteError)
    expect((error as Error).message).toContain(`file dead-letter queue ${path} is closed`)
  })
})

/** The part of an ioredis client the queue uses, recording what it was asked. */
function fakeRedis(exec: () => Promise<unknown>) {
  const calls = { multi: 0, xadd: 0 }
  const redis = {
    multi() {
      calls.multi++
      const transaction = {
        xadd() {
          calls.xadd++
          return transaction
        },
        exec,
      }
      return transaction
    },
  }
  return { redis: redis as unknown as Redis, calls }
}

describe('redisDeadLetterQueue: contract edges', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('refuses a missing client and an empty or non-string stream at construction, naming them', () => {
    expect(() => redisDeadLetterQueue({ redis: undefined as unknown as Redis })).toThrow(
      new TypeError('redisDeadLetterQueue: redis must be an ioredis client'),
    )
    const { redis } = fakeRedis(async () => [])
    expect(() => redisDeadLetterQueue({ redis, stream: 7 as unknown as string })).toThrow(RangeError)
    expect(() => redisDeadLetterQueue({ redis, stream: '' })).toThrow(/stream must be a non-empty string/)
  })

  it('makes no round trip for an empty write', async () => {
    const { redis, calls } = fakeRedis(async () => [])
    await redisDeadLetterQueue({ redis }).write([])
    expect(calls.multi).toBe(0)
  })

  it('rejects when EXEC was aborted (a null reply), so the events go elsewhere', async () => {
    const { redis, calls } = fakeRedis(async () => null)
    const error = await redisDeadLetterQueue({ redis, stream: 's' })
      .write([deadLetterMessage(0), deadLetterMessage(1)])
      .catch((e: unknown) => e)
    expect(calls).toEqual({ multi: 1, xadd: 2 })
    expect(error).toBeInstanceOf(DeadLetterWriteError)
    expect((error as Error).message).toContain('EXEC on s was aborted')
  })

  it('clears its timeout as soon as Redis answers: no timer outlives a write', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { redis } = fakeRedis(async () => [[null, '1-0']])
    await redisDeadLetterQueue({ redis, timeoutMs: 60_000 }).write([deadLetterMessage(0)])
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('chainDeadLetterQueues: close', () => {
  it('closes every queue and reports all their failures together', async () => {
    const closed: string[] = []
    const queue = (name: string, fails: boolean): DeadLetterQueue => ({
      name,
      write: async () => {},
      close: async () => {
        closed.push(name)
        if (fails) throw new Error(`${name} close failed`)
      },
    })
    const chain = chainDeadLetterQueues(queue('a', true), queue('b', false), queue('c', true))
    const error = await chain.close().catch((e: unknown) => e)
    expect(closed).toEqual(['a', 'b', 'c'])
    expect(error).toBeInstanceOf(AggregateError)
    expect((error as AggregateError).message).toBe('closing the dead-letter queues failed')
    expect((error as AggregateError).errors.map((e: Error) => e.message)).toEqual([
      'a close failed',
      'c close failed',
    ])
  })
})
