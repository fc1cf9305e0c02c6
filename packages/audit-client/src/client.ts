import {
  type AuditEventRequest,
  type AuditEventValidator,
  type AuditEventWithId,
  createAuditEventValidator,
  type EventDataByType,
  type KnownEventType,
  uuidv7,
} from '@audit-trail/datastorage-client'
import { Batcher } from './batcher.js'
import { type Clock, systemClock, type TimerHandle } from './clock.js'
import type { DeadLetterQueue } from './dead-letter/dead-letter-queue.js'
import { Delivery, type Entry } from './delivery.js'
import {
  AuditClientError,
  BufferFullError,
  ClientClosedError,
  ConfigError,
  DeliveryFailedError,
  describe,
  FlushTimeoutError,
  ValidationError,
} from './errors.js'
import { type AuditLogger, bindLogger, silentLogger } from './logger.js'
import { type ClientMetrics, createClientMetrics, type PrometheusRegistry } from './metrics.js'
import { type Compression, type OnFull, parseClientSettings } from './options.js'
import { PackedBatch } from './packed-batch.js'
import {
  type ExitWatched,
  emitAuditWarning,
  ProcessWarnings,
  unwatchExit,
  watchExit,
  writeWarningNow,
} from './process-warnings.js'
import { createRetryPolicy } from './retry-policy.js'
import { type AuditClientStats, StatsCounter } from './stats.js'
import { type ActiveTraceIds, activeTraceIdsFrom, sharedTraceApi } from './trace-context.js'
import { createHttpTransport, type TokenSource, type Transport } from './transport.js'

/**
 * The `event_data` of an event type: the catalog's schema for a typed type, any JSON object for
 * the others (and for a type only known as `string`).
 */
export type EventDataOf<T extends string> = T extends keyof EventDataByType
  ? EventDataByType[T]
  : Record<string, unknown>

/**
 * An event type: one of the contract's catalog (an editor completes them), or any other that
 * follows the naming rule `<service>.<category>.<action>`.
 */
export type EventType = KnownEventType | (string & {})

/**
 * An event as a service emits it: `version` (default `'1.0'`), `event_id` (default a new UUIDv7)
 * and `event_timestamp` (default now) may be left out. `event_data` is typed by `event_type`
 * ({@link EventDataOf}).
 */
export type AuditEventInput<T extends EventType = EventType> = Omit<
  AuditEventRequest,
  'version' | 'event_id' | 'event_timestamp' | 'event_type' | 'event_data'
> & {
  event_type: T
  event_data: EventDataOf<T>
  version?: '1.0' | undefined
  event_id?: string | undefined
  event_timestamp?: string | undefined
}

/**
 * Options of {@link createAuditClient}; defaults in brackets. Either the HTTP transport's
 * (`baseUrl`, with `token`, `fetch`, `compression`…) or a `transport` of the caller's, not both.
 */
export type AuditClientOptions = HttpAuditClientOptions | TransportAuditClientOptions

/** A client that sends over HTTP to the DataStorage service (the usual case). */
export interface HttpAuditClientOptions extends AuditClientCommonOptions {
  /** Base URL of the DataStorage service, e.g. `http://datastorage:8080` (no `/api/v1`). */
  baseUrl: string
  /** Timeout of one request, ms [10000]. */
  requestTimeoutMs?: number | undefined
  /**
   * `'gzip'` ['gzip']: request bodies of `compressionThresholdBytes` [32768] or more are sent
   * gzip-compressed; `'none'` sends them as they are. A service that answers 415 to gzip gets plain
   * bodies from then on.
   */
  compression?: Compression | undefined
  compressionThresholdBytes?: number | undefined
  /** Bearer token, or an async function that returns one (asked again after a 401) [none]. */
  token?: TokenSource | undefined
  /** fetch implementation [requests over a private keep-alive `http.Agent`, released by `close()`]. */
  fetch?: typeof globalThis.fetch | undefined
  transport?: undefined
}

/**
 * A client whose batches go through the caller's {@link Transport} (an in-process store, a test
 * double) instead of HTTP; batching, retries, dead-lettering and the counters stay the client's.
 * The HTTP transport's settings are refused beside it (`ConfigError` naming the field).
 */
