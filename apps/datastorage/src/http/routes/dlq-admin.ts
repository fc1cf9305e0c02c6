import {
  type components,
  DEAD_LETTER_STREAM,
  type DeadLetterMessage,
  DLQ_STREAM,
} from '@audit-trail/datastorage-client'
import { Hono } from 'hono'
import { ReplyError } from 'ioredis'
import {
  type DlqAdminOptions,
  type DlqStats,
  dlqStats,
  type InspectedEntry,
  inspectDlq,
} from '../../dlq/dlq-admin.js'
import type { AppEnv } from '../context.js'
import { type ContractParameter, checkQueryParameters, contractParameters } from '../contract-parameters.js'
import { HttpProblem, STORE_RETRY_AFTER_SECONDS } from '../problem.js'

type DlqStatsBody = components['schemas']['DlqStats']
type DlqMessagesBody = components['schemas']['DlqMessages']
type DlqMessageBody = DlqMessagesBody['messages'][number]

/** Options of {@link dlqAdminRoutes}. */
export interface DlqAdminRoutesOptions {
  /** The service's DLQ (REDIS_URL set), read through a connection of its own; undefined without one. */
  admin: DlqAdminOptions | undefined
}

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
 * `GET /dlq` and `GET /dlq/messages`, mounted under `/api/v1/audit` (scope `audit:admin`): the
 * read-only half of `datastorage dlq` (stats, inspect) over HTTP, answering in the contract's
 * snake_case shapes. Replay stays a command: it writes, and runs for as long as the queue needs.
 */
export function dlqAdminRoutes(options: DlqAdminRoutesOptions): Hono<AppEnv> {
  const { admin } = options
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

  return app
}
