import { beforeEach, describe, expect, it, vi } from 'vitest'
import { settle, useHarness, validEvent } from './helpers/harness.js'

describe('batching and the flush timer', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('sends a partial batch within flushIntervalMs of its first event, not before', async () => {
    const client = h.client({ batchSize: 100, flushIntervalMs: 1000 })
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(500)
    client.emit(validEvent(2))
    await vi.advanceTimersByTimeAsync(499)
    expect(h.server.requests).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(h.server.requests).toHaveLength(1)
    expect(h.server.requests[0]!.events).toHaveLength(2)
    expect(client.stats()).toMatchObject({ emitted: 2, persisted: 2, pending: 0, batches: 1 })
  })

  it('sends a full batch at once, without waiting for the timer', async () => {
    const client = h.client({ batchSize: 10, flushIntervalMs: 60_000 })
    for (let i = 0; i < 25; i++) client.emit(validEvent(i))
    await settle()
    // Two full batches went at once; the 5 left wait for the timer.
    expect(h.server.requests.map((r) => r.events.length)).toEqual([10, 10])
    expect(client.stats().pending).toBe(5)
    await vi.advanceTimersByTimeAsync(60_000)
    await settle()
    expect(h.server.requests.map((r) => r.events.length)).toEqual([10, 10, 5])
    expect(h.server.storedCount).toBe(25)
  })

  it('fires on schedule under a continuous event stream (no starvation)', async () => {
    // One event every 10 ms, for 5 s, with batchSize never reached: each batch must leave
    // 1000 ms after its first event, whatever the stream does.
    const client = h.client({ batchSize: 1000, flushIntervalMs: 1000 })
    const sentAt: number[] = []
    const start = Date.now()
    const originalFetch = h.server.fetch
    client.emit(validEvent(0))
    for (let t = 1; t <= 500; t++) {
      await vi.advanceTimersByTimeAsync(10)
      if (h.server.requests.length > sentAt.length) sentAt.push(Date.now() - start)
      client.emit(validEvent(t))
    }
    await settle()
    expect(originalFetch).toBe(h.server.fetch)
    expect(sentAt.length).toBeGreaterThanOrEqual(4)
    // First event at t=0 → sent at t=1000; each later batch ~1000 ms after its first event.
    expect(sentAt[0]).toBe(1000)
    for (let i = 1; i < sentAt.length; i++) {
      expect(sentAt[i]! - sentAt[i - 1]!).toBeGreaterThanOrEqual(1000)
      expect(sentAt[i]! - sentAt[i - 1]!).toBeLessThanOrEqual(1020)
    }
    // Every event that was sent waited at most flushIntervalMs.
    for (const r of h.server.requests) expect(r.events.length).toBeLessThanOrEqual(101)
  })

  it('keeps the batch order of events and sends each event once', async () => {
    const client = h.client({ batchSize: 7, flushIntervalMs: 50 })
    const ids: string[] = []
    for (let i = 0; i < 30; i++) ids.push(client.emit(validEvent(i)))
    await vi.advanceTimersByTimeAsync(100)
    await settle()
    const sent = h.server.requests.flatMap((r) => r.events.map((e) => e.event_id))
    expect(sent.sort()).toEqual([...ids].sort())
    expect(h.server.duplicates).toBe(0)
  })
})
