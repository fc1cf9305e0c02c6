import { hostname } from 'node:os'
import {
  DEAD_LETTER_STREAM,
  type DeadLetterMessage,
  DLQ_STREAM,
  decodeDeadLetterMessage,
} from '@audit-trail/datastorage-client'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { AuditEventStore } from '../store/audit-event-store.js'
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

/** Options of {@link replayDlq}. */
export interface ReplayDlqOptions extends DlqAdminOptions {
  store: AuditEventStore
  logger: Logger
  /** Default `cli-<hostname>-<pid>`. */
  consumer?: string
  batchSize?: number
  maxAttempts?: number
  claimIdleMs?: number
  /** How long to keep retrying messages that keep failing before leaving them to the service. Default 60000. */
  maxWaitMs?: number
  /** Called after every round. */
  onProgress?: (progress: ReplayProgress) => void
  /** Extra worker options (backoff), for tests. */
  worker?: Partial<ReplayWorkerOptions>
}

/** What {@link replayDlq} did. */
export interface ReplaySummary extends ReplayProgress {
  /** Messages still in the stream afterwards (pending elsewhere, or left after `maxWaitMs`). */
  remaining: number
  durationMs: number
}

/**
 * Drains the DLQ into PostgreSQL now, as one more consumer of the replay group (so it can run
 * beside the service's workers without replaying twice): new messages, and messages idle with a
 * silent consumer for `claimIdleMs`.
 *
 * @throws StoreUnavailableError when PostgreSQL cannot be reached (nothing acknowledged that is not stored).
 */
export async function replayDlq(options: ReplayDlqOptions): Promise<ReplaySummary> {
  const { redis, stream = DLQ_STREAM, maxWaitMs = 60_000, onProgress } = options
  const started = Date.now()
  const total = await redis.xlen(stream)
  const worker = createReplayWorker({
    redis,
    store: options.store,
    logger: options.logger,
    stream,
    deadLetterStream: options.deadLetterStream ?? DEAD_LETTER_STREAM,
    group: options.group ?? 'datastorage',
    consumer: options.consumer ?? `cli-${hostname()}-${process.pid}`,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(options.claimIdleMs === undefined ? {} : { claimIdleMs: options.claimIdleMs }),
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
  try {
    let lastProgressAt = Date.now()
    for (;;) {
      const round = await worker.runOnce({ block: false })
      onProgress?.(progress())
      const moved = round.stored + round.poisoned + round.vanished
      if (moved > 0) lastProgressAt = Date.now()
      if (round.read === 0 && worker.waiting === 0) break
      if (Date.now() - lastProgressAt > maxWaitMs) break
      if (moved === 0) await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    await worker.stop()
  }
  return { ...progress(), remaining: await redis.xlen(stream), durationMs: Date.now() - started }
}
