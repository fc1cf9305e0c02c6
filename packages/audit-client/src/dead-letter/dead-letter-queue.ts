import type { DeadLetterMessage } from '@audit-trail/datastorage-client'

/**
 * Where events go that could not be delivered: after the last retry, on a non-retryable
 * rejection of individual events, on overflow with `onFull: 'dead-letter'`, or when `close()`
 * runs out of time. The message layout is the one the service's replay worker reads
 * (`encodeDeadLetterMessage` in `@audit-trail/datastorage-client`).
 */
export interface DeadLetterQueue {
  /** For logs and metrics, e.g. `redis`, `file`, `redis>file`. */
  readonly name: string
  /**
   * Stores the messages durably. Resolves only once every message is stored; rejects with a
   * `DeadLetterWriteError` otherwise (the caller then treats all of them as not stored).
   */
  write(messages: readonly DeadLetterMessage[]): Promise<void>
  /** Releases what the queue opened itself (not an injected Redis client). Idempotent. */
  close(): Promise<void>
}
