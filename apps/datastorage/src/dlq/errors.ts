import { DataStorageError } from '../errors.js'

/**
 * The dead-letter queue holds `capacity` messages or more: the service refuses to accept events it
 * could not keep (503 with Retry-After), so clients hold them and retry. The stream is never trimmed.
 */
export class DlqFullError extends DataStorageError {
  override readonly name = 'DlqFullError'
  readonly depth: number
  readonly capacity: number
  constructor(depth: number, capacity: number, options?: { cause?: unknown }) {
    super('DLQ_FULL', `dead-letter queue is full: ${depth} of ${capacity} messages`, options)
    this.depth = depth
    this.capacity = capacity
  }
}

/** Redis did not take the dead-letter write (unreachable, timed out, refused); nothing was accepted. */
export class DlqUnavailableError extends DataStorageError {
  override readonly name = 'DlqUnavailableError'
  constructor(message: string, options?: { cause?: unknown }) {
    super('DLQ_UNAVAILABLE', message, options)
  }
}
