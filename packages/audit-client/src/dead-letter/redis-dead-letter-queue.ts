import { type DeadLetterMessage, DLQ_STREAM, encodeDeadLetterMessage } from '@audit-trail/datastorage-client'
// Type-only: ioredis is an optional peer dependency, loaded only by applications that pass a client.
import type { Cluster, Redis } from 'ioredis'
import { DeadLetterWriteError, describe } from '../errors.js'
import type { DeadLetterQueue } from './dead-letter-queue.js'

/** Options of {@link redisDeadLetterQueue}. */
export interface RedisDeadLetterQueueOptions {
  /** An ioredis client owned by the application; `close()` leaves it open. */
  redis: Redis | Cluster
  /** The stream to `XADD` to. Default `audit:dlq:events`, the one the service's replay worker reads. */
  stream?: string
  /**
   * How long one `write()` may wait for Redis before rejecting. ioredis queues commands while it
   * reconnects, which without a bound would hold the events (and `close()`) for minutes. Default 5000.
   */
  timeoutMs?: number
}

/**
 * Dead-letters events into a Redis Stream, one entry per event in the layout of
 * `encodeDeadLetterMessage`, so the service's replay worker persists them. Each `write()` is one
 * `MULTI`/`EXEC` (all entries or none). The stream is never trimmed: no `MAXLEN`/`MINID`, since
 * trimming an audit dead-letter queue deletes audit records.
 *
 * A write that times out may still be applied later, when ioredis reconnects and sends its queue;
 * the caller then stores the events elsewhere too. That duplicate is harmless (the service
 * dedupes by `event_id`), whereas cancelling is not possible and waiting has no bound.
 *
 * @throws {RangeError} at construction for an empty `stream` or a `timeoutMs` that is not positive.
 * @example
 * const dlq = redisDeadLetterQueue({ redis: new Redis(process.env.REDIS_URL) })
 */
export function redisDeadLetterQueue(options: RedisDeadLetterQueueOptions): DeadLetterQueue {
  const { redis, stream = DLQ_STREAM, timeoutMs = 5000 } = options
  if (typeof redis?.multi !== 'function') {
    throw new TypeError('redisDeadLetterQueue: redis must be an ioredis client')
  }
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new RangeError('redisDeadLetterQueue: stream must be a non-empty string')
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`redisDeadLetterQueue: timeoutMs must be a positive number, got ${timeoutMs}`)
  }
  let closed = false

  async function add(messages: readonly DeadLetterMessage[]): Promise<void> {
    const transaction = redis.multi()
    for (const message of messages) transaction.xadd(stream, '*', ...encodeDeadLetterMessage(message))
    const results = await withTimeout(transaction.exec(), timeoutMs, stream)
    if (results === null) throw new Error(`EXEC on ${stream} was aborted`)
    for (const [error] of results) if (error) throw error
  }

  return {
    name: 'redis',
    async write(messages) {
      if (messages.length === 0) return
      try {
        if (closed) throw new Error('redis dead-letter queue is closed')
        await add(messages)
      } catch (cause) {
        throw new DeadLetterWriteError(
          `could not add ${messages.length} dead-letter message(s) to Redis stream ${stream}: ${describe(cause)}`,
          { cause },
        )
      }
    },
    async close() {
      closed = true
    },
  }
}

/** Races `promise` against a timer that is cleared as soon as either settles. */
function withTimeout<T>(promise: Promise<T>, ms: number, stream: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  // The timer stays ref'd on purpose: a process awaiting this write must not exit before it settles.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer XADD to ${stream} within ${ms} ms`)), ms)
  })
  // A late rejection of the losing promise must not become an unhandled rejection.
  promise.catch(() => undefined)
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
