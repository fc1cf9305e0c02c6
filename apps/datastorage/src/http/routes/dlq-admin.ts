import { hostname } from 'node:os'
import {
  type components,
  DEAD_LETTER_STREAM,
  type DeadLetterMessage,
  DLQ_STREAM,
  type FieldError,
} from '@audit-trail/datastorage-client'
import { Hono } from 'hono'
import { ReplyError } from 'ioredis'
import {
  DEFAULT_CLAIM_IDLE_MS,
  type DlqAdminOptions,
  type DlqStats,
  defaultReplayWaitMs,
  dlqStats,
  type InspectedEntry,
  inspectDlq,
  type ReplaySummary,
  replayDlq,
} from '../../dlq/dlq-admin.js'
import type { DlqConfig } from '../../dlq/dlq-config.js'
import { DataStorageError } from '../../errors.js'
import { invalid, readObjectBody, unknownFields } from '../../integrity/request-body.js'
import type { SelfAudit } from '../../self-audit/self-audit.js'
import type { AuditEventStore } from '../../store/audit-event-store.js'
import type { AppEnv } from '../context.js'
import { type ContractParameter, checkQueryParameters, contractParameters } from '../contract-parameters.js'
import { HttpProblem, STORE_RETRY_AFTER_SECONDS } from '../problem.js'

type DlqStatsBody = components['schemas']['DlqStats']
type DlqMessagesBody = components['schemas']['DlqMessages']
type DlqMessageBody = DlqMessagesBody['messages'][number]

type DlqReplaySummaryBody = components['schemas']['DlqReplaySummary']

/**
 * Node's default `server.requestTimeout`, which the service keeps: the longest a replay over HTTP
 * waits without progress, whatever `max_wait_ms` asks for.
 */
export const REPLAY_REQUEST_TIMEOUT_MS = 300_000

/** What `POST /dlq/replay` needs besides the DLQ: the service's own store and self-audit. */
export interface DlqReplayRouteOptions {
  /** The store the replayed events are written to (the service's). */
  store: AuditEventStore
  /** Records `datastorage.dlq.replayed` (trigger `api`). Default none (`SELF_AUDIT=false`, tests). */
  selfAudit?: SelfAudit | undefined
  /** Largest request body in bytes (413 beyond). */
  bodyLimitBytes: number
  /** `DLQ_CLAIM_IDLE_MS`, `DLQ_REPLAY_BATCH`, `DLQ_MAX_ATTEMPTS`. Default: `replayDlq`'s defaults. */
  dlq?: Partial<Pick<DlqConfig, 'claimIdleMs' | 'replayBatch' | 'maxAttempts'>> | undefined
  /** Upper bound of the wait without progress. [REPLAY_REQUEST_TIMEOUT_MS] */
  requestTimeoutMs?: number
}

/** Options of {@link dlqAdminRoutes}. */
export interface DlqAdminRoutesOptions {
  /** The service's DLQ (REDIS_URL set), read through a connection of its own; undefined without one. */
  admin: DlqAdminOptions | undefined
  /** What the replay writes to. Without it, `POST /dlq/replay` fails (500): an app wired without it. */
  replay?: DlqReplayRouteOptions | undefined
}

const replayParameters = contractParameters('/api/v1/audit/dlq/replay', 'post')
const statsParameters = contractParameters('/api/v1/audit/dlq', 'get')
const messagesParameters = contractParameters('/api/v1/audit/dlq/messages', 'get')
const defaultCount = Number(messagesParameters.get('count')?.schema.default ?? 10)

/**
 * A query checked against the contract's parameters as the events query is: unknown or repeated
 * parameters and values outside their schema are all reported in one 400.
 *
 * @returns The values by name.
 */
function checkQuery(
  parameters: ReadonlyMap<string, ContractParameter>,
  search: URLSearchParams,
): Map<string, string> {
  const { values, errors } = checkQueryParameters(parameters, search)
  if (errors.length > 0) {
    throw new HttpProblem(
      'validation-error',
      `${errors.length} query parameter${errors.length === 1 ? ' is' : 's are'} invalid.`,
      { errors },
    )
  }
  return values
}

const searchOf = (url: string): URLSearchParams => new URL(url).searchParams

