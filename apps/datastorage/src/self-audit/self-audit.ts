import { randomUUID } from 'node:crypto'
import { isIP } from 'node:net'
import {
  type AuditClient,
  type AuditClientError,
  type AuditEventInput,
  ClientClosedError,
  createAuditClient,
  type DeadLetterQueue,
  DeliveryFailedError,
  type EventType,
} from '@audit-trail/audit-client'
import {
  type AuditEventValidator,
  createAuditEventValidator,
  type EventDataByType,
} from '@audit-trail/datastorage-client'
import type { Logger } from 'pino'
import type { Scope } from '../auth/tokens-file.js'
import type { AuditRead } from '../http/context.js'
import type { DataStorageMetrics } from '../metrics/service-metrics.js'
import type { EventWriter } from '../write/event-writer.js'
import { DEFAULT_FAILURE_WINDOW_MS, FailureWindows, OVERFLOW_KEY } from './failure-windows.js'
import { createInProcessTransport } from './in-process-transport.js'

/** Why a request got 401, as `datastorage.auth.failed` records it. */
export type AuthFailureReason = EventDataByType['datastorage.auth.failed']['reason']

/** What a token-file reload or refusal was triggered by. */
export type TokensTrigger = EventDataByType['datastorage.tokens.reloaded']['trigger']

/** The request an event describes. */
export interface RequestInfo {
  /** The request's id (`X-Request-Id`): the event's `correlation_id`. */
  requestId: string
  /** The socket's remote address; undefined for an in-process request (`app.request()`). */
  sourceIp: string | undefined
  method: string
  path: string
}

/** Options of {@link SelfAudit}. */
export interface SelfAuditOptions {
  /** The service's write path: the events are stored through it (`recorded_by` datastorage:self-audit). */
  writer: EventWriter
  logger: Logger
  /** `audit_self_audit_dropped_total` is counted here. */
  metrics: Pick<DataStorageMetrics, 'selfAuditDropped'>
  /** `SELF_AUDIT_FAILURE_WINDOW_MS` [60000]. */
  failureWindowMs?: number
  /** Keys per kind of refusal tracked at once [10000]. */
  maxKeys?: number
  /**
   * Where events go that cannot be stored after the retries (and the overflow of a full buffer):
   * the service's Redis stream, which its replay worker stores from. Without one they are dropped,
   * counted and logged.
   */
  deadLetter?: DeadLetterQueue | undefined
  /** The contract validator's policy, as for the routes [accept]. */
  unknownEventTypes?: 'accept' | 'reject'
  /** A partial batch is stored at most this long after its first event, ms [250]. */
  flushIntervalMs?: number
  /** Events held in memory at most [10000]. */
  bufferSize?: number
  /** Retries of a batch whose store failed, and their backoff (tests shorten them). */
  maxRetries?: number
  retryBaseMs?: number
  retryMaxMs?: number
  /**
   * How long `close()` waits for the last events, ms [5000]; what is left then is dead-lettered, or
   * counted dropped. Bounded, since shutdown waits for it with PostgreSQL perhaps down.
   */
  closeTimeoutMs?: number
}

/** Default of {@link SelfAuditOptions.closeTimeoutMs}. */
const CLOSE_TIMEOUT_MS = 5000

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text)

/** The address as the contract's `actor_ip` takes it (IPv4-mapped IPv6 as IPv4), or undefined. */
function ipOf(address: string | undefined): string | undefined {
  if (address === undefined) return undefined
  const v4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1]
  const ip = v4 ?? address
  return isIP(ip) === 0 ? undefined : ip
}

/** `RequestOrigin` of the contract: who called what. */
function originOf(request: RequestInfo) {
  return {
    source_ip: cut(ipOf(request.sourceIp) ?? request.sourceIp ?? 'in-process', 45),
    method: cut(request.method, 16),
    path: cut(request.path, 512),
  }
}

/** The resource a path names: the DLQ's admin routes, /metrics, or the audit events. */
function resourceOf(path: string): string {
  if (path.startsWith('/api/v1/audit/dlq')) return 'dlq'
  if (path.startsWith('/metrics')) return 'metrics'
  return 'audit_events'
}

