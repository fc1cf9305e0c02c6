import type { FieldError, Problem } from '@audit-trail/datastorage-client'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { DataStorageError, InvalidCursorError, StoreUnavailableError } from '../errors.js'

const BASE = 'https://audit-trail.dev/problems/'

/** The problem types this service answers with: `type` URI suffix, status and title. */
export const problemTypes = {
  'validation-error': { status: 400, title: 'Request validation failed' },
  'malformed-json': { status: 400, title: 'Malformed JSON body' },
  'invalid-cursor': { status: 400, title: 'Invalid pagination cursor' },
  'bad-request': { status: 400, title: 'Bad request' },
  'too-many-new-partitions': { status: 400, title: 'Events span too many months without a partition' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'no-checkpoint': { status: 404, title: 'No checkpoint' },
  'event-not-sealed': { status: 404, title: 'Event not sealed yet' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'Request timeout' },
  'already-released': { status: 409, title: 'Legal hold already released' },
  'replay-in-progress': { status: 409, title: 'DLQ replay already in progress' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'batch-too-large': { status: 413, title: 'Batch too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'unsupported-content-encoding': { status: 415, title: 'Unsupported content encoding' },
  'expectation-failed': { status: 417, title: 'Expectation failed' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'header-fields-too-large': { status: 431, title: 'Request header fields too large' },
  'store-unavailable': { status: 503, title: 'Storage unavailable' },
  'body-budget-exhausted': { status: 503, title: 'Too many request bodies in progress' },
  'dlq-full': { status: 503, title: 'Storage unavailable and dead-letter queue full' },
  'dlq-unavailable': { status: 503, title: 'Dead-letter queue unavailable' },
  'timeline-not-built': { status: 503, title: 'Timeline page not built' },
  'internal-error': { status: 500, title: 'Internal server error' },
} as const satisfies Record<string, { status: number; title: string }>

export type ProblemKind = keyof typeof problemTypes

/** The `type` URI of a problem kind, e.g. `https://audit-trail.dev/problems/validation-error`. */
export const problemTypeUri = (kind: ProblemKind): string => BASE + kind

/**
 * Seconds a client is told to wait (`Retry-After`) when the store is down. Short, because the
 * audit client backs off with jitter on top and PostgreSQL restarts take seconds.
 */
export const STORE_RETRY_AFTER_SECONDS = 5

/**
 * Seconds a client is told to wait when the service is reading too many request bodies at once
 * (`BODY_READ_BUDGET_BYTES`): bodies are read in milliseconds, so the budget frees up quickly.
 */
export const BODY_BUDGET_RETRY_AFTER_SECONDS = 1

/**
 * 401: no usable bearer token. The same problem, headers included, for a missing, malformed or
 * unknown token, so the answer never tells whether a token exists.
 */
export const unauthorized = (): HttpProblem =>
  new HttpProblem('unauthorized', 'A valid bearer token is required (Authorization: Bearer <token>).', {
    headers: { 'WWW-Authenticate': 'Bearer realm="audit-trail"' },
  })

/** 403: a known token without the scope the route requires; the detail names the scope. */
export const forbidden = (scope: string, route: string): HttpProblem =>
  new HttpProblem('forbidden', `This token lacks the scope ${scope}, which ${route} requires.`)

/** 429 for a token over its rate limit (`RATE_LIMIT_PER_SECOND`); `Retry-After` in whole seconds. */
export const tooManyRequests = (waitMs: number): HttpProblem =>
  new HttpProblem(
    'too-many-requests',
    'This token is over its rate limit; retry after the Retry-After delay.',
    {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
    },
  )

/** Options of {@link HttpProblem}. */
export interface HttpProblemOptions {
  /** Invalid fields; `index` set for batch items. */
  errors?: FieldError[]
  /** Extra response headers, e.g. `Allow` for 405. */
  headers?: Record<string, string>
  cause?: unknown
}

/** A client-facing failure that the routes raise on purpose; {@link toProblem} renders it. */
export class HttpProblem extends DataStorageError {
  override readonly name = 'HttpProblem'
  readonly kind: ProblemKind
  readonly errors: FieldError[] | undefined
  readonly headers: Record<string, string>
  constructor(kind: ProblemKind, detail: string, options: HttpProblemOptions = {}) {
    super(`HTTP_${kind.toUpperCase().replaceAll('-', '_')}`, detail, { cause: options.cause })
    this.kind = kind
    this.errors = options.errors
    this.headers = options.headers ?? {}
  }
  get status(): number {
    return problemTypes[this.kind].status
  }
}

/** A rendered problem: the RFC 7807 body, its status and extra headers. */
export interface RenderedProblem {
  status: number
  body: Problem
  headers: Record<string, string>
  /** True for a failure of the service itself (500): log it with its stack; its message is never sent. */
  unexpected: boolean
}

/**
 * Typed errors of other modules matched by `code`, so this mapping does not depend on them. The
 * dead-letter queue's refusals (full, Redis unreachable) mean the same to a client as a store that
 * is down: nothing was accepted, hold the events and retry; a full DLQ gets its own problem type,
 * so an operator reading the answer knows which alarm to look at.
 */
const hasCode = (error: unknown, code: string): boolean =>
  error instanceof DataStorageError && error.code === code

const kindByStatus: Partial<Record<number, ProblemKind>> = {
  400: 'bad-request',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  417: 'expectation-failed',
  431: 'header-fields-too-large',
}

/**
 * The one mapping from errors to RFC 7807 problems. Only {@link HttpProblem} and the store's
 * typed errors carry their message to the client; anything else becomes a 500 with a generic
 * detail, so no internal message or stack trace ever leaves the process.
 *
 * @param instance - The request path, sent as `instance`; omitted when undefined (an error raised
 *   before the request could be parsed has no trustworthy path).
 */
export function toProblem(error: unknown, instance: string | undefined): RenderedProblem {
  let kind: ProblemKind = 'internal-error'
  let detail = 'The server failed to handle the request; it has been logged.'
  let errors: FieldError[] | undefined
  let headers: Record<string, string> = {}
  if (error instanceof HttpProblem) {
    ;({ kind, errors, headers } = error)
    detail = error.message
  } else if (hasCode(error, 'DLQ_FULL')) {
    kind = 'dlq-full'
    detail =
      'The audit store is unavailable and its dead-letter queue is full; nothing was accepted, retry later.'
    headers = { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) }
  } else if (error instanceof StoreUnavailableError || hasCode(error, 'DLQ_UNAVAILABLE')) {
    kind = 'store-unavailable'
    detail = 'The audit store is unavailable; retry later.'
    headers = { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) }
  } else if (hasCode(error, 'PARTITION_LIMIT')) {
    // A batch over MAX_NEW_PARTITIONS months that have no partition yet: split it by month.
    kind = 'too-many-new-partitions'
    detail = (error as Error).message
  } else if (error instanceof InvalidCursorError) {
    kind = 'invalid-cursor'
    detail = error.message
    errors = [{ field: 'cursor', message: error.message }]
  } else if (error instanceof HTTPException && error.status < 500) {
    // Raised by hono itself (e.g. a body it could not parse); its status is the client's fault.
    kind = kindByStatus[error.status] ?? 'bad-request'
    detail = problemTypes[kind].title
  }
  const { status, title } = problemTypes[kind]
  const body: Problem = { type: problemTypeUri(kind), title, status, detail }
  if (instance !== undefined) body.instance = instance
  if (errors && errors.length > 0) body.errors = errors
  return { status, body, headers, unexpected: kind === 'internal-error' }
}

/** Renders a problem as an `application/problem+json` response. */
export function problemResponse(c: Context, problem: RenderedProblem): Response {
  return c.newResponse(JSON.stringify(problem.body), problem.status as 400, {
    ...problem.headers,
    'Content-Type': 'application/problem+json',
  })
}