/**
 * Redis not answering (refused, reset, timed out, retries exhausted) is a 503 the operator can
 * retry; an error reply of Redis (a stream key holding another type) is a fault of the deployment
 * and stays a 500, logged with its stack.
 */
async function readingRedis<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof ReplyError) throw error
    throw new HttpProblem(
      'dlq-unavailable',
      'Redis (REDIS_URL) does not answer: the dead-letter queue cannot be read now; retry later.',
      { headers: { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) }, cause: error },
    )
  }
}

/** The contract's maximum of `DlqReplayRequest.max_wait_ms`. */
const MAX_WAIT_MS = 600_000

/**
 * `DlqReplayRequest` (`additionalProperties: false`): `max_wait_ms`, an integer 0..600000, or
 * nothing. Every invalid field is reported in one 400.
 */
function replayRequest(body: Record<string, unknown> | undefined): { maxWaitMs?: number } {
  if (body === undefined) return {}
  const errors: FieldError[] = unknownFields(body, ['max_wait_ms'])
  const wait = body['max_wait_ms']
  if (
    wait !== undefined &&
    !(Number.isSafeInteger(wait) && (wait as number) >= 0 && (wait as number) <= MAX_WAIT_MS)
  ) {
    errors.push({ field: 'max_wait_ms', message: `must be an integer from 0 to ${MAX_WAIT_MS}` })
  }
  if (errors.length > 0) throw invalid(errors, 'The replay request is invalid.')
  return wait === undefined ? {} : { maxWaitMs: wait as number }
}

function summaryBody(s: ReplaySummary, stream: string): DlqReplaySummaryBody {
  return {
    stream,
    done: s.done,
    total: s.total,
    created: s.created,
    poisoned: s.poisoned,
    waiting: s.waiting,
    remaining: s.remaining,
    left: {
      held_elsewhere: s.left.heldElsewhere.map((h) => ({
        consumer: h.consumer,
        count: h.count,
        claimable_in_ms: h.claimableInMs,
      })),
      retrying: s.left.retrying,
      unread: s.left.unread,
    },
    gave_up: s.gaveUp,
    max_wait_ms: s.maxWaitMs,
    duration_ms: s.durationMs,
  }
}

function statsBody(s: DlqStats): DlqStatsBody {
  return {
    enabled: true,
    stream: s.stream,
    length: s.length,
    capacity: s.capacity,
    capacity_ratio: s.capacityRatio,
    group: s.group && {
      name: s.group.name,
      pending: s.group.pending,
      last_delivered_id: s.group.lastDeliveredId,
      consumers: s.group.consumers.map((c) => ({ name: c.name, pending: c.pending, idle_ms: c.idleMs })),
    },
    dead_letter: { stream: s.deadLetter.stream, length: s.deadLetter.length },
    oldest_enqueued_at: s.oldestEnqueuedAt,
  }
}

function messageBody(entry: InspectedEntry): DlqMessageBody {
  const body: DlqMessageBody = { id: entry.id }
  if (entry.message) {
    const m: DeadLetterMessage = entry.message
    body.message = {
      event: m.event as Record<string, unknown>,
      source: m.source,
      service: m.service,
      reason: m.reason,
      attempts: m.attempts,
      enqueued_at: m.enqueuedAt,
      // Set when the service queued the event itself: the name it will be stored under.
      ...(m.recordedBy === undefined ? {} : { recorded_by: m.recordedBy }),
    }
  }
  if (entry.error !== undefined) body.error = entry.error
  if (entry.extra) body.extra = entry.extra
  return body
}

/**
 * `GET /dlq`, `GET /dlq/messages` and `POST /dlq/replay`, mounted under `/api/v1/audit` (scope
 * `audit:admin`): `datastorage dlq` stats, inspect and replay over HTTP, answering in the
 * contract's snake_case shapes. The replay is the command's (`replayDlq`) against the service's own
 * store and Redis, one at a time per process (409 `replay-in-progress`), its wait without progress
 * bounded by the request timeout; it is recorded as `datastorage.dlq.replayed` (trigger `api`, the
 * caller's principal as operator).
 */
