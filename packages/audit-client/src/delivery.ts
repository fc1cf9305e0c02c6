import type { AuditEventWithId, DeadLetterMessage } from '@audit-trail/datastorage-client'
import { type Clock, ref, type TimerHandle, unref } from './clock.js'
import type { DeadLetterQueue } from './dead-letter/dead-letter-queue.js'
import {
  AuditClientError,
  ClientClosedError,
  DeadLetterWriteError,
  DeliveryFailedError,
  describe,
  HttpError,
} from './errors.js'
import { describeInvalidFields, invalidIndexes } from './invalid-indexes.js'
import { jsonArray } from './json-array.js'
import type { AuditLogger } from './logger.js'
import type { ClientMetrics, EventStateLabel } from './metrics.js'
import { showValue } from './options.js'
import { PackedBatch } from './packed-batch.js'
import type { RetryPolicy } from './retry-policy.js'
import type { StatsCounter, TerminalState } from './stats.js'
import type { Transport } from './transport.js'

/**
 * One emitted event; `seq` grows by one per event and drives the flush watermark. `item` is the
 * event as its JSON text when the transport takes serialised batches (`sendSerialized`): it was
 * validated and serialised once, at `emit()`, and the text is what is held and sent. While it waits
 * for a send slot behind a gzip transport, the text may be swapped for the {@link PackedBatch}
 * holding it compressed. Otherwise, and for the dead-letter overflow, `item` is the event itself.
 */
export interface Entry {
  readonly seq: number
  item: string | AuditEventWithId | PackedBatch
}

/** The JSON text of an entry's event. */
function textOf(entry: Entry): string {
  const { item } = entry
  if (typeof item === 'string') return item
  return item instanceof PackedBatch ? item.eventText(entry.seq) : JSON.stringify(item)
}

/** The event of an entry (parsed back from its text: only dead-letter and failure paths ask). */
export function eventOf(entry: Entry): AuditEventWithId {
  const { item } = entry
  if (typeof item === 'string' || item instanceof PackedBatch)
    return JSON.parse(textOf(entry)) as AuditEventWithId
  return item
}

/**
 * What a transport is handed for `group`: a packed batch's compressed body when the group is that
 * batch, whole; one JSON body when the transport takes them and the entries are text; else the events.
 */
function sendGroup(transport: Transport, group: readonly Entry[], signal: AbortSignal) {
  const first = group[0]?.item
  if (
    transport.sendSerialized &&
    group.every((e) => typeof e.item === 'string' || e.item instanceof PackedBatch)
  ) {
    if (
      first instanceof PackedBatch &&
      first.count === group.length &&
      group.every((e, i) => e.item === first && e.seq === first.seqs[i])
    ) {
      return transport.sendSerialized(
        { gzipped: first.gzipped, text: () => first.text() },
        group.length,
        signal,
      )
    }
    const body = jsonArray(group.length, (i) => textOf(group[i]!))
    for (const e of group) if (e.item instanceof PackedBatch) e.item.release()
    return transport.sendSerialized(body, group.length, signal)
  }
  return transport.send(group.map(eventOf), signal)
}

/**
 * How many of a delivered group of `count` events were stored and how many the service already
 * had, from the transport's {@link SendResult}: all stored for `accepted`; for `created`, the
 * duplicates clamped to 0..count (a non-integer counts as none) and the rest stored, as the HTTP
 * transport reads the service's answer, so that every event of the group settles. A result of
 * neither shape (a transport of the caller's that resolves with something else) is an error: the
 * group is then dead-lettered with that reason, rather than left pending, holding `flush()` and
 * `close()`, forever.
 * @throws {AuditClientError} `INVALID_SEND_RESULT`, naming what the transport resolved with.
 */
export function deliveredCounts(result: unknown, count: number): { persisted: number; duplicates: number } {
  const status = (result as { status?: unknown } | null | undefined)?.status
  if (status === 'accepted') return { persisted: count, duplicates: 0 }
  if (status === 'created') {
    const reported = (result as { duplicates?: unknown }).duplicates
    const duplicates =
      typeof reported === 'number' && Number.isInteger(reported) ? Math.min(Math.max(reported, 0), count) : 0
    return { persisted: count - duplicates, duplicates }
  }
  throw new AuditClientError(
    'INVALID_SEND_RESULT',
    `the transport's send() resolved with ${showValue(result)}: expected { status: 'created', created, duplicates } ` +
      "or { status: 'accepted', queued }",
  )
}

/** Why events are dead-lettered. */
export interface DeadLetterReason {
  /** The reason recorded for the i-th event. */
  reason: (i: number) => string
  /** Delivery attempts made. */
  attempts: number
  /** The error that led here (the cause reported when the events end up failed). */
  cause?: unknown
  /** Runs once the events are settled, before the client is told. */
  onSettled?: () => void
}

