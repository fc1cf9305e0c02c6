import type { FieldError } from '@audit-trail/datastorage-client'

/**
 * A short description of any thrown value, for messages: an `Error`'s message, else `String(value)`.
 * With `withCause`, an `Error` cause's message follows in parentheses (a network error's reason).
 */
export function describe(error: unknown, { withCause = false }: { withCause?: boolean } = {}): string {
  if (!(error instanceof Error)) return String(error)
  // A cause whose text the message already carries is not repeated.
  return withCause && error.cause instanceof Error && !error.message.includes(error.cause.message)
    ? `${error.message} (${error.cause.message})`
    : error.message
}

/** Options every error of this package takes: the standard `cause`. */
export type AuditClientErrorOptions = ErrorOptions

/**
 * Base class of every error this package throws or reports to `onError`; `code` is stable and
 * meant for programs, the message for people.
 */
export class AuditClientError extends Error {
  override readonly name: string = 'AuditClientError'
  readonly code: string

  constructor(code: string, message: string, options?: AuditClientErrorOptions) {
    super(message, options)
    this.code = code
  }
}

/** `emit()` refused an event that does not satisfy the contract; `errors` lists every invalid field. */
export class ValidationError extends AuditClientError {
  override readonly name = 'ValidationError'
  readonly errors: readonly FieldError[]

  constructor(errors: readonly FieldError[], options?: AuditClientErrorOptions) {
    const fields = errors.map((e) => `${e.field} ${e.message}`).join('; ')
    super('VALIDATION_FAILED', `invalid audit event: ${fields}`, options)
    this.errors = errors
  }
}

/** The client is closing or closed: it takes no more events. */
export class ClientClosedError extends AuditClientError {
  override readonly name = 'ClientClosedError'

  constructor(message = 'the audit client is closed', options?: AuditClientErrorOptions) {
    super('CLIENT_CLOSED', message, options)
  }
}

/** The buffer is full and the overflow policy refuses the event (`onFull: 'reject'`). */
export class BufferFullError extends AuditClientError {
  override readonly name = 'BufferFullError'

  constructor(message: string, options?: AuditClientErrorOptions) {
    super('BUFFER_FULL', message, options)
  }
}

/** `flush({ timeoutMs })` ran out of time; the events are still being delivered, none is lost. */
export class FlushTimeoutError extends AuditClientError {
  override readonly name = 'FlushTimeoutError'

  constructor(message: string, options?: AuditClientErrorOptions) {
    super('FLUSH_TIMEOUT', message, options)
  }
}

/**
 * A request to the service failed without an HTTP answer: network error (`TRANSPORT_ERROR`) or
 * `requestTimeoutMs` elapsed (`REQUEST_TIMEOUT`). Both are retried.
 */
export class TransportError extends AuditClientError {
  override readonly name: string = 'TransportError'

  constructor(
    code: 'TRANSPORT_ERROR' | 'REQUEST_TIMEOUT' | 'HTTP_ERROR',
    message: string,
    options?: AuditClientErrorOptions,
  ) {
    super(code, message, options)
  }
}

/** An RFC 7807 problem as the service returns it (the parts the client reads). */
export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: readonly FieldError[]
}

/** The service answered with an error status. */
export class HttpError extends TransportError {
  override readonly name = 'HttpError'
  readonly status: number
  /** The problem+json body, when the service sent one. */
  readonly problem: ProblemDetails | undefined
  /** The `Retry-After` header in milliseconds from the moment of the answer, when present and valid. */
  readonly retryAfterMs: number | undefined

  constructor(
    status: number,
    message: string,
    details: { problem?: ProblemDetails | undefined; retryAfterMs?: number | undefined } = {},
    options?: AuditClientErrorOptions,
  ) {
    super('HTTP_ERROR', message, options)
    this.status = status
    this.problem = details.problem
    this.retryAfterMs = details.retryAfterMs
  }
}

/** A setting is invalid; `field` names it as the caller wrote it (option, env variable or YAML key). */
export class ConfigError extends AuditClientError {
  override readonly name = 'ConfigError'
  readonly field: string

  constructor(field: string, message: string, options?: AuditClientErrorOptions) {
    super('CONFIG_INVALID', `${field}: ${message}`, options)
    this.field = field
  }
}

/** A dead-letter queue could not store messages; none of the batch counts as stored. */
export class DeadLetterWriteError extends AuditClientError {
  override readonly name = 'DeadLetterWriteError'

  constructor(message: string, options?: AuditClientErrorOptions) {
    super('DLQ_WRITE_FAILED', message, options)
  }
}

/**
 * Events reached the `failed` state: they could be neither delivered nor dead-lettered. Given to
 * `onError` with the events themselves, so that nothing is lost silently; `cause` is the last
 * delivery error or the {@link DeadLetterWriteError}.
 */
export class DeliveryFailedError extends AuditClientError {
  override readonly name = 'DeliveryFailedError'
  readonly events: readonly Readonly<Record<string, unknown>>[]

  constructor(
    message: string,
    events: readonly Readonly<Record<string, unknown>>[],
    options?: AuditClientErrorOptions,
  ) {
    super('DELIVERY_FAILED', message, options)
    this.events = events
  }
}