export function dlqAdminRoutes(options: DlqAdminRoutesOptions): Hono<AppEnv> {
  const { admin, replay } = options
  const app = new Hono<AppEnv>()

  app.get('/dlq', async (c) => {
    checkQuery(statsParameters, searchOf(c.req.url))
    if (!admin) return c.json({ enabled: false } satisfies DlqStatsBody)
    const stats = await readingRedis(() => dlqStats(admin))
    return c.json(statsBody(stats))
  })

  app.get('/dlq/messages', async (c) => {
    const values = checkQuery(messagesParameters, searchOf(c.req.url))
    const count = values.has('count') ? Number(values.get('count')) : defaultCount
    const stream = values.get('stream') === 'dead-letter' ? 'dead-letter' : 'dlq'
    if (!admin) {
      throw new HttpProblem(
        'not-found',
        'The service runs without REDIS_URL: it has no dead-letter queue, so no messages to list.',
      )
    }
    const deadLetter = stream === 'dead-letter'
    const entries = await readingRedis(() => inspectDlq(admin, { count, deadLetter }))
    // The messages hold audit events: the self-audit records this read like a query's.
    c.set('auditRead', {
      operation: 'dlq_messages',
      rows: entries.length,
      filters: { count: String(count), stream },
    })
    const body: DlqMessagesBody = {
      stream: deadLetter ? (admin.deadLetterStream ?? DEAD_LETTER_STREAM) : (admin.stream ?? DLQ_STREAM),
      messages: entries.map(messageBody),
    }
    return c.json(body)
  })

  // One replay at a time per process: two would be two consumers racing for the same messages,
  // and an operator who clicks twice means one.
  let replaying = false
  app.post('/dlq/replay', async (c) => {
    checkQuery(replayParameters, searchOf(c.req.url))
    if (!replay) throw new Error('dlqAdminRoutes: POST /dlq/replay needs the replay options')
    const request = replayRequest(await readObjectBody(c, replay.bodyLimitBytes, { optional: true }))
    if (!admin) {
      throw new HttpProblem(
        'not-found',
        'The service runs without REDIS_URL: it has no dead-letter queue to replay.',
      )
    }
    if (replaying) {
      throw new HttpProblem(
        'replay-in-progress',
        'A replay of the dead-letter queue is already running in this service process; retry when it ended.',
      )
    }
    replaying = true
    try {
      const principal = c.get('principal') ?? '(unknown)'
      const claimIdleMs = replay.dlq?.claimIdleMs ?? DEFAULT_CLAIM_IDLE_MS
      const cap = replay.requestTimeoutMs ?? REPLAY_REQUEST_TIMEOUT_MS
      const maxWaitMs = Math.min(request.maxWaitMs ?? defaultReplayWaitMs(claimIdleMs), cap)
      const stream = admin.stream ?? DLQ_STREAM
      const log = c.get('logger')
      log.info({ stream, max_wait_ms: maxWaitMs, operator: principal }, 'DLQ replay requested over HTTP')
      const summary = await withReplayErrors(() =>
        replayDlq({
          ...admin,
          store: replay.store,
          logger: log,
          consumer: `api-${hostname()}-${process.pid}`,
          claimIdleMs,
          maxWaitMs,
          ...(replay.dlq?.replayBatch === undefined ? {} : { batchSize: replay.dlq.replayBatch }),
          ...(replay.dlq?.maxAttempts === undefined ? {} : { maxAttempts: replay.dlq.maxAttempts }),
        }),
      )
      log.info(
        {
          stream,
          done: summary.done,
          created: summary.created,
          poisoned: summary.poisoned,
          remaining: summary.remaining,
          gave_up: summary.gaveUp,
          duration_ms: summary.durationMs,
        },
        'DLQ replay over HTTP ended',
      )
      replay.selfAudit?.dlqReplayed({
        trigger: 'api',
        operator: principal,
        stream,
        done: summary.done,
        created: summary.created,
        poisoned: summary.poisoned,
        waiting: summary.remaining,
      })
      return c.json(summaryBody(summary, stream))
    } finally {
      replaying = false
    }
  })

  return app
}

/**
 * A replay, its failures sorted: PostgreSQL down stays the store's 503 (StoreUnavailableError), an
 * error reply of Redis a 500, and Redis not answering the DLQ's 503.
 */
async function withReplayErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof DataStorageError) throw error
    return readingRedis(() => Promise.reject(error))
  }
}
