/**
 * A fixed-capacity FIFO over a preallocated ring: O(1) push and shift, no reallocation, so
 * memory stays bounded whatever the event rate. Slots are cleared on removal so that sent events
 * can be collected.
 */
export class RingBuffer<T> {
  readonly capacity: number
  #slots: (T | undefined)[]
  #head = 0
  #length = 0

  /** @throws {RangeError} when `capacity` is not a positive integer. */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`RingBuffer: capacity must be a positive integer, got ${capacity}`)
    }
    this.capacity = capacity
    this.#slots = new Array<T | undefined>(capacity)
  }

  get length(): number {
    return this.#length
  }

  /** Appends `item`; returns `false` (and stores nothing) when full. */
  push(item: T): boolean {
    if (this.#length === this.capacity) return false
    this.#slots[(this.#head + this.#length) % this.capacity] = item
    this.#length++
    return true
  }

  /** The oldest item, left in place. */
  peek(): T | undefined {
    return this.#length === 0 ? undefined : this.#slots[this.#head]
  }

  /** The item `i` places from the oldest (0 is the oldest), left in place. */
  at(i: number): T | undefined {
    return i < 0 || i >= this.#length ? undefined : this.#slots[(this.#head + i) % this.capacity]
  }

  /** Removes and returns up to `count` of the oldest items, oldest first. */
  take(count: number): T[] {
    const n = Math.min(Math.max(count, 0), this.#length)
    const out = new Array<T>(n)
    for (let i = 0; i < n; i++) {
      out[i] = this.#slots[this.#head] as T
      this.#slots[this.#head] = undefined
      this.#head = (this.#head + 1) % this.capacity
    }
    this.#length -= n
    if (this.#length === 0) this.#head = 0
    return out
  }
}