export interface TransportAuditClientOptions extends AuditClientCommonOptions {
  /**
   * Sends the batches: resolves with a {@link SendResult}, or rejects with a {@link TransportError}
   * (retried), an {@link HttpError} (retried for 408, 429 and 5xx; a 400 whose `problem.errors[].index`
   * names events dead-letters only those and sends the rest again) or anything else (not retried).
   * `close()` runs once, when the client closes.
   */
  transport: Transport
  baseUrl?: undefined
  requestTimeoutMs?: undefined
  compression?: undefined
  compressionThresholdBytes?: undefined
  token?: undefined
  fetch?: undefined
}

/** The options of every client, whatever carries its batches. */
export interface AuditClientCommonOptions {
  /** The emitting service: in dead-letter messages, logs and metric labels. */
  service: string
  /** Events held in memory (queued, in flight or being dead-lettered) at most [10000]. */
  bufferSize?: number | undefined
  /** Events per request, 1..5000 and ≤ `bufferSize` [1000]. */
  batchSize?: number | undefined
  /** A partial batch is sent at most this long after its first event, ms [1000]. */
  flushIntervalMs?: number | undefined
  /** Retries after the first attempt [3]. */
  maxRetries?: number | undefined
  /** Base of the exponential backoff with full jitter, ms [1000]. */
  retryBaseMs?: number | undefined
  /** Cap of every retry delay, including `Retry-After`, ms [30000]. */
  retryMaxMs?: number | undefined
  /** Batches in flight at once (and kept-alive sockets) [2]. */
  concurrency?: number | undefined
  /** Where undeliverable events go [none: they count as `failed`, reported to `onError`]. */
  deadLetter?: DeadLetterQueue | undefined
  /** What `emit()` does with a full buffer ['dead-letter' with a `deadLetter` queue, else 'reject']. */
  onFull?: OnFull | undefined
  /**
   * A pino logger, or any with `debug`/`info`/`warn`/`error(fields, message)` [none]. Without a
   * logger and without `onError`, failed and dead-lettered events are reported on stderr with
   * `process.emitWarning` (type `AuditClientWarning`), at most once a minute per kind.
   */
  logger?: AuditLogger | undefined
  /** A prom-client `Registry` to register the client's metrics in [none: no metrics]. */
  metrics?: PrometheusRegistry | undefined
  /** Called with every background failure; never throws into the client [none]. */
  onError?: ((error: AuditClientError) => void) | undefined
  /** Events whose type is not in the contract's catalog ['accept']. */
  unknownEventTypes?: 'accept' | 'reject' | undefined
  /**
   * Fill `trace_id` and `span_id` of an event that has neither from the active OpenTelemetry span
   * (a valid span context, sampled or not) [true]. Needs `@opentelemetry/api` (an optional peer,
   * loaded at the first client that wants it); without it events are emitted as given.
   */
  traceContext?: boolean | undefined
  /** Time source (tests) [the real clock, read lazily so fake timers apply]. */
  clock?: Clock | undefined
  /** Jitter source, uniform in [0, 1) (tests) [Math.random]. */
  random?: (() => number) | undefined
}

/** The audit client (docs/architecture.md#the-path-of-one-event). */
export interface AuditClient {
  /**
   * Validates and queues an event; returns its `event_id`.
   * @throws {ValidationError} the event breaks the contract (`errors` lists the fields).
   * @throws {ClientClosedError} `close()` was called.
   * @throws {BufferFullError} the buffer is full and `onFull` is `'reject'` (or the overflow is full too).
   */
  emit<T extends EventType>(event: AuditEventInput<T>): string
  /** Like `emit()`, but waits for room in a full buffer instead of refusing (backpressure). */
  emitAsync<T extends EventType>(event: AuditEventInput<T>): Promise<string>
  /**
   * Resolves once every event emitted before the call is in a terminal state.
   * @throws {FlushTimeoutError} after `timeoutMs` (the events keep being delivered).
   */
  flush(options?: { timeoutMs?: number }): Promise<void>
  /**
   * Idempotent. Stops intake, sends everything, waits for in-flight sends and retries, and after
   * `timeoutMs` [30000] dead-letters what is left; then stops timers and releases sockets and the
   * dead-letter queue. Resolves with the final stats (`pending` 0).
   */
  close(options?: { timeoutMs?: number }): Promise<AuditClientStats>
  /** A snapshot of the counters; `emitted = persisted + duplicates + deadLettered + failed + pending`. */
  stats(): AuditClientStats
}

