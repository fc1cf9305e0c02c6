import { describe, expect, it, vi } from 'vitest'
import { Batcher } from '../src/batcher.js'
import { RingBuffer } from '../src/buffer.js'
import { systemClock } from '../src/clock.js'
import { statsReconcile } from '../src/stats.js'

describe('RingBuffer', () => {
  it('is a bounded FIFO that wraps around', () => {
    const ring = new RingBuffer<number>(3)
    expect(ring.push(1) && ring.push(2) && ring.push(3)).toBe(true)
    expect(ring.length).toBe(ring.capacity)
    expect(ring.push(4)).toBe(false)
    expect(ring.take(2)).toEqual([1, 2])
    expect(ring.push(4)).toBe(true)
    expect(ring.push(5)).toBe(true)
    expect(ring.peek()).toBe(3)
    expect(ring.take(10)).toEqual([3, 4, 5])
    expect(ring.length).toBe(0)
    expect(ring.peek()).toBeUndefined()
    expect(ring.take(-1)).toEqual([])
  })

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError)
    expect(() => new RingBuffer(1.5)).toThrow(RangeError)
  })
})

describe('Batcher', () => {
  it('arms one timer per empty→non-empty queue, never pushed back by later items', () => {
    vi.useFakeTimers()
    try {
      const sent: number[][] = []
      const batcher = new Batcher<{ seq: number }>({
        capacity: 10,
        batchSize: 5,
        flushIntervalMs: 100,
        clock: systemClock,
        canSend: () => true,
        send: (b) => sent.push(b.map((x) => x.seq)),
      })
      for (let seq = 1; seq <= 3; seq++) {
        batcher.push({ seq })
        vi.advanceTimersByTime(40)
        expect(vi.getTimerCount()).toBe(seq < 3 ? 1 : 0)
      }
      // Armed at t=0 by seq 1; fired at t=100 (during the third advance) with seqs 1..3.
      expect(sent).toEqual([[1, 2, 3]])
      expect(batcher.headSeq()).toBeUndefined()
      // The queue is empty again: the next item arms a new timer, which sends it on schedule.
      batcher.push({ seq: 4 })
      expect(batcher.headSeq()).toBe(4)
      expect(vi.getTimerCount()).toBe(1)
      vi.advanceTimersByTime(99)
      expect(sent).toEqual([[1, 2, 3]])
      vi.advanceTimersByTime(1)
      expect(sent).toEqual([[1, 2, 3], [4]])
      expect(batcher.headSeq()).toBeUndefined()
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('stays due when the timer fires with no free slot, and sends as soon as one frees', () => {
    vi.useFakeTimers()
    try {
      let free = false
      const sent: number[][] = []
      const batcher = new Batcher<{ seq: number }>({
        capacity: 10,
        batchSize: 5,
        flushIntervalMs: 100,
        clock: systemClock,
        canSend: () => free,
        send: (b) => sent.push(b.map((x) => x.seq)),
      })
      batcher.push({ seq: 1 })
      vi.advanceTimersByTime(100)
      expect(sent).toEqual([])
      expect(vi.getTimerCount()).toBe(0) // due: no new timer, no second wait
      free = true
      batcher.pump()
      expect(sent).toEqual([[1]])
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('statsReconcile', () => {
  it('checks the invariant', () => {
    const s = {
      emitted: 3,
      persisted: 1,
      duplicates: 0,
      deadLettered: 1,
      failed: 0,
      refused: 9,
      pending: 1,
      retries: 0,
      batches: 1,
    }
    expect(statsReconcile(s)).toBe(true)
    expect(statsReconcile({ ...s, pending: 0 })).toBe(false)
  })
})
