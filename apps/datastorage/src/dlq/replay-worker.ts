import { hostname } from 'node:os'
import {
  type AuditEventValidator,
  createAuditEventValidator,
  DEAD_LETTER_STREAM,
  DLQ_STREAM,
} from '@audit-trail/datastorage-client'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { DlqMetrics } from '../metrics/dlq-metrics.js'
import type { AuditEventStore } from '../store/audit-event-store.js'
import { classifyStoreError, describeError } from '../store/store-errors.js'
import { backoffDelay } from './backoff.js'
import { type BatchResult, type ReplayTarget, replayBatch } from './replay-batch.js'
import { entriesOfRead, parseAutoClaim, type StreamEntry } from './stream-replies.js'

/** Options of {@link createReplayWorker}. */
export interface ReplayWorkerOptions {
  /**
   * A connection for this worker alone: `XREADGROUP BLOCK` holds it for up to `blockMs`, so a
   * shared one would delay the HTTP path's dead-letter writes. The worker does not close it.
   */
  redis: Redis
  store: AuditEventStore
  logger: Logger
  /** Default `audit:dlq:events`. */
  stream?: string
  /** Default `audit:dead-letter:events`. */
  deadLetterStream?: string
  /** Default `datastorage`. */
  group?: string
  /** Default `<hostname>-<pid>`. */
  consumer?: string
  /** Messages per round. Default 500. */
  batchSize?: number
  /**
   * Failed attempts of a message (any failure but an unavailable PostgreSQL: invalid, refused for its
   * data, a broken partition, a deadlock, an unknown error) before it is parked. Default 5.
   */
  maxAttempts?: number
  /** Idle time after which another consumer's pending message is claimed (`XAUTOCLAIM`). Default 30000. */
  claimIdleMs?: number
  /** How often to look for such messages. Default min(claimIdleMs, 5000). */
  claimIntervalMs?: number
  /** `XREADGROUP BLOCK` time; bounds how long `stop()` waits for an idle worker. Default 1000. */
  blockMs?: number
  /** First backoff delay, for the whole worker and per message. Default 500. */
  backoffBaseMs?: number
  /** Largest backoff delay. Default 30000. */
  backoffMaxMs?: number
  /** Default: the contract's validator, accepting unknown event types. */
  validate?: AuditEventValidator
  metrics?: DlqMetrics
  now?: () => number
}

/** What one round did. */
export interface RoundResult extends BatchResult {
  /** Entries handled this round (stored, poisoned, vanished or left for retry). */
  read: number
}

/** Replays the DLQ stream into PostgreSQL through a consumer group. */
export interface ReplayWorker {
  readonly consumer: string
  /** Starts the background loop. Idempotent. */
  start(): void
  /**
   * Stops reading, lets the round in progress finish (its inserts and acknowledgements), and
   * resolves when the loop has exited. A worker in backoff stops at once. Idempotent.
   */
  stop(): Promise<void>
  /**
   * One round: claim idle messages of silent consumers, retry this consumer's pending messages
   * whose backoff has passed, read new ones (blocking up to `blockMs` when there is nothing else).
   * @throws StoreUnavailableError when PostgreSQL is down (the messages stay pending), or a Redis error.
   */
  runOnce(options?: { block?: boolean }): Promise<RoundResult>
  /** Messages of this consumer waiting for their backoff to pass. */
  readonly waiting: number
  /** What this worker did since it was created. */
  readonly totals: ReplayTotals
}

/** Running totals of a worker. */
export interface ReplayTotals {
  /** Entries acknowledged because their event is in PostgreSQL. */
  stored: number
  /** Of those, new rows. */
  created: number
  poisoned: number
}