/**
 * The service's own security events, stored in its own store through the project's audit client
 * over an in-process transport (docs/architecture.md#self-audit): authentication failures and scope
 * or rate-limit refusals (each rate-limited per source or token, see {@link FailureWindows}), token
 * file reloads and refusals, reads of audit data, and DLQ replays.
 *
 * Recording never blocks or fails what it describes: every method returns at once, and an event that
 * cannot be held (full buffer, closed client) or stored (the retries exhausted with no dead-letter
 * queue) is counted in `audit_self_audit_dropped_total` and logged at warn, never silently lost.
 *
 * Only reads and security refusals are recorded, never writes; storing a self-audit event is a write,
 * so recording cannot trigger more recording: a read of these events adds exactly one event.
 */
export class SelfAudit {
  readonly #client: AuditClient
  readonly #log: Logger
  readonly #metrics: Pick<DataStorageMetrics, 'selfAuditDropped'>
  readonly #failed: FailureWindows<{ request: RequestInfo; source: string; reason: AuthFailureReason }>
  readonly #denied: FailureWindows<{ request: RequestInfo; principal: string; scope: Scope }>
  readonly #limited: FailureWindows<{ request: RequestInfo; principal: string }>
  #closing: Promise<void> | undefined
  readonly #closeTimeoutMs: number