/** What {@link Delivery} works with; all of it owned by the client. */
export interface DeliveryOptions {
  service: string
  transport: Transport
  policy: RetryPolicy
  deadLetter: DeadLetterQueue | undefined
  clock: Clock
  log: AuditLogger
  metrics: ClientMetrics
  stats: StatsCounter
  /** Background failures (never throws). */
  report: (error: AuditClientError) => void
  /** Events went to the dead-letter queue (`message` says how many, where and why). */
  deadLettered: (events: number, message: string) => void
  /** Whether someone awaits delivery (a flush or close), so retry delays must hold the process. */
  awaited: () => boolean
  /** Called after events settled (to admit waiting emits, resolve flushes). */
  settled: () => void
}

interface Sleep {
  timer: TimerHandle
  wake(): void
}

const STATE_LABEL: Record<TerminalState, EventStateLabel> = {
  persisted: 'persisted',
  duplicates: 'duplicate',
  deadLettered: 'dead_lettered',
  failed: 'failed',
}

/**
 * Takes batches to a terminal state: sends each with retries per the policy, dead-letters what
 * cannot be delivered, and as a last resort counts events `failed` and reports them with the
 * events themselves. Tracks every entry it holds, so the client can tell which sequence numbers
 * are settled. After {@link abandon} (close() ran out of time) it stops using the network.
 */
export class Delivery {
  /** Groups of entries out of the queue and not yet settled: what {@link lowestSeq} reads. */
  readonly #outstanding = new Set<readonly Entry[]>()
  readonly #o: DeliveryOptions
  readonly #controllers = new Set<AbortController>()
  readonly #sleeps = new Set<Sleep>()
  #abandoned = false

  constructor(options: DeliveryOptions) {
    this.#o = options
  }

  /**
   * Counts `group` as outstanding from now on (see {@link lowestSeq}), before it is handed to
   * {@link deadLetter}, which settles it and stops counting it. The caller may go on appending to
   * the group until then: the client gathers a burst of overflow events in one group this way, so
   * that a flush() waits for them from the first event on, not only once their write has begun.
   */
  adopt(group: readonly Entry[]): void {
    this.#outstanding.add(group)
  }

  /** The lowest sequence number held here, if any. */
  lowestSeq(): number | undefined {
    let min: number | undefined
    for (const group of this.#outstanding) {
      const seq = group[0]?.seq
      if (seq !== undefined && (min === undefined || seq < min)) min = seq
    }
    return min
  }

