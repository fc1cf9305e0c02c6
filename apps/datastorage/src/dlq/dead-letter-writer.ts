import { type AuditEventWithId, DLQ_STREAM, encodeDeadLetterMessage } from '@audit-trail/datastorage-client'
import type { Redis } from 'ioredis'
import type { DlqMetrics } from '../metrics/dlq-metrics.js'
import type { CapacityMonitor } from './capacity-monitor.js'
import { DlqFullError, DlqUnavailableError } from './errors.js'
import { withTimeout } from './with-timeout.js'

/** What a dead-letter write did. */
export interface DeadLetterWriteResult {
  /** Messages added (one per event). */
  queued: number
  /** Stream length right after the write. */
  depth: number
}

/** Options of one {@link DeadLetterWriter.write}. */
export interface DeadLetterWriteOptions {
  /** Who wrote the events (`recorded_by`). */
  recordedBy: string
}

/** The service's producer into the DLQ stream: used when PostgreSQL cannot take accepted events. */
export interface DeadLetterWriter {
  readonly stream: string
  readonly capacity: number
  /**
   * Adds one message per event (`source: 'server'`), all or none, if they fit under the capacity.
   * `options.recordedBy`, the request's principal, goes into every message (`recorded_by`), so the
   * replay stores the events under the name that wrote them.
   * @throws DlqFullError when the stream would exceed its capacity; nothing was added.
   * @throws DlqUnavailableError when Redis refused or did not answer within `timeoutMs`.
   */
  write(
    events: readonly AuditEventWithId[],
    reason: string,
    options: DeadLetterWriteOptions,
  ): Promise<DeadLetterWriteResult>
}

/** Options of {@link createDeadLetterWriter}. */
export interface DeadLetterWriterOptions {
  /** A client the caller owns (not the replay worker's: its blocking reads would hold writes up). */
  redis: Redis
  /** Default `audit:dlq:events`. */
  stream?: string
  /** Messages the stream may hold. Default 1,000,000. */
  capacity?: number
  /** Bound on one write, queueing in ioredis included. Default 5000. */
  timeoutMs?: number
  /** `service` field of the messages. Default `datastorage`. */
  service?: string
  /** Told the depth after every write, so thresholds are logged as they are crossed. */
  monitor?: CapacityMonitor
  metrics?: DlqMetrics
  now?: () => Date
}

// The capacity check and the XADDs run as one script, so concurrent requests cannot both pass the
// check and overfill the stream, and a batch is queued whole or not at all. No MAXLEN, ever:
// trimming an audit dead-letter queue deletes audit records.
const APPEND_SCRIPT = `
local depth = redis.call('XLEN', KEYS[1])
local per = tonumber(ARGV[2])
local count = (#ARGV - 2) / per
if depth + count > tonumber(ARGV[1]) then return {0, depth} end
for i = 0, count - 1 do
  redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3 + i * per, 2 + (i + 1) * per))
end
return {count, depth + count}
`

/**
 * Creates the server-side dead-letter producer: `XADD` per event in the shared message layout
 * (`encodeDeadLetterMessage`), so the replay worker and the operator CLI read client and server
 * messages alike.
 *
 * A write that times out may still be applied when ioredis reconnects; the client was told 503
 * and retries, and the duplicate is harmless because replay is idempotent by `event_id`.
 *
 * @throws RangeError at construction for a capacity or timeout that is not a positive integer.
 * @example
 * const deadLetters = createDeadLetterWriter({ redis, capacity: 1_000_000, monitor })
 * await deadLetters.write(events, 'PostgreSQL unavailable: connect ECONNREFUSED', { recordedBy: 'billing' })
 */
export function createDeadLetterWriter(options: DeadLetterWriterOptions): DeadLetterWriter {
  const {
    redis,
    stream = DLQ_STREAM,
    capacity = 1_000_000,
    timeoutMs = 5000,
    service = 'datastorage',
    monitor,
    metrics,
    now = () => new Date(),
  } = options
  for (const [field, value] of [
    ['capacity', capacity],
    ['timeoutMs', timeoutMs],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`${field} must be a positive integer, got ${value}`)
  }

  return {
    stream,
    capacity,
    async write(events, reason, { recordedBy }) {
      if (events.length === 0) return { queued: 0, depth: monitor?.state?.depth ?? 0 }
      const enqueuedAt = now().toISOString()
      // One flat argument array (not a spread call): a 5000-event batch is 80,000 arguments.
      const argv: Array<string | number> = [APPEND_SCRIPT, 1, stream, capacity, 0]
      for (const event of events) {
        const fields = encodeDeadLetterMessage({
          event,
          source: 'server',
          service,
          reason,
          attempts: 1,
          enqueuedAt,
          recordedBy,
        })
        argv[4] = fields.length
        for (const field of fields) argv.push(field)
      }
      let reply: unknown
      try {
        reply = await withTimeout(
          redis.call('EVAL', argv),
          timeoutMs,
          `Redis did not answer within ${timeoutMs} ms`,
        )
      } catch (cause) {
        const detail = cause instanceof Error ? cause.message : String(cause)
        throw new DlqUnavailableError(`could not queue ${events.length} event(s) to ${stream}: ${detail}`, {
          cause,
        })
      }
      const [queued, depth] = (reply as [number, number]).map(Number) as [number, number]
      monitor?.observe(depth)
      if (queued === 0) throw new DlqFullError(depth, capacity)
      metrics?.enqueued.inc(queued)
      return { queued, depth }
    },
  }
}
