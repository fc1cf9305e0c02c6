import type { DeadLetterMessage } from '@audit-trail/datastorage-client'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuditClient, Clock, DeadLetterQueue } from '../src/index.js'
import { settle, useHarness, validEvent } from './helpers/harness.js'

/** Tracks whether a promise has settled, without awaiting it. */
function watch(promise: Promise<unknown>): { readonly done: boolean } {
  const state = { done: false }
  void promise.then(() => {
    state.done = true
  })
  return state
}

/** The fake-timer clock, remembering each timer it arms with its delay. */
function recordingClock(): Clock & { armed: { ms: number; timer: ReturnType<typeof setTimeout> }[] } {
  const armed: { ms: number; timer: ReturnType<typeof setTimeout> }[] = []
  return {
    armed,
    now: () => Date.now(),
    setTimeout: (callback, ms) => {
      const timer = setTimeout(callback, ms)
      armed.push({ ms, timer })
      return timer
    },
    clearTimeout: (timer) => clearTimeout(timer),
  }
}

/** A dead-letter queue whose writes wait until the test lets them through, one at a time. */
class GatedDeadLetterQueue implements DeadLetterQueue {
  readonly name = 'gated'
  readonly messages: DeadLetterMessage[] = []
  readonly #waiting: (() => void)[] = []
  #open = false

  get waiting(): number {
    return this.#waiting.length
  }

  // Not async: the write settles exactly when let through, with no extra turn of the queue.
  write(messages: readonly DeadLetterMessage[]): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(() => {
        this.messages.push(...messages)
        resolve()
      })
      if (this.#open) this.release()
    })
  }

  /** Lets the oldest waiting write through. */
  release(): void {
    this.#waiting.shift()?.()
  }

  /** Lets every write through from now on (so that close() after a failed test cannot hang). */
  open(): void {
    this.#open = true
    while (this.#waiting.length > 0) this.release()
  }

  async close(): Promise<void> {}
}

const retryAfter = (seconds: number) =>
  ({ kind: 'status', status: 503, headers: { 'retry-after': String(seconds) } }) as const

// flush() resolves once every event emitted before it is settled. Batches settle out of order, so
// what is still unsettled is the lowest sequence number over everything in flight, whichever batch
// went first or last.
describe('flush() with several batches unsettled', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('waits for an older batch still retrying while a newer one is delivered', async () => {
    h.server.fail(retryAfter(1), retryAfter(1))
    const client = h.client({ batchSize: 1, concurrency: 3 })
    const first = client.emit(validEvent(1))
    const flushed = watch(client.flush())
    client.emit(validEvent(2))
    client.emit(validEvent(3))
    await settle()
    // Event 3 is stored; events 1 and 2 wait for their retry.
    expect(client.stats()).toMatchObject({ persisted: 1, pending: 2 })
    expect(flushed.done).toBe(false)
    await vi.advanceTimersByTimeAsync(1000)
    await settle()
    expect(flushed.done).toBe(true)
    expect(h.server.rows.has(first)).toBe(true)
  })

  it('waits for the first half of a split batch that is sent after a newer batch', async () => {
    h.server.fail(
      { kind: 'status', status: 413 }, // events 1–2: split; the second half goes first
      retryAfter(1), // events 3–4
      { kind: 'accepted' }, // event 2
      retryAfter(1), // event 1
    )
    const client = h.client({ batchSize: 2, concurrency: 2 })
    const ids = [client.emit(validEvent(1)), client.emit(validEvent(2))]
    const flushed = watch(client.flush())
    client.emit(validEvent(3))
    client.emit(validEvent(4))
    await settle()
    expect(h.server.requests.map((r) => [r.events.length, r.status])).toEqual([
      [2, 413],
      [2, 503],
      [1, 202],
      [1, 503],
    ])
    // Event 2 is settled; event 1 is not, whatever else is in flight.
    expect(client.stats()).toMatchObject({ persisted: 1, pending: 3 })
    expect(flushed.done).toBe(false)
    await vi.advanceTimersByTimeAsync(1000)
    await settle()
    expect(flushed.done).toBe(true)
    expect(h.server.rows.has(ids[0]!)).toBe(true)
    expect(client.stats()).toMatchObject({ persisted: 4, pending: 0 })
  })

  it('waits for overflow events from the moment they are emitted, not from their DLQ write', async () => {
    const dlq = new GatedDeadLetterQueue()
    h.server.fail({ kind: 'status', status: 422 })
    const client = h.client({ bufferSize: 1, batchSize: 1, deadLetter: dlq })
    try {
      client.emit(validEvent(1)) // refused by the service: dead-lettered, its write held
      await settle()
      expect(dlq.waiting).toBe(1)
      // Event 1's write completes while event 2 enters the full buffer as overflow.
      dlq.release()
      client.emit(validEvent(2))
      const flushed = watch(client.flush())
      await settle()
      expect(dlq.messages).toHaveLength(1)
      expect(dlq.waiting).toBe(1) // event 2's write
      expect(flushed.done).toBe(false)
      dlq.release()
      await settle()
      expect(flushed.done).toBe(true)
      expect(client.stats()).toMatchObject({ deadLettered: 2, pending: 0 })
    } finally {
      dlq.open()
    }
  })
})

// docs/architecture.md#3-delivery-with-retries-client: "A retry delay that no flush() or close()
// waits for does not keep the process alive."
describe('a retry delay and the process', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  /** The timer of the 7 s retry delay (Retry-After: 7) among those the client armed. */
  const retryTimer = (clock: ReturnType<typeof recordingClock>) => {
    const timers = clock.armed.filter((t) => t.ms === 7000)
    expect(timers).toHaveLength(1)
    return timers[0]!.timer
  }

  it.each([
    ['flush()', (client: AuditClient) => client.flush()],
    ['close()', (client: AuditClient) => client.close()],
  ])(
    'does not hold the process while nobody awaits delivery, and does once %s awaits it',
    async (_, awaitDelivery) => {
      h.server.fail(retryAfter(7))
      const clock = recordingClock()
      const client = h.client({ batchSize: 1, clock })
      client.emit(validEvent(1))
      await settle()
      const timer = retryTimer(clock)
      expect(timer.hasRef()).toBe(false)
      const awaiting = awaitDelivery(client)
      expect(timer.hasRef()).toBe(true)
      await vi.advanceTimersByTimeAsync(7000)
      await awaiting
      expect(client.stats()).toMatchObject({ persisted: 1, retries: 1, pending: 0 })
    },
  )

  it('holds the process from the start when a flush() already awaits delivery', async () => {
    h.server.fail(retryAfter(7))
    const clock = recordingClock()
    const client = h.client({ batchSize: 1, clock })
    client.emit(validEvent(1))
    const flushing = client.flush()
    await settle()
    expect(retryTimer(clock).hasRef()).toBe(true)
    await vi.advanceTimersByTimeAsync(7000)
    await flushing
  })
})