/** Default `close()` timeout, ms. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 30_000

interface FlushWaiter {
  readonly target: number
  resolve(): void
  reject(error: Error): void
  timer?: TimerHandle
}

interface RoomWaiter {
  readonly event: AuditEventWithId
  resolve(id: string): void
  reject(error: Error): void
}

/**
 * Creates the buffered audit client: events are validated at `emit()`, queued in a bounded
 * buffer, sent in batches by size or by time, retried with backoff, and dead-lettered when they
 * cannot be delivered, so each ends persisted, dead-lettered or refused
 * (docs/architecture.md#terminal-states-and-counters).
 *
 * @throws {ConfigError} naming the invalid option.
 * @example
 * const audit = createAuditClient({ baseUrl: 'http://datastorage:8080', service: 'gateway' })
 * audit.emit({ event_type: 'gateway.signal.received', event_category: 'gateway', event_action: 'received',
 *   event_outcome: 'success', correlation_id: 'req-1', event_data: { event_type: 'gateway.signal.received', signal_type: 'alert', signal_name: 'x', namespace: 'payments', fingerprint: 'f' } })
 * await audit.close()
 */
export function createAuditClient(options: AuditClientOptions): AuditClient {
  return new BufferedAuditClient(options)
}

class BufferedAuditClient implements AuditClient {
  readonly #service: string
  readonly #bufferSize: number
  readonly #batchSize: number
  readonly #concurrency: number
  readonly #onFull: OnFull
  readonly #clock: Clock
  readonly #log: AuditLogger
  readonly #onError: ((error: AuditClientError) => void) | undefined
  /** Set when neither a logger nor onError is: failures then reach stderr. */
  readonly #warnings: ProcessWarnings | undefined
  /** Where batches go, for warnings: the service URL, or `a custom transport`. */
  readonly #target: string
  readonly #exitWatch: ExitWatched
  readonly #exitRef: WeakRef<ExitWatched>
  readonly #dlq: DeadLetterQueue | undefined
  readonly #transport: Transport
  /** Whether the transport takes serialised batches: then the queue holds JSON text. */
  readonly #serialized: boolean
  /** Whether batches waiting for a send slot are packed gzip-compressed (the client's gzip HTTP transport). */
  readonly #packs: boolean
  /** Sequence number of the last event packed (or being packed). */
  #packedThrough = 0
  readonly #validate: AuditEventValidator
  /** The active span's ids, when trace context is on and @opentelemetry/api is installed. */
  readonly #traceIds: ActiveTraceIds | undefined
  readonly #metrics: ClientMetrics
  readonly #stats = new StatsCounter()
  readonly #batcher: Batcher<Entry>
  readonly #delivery: Delivery

  #lastSeq = 0
  #stampedAt = Number.NaN
  #stamp = ''
  #inFlight = 0
  // Events emitted into a full buffer with onFull 'dead-letter': not counted against bufferSize.
  #overflowPending = 0
  #overflow: Entry[] = []
  #overflowDraining = false
  #closing: Promise<AuditClientStats> | undefined
  /** Set synchronously by close(): intake stops and everything queued is due. */
  #stopping = false
  #closed = false
  readonly #tasks = new Set<Promise<void>>()
  #flushWaiters: FlushWaiter[] = []
  // emitAsync() callers waiting for room, FIFO; #roomHead skips the ones admitted already.
  #roomWaiters: RoomWaiter[] = []
  #roomHead = 0
  #idleWaiters: (() => void)[] = []

