import { once } from 'node:events'
import { hostname } from 'node:os'
import {
  DEAD_LETTER_STREAM,
  type DeadLetterMessage,
  DLQ_STREAM,
  decodeDeadLetterMessage,
} from '@audit-trail/datastorage-client'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { AuditEventStore } from '../store/audit-event-store.js'
import type { DlqConfig } from './dlq-config.js'
import { createReplayWorker, type ReplayWorkerOptions } from './replay-worker.js'
import { entriesOfRead, fieldMap } from './stream-replies.js'

/** Which streams and group the operator commands look at. */
export interface DlqAdminOptions {
  redis: Redis
  /** Default `audit:dlq:events`. */
  stream?: string
  /** Default `audit:dead-letter:events`. */
  deadLetterStream?: string
  /** Default `datastorage`. */
  group?: string
  /** Default 1,000,000. */
  capacity?: number
}

/** A consumer of the replay group. */
export interface DlqConsumerStats {
  name: string
  /** Messages delivered to it and not yet acknowledged. */
  pending: number
  /** Milliseconds since it last read. */
  idleMs: number
}

/** The answer of `datastorage dlq stats`. */
export interface DlqStats {
  stream: string
  /** Messages in the DLQ (XLEN). */
  length: number
  capacity: number
  capacityRatio: number
  /** The replay group, or null before any worker created it. */
  group: { name: string; pending: number; lastDeliveredId: string; consumers: DlqConsumerStats[] } | null
  deadLetter: { stream: string; length: number }
  /** `enqueued_at` of the oldest message, if any. */
  oldestEnqueuedAt: string | null
}

/** {@link DlqAdminOptions} on a connection of their own, which `close()` ends. */
export interface DlqAdminConnection extends DlqAdminOptions {
  /** Quits the connection (disconnects if Redis does not answer). Idempotent. */
  close(): Promise<void>
}

/**
 * The connection the service's admin routes (`GET /api/v1/audit/dlq`, `/dlq/messages`) read
 * through: its own, so that reading 100 large messages never queues behind or ahead of the write
 * path's XADDs, and opened on the first admin request only (most replicas never get one). A
 * request fails within about `commandTimeoutMs` when Redis is down or hangs, rather than waiting
 * for it to come back: the routes answer 503.
 */
export function openDlqAdmin(
  redisUrl: string,
  config: Pick<DlqConfig, 'stream' | 'deadLetterStream' | 'consumerGroup' | 'capacity'>,
  { commandTimeoutMs = 2000 }: { commandTimeoutMs?: number } = {},
): DlqAdminConnection {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    connectionName: 'datastorage-dlq-admin',
  })
  // The service's DLQ connections already log an outage; the routes report it to the caller.
  redis.on('error', () => {})
  let closing: Promise<void> | undefined
  return {
    redis,
    stream: config.stream,
    deadLetterStream: config.deadLetterStream,
    group: config.consumerGroup,
    capacity: config.capacity,
    close() {
      closing ??= (async () => {
        if (redis.status === 'end') return
        const ended = once(redis, 'end')
        // QUIT would wait in the offline queue for a Redis that is not there: only a ready one gets it.
        if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect())
        else redis.disconnect()
        await ended
      })()
      return closing
    },
  }
}

const pairs = (reply: unknown): Map<string, unknown> => {
  const map = new Map<string, unknown>()
  if (Array.isArray(reply))
    for (let i = 0; i + 1 < reply.length; i += 2) map.set(String(reply[i]), reply[i + 1])
  return map
}

/**
 * Depth, capacity ratio, the consumer group (pending, consumers) and the dead-letter stream's
 * length. Read-only.
 *
 * @example
 * console.log(await dlqStats({ redis }))
 */
export async function dlqStats(options: DlqAdminOptions): Promise<DlqStats> {
  const { redis, stream = DLQ_STREAM, deadLetterStream = DEAD_LETTER_STREAM, group = 'datastorage' } = options
  const capacity = options.capacity ?? 1_000_000
  const [length, deadLength, oldest] = await Promise.all([
    redis.xlen(stream),
    redis.xlen(deadLetterStream),
    redis.xrange(stream, '-', '+', 'COUNT', 1),
  ])
  let groupStats: DlqStats['group'] = null
  if (length > 0 || (await redis.exists(stream)) === 1) {
    const groups = ((await redis.xinfo('GROUPS', stream)) as unknown[]).map(pairs)
    const found = groups.find((g) => g.get('name') === group)
    if (found) {
      const consumers = ((await redis.xinfo('CONSUMERS', stream, group)) as unknown[])
        .map(pairs)
        .map((c) => ({
          name: String(c.get('name')),
          pending: Number(c.get('pending')),
          idleMs: Number(c.get('idle')),
        }))
      groupStats = {
        name: group,
        pending: Number(found.get('pending')),
        lastDeliveredId: String(found.get('last-delivered-id')),
        consumers,
      }
    }
  }
  const first = oldest[0]
  return {
    stream,
    length,
    capacity,
    capacityRatio: length / capacity,
    group: groupStats,
    deadLetter: { stream: deadLetterStream, length: deadLength },
    oldestEnqueuedAt: first ? (fieldMap(first[1]).get('enqueued_at') ?? null) : null,
  }
}

