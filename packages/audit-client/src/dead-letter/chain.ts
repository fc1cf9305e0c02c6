import { DeadLetterWriteError, describe } from '../errors.js'
import type { DeadLetterQueue } from './dead-letter-queue.js'

/** The chain; `spoolDepth()` is there when a chained queue has one (the file spool), summed over them. */
export interface ChainedDeadLetterQueue extends DeadLetterQueue {
  spoolDepth?(): Promise<number>
}

type WithDepth = DeadLetterQueue & { spoolDepth(): Promise<number> }

/**
 * A {@link DeadLetterQueue} that writes to the first queue and, when that write rejects, the same
 * messages to the next, and so on: typically Redis, then the local spool. It rejects only when
 * every queue failed, with a `DeadLetterWriteError` whose message names each queue's error and
 * whose `cause` is an `AggregateError` of them, in order. Its name joins the queues' names with
 * `>`, e.g. `redis>file`. `close()` closes every queue. A write that fell back is not an error, so
 * watch `spoolDepth()` (or the queue's own metrics) to notice that Redis is down.
 *
 * @throws {TypeError} at construction when no queue is given.
 * @example
 * const deadLetter = chainDeadLetterQueues(
 *   redisDeadLetterQueue({ redis }),
 *   fileDeadLetterQueue({ path: '/var/lib/billing/audit-spool.jsonl' }),
 * )
 */
export function chainDeadLetterQueues(...queues: DeadLetterQueue[]): ChainedDeadLetterQueue {
  if (queues.length === 0) throw new TypeError('chainDeadLetterQueues: queues must name at least one queue')
  const spools = queues.filter(
    (queue): queue is WithDepth => typeof (queue as Partial<WithDepth>).spoolDepth === 'function',
  )
  const chain: ChainedDeadLetterQueue = {
    name: queues.map((queue) => queue.name).join('>'),
    async write(messages) {
      if (messages.length === 0) return
      const errors: unknown[] = []
      for (const queue of queues) {
        try {
          await queue.write(messages)
          return
        } catch (error) {
          errors.push(error)
        }
      }
      const reasons = queues.map((queue, i) => `${queue.name}: ${describe(errors[i])}`).join('; ')
      throw new DeadLetterWriteError(
        `every dead-letter queue failed for ${messages.length} message(s): ${reasons}`,
        { cause: new AggregateError(errors, reasons) },
      )
    },
    async close() {
      const results = await Promise.allSettled(queues.map((queue) => queue.close()))
      const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
      if (errors.length > 0) throw new AggregateError(errors, 'closing the dead-letter queues failed')
    },
  }
  if (spools.length > 0) {
    chain.spoolDepth = async () => {
      const depths = await Promise.all(spools.map((queue) => queue.spoolDepth()))
      return depths.reduce((sum, depth) => sum + depth, 0)
    }
  }
  return chain
}