/**
 * Creates the replay worker (docs/architecture.md#7-replay-worker-service). Several service
 * replicas share the work through the consumer group; a message pending with a consumer silent for
 * `claimIdleMs` is claimed by another.
 * Replay is idempotent (`ON CONFLICT DO NOTHING` on `event_id`), so a message replayed twice
 * (after a crash between insert and `XACK`, or a claim from a slow consumer) still makes one row.
 * While PostgreSQL is unavailable the whole worker backs off exponentially, counting no attempts;
 * any other failure is a message's: it counts an attempt, the message backs off on its own while
 * the others go on, and after `maxAttempts` it is parked in the dead-letter stream.
 *
 * @throws RangeError at construction for a non-positive size, attempt count or duration.
 * @example
 * const worker = createReplayWorker({ redis: redis.duplicate(), store, logger, metrics: dlqMetrics })
 * worker.start()
 * // on shutdown, before the pool closes:
 * await worker.stop()
 */
export function createReplayWorker(options: ReplayWorkerOptions): ReplayWorker {
  const {
    redis,
    store,
    logger,
    stream = DLQ_STREAM,
    deadLetterStream = DEAD_LETTER_STREAM,
    group = 'datastorage',
    consumer = `${hostname()}-${process.pid}`,
    batchSize = 500,
    maxAttempts = 5,
    claimIdleMs = 30_000,
    blockMs = 1000,
    backoffBaseMs = 500,
    backoffMaxMs = 30_000,
    validate = createAuditEventValidator(),
    metrics,
    now = Date.now,
  } = options
  const claimIntervalMs = options.claimIntervalMs ?? Math.min(claimIdleMs, 5000)
  for (const [field, value] of Object.entries({
    batchSize,
    maxAttempts,
    claimIdleMs,
    claimIntervalMs,
    blockMs,
    backoffBaseMs,
    backoffMaxMs,
  })) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`${field} must be a positive integer, got ${value}`)
  }
  const target: ReplayTarget = {
    redis,
    store,
    validate,
    stream,
    deadLetterStream,
    group,
    maxAttempts,
    logger,
    metrics,
  }

  let groupReady = false
  let claimCursor = '0-0'
  let lastClaimAt = Number.NEGATIVE_INFINITY
  let pendingCursor = '0'
  const scanned = new Set<string>()
  /** Own pending entries in backoff: id → when they may be tried again, and their failure count. */
  const backoff = new Map<string, { at: number; failures: number }>()
  let loop: Promise<void> | undefined
  const totals: ReplayTotals = { stored: 0, created: 0, poisoned: 0 }
  let stopping = false
  let wake: (() => void) | undefined

  async function ensureGroup(): Promise<void> {
    if (groupReady) return
    try {
      // From the stream's start: messages clients dead-lettered before any service ran are replayed too.
      await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM')
      logger.info({ stream, group }, 'created dead-letter consumer group')
    } catch (error) {
      if (!String((error as Error).message).startsWith('BUSYGROUP')) throw error
    }
    groupReady = true
  }

  async function claimIdle(): Promise<StreamEntry[]> {
    if (now() - lastClaimAt < claimIntervalMs) return []
    const reply = parseAutoClaim(
      await redis.xautoclaim(stream, group, consumer, claimIdleMs, claimCursor, 'COUNT', batchSize),
    )
    claimCursor = reply.next
    // A full scan of the pending list ends with cursor 0-0: wait for the next interval.
    if (reply.next === '0-0') lastClaimAt = now()
    if (reply.entries.length > 0) {
      logger.info({ stream, consumer, claimed: reply.entries.length }, 'claimed idle dead-letter messages')
    }
    return reply.entries
  }

  /** This consumer's pending entries past their backoff, read from a cursor so long waits do not starve later ones. */
  async function ownPending(limit: number): Promise<StreamEntry[]> {
    const entries = entriesOfRead(
      await redis.xreadgroup('GROUP', group, consumer, 'COUNT', limit, 'STREAMS', stream, pendingCursor),
    )
    for (const e of entries) scanned.add(e.id)
    if (entries.length < limit) {
      // A full pass over the pending list: forget backoff of entries no longer ours (claimed or done elsewhere).
      for (const id of backoff.keys()) if (!scanned.has(id)) backoff.delete(id)
      scanned.clear()
      pendingCursor = '0'
    } else pendingCursor = entries.at(-1)!.id
    const t = now()
    return entries.filter((e) => (backoff.get(e.id)?.at ?? 0) <= t)
  }

  async function runOnce({ block = true }: { block?: boolean } = {}): Promise<RoundResult> {
    await ensureGroup()
    const seen = new Set<string>()
    const entries: StreamEntry[] = []
    const add = (list: StreamEntry[]) => {
      for (const e of list) {
        if (seen.has(e.id) || entries.length >= batchSize) continue
        seen.add(e.id)
        entries.push(e)
      }
    }
    add(await claimIdle())
    if (entries.length < batchSize) add(await ownPending(batchSize - entries.length))
    if (entries.length < batchSize && !stopping) {
      const count = batchSize - entries.length
      const blocking = block && entries.length === 0 ? ['BLOCK', blockMs] : []
      add(
        entriesOfRead(
          await (redis.xreadgroup as (...args: unknown[]) => Promise<unknown>)(
            'GROUP',
            group,
            consumer,
            'COUNT',
            count,
            ...blocking,
            'STREAMS',
            stream,
            '>',
          ),
        ),
      )
    }
    if (entries.length === 0) return { read: 0, stored: 0, created: 0, poisoned: 0, vanished: 0, retry: [] }
    const result = await replayBatch(target, entries)
    totals.stored += result.stored
    totals.created += result.created
    totals.poisoned += result.poisoned
    const t = now()
    for (const e of entries) if (!result.retry.some((r) => r.id === e.id)) backoff.delete(e.id)
    for (const r of result.retry) {
      const failures = (backoff.get(r.id)?.failures ?? 0) + 1
      backoff.set(r.id, {
        failures,
        at: t + backoffDelay(failures, { baseMs: backoffBaseMs, maxMs: backoffMaxMs }),
      })
    }
    return { read: entries.length, ...result }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wake = undefined
        resolve()
      }
      wake = done
    })
  }

  async function run(): Promise<void> {
    let failures = 0
    let outage: string | undefined
    while (!stopping) {
      try {
        const round = await runOnce()
        if (outage) logger.info({ stream, consumer, after: outage }, 'dead-letter replay resumed')
        failures = 0
        outage = undefined
        // Everything read is waiting for its own backoff and nothing new came: do not spin on it.
        if (round.read > 0 && round.read === round.retry.length) await sleep(backoffBaseMs)
      } catch (error) {
        failures += 1
        const kind = classifyStoreError(error) === 'unavailable' ? 'unavailable' : 'redis'
        metrics?.replayFailures.inc({ kind })
        if (String((error as Error).message).startsWith('NOGROUP')) groupReady = false
        const delay = backoffDelay(failures, { baseMs: backoffBaseMs, maxMs: backoffMaxMs })
        if (!outage) {
          outage = kind === 'unavailable' ? 'PostgreSQL unavailable' : 'Redis error'
          logger.warn(
            { err: error, stream, consumer, retryInMs: delay },
            `dead-letter replay paused: ${outage}`,
          )
        } else {
          logger.debug(
            { reason: describeError(error), failures, retryInMs: delay },
            'dead-letter replay still paused',
          )
        }
        if (!stopping) await sleep(delay)
      }
    }
  }

  return {
    consumer,
    get waiting() {
      return backoff.size
    },
    get totals() {
      return { ...totals }
    },
    start() {
      if (loop || stopping) return
      loop = run().catch((error) => logger.error({ err: error }, 'dead-letter replay loop failed'))
    },
    async stop() {
      stopping = true
      wake?.()
      await loop
      await forgetConsumerIfIdle().catch((error) =>
        logger.debug({ err: error }, 'could not remove the idle consumer from the group'),
      )
    },
    runOnce,
  }

  /** Consumer names include the pid, so each restart adds one; remove ours when it holds nothing. */
  async function forgetConsumerIfIdle(): Promise<void> {
    if (!groupReady) return
    const pending = (await redis.xpending(stream, group, '-', '+', 1, consumer)) as unknown[]
    if (pending.length === 0) await redis.xgroup('DELCONSUMER', stream, group, consumer)
  }
}
