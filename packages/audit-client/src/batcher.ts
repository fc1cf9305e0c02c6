import { RingBuffer } from './buffer.js'
import { type Clock, type TimerHandle, unref } from './clock.js'

/** An item the batcher orders; `seq` grows by one per emitted event. */
export interface Sequenced {
  readonly seq: number
}

/** Options of {@link Batcher}. */
export interface BatcherOptions<T> {
  /** Events the queue holds at most. */
  capacity: number
  batchSize: number
  flushIntervalMs: number
  clock: Clock
  /** Whether a batch may be sent now (a free send slot). */
  canSend: () => boolean
  /** Takes a batch cut from the queue, oldest first, at most `batchSize` long. */
  send: (batch: T[]) => void
}

/**
 * Cuts the queue into batches and decides when each goes, on the model of OpenTelemetry's
 * BatchSpanProcessorBase: a full batch goes at once; otherwise one `unref()`'d timer, armed when
 * the first event enters an empty queue and never pushed back by later events, makes a partial
 * batch go at most `flushIntervalMs` after its oldest event. So the timer fires on schedule at any
 * event rate (the system this replaced had a timer that could lose to the event stream and starve:
 * docs/architecture.md#bugs-of-the-system-this-replaces-and-what-prevents-each).
 * When no send slot is free as the timer fires, the queue stays "due" and goes as soon as a slot
 * frees. `pump(drainUpTo)` also sends partial batches at once while the queue head has a sequence
 * number at or below `drainUpTo` (a waiting `flush()`, or `Infinity` while closing).
 */
export class Batcher<T extends Sequenced> {
  readonly #queue: RingBuffer<T>
  readonly #o: BatcherOptions<T>
  #timer: TimerHandle | undefined
  #due = false

  constructor(options: BatcherOptions<T>) {
    this.#o = options
    this.#queue = new RingBuffer<T>(options.capacity)
  }

  /** Sequence number of the oldest queued item, or `undefined` when empty. */
  headSeq(): number | undefined {
    return this.#queue.peek()?.seq
  }

  /** Items queued. */
  get length(): number {
    return this.#queue.length
  }

  /**
   * The next whole batch of queued items after the one with sequence number `after`, if there is
   * one that a send will take whole: `batchSize` items starting at a multiple of `batchSize` from
   * the head (the queue sends full batches from the head whenever it holds one, so such a run stays
   * one batch). Left in the queue.
   */
  wholeBatchAfter(after: number): T[] | undefined {
    const { batchSize } = this.#o
    // The first item past `after`: sequence numbers grow along the queue.
    let lo = 0
    let hi = this.#queue.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.#queue.at(mid)!.seq <= after) lo = mid + 1
      else hi = mid
    }
    if (lo % batchSize !== 0 || this.#queue.length - lo < batchSize) return undefined
    return Array.from({ length: batchSize }, (_, i) => this.#queue.at(lo + i)!)
  }

  /**
   * Queues `item` and sends what is due. The caller admits an item only while the queue has room
   * (the client's `bufferSize` bound); an item pushed onto a full queue is not stored.
   */
  push(item: T, drainUpTo = 0): void {
    if (!this.#queue.push(item)) return
    this.pump(drainUpTo)
  }

  /** Sends every batch that is due while send slots are free, then (re)arms the timer. */
  pump(drainUpTo = 0): void {
    const { batchSize, canSend, send } = this.#o
    while (this.#queue.length > 0 && canSend()) {
      const partialAllowed = this.#due || this.#queue.peek()!.seq <= drainUpTo
      if (this.#queue.length < batchSize && !partialAllowed) break
      send(this.#queue.take(batchSize))
    }
    if (this.#queue.length === 0) {
      this.#due = false
      this.#clearTimer()
    } else if (this.#timer === undefined && !this.#due) {
      this.#timer = unref(
        this.#o.clock.setTimeout(() => {
          this.#timer = undefined
          this.#due = true
          this.pump()
        }, this.#o.flushIntervalMs),
      )
    }
  }

  /** Clears the timer; the queue is left as it is. */
  stop(): void {
    this.#due = false
    this.#clearTimer()
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) {
      this.#o.clock.clearTimeout(this.#timer)
      this.#timer = undefined
    }
  }
}