/** One entry as `dlq inspect` shows it. */
export interface InspectedEntry {
  id: string
  /** The decoded message, when it decodes. */
  message?: DeadLetterMessage
  /** Why it does not decode. */
  error?: string
  /** Extra fields of a parked message (`dlq_id`, `poisoned_at`). */
  extra?: Record<string, string>
}

/**
 * The first `count` entries (oldest first) of the DLQ, or of the dead-letter stream with
 * `deadLetter: true`, decoded. Read-only: no consumer group is involved.
 */
export async function inspectDlq(
  options: DlqAdminOptions,
  { count = 10, deadLetter = false }: { count?: number; deadLetter?: boolean } = {},
): Promise<InspectedEntry[]> {
  const { redis, stream = DLQ_STREAM, deadLetterStream = DEAD_LETTER_STREAM } = options
  const key = deadLetter ? deadLetterStream : stream
  const entries = entriesOfRead([[key, await redis.xrange(key, '-', '+', 'COUNT', count)]])
  return entries.map(({ id, fields }) => {
    const map = fieldMap(fields ?? [])
    const extra: Record<string, string> = {}
    for (const name of ['dlq_id', 'poisoned_at']) if (map.has(name)) extra[name] = map.get(name)!
    const inspected: InspectedEntry = { id }
    if (Object.keys(extra).length > 0) inspected.extra = extra
    try {
      inspected.message = decodeDeadLetterMessage(fields ?? [])
    } catch (error) {
      inspected.error = (error as Error).message
    }
    return inspected
  })
}

/** Progress of {@link replayDlq}. */
export interface ReplayProgress {
  /** Messages handled: stored or parked. */
  done: number
  /** Messages in the stream when the replay started (some may belong to other consumers). */
  total: number
  created: number
  poisoned: number
  /** Messages of this run waiting for a retry. */
  waiting: number
}

/** `claimIdleMs` of {@link replayDlq} when none is given (`DLQ_CLAIM_IDLE_MS`'s default). */
export const DEFAULT_CLAIM_IDLE_MS = 30_000

/**
 * The wait without progress after which {@link replayDlq} gives up when no `maxWaitMs` is given:
 * max(60000, 2 × claimIdleMs), so a silent consumer's messages always become claimable first.
 */
export function defaultReplayWaitMs(claimIdleMs: number): number {
  return Math.max(60_000, 2 * claimIdleMs)
}

/** Options of {@link replayDlq}. */
export interface ReplayDlqOptions extends DlqAdminOptions {
  store: AuditEventStore
  logger: Logger
  /** Default `cli-<hostname>-<pid>`. */
  consumer?: string
  batchSize?: number
  maxAttempts?: number
  /** Idle time after which a message pending with another consumer is claimed. Default 30000. */
  claimIdleMs?: number
  /**
   * How long the replay goes on without progress before it gives up, while messages are pending
   * with other consumers (it waits until they are claimable) or keep failing (it retries them).
   * Default max(60000, 2 × claimIdleMs), so a silent consumer's messages are always claimed.
   */
  maxWaitMs?: number
  /** Called after every round. */
  onProgress?: (progress: ReplayProgress) => void
  /** Extra worker options (backoff), for tests. */
  worker?: Partial<ReplayWorkerOptions>
}

/** Messages that another consumer of the group held when the replay ended. */
export interface HeldElsewhere {
  consumer: string
  count: number
  /** How long until the first of them is claimable (0: claimable now, it arrived at the bound). */
  claimableInMs: number
}

/** What was still in the stream when {@link replayDlq} ended, by reason. */
export interface ReplayLeftover {
  /** Pending with other consumers and not claimable before the wait bound. */
  heldElsewhere: HeldElsewhere[]
  /** Pending with this run: they kept failing, still within their attempts, until the bound. */
  retrying: number
  /** Added to the stream after the replay's last read. */
  unread: number
}

/** What {@link replayDlq} did. */
export interface ReplaySummary extends ReplayProgress {
  /** Messages still in the stream afterwards. */
  remaining: number
  /** Why they are still there. */
  left: ReplayLeftover
  /** True when the replay stopped at `maxWaitMs` rather than with nothing left that it could take. */
  gaveUp: boolean
  /** The bound that applied. */
  maxWaitMs: number
  durationMs: number
}

