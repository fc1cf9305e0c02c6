import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ClientClosedError } from '../src/index.js'
import { MemoryDeadLetterQueue, settle, useHarness, validEvent } from './helpers/harness.js'

describe('close()', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('sends what is buffered, without waiting for the timer', async () => {
    const client = h.client({ batchSize: 100, flushIntervalMs: 60_000 })
    for (let i = 0; i < 250; i++) client.emit(validEvent(i))
    const stats = await client.close()
    expect(stats).toMatchObject({ emitted: 250, persisted: 250, pending: 0, batches: 3 })
    expect(h.server.storedCount).toBe(250)
  })

  it('waits for in-flight sends and their retries', async () => {
    h.server.fail({ kind: 'status', status: 503 }, { kind: 'network' })
    const client = h.client({ batchSize: 10, retryBaseMs: 1000, retryMaxMs: 1000, random: () => 0.999 })
    for (let i = 0; i < 10; i++) client.emit(validEvent(i))
    await settle()
    let closed = false
    const closing = client.close().then((s) => {
      closed = true
      return s
    })
    await vi.advanceTimersByTimeAsync(998)
    expect(closed).toBe(false)
    await vi.advanceTimersByTimeAsync(1000)
    const stats = await closing
    expect(stats).toMatchObject({ persisted: 10, retries: 2, pending: 0 })
    expect(h.server.requests).toHaveLength(3)
  })

  it('dead-letters what it could not send within timeoutMs, aborting the request in flight', async () => {
    h.server.defaultFault = { kind: 'hang' }
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({
      batchSize: 10,
      concurrency: 1,
      deadLetter: dlq,
      requestTimeoutMs: 60_000,
      flushIntervalMs: 60_000,
    })
    for (let i = 0; i < 25; i++) client.emit(validEvent(i))
    await settle()
    const closing = client.close({ timeoutMs: 5000 })
    await vi.advanceTimersByTimeAsync(4999)
    expect(dlq.messages).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    const stats = await closing
    expect(stats).toMatchObject({ emitted: 25, deadLettered: 25, pending: 0 })
    expect(h.server.requests[0]!.status).toBe('aborted')
    expect(new Set(dlq.messages.map((m) => m.reason))).toEqual(
      new Set(['not delivered before close() timed out']),
    )
    expect(dlq.closed).toBe(true)
  })

  it('cuts a retry delay short at the deadline and dead-letters the batch', async () => {
    h.server.defaultFault = { kind: 'status', status: 503, headers: { 'retry-after': '20' } }
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 1, deadLetter: dlq })
    client.emit(validEvent(1))
    await settle()
    const closing = client.close({ timeoutMs: 1000 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(await closing).toMatchObject({ deadLettered: 1, retries: 1, pending: 0 })
    expect(dlq.messages[0]!.attempts).toBe(1)
  })

  it('is idempotent and refuses events afterwards with ClientClosedError', async () => {
    const client = h.client()
    client.emit(validEvent(1))
    const first = client.close()
    const second = client.close()
    expect(second).toBe(first)
    expect(() => client.emit(validEvent(2))).toThrow(ClientClosedError)
    const stats = await first
    expect(stats).toMatchObject({ emitted: 1, persisted: 1, refused: 1 })
    expect(() => client.emit(validEvent(3))).toThrow(ClientClosedError)
    expect(client.stats().refused).toBe(2)
    await expect(client.flush()).resolves.toBeUndefined()
    expect(await client.close()).toMatchObject({ emitted: 1 })
  })

  it('stops every timer', async () => {
    const client = h.client({ flushIntervalMs: 1000, batchSize: 100 })
    client.emit(validEvent(1))
    expect(vi.getTimerCount()).toBe(1)
    await client.close()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('reports a DLQ that fails to close to onError', async () => {
    const dlq = new MemoryDeadLetterQueue()
    dlq.close = async () => {
      throw new Error('redis quit failed')
    }
    const client = h.client({ deadLetter: dlq })
    await client.close()
    expect(h.errors.map((e) => e.message)).toEqual([expect.stringContaining('redis quit failed')])
  })
})