  constructor(options: SelfAuditOptions) {
    this.#log = options.logger.child({ component: 'self-audit' })
    this.#metrics = options.metrics
    this.#closeTimeoutMs = options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS
    const unknownEventTypes = options.unknownEventTypes ?? 'accept'
    const validate: AuditEventValidator = createAuditEventValidator({ unknownEventTypes })
    const bufferSize = options.bufferSize ?? 10_000
    this.#client = createAuditClient({
      transport: createInProcessTransport({ writer: options.writer, validate }),
      service: 'datastorage',
      logger: this.#log,
      unknownEventTypes,
      flushIntervalMs: options.flushIntervalMs ?? 250,
      bufferSize,
      batchSize: Math.min(500, bufferSize),
      deadLetter: options.deadLetter,
      ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
      ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
      ...(options.retryMaxMs === undefined ? {} : { retryMaxMs: options.retryMaxMs }),
      onError: (error) => this.#onClientError(error),
    })
    const windowMs = options.failureWindowMs ?? DEFAULT_FAILURE_WINDOW_MS
    const maxKeys = options.maxKeys
    const windows = { windowMs, ...(maxKeys === undefined ? {} : { maxKeys }) }
    this.#failed = new FailureWindows({
      ...windows,
      record: (key, { request, source, reason }, occurrences) =>
        this.#emit({
          event_type: 'datastorage.auth.failed',
          event_category: 'security',
          event_action: 'auth_failed',
          ...this.#refusal(request),
          actor_type: 'source',
          // `*`: the count of sources beyond the bound of tracked keys (see FailureWindows).
          actor_id: key === OVERFLOW_KEY ? OVERFLOW_KEY : source,
          event_data: { ...originOf(request), reason, occurrences },
        }),
    })
    this.#denied = new FailureWindows({
      ...windows,
      record: (key, { request, principal, scope }, occurrences) =>
        this.#emit({
          event_type: 'datastorage.auth.denied',
          event_category: 'security',
          event_action: 'scope_denied',
          ...this.#refusal(request),
          actor_type: 'token',
          actor_id: key,
          event_data: { ...originOf(request), principal, required_scope: scope, occurrences },
        }),
    })
    this.#limited = new FailureWindows({
      ...windows,
      record: (key, { request, principal }, occurrences) =>
        this.#emit({
          event_type: 'datastorage.ratelimit.denied',
          event_category: 'security',
          event_action: 'rate_limited',
          ...this.#refusal(request),
          actor_type: 'token',
          actor_id: key,
          event_data: { ...originOf(request), principal, occurrences },
        }),
    })
  }

  /**
   * A 401: rate-limited per source address and reason, so that a flood of one kind does not hide
   * the first refusal of another (a missing token, then a guessed one) in its count.
   */
  authFailed(request: RequestInfo, reason: AuthFailureReason): void {
    const source = cut(ipOf(request.sourceIp) ?? request.sourceIp ?? 'in-process', 255)
    this.#failed.hit(`${reason} ${source}`, { request, source, reason })
  }

  /** A 403: the token lacks the route's scope; rate-limited per token. */
  authDenied(request: RequestInfo, principal: string, scope: Scope): void {
    this.#denied.hit(principal, { request, principal, scope })
  }

  /** A 429: the token is over its rate limit; rate-limited per token. */
  rateLimited(request: RequestInfo, principal: string): void {
    this.#limited.hit(principal, { request, principal })
  }

  /** The tokens file was (re)loaded: what is in force now, by name. */
  tokensReloaded(data: EventDataByType['datastorage.tokens.reloaded']): void {
    this.#emit({
      event_type: 'datastorage.tokens.reloaded',
      event_category: 'security',
      event_action: 'tokens_reloaded',
      event_outcome: 'success',
      severity: 'info',
      correlation_id: randomUUID(),
      actor_type: 'service',
      actor_id: 'datastorage',
      resource_type: 'tokens_file',
      resource_id: cut(data.file, 255),
      event_data: { ...data, file: cut(data.file, 4096) },
    })
  }

  /** The tokens file did not read or parse: the last good set stays in force. */
  tokensRejected(data: EventDataByType['datastorage.tokens.rejected']): void {
    this.#emit({
      event_type: 'datastorage.tokens.rejected',
      event_category: 'security',
      event_action: 'tokens_rejected',
      event_outcome: 'failure',
      severity: 'warning',
      correlation_id: randomUUID(),
      actor_type: 'service',
      actor_id: 'datastorage',
      resource_type: 'tokens_file',
      resource_id: cut(data.file, 255),
      event_data: { ...data, file: cut(data.file, 4096), reason: cut(data.reason, 4096) },
    })
  }

  /**
   * A read of audit data over HTTP (`status` answered), or by the CLI (`request` undefined,
   * `status` 0: no HTTP exchange; a fresh correlation id).
   */
  auditRead(request: RequestInfo | undefined, principal: string, read: AuditRead, status: number): void {
    const failed = status >= 400
    this.#emit({
      event_type: 'datastorage.audit.read',
      event_category: 'security',
      event_action: 'read',
      event_outcome: failed ? 'failure' : 'success',
      severity: failed ? 'warning' : 'info',
      correlation_id: request?.requestId ?? randomUUID(),
      actor_type: principal.includes(':') ? 'principal' : 'token',
      actor_id: cut(principal, 255),
      ...(request ? this.#actorIp(request) : {}),
      resource_type: read.operation === 'dlq_messages' ? 'dlq' : 'audit_events',
      ...(read.eventId === undefined ? {} : { resource_id: cut(read.eventId, 255) }),
      event_data: {
        principal: cut(principal, 255),
        operation: read.operation,
        ...(read.filters === undefined ? {} : { filters: read.filters }),
        ...(read.eventId === undefined ? {} : { event_id: read.eventId }),
        rows: read.rows,
        status,
      },
    })
  }

  /**
   * The DLQ was replayed: by `datastorage dlq replay` (trigger `cli`, the operating-system user as
   * operator) or over HTTP (trigger `api`, the caller's principal as operator).
   */
  dlqReplayed(data: EventDataByType['datastorage.dlq.replayed']): void {
    const operator = data.operator ?? 'unknown'
    this.#emit({
      event_type: 'datastorage.dlq.replayed',
      event_category: 'security',
      event_action: 'dlq_replayed',
      event_outcome: 'success',
      severity: 'info',
      correlation_id: randomUUID(),
      actor_type: data.trigger === 'cli' ? 'user' : operator.includes(':') ? 'principal' : 'token',
      actor_id: cut(data.operator ?? 'unknown', 255),
      resource_type: 'dlq',
      resource_id: cut(data.stream, 255),
      event_data: data,
    })
  }

  /**
   * A legal hold was placed (`placed`) or released over HTTP. The event's correlation id is the
   * request's, not the held one: a record of the hold must not become an event of the correlation
   * id it holds (it would be verified, held and counted with it).
   */
  legalHoldChanged(
    change: 'placed' | 'released',
    request: RequestInfo,
    data: EventDataByType['datastorage.legal_hold.placed'],
  ): void {
    this.#emit({
      event_type: change === 'placed' ? 'datastorage.legal_hold.placed' : 'datastorage.legal_hold.released',
      event_category: 'security',
      event_action: change === 'placed' ? 'legal_hold_placed' : 'legal_hold_released',
      event_outcome: 'success',
      severity: 'notice',
      correlation_id: request.requestId,
      actor_type: data.principal.includes(':') ? 'principal' : 'token',
      actor_id: cut(data.principal, 255),
      ...this.#actorIp(request),
      resource_type: 'legal_hold',
      resource_id: data.hold_id,
      event_data: {
        ...data,
        correlation_id: cut(data.correlation_id, 255),
        principal: cut(data.principal, 255),
        reason: data.reason === null || data.reason === undefined ? null : cut(data.reason, 1000),
      },
    })
  }

  /** The retention job dropped a monthly partition of audit_events (its events' leaves stay). */
  retentionPartitionDropped(data: EventDataByType['datastorage.retention.partition_dropped']): void {
    this.#emit({
      event_type: 'datastorage.retention.partition_dropped',
      event_category: 'security',
      event_action: 'partition_dropped',
      event_outcome: 'success',
      severity: 'notice',
      correlation_id: randomUUID(),
      actor_type: 'service',
      actor_id: 'datastorage',
      resource_type: 'audit_events_partition',
      resource_id: cut(data.partition, 255),
      event_data: data,
    })
  }

  /** Resolves once every event recorded so far is stored (or dead-lettered, or counted dropped). */
  flush(): Promise<void> {
    return this.#client.flush()
  }

  /**
   * Records the counts of the open windows, then stores what is held (up to `closeTimeoutMs`). Call it after
   * the HTTP server drained and before the store closes. Idempotent; never rejects.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#failed.close()
      this.#denied.close()
      this.#limited.close()
      const stats = await this.#client.close({ timeoutMs: this.#closeTimeoutMs })
      this.#log.info({ stats }, 'self-audit closed')
    })().catch((error: unknown) => this.#log.error({ err: error }, 'closing the self-audit failed'))
    return this.#closing
  }

  /** The fields every refusal event (401, 403, 429) shares: who called, from where, about what. */
  #refusal(request: RequestInfo) {
    return {
      event_outcome: 'failure',
      severity: 'warning',
      correlation_id: request.requestId,
      ...this.#actorIp(request),
      resource_type: resourceOf(request.path),
    } as const
  }

  #actorIp(request: RequestInfo): { actor_ip?: string } {
    const ip = ipOf(request.sourceIp)
    return ip === undefined ? {} : { actor_ip: ip }
  }

  #emit<T extends EventType>(event: AuditEventInput<T>): void {
    try {
      this.#client.emit(event)
    } catch (error) {
      const reason = error instanceof ClientClosedError ? 'closed' : 'refused'
      this.#dropped(1, reason, error, event.event_type)
    }
  }

  #onClientError(error: AuditClientError): void {
    if (error instanceof DeliveryFailedError) {
      this.#dropped(error.events.length, 'not_stored', error)
      return
    }
    this.#log.warn({ err: error }, `self-audit client: ${error.message}`)
  }

  /** A dropped event is never silent: counted and logged at warn with why. */
  #dropped(n: number, reason: string, error: unknown, eventType?: string): void {
    this.#metrics.selfAuditDropped.inc({ reason }, n)
    this.#log.warn(
      { err: error, dropped: n, reason, ...(eventType ? { event_type: eventType } : {}) },
      `self-audit: ${n} event(s) dropped (${reason}): ${(error as Error).message}`,
    )
  }
}