  constructor(options: AuditClientOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new ConfigError('options', 'must be an object with baseUrl and service')
    }
    // A token function is checked below; the schema knows only string tokens (config files). Beside
    // a transport any token is refused, so it is left in for that check.
    const s = parseClientSettings(
      typeof options.token === 'function' && options.transport === undefined
        ? { ...options, token: undefined }
        : options,
    )
    for (const key of ['fetch', 'onError', 'random'] as const) {
      if (options[key] !== undefined && typeof options[key] !== 'function') {
        throw new ConfigError(key, 'must be a function')
      }
    }
    if (options.traceContext !== undefined && typeof options.traceContext !== 'boolean') {
      throw new ConfigError('traceContext', `must be a boolean, got ${typeof options.traceContext}`)
    }
    const dlq = options.deadLetter
    if (dlq !== undefined && (typeof dlq?.write !== 'function' || typeof dlq.close !== 'function')) {
      throw new ConfigError('deadLetter', 'must be a DeadLetterQueue (write() and close())')
    }
    const onFull = s.onFull ?? (dlq ? 'dead-letter' : 'reject')
    if (onFull === 'dead-letter' && !dlq) {
      throw new ConfigError('onFull', "'dead-letter' needs a deadLetter queue")
    }
    this.#service = s.service
    this.#bufferSize = s.bufferSize
    this.#batchSize = s.batchSize
    this.#concurrency = s.concurrency
    this.#onFull = onFull
    this.#dlq = dlq
    this.#clock = options.clock ?? systemClock
    this.#onError = options.onError
    this.#log = bindLogger(options.logger ?? silentLogger, { component: 'audit-client', service: s.service })
    this.#target = s.transport ? 'a custom transport' : s.baseUrl
    this.#warnings =
      options.logger === undefined && options.onError === undefined
        ? new ProcessWarnings(this.#clock)
        : undefined
    this.#traceIds = options.traceContext === false ? undefined : this.#loadTraceContext()
    this.#validate = createAuditEventValidator({
      unknownEventTypes: options.unknownEventTypes ?? 'accept',
      now: () => this.#clock.now(),
    })
    this.#transport = s.transport
      ? (options.transport as Transport)
      : createHttpTransport({
          baseUrl: s.baseUrl,
          token: options.token ?? s.token,
          fetch: options.fetch,
          requestTimeoutMs: s.requestTimeoutMs,
          connections: s.concurrency,
          clock: this.#clock,
          userAgent: `@audit-trail/audit-client (${s.service})`,
          compression: s.compression,
          compressionThresholdBytes: s.compressionThresholdBytes,
        })
    this.#serialized = typeof this.#transport.sendSerialized === 'function'
    this.#packs = !s.transport && s.compression === 'gzip'
    const spool = dlq as { spoolDepth?: () => Promise<number> } | undefined
    this.#metrics = createClientMetrics(options.metrics, {
      service: s.service,
      bufferDepth: () => this.#stats.pending,
      spoolDepth: typeof spool?.spoolDepth === 'function' ? () => spool.spoolDepth!() : undefined,
    })
    this.#delivery = new Delivery({
      service: s.service,
      transport: this.#transport,
      policy: createRetryPolicy({ ...s, ...(options.random ? { random: options.random } : {}) }),
      deadLetter: dlq,
      clock: this.#clock,
      log: this.#log,
      metrics: this.#metrics,
      stats: this.#stats,
      report: (error) => this.#report(error),
      deadLettered: (events, message) =>
        this.#warnings?.events('AUDIT_EVENTS_DEAD_LETTERED', events, `${this.#who()}: ${message}`),
      awaited: () => this.#stopping || this.#flushWaiters.length > 0,
      settled: () => this.#afterSettle(),
    })
    this.#batcher = new Batcher<Entry>({
      capacity: s.bufferSize,
      batchSize: s.batchSize,
      flushIntervalMs: s.flushIntervalMs,
      clock: this.#clock,
      canSend: () => this.#inFlight < this.#concurrency,
      send: (batch) => this.#dispatch(batch),
    })
    // Held here: the guard keeps only a weak reference.
    this.#exitWatch = {
      pendingAtExit: () => this.#stats.pending,
      closeCalled: () => this.#stopping,
      loopEmptied: (pending) => this.#loopEmptied(pending),
      exiting: (pending) => this.#exiting(pending),
    }
    this.#exitRef = watchExit(this.#exitWatch)
  }

  /** The reader of the active span's ids, or undefined without a usable @opentelemetry/api. */
  #loadTraceContext(): ActiveTraceIds | undefined {
    const loaded = sharedTraceApi()
    if (loaded.api) return activeTraceIdsFrom(loaded.api)
    if (!loaded.absent) {
      this.#log.warn({ problem: loaded.problem }, 'audit client: events get no trace context')
    }
    return undefined
  }

  /** Names the client in warnings: service and URL. */
  #who(): string {
    return `audit client (service ${this.#service}, ${this.#target})`
  }

  /** The event loop emptied with events held and no close(): say so, and deliver them. */
  #loopEmptied(pending: number): void {
    const message =
      `${this.#who()}: the event loop emptied with ${pending} audit event(s) not yet delivered and close() not called; ` +
      'delivering them now'
    if (this.#warnings) {
      emitAuditWarning(
        'AUDIT_EVENTS_AT_EXIT',
        message,
        'Call close() (or installShutdownHooks()) before the process ends.',
      )
    } else this.#log.warn({ pending }, message)
    this.flush().catch(() => undefined)
  }

  /** The process is exiting with events held: they are lost. Synchronous output only. */
  #exiting(pending: number): void {
    const message =
      `${this.#who()}: the process exited with ${pending} audit event(s) neither delivered nor dead-lettered; ` +
      (this.#stopping ? 'close() had not finished' : 'close() was not called')
    if (this.#warnings) writeWarningNow(message)
    else this.#log.error({ pending }, message)
  }

  // ---- intake ---------------------------------------------------------------------------

  emit<T extends EventType>(event: AuditEventInput<T>): string {
    if (this.#stopping) throw this.#refuse(new ClientClosedError())
    const stored = this.#prepare(event)
    if (this.#held() < this.#bufferSize) return this.#admit(stored)
    if (this.#onFull === 'dead-letter' && this.#overflowPending < this.#bufferSize) {
      return this.#admitOverflow(stored)
    }
    throw this.#refuse(
      new BufferFullError(
        `audit buffer full (${this.#bufferSize} events pending)` +
          (this.#onFull === 'dead-letter' ? ' and the dead-letter overflow is full too' : ''),
      ),
    )
  }

  emitAsync<T extends EventType>(event: AuditEventInput<T>): Promise<string> {
    try {
      if (this.#stopping) throw this.#refuse(new ClientClosedError())
      const stored = this.#prepare(event)
      if (this.#held() < this.#bufferSize && this.#roomHead === this.#roomWaiters.length) {
        return Promise.resolve(this.#admit(stored))
      }
      return new Promise((resolve, reject) => this.#roomWaiters.push({ event: stored, resolve, reject }))
    } catch (error) {
      return Promise.reject(error)
    }
  }

  #prepare(input: AuditEventInput<EventType>): AuditEventWithId {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw this.#refuse(new ValidationError([{ field: '(root)', message: 'must be an object' }]))
    }
    const now = this.#clock.now()
    // A shallow copy, so later changes to the caller's object do not leak in. Object.assign onto a
    // literal rather than a spread: as exact a copy of the own enumerable properties, and a copy
    // the validator and JSON.stringify then read several times faster (a spread's result did not
    // take the engine's fast paths). Assign sets where a spread defines, which differs only for an
    // own `__proto__` key: that input is copied by a spread.
    const event = (
      Object.hasOwn(input, '__proto__')
        ? { ...input }
        : Object.assign({ version: undefined, event_id: undefined, event_timestamp: undefined }, input)
    ) as Partial<AuditEventWithId>
    event.version ??= '1.0'
    event.event_id ??= uuidv7(now)
    event.event_timestamp ??= this.#timestamp(now)
    // The caller's ids win; one of the two given means the event names its span itself.
    if (this.#traceIds !== undefined && event.trace_id === undefined && event.span_id === undefined) {
      const ids = this.#traceIds()
      if (ids !== undefined) {
        event.trace_id = ids.trace_id
        event.span_id = ids.span_id
      }
    }
    const errors = this.#validate(event)
    if (errors.length > 0) throw this.#refuse(new ValidationError(errors))
    return event as AuditEventWithId
  }

  /** `now` as an ISO timestamp; the last one is kept, since a burst of emits shares its millisecond. */
  #timestamp(now: number): string {
    if (now !== this.#stampedAt) {
      this.#stampedAt = now
      this.#stamp = new Date(now).toISOString()
    }
    return this.#stamp
  }

  #refuse(error: AuditClientError): AuditClientError {
    this.#stats.refused()
    this.#metrics.events('refused', 1)
    return error
  }

  /** Events counted against `bufferSize`: all pending ones except the dead-letter overflow. */
  #held(): number {
    return this.#stats.pending - this.#overflowPending
  }

  #admit(event: AuditEventWithId): string {
    this.#stats.emitted()
    this.#batcher.push({ seq: ++this.#lastSeq, item: this.#hold(event) }, this.#drainUpTo())
    if (this.#packs && this.#lastSeq - this.#packedThrough >= this.#batchSize) this.#packWaiting()
    return event.event_id
  }

  /**
   * Packs the next whole batch that waits for a send slot (every slot busy) into a
   * {@link PackedBatch}: off the event loop, and its entries then hold their share of the
   * compressed body instead of their text. A batch sent before its packing ends goes as text.
   */
  #packWaiting(): void {
    if (this.#inFlight < this.#concurrency || this.#stopping) return
    const batch = this.#batcher.wholeBatchAfter(this.#packedThrough)
    if (!batch || batch.some((e) => typeof e.item !== 'string')) return
    this.#packedThrough = batch.at(-1)!.seq
    this.#track(
      PackedBatch.pack(
        batch.map((e) => e.item as string),
        batch.map((e) => e.seq),
      ).then((packed) => {
        for (const entry of batch) entry.item = packed
      }),
    )
  }

  /**
   * What the queue holds of a validated event: its JSON text when the transport takes serialised
   * batches (serialised once, here, and about half the heap of the object), else the event.
   */
  #hold(event: AuditEventWithId): string | AuditEventWithId {
    // Left as JSON.stringify returns it (a rope of chunks, a little larger than flat text): joining
    // the batch flattens it anyway, and a batch that waits is packed.
    return this.#serialized ? JSON.stringify(event) : event
  }

  #admitOverflow(event: AuditEventWithId): string {
    this.#stats.emitted()
    this.#overflowPending++
    if (this.#overflow.length === 0) this.#delivery.adopt(this.#overflow)
    this.#overflow.push({ seq: ++this.#lastSeq, item: event })
    if (!this.#overflowDraining) {
      this.#overflowDraining = true
      this.#track(this.#drainOverflow())
    }
    return event.event_id
  }

  async #drainOverflow(): Promise<void> {
    // One write per burst: let the current synchronous burst of emits accumulate first.
    await null
    while (this.#overflow.length > 0) {
      const group = this.#overflow
      this.#overflow = []
      this.#log.warn(
        { events: group.length, bufferSize: this.#bufferSize },
        'audit buffer full: dead-lettering overflow',
      )
      await this.#delivery.deadLetter(group, {
        reason: () => `buffer full (bufferSize ${this.#bufferSize})`,
        attempts: 0,
        onSettled: () => {
          this.#overflowPending -= group.length
        },
      })
    }
    this.#overflowDraining = false
  }

  // ---- sending --------------------------------------------------------------------------

  /** Sequence number up to which partial batches go at once: pending flushes, or all when closing. */
  #drainUpTo(): number {
    if (this.#stopping) return Number.POSITIVE_INFINITY
    return this.#flushWaiters.at(-1)?.target ?? 0
  }

  #pump(): void {
    if (!this.#closed) this.#batcher.pump(this.#drainUpTo())
  }

  #dispatch(batch: Entry[]): void {
    this.#inFlight++
    this.#track(
      this.#delivery.send(batch).finally(() => {
        this.#inFlight--
        this.#pump()
      }),
    )
  }

  #track(task: Promise<void>): void {
    const tracked = task
      .catch((error: unknown) => {
        // Not expected: every path of a task settles its events itself. Reported, never thrown.
        this.#report(
          new AuditClientError(
            'INTERNAL_ERROR',
            `audit client internal error: ${describe(error, { withCause: true })}`,
            {
              cause: error,
            },
          ),
        )
      })
      .finally(() => {
        this.#tasks.delete(tracked)
        this.#afterSettle()
      })
    this.#tasks.add(tracked)
  }

  #report(error: AuditClientError): void {
    if (this.#warnings) {
      const events = error instanceof DeliveryFailedError ? error.events.length : 0
      this.#warnings.events(
        events > 0 ? 'AUDIT_EVENTS_FAILED' : 'AUDIT_CLIENT_ERROR',
        events,
        `${this.#who()}: ${error.message}`,
      )
    }
    if (!this.#onError) return
    try {
      this.#onError(error)
    } catch (thrown) {
      this.#log.error({ err: thrown }, 'audit client onError handler threw')
    }
  }

  // ---- flush, close, stats --------------------------------------------------------------

  /** Every event with a sequence number below this one is settled. */
  #lowestUnsettled(): number {
    const queued = this.#batcher.headSeq() ?? this.#lastSeq + 1
    return Math.min(queued, this.#delivery.lowestSeq() ?? queued)
  }

  #afterSettle(): void {
    while (this.#roomHead < this.#roomWaiters.length && this.#held() < this.#bufferSize && !this.#stopping) {
      const waiter = this.#roomWaiters[this.#roomHead]!
      this.#roomWaiters[this.#roomHead++] = undefined as never
      waiter.resolve(this.#admit(waiter.event))
    }
    if (this.#roomHead > 0 && this.#roomHead * 2 >= this.#roomWaiters.length) {
      this.#roomWaiters = this.#roomWaiters.slice(this.#roomHead)
      this.#roomHead = 0
    }
    if (this.#flushWaiters.length > 0) {
      const settledUpTo = this.#lowestUnsettled() - 1
      while (this.#flushWaiters.length > 0 && this.#flushWaiters[0]!.target <= settledUpTo) {
        const waiter = this.#flushWaiters.shift()!
        if (waiter.timer !== undefined) this.#clock.clearTimeout(waiter.timer)
        waiter.resolve()
      }
    }
    if (this.#idleWaiters.length > 0 && this.#stats.pending === 0 && this.#tasks.size === 0) {
      const waiters = this.#idleWaiters
      this.#idleWaiters = []
      for (const resolve of waiters) resolve()
    }
  }

  flush(options: { timeoutMs?: number } = {}): Promise<void> {
    const target = this.#lastSeq
    if (this.#closed || this.#lowestUnsettled() > target) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const waiter: FlushWaiter = { target, resolve, reject }
      if (options.timeoutMs !== undefined) {
        const timeoutMs = options.timeoutMs
        waiter.timer = this.#clock.setTimeout(() => {
          this.#flushWaiters = this.#flushWaiters.filter((w) => w !== waiter)
          reject(new FlushTimeoutError(`flush() timed out after ${timeoutMs} ms; delivery goes on`))
        }, timeoutMs)
      }
      this.#flushWaiters.push(waiter)
      this.#delivery.holdProcess()
      this.#pump()
    })
  }

  close(options: { timeoutMs?: number } = {}): Promise<AuditClientStats> {
    if (!this.#closing) {
      this.#stopping = true
      this.#closing = this.#close(options.timeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS)
    }
    return this.#closing
  }

  async #close(timeoutMs: number): Promise<AuditClientStats> {
    const waiting = this.#roomWaiters.slice(this.#roomHead)
    this.#roomWaiters = []
    this.#roomHead = 0
    for (const waiter of waiting) waiter.reject(this.#refuse(new ClientClosedError()))
    this.#delivery.holdProcess()
    const deadline = this.#clock.setTimeout(() => {
      this.#log.warn(
        { pending: this.#stats.pending },
        'audit client close timed out: dead-lettering the rest',
      )
      this.#delivery.abandon()
      this.#pump()
    }, timeoutMs)
    const idle = new Promise<void>((resolve) => this.#idleWaiters.push(resolve))
    this.#pump()
    this.#afterSettle()
    await idle
    this.#clock.clearTimeout(deadline)
    this.#closed = true
    unwatchExit(this.#exitRef)
    this.#batcher.stop()
    this.#metrics.close()
    const results = await Promise.allSettled([this.#transport.close(), this.#dlq?.close()])
    for (const result of results) {
      if (result.status === 'rejected') {
        this.#report(
          new AuditClientError(
            'CLOSE_FAILED',
            `closing the audit client: ${describe(result.reason, { withCause: true })}`,
            {
              cause: result.reason,
            },
          ),
        )
      }
    }
    const stats = this.#stats.snapshot()
    this.#log.info({ stats }, 'audit client closed')
    return stats
  }

  stats(): AuditClientStats {
    return this.#stats.snapshot()
  }
}