  /** Makes pending retry delays hold the process (someone now awaits them). */
  holdProcess(): void {
    for (const sleep of this.#sleeps) ref(sleep.timer)
  }

  /** Stops waiting on the network: aborts requests, cuts delays short, dead-letters from now on. */
  abandon(): void {
    this.#abandoned = true
    for (const controller of this.#controllers) {
      controller.abort(new ClientClosedError('close() timed out while the request was in flight'))
    }
    for (const sleep of [...this.#sleeps]) sleep.wake()
  }

  /**
   * Sends one batch until it is settled: retried per the policy; the invalid events a 400 names
   * dead-lettered and the rest sent again (not a retry); a 413 split in halves; whatever is left
   * after the last retry dead-lettered.
   */
  async send(batch: Entry[]): Promise<void> {
    const o = this.#o
    let group = batch
    this.#outstanding.add(group)
    const replace = (next: Entry[]) => {
      this.#outstanding.delete(group)
      group = next
      if (next.length > 0) this.#outstanding.add(next)
    }
    let attempts = 0
    let retries = 0
    try {
      while (group.length > 0) {
        if (this.#abandoned) {
          await this.deadLetter(group, { reason: () => 'not delivered before close() timed out', attempts })
          replace([])
          break
        }
        if (attempts === 0) o.stats.batchSent()
        attempts++
        const controller = new AbortController()
        this.#controllers.add(controller)
        const started = performance.now()
        try {
          const result = await sendGroup(o.transport, group, controller.signal)
          const { persisted, duplicates } = deliveredCounts(result, group.length)
          o.metrics.send(result.status, (performance.now() - started) / 1000)
          this.#settle('persisted', persisted)
          this.#settle('duplicates', duplicates)
          o.log.debug({ events: group.length, attempts, result }, 'audit batch delivered')
          replace([])
          o.settled()
          break
        } catch (error) {
          const retryable = o.policy.isRetryable(error)
          o.metrics.send(
            error instanceof HttpError ? (retryable ? 'retryable' : 'rejected') : 'error',
            (performance.now() - started) / 1000,
          )
          if (this.#abandoned) continue
          const invalid =
            error instanceof HttpError && error.status === 400
              ? invalidIndexes(error.problem, group.length)
              : undefined
          if (invalid) {
            const badIndexes = [...invalid.keys()].sort((a, b) => a - b)
            const bad = badIndexes.map((i) => group[i]!)
            const rest = group.filter((_, i) => !invalid.has(i))
            o.log.warn(
              { invalid: bad.length, resent: rest.length },
              'audit batch: service refused some events',
            )
            replace(rest)
            await this.deadLetter(bad, {
              reason: (i) =>
                `rejected by the service: ${describeInvalidFields(invalid.get(badIndexes[i]!)!)}`,
              attempts,
              cause: error,
            })
            continue
          }
          if (error instanceof HttpError && error.status === 413 && group.length > 1) {
            const half = Math.ceil(group.length / 2)
            const second = group.slice(half)
            o.log.warn({ events: group.length }, 'audit batch too large: split in halves')
            replace(group.slice(0, half))
            this.#outstanding.add(second)
            await this.send(second)
            attempts = 0
            retries = 0
            continue
          }
          const decision = o.policy.decide(error, retries)
          if (!decision.retry) {
            const tries = `${attempts} attempt${attempts > 1 ? 's' : ''}`
            const reason = `${describe(error, { withCause: true })} (${tries}; ${decision.reason})`
            o.log.warn({ events: group.length, err: error, attempts }, 'audit batch not delivered')
            await this.deadLetter(group, { reason: () => reason, attempts, cause: error })
            replace([])
            break
          }
          retries++
          o.stats.retried()
          o.metrics.retry()
          o.log.warn(
            { events: group.length, err: error, attempt: attempts, delayMs: decision.delayMs },
            'audit batch send failed; retrying',
          )
          await this.#sleep(decision.delayMs)
        } finally {
          this.#controllers.delete(controller)
        }
      }
    } finally {
      this.#outstanding.delete(group)
    }
  }

  /** Writes `entries` to the DLQ, or counts them failed (reported with the events) when it cannot. */
  async deadLetter(entries: readonly Entry[], why: DeadLetterReason): Promise<void> {
    const o = this.#o
    const { reason, attempts, cause } = why
    if (entries.length === 0) return
    this.#outstanding.add(entries)
    try {
      const dlq = o.deadLetter
      if (!dlq) {
        this.#fail(entries, reason(0), cause)
        return
      }
      const enqueuedAt = new Date(o.clock.now()).toISOString()
      const messages: DeadLetterMessage[] = entries.map((e, i) => ({
        event: eventOf(e),
        source: 'client',
        service: o.service,
        reason: reason(i),
        attempts,
        enqueuedAt,
      }))
      try {
        await dlq.write(messages)
      } catch (thrown) {
        o.metrics.dlqWrite('error')
        const error =
          thrown instanceof DeadLetterWriteError
            ? thrown
            : new DeadLetterWriteError(
                `dead-letter queue ${dlq.name} failed: ${describe(thrown, { withCause: true })}`,
                {
                  cause: thrown,
                },
              )
        this.#fail(entries, `${reason(0)}; then ${error.message}`, error)
        return
      }
      o.metrics.dlqWrite('ok')
      this.#settle('deadLettered', entries.length)
      o.log.warn({ events: entries.length, dlq: dlq.name, reason: reason(0) }, 'audit events dead-lettered')
      o.deadLettered(
        entries.length,
        `${entries.length} audit event(s) dead-lettered to ${dlq.name}: ${reason(0)}`,
      )
    } finally {
      this.#outstanding.delete(entries)
      why.onSettled?.()
      o.settled()
    }
  }

  #settle(state: TerminalState, n: number): void {
    this.#o.stats.settle(state, n)
    this.#o.metrics.events(STATE_LABEL[state], n)
  }

  /** The last resort: counted `failed`; the events themselves go to the ERROR log and `onError`. */
  #fail(entries: readonly Entry[], reason: string, cause: unknown): void {
    const events = entries.map(eventOf)
    this.#settle('failed', entries.length)
    this.#o.log.error({ events, reason, err: cause }, `audit events lost from the pipeline: ${reason}`)
    const message = `${entries.length} audit event(s) neither delivered nor dead-lettered: ${reason}`
    this.#o.report(new DeliveryFailedError(message, events, { cause }))
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleep: Sleep = {
        timer: this.#o.clock.setTimeout(() => sleep.wake(), ms),
        wake: () => {
          this.#o.clock.clearTimeout(sleep.timer)
          this.#sleeps.delete(sleep)
          resolve()
        },
      }
      // A retry nobody awaits must not hold the process; one that a flush() or close() awaits must.
      if (!this.#o.awaited()) unref(sleep.timer)
      this.#sleeps.add(sleep)
    })
  }
}