/** A summary of the group's pending list by consumer: `XPENDING key group`. */
async function pendingByConsumer(redis: Redis, stream: string, group: string): Promise<Map<string, number>> {
  const reply = (await redis.xpending(stream, group)) as [number, unknown, unknown, [string, string][] | null]
  return new Map((reply[3] ?? []).map(([name, count]) => [String(name), Number(count)]))
}

/**
 * Messages pending with consumers other than `self`, and how long until the first of each
 * consumer's becomes claimable, from the oldest `sample` entries of the pending list.
 */
async function heldElsewhere(
  redis: Redis,
  stream: string,
  group: string,
  self: string,
  claimIdleMs: number,
  sample = 1000,
): Promise<HeldElsewhere[]> {
  const counts = await pendingByConsumer(redis, stream, group)
  counts.delete(self)
  if (counts.size === 0) return []
  const entries = (await redis.xpending(stream, group, '-', '+', sample)) as [
    string,
    string,
    number,
    number,
  ][]
  const soonest = new Map<string, number>()
  for (const [, name, idle] of entries) {
    const wait = Math.max(0, claimIdleMs - Number(idle))
    soonest.set(name, Math.min(soonest.get(name) ?? wait, wait))
  }
  return [...counts].map(([consumer, count]) => ({
    consumer,
    count,
    // Not among the sampled entries: at the latest a whole idle period away.
    claimableInMs: soonest.get(consumer) ?? claimIdleMs,
  }))
}

/**
 * Drains the DLQ into PostgreSQL now, as one more consumer of the replay group (so it can run
 * beside the service's workers without replaying twice): new messages, then messages pending with
 * other consumers, which it waits for until they have been idle for `claimIdleMs` and claims (a
 * replica that died leaves such messages behind). It stops when the stream holds nothing it can
 * take, or after `maxWaitMs` without progress; the summary says what it left and why.
 *
 * @throws StoreUnavailableError when PostgreSQL cannot be reached (nothing acknowledged that is not stored).
 */
export async function replayDlq(options: ReplayDlqOptions): Promise<ReplaySummary> {
  const { redis, stream = DLQ_STREAM, onProgress } = options
  const group = options.group ?? 'datastorage'
  const consumer = options.consumer ?? `cli-${hostname()}-${process.pid}`
  const claimIdleMs = options.claimIdleMs ?? DEFAULT_CLAIM_IDLE_MS
  const maxWaitMs = options.maxWaitMs ?? defaultReplayWaitMs(claimIdleMs)
  const started = Date.now()
  const total = await redis.xlen(stream)
  const worker = createReplayWorker({
    redis,
    store: options.store,
    logger: options.logger,
    stream,
    deadLetterStream: options.deadLetterStream ?? DEAD_LETTER_STREAM,
    group,
    consumer,
    claimIdleMs,
    // Look for claimable messages on every round: the replay sleeps until they are due.
    claimIntervalMs: 1,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...options.worker,
  })
  const progress = (): ReplayProgress => {
    const t = worker.totals
    return {
      done: t.stored + t.poisoned,
      total,
      created: t.created,
      poisoned: t.poisoned,
      waiting: worker.waiting,
    }
  }
  let gaveUp = false
  try {
    let lastProgressAt = Date.now()
    for (;;) {
      const round = await worker.runOnce({ block: false })
      onProgress?.(progress())
      if (round.stored + round.poisoned + round.vanished > 0) {
        lastProgressAt = Date.now()
        continue
      }
      // Nothing moved: what is left is retrying here or pending with another consumer.
      const held = round.read === 0 ? await heldElsewhere(redis, stream, group, consumer, claimIdleMs) : []
      if (round.read === 0 && worker.waiting === 0 && held.length === 0) break
      const budget = maxWaitMs - (Date.now() - lastProgressAt)
      if (budget <= 0) {
        gaveUp = true
        break
      }
      // Sleep until the first held message is claimable (a little after: idle time is in whole ms),
      // or briefly while own messages back off; never past the bound, and at most 1 s so new arrivals are read.
      const due = held.length > 0 ? Math.min(...held.map((h) => h.claimableInMs)) + 5 : 100
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(due, 1000, budget))))
    }
  } finally {
    await worker.stop()
  }
  const [remaining, heldAtEnd, pending] = await Promise.all([
    redis.xlen(stream),
    heldElsewhere(redis, stream, group, consumer, claimIdleMs),
    pendingByConsumer(redis, stream, group),
  ])
  const pendingTotal = [...pending.values()].reduce((a, b) => a + b, 0)
  return {
    ...progress(),
    remaining,
    left: {
      heldElsewhere: heldAtEnd,
      retrying: pending.get(consumer) ?? 0,
      unread: Math.max(0, remaining - pendingTotal),
    },
    gaveUp,
    maxWaitMs,
    durationMs: Date.now() - started,
  }
}
