import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FlushTimeoutError } from '../src/index.js'
import { MemoryDeadLetterQueue, settle, useHarness, validEvent } from './helpers/harness.js'

describe('flush()', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('drains the whole buffer, not just the current batch (12 × 87 events)', async () => {
    // The replaced client's bug: Flush() wrote only the batch being assembled and ignored the rest of
    // the buffer (docs/architecture.md#bugs-of-the-system-this-replaces-and-what-prevents-each).
    const clients = Array.from({ length: 12 }, () => h.client({ batchSize: 50, flushIntervalMs: 60_000 }))
    const ids = new Set<string>()
    for (let spec = 0; spec < 87; spec++) {
      for (const client of clients) ids.add(client.emit(validEvent(spec)))
    }
    expect(ids.size).toBe(12 * 87)
    // 87 = 50 + 37 per client: the full batch of 50 went; 37 wait behind a one-minute timer.
    await Promise.all(clients.map((c) => c.flush()))
    for (const id of ids) expect(h.server.rows.has(id)).toBe(true)
    expect(h.server.storedCount).toBe(12 * 87)
    for (const client of clients)
      expect(client.stats()).toMatchObject({ emitted: 87, persisted: 87, pending: 0 })
    // No time passed: flush did not wait for the timer.
    expect(vi.getTimerCount()).toBe(0)
  })

  it('resolves at once when nothing is pending', async () => {
    const client = h.client()
    await expect(client.flush()).resolves.toBeUndefined()
    expect(h.server.requests).toHaveLength(0)
  })

  it('waits for retries of the events emitted before it, until they reach a terminal state', async () => {
    h.server.fail({ kind: 'status', status: 503 }, { kind: 'status', status: 503 })
    const client = h.client({ retryBaseMs: 100, retryMaxMs: 1000, random: () => 0.99 })
    client.emit(validEvent(1))
    let done = false
    const flushing = client.flush().then(() => {
      done = true
    })
    await settle()
    expect(done).toBe(false)
    expect(h.server.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(99) // first retry after 0.99 × 100 ms
    expect(h.server.requests).toHaveLength(2)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(198) // second retry after 0.99 × 200 ms
    await flushing
    expect(done).toBe(true)
    expect(client.stats()).toMatchObject({ persisted: 1, retries: 2, pending: 0 })
  })

  it('does not wait for events emitted after the call', async () => {
    h.server.fail({ kind: 'status', status: 503 })
    const client = h.client({ batchSize: 10, flushIntervalMs: 60_000, random: () => 0.5 })
    client.emit(validEvent(1))
    let flushed = false
    const flushing = client.flush().then(() => {
      flushed = true
    })
    client.emit(validEvent(2))
    await vi.advanceTimersByTimeAsync(1000) // the retry of event 1 goes after 500 ms
    await flushing
    expect(flushed).toBe(true)
    // Event 2 was not part of the flush: it still waits for its timer.
    expect(client.stats()).toMatchObject({ persisted: 1, pending: 1 })
    expect(h.server.requests.map((r) => r.events.length)).toEqual([1, 1])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(client.stats()).toMatchObject({ persisted: 2, pending: 0 })
  })

  it('rejects with FlushTimeoutError after timeoutMs, and delivery goes on', async () => {
    h.server.fail({ kind: 'status', status: 503, headers: { 'retry-after': '5' } })
    const client = h.client()
    client.emit(validEvent(1))
    const flushing = client.flush({ timeoutMs: 1000 })
    const outcome = expect(flushing).rejects.toBeInstanceOf(FlushTimeoutError)
    await vi.advanceTimersByTimeAsync(1000)
    await outcome
    expect(client.stats().pending).toBe(1)
    await vi.advanceTimersByTimeAsync(4000)
    await settle()
    expect(client.stats()).toMatchObject({ persisted: 1, pending: 0 })
  })

  it('covers events being dead-lettered from the overflow', async () => {
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ bufferSize: 2, batchSize: 2, deadLetter: dlq, flushIntervalMs: 60_000 })
    h.server.fail({ kind: 'hang' })
    for (let i = 0; i < 4; i++) client.emit(validEvent(i))
    // Two in flight (hanging until the 10 s request timeout), two dead-lettered as overflow.
    const flushing = client.flush()
    await settle()
    expect(dlq.ids()).toHaveLength(2)
    expect(client.stats().pending).toBe(2)
    await vi.advanceTimersByTimeAsync(11_000)
    await flushing
    expect(client.stats()).toMatchObject({ persisted: 2, deadLettered: 2, pending: 0, retries: 1 })
    expect(dlq.messages.map((m) => m.reason)).toEqual([
      'buffer full (bufferSize 2)',
      'buffer full (bufferSize 2)',
    ])
  })
})
