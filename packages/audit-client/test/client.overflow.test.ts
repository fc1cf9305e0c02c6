import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BufferFullError, ClientClosedError } from '../src/index.js'
import { expectReconciled, MemoryDeadLetterQueue, settle, useHarness, validEvent } from './helpers/harness.js'

/** The replaced client's stress test: 500 events in a burst into a buffer of 100 (it lost 90% silently). */
const BURST = 500

describe('a full buffer', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it("onFull 'reject': every event of a 500-burst into bufferSize 100 is persisted or refused, none silently lost", async () => {
    h.server.fail({ kind: 'hang' }) // the first batch is slow: the buffer fills
    const client = h.client({ bufferSize: 100, batchSize: 50, requestTimeoutMs: 1000, retryBaseMs: 10 })
    const accepted: string[] = []
    let refused = 0
    for (let i = 0; i < BURST; i++) {
      try {
        accepted.push(client.emit(validEvent(i)))
      } catch (error) {
        expect(error).toBeInstanceOf(BufferFullError)
        refused++
      }
    }
    expect(accepted).toHaveLength(100)
    expect(refused).toBe(400)
    expect(client.stats()).toMatchObject({ emitted: 100, refused: 400, pending: 100 })
    await vi.advanceTimersByTimeAsync(2000)
    await client.flush()
    expect(client.stats()).toMatchObject({ emitted: 100, persisted: 100, refused: 400, pending: 0 })
    for (const id of accepted) expect(h.server.rows.has(id)).toBe(true)
  })

  it("onFull 'dead-letter' (the default with a DLQ): the overflow goes to the DLQ, the rest of a burst is refused", async () => {
    h.server.fail({ kind: 'hang' })
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ bufferSize: 100, batchSize: 50, deadLetter: dlq, requestTimeoutMs: 1000 })
    const accepted: string[] = []
    let refused = 0
    for (let i = 0; i < BURST; i++) {
      try {
        accepted.push(client.emit(validEvent(i)))
      } catch (error) {
        expect(error).toBeInstanceOf(BufferFullError)
        expect((error as BufferFullError).message).toContain('overflow is full too')
        refused++
      }
    }
    // 100 buffered + up to bufferSize (100) of overflow awaiting its DLQ write; the rest refused.
    expect(accepted).toHaveLength(200)
    expect(refused).toBe(300)
    await settle()
    expect(dlq.messages).toHaveLength(100)
    expect(dlq.writes).toBe(1) // one write for the whole burst
    await vi.advanceTimersByTimeAsync(2000)
    await client.flush()
    const stats = client.stats()
    expect(stats).toMatchObject({ emitted: 200, persisted: 100, deadLettered: 100, refused: 300, pending: 0 })
    for (const id of accepted) expect(h.server.rows.has(id) || dlq.ids().includes(id)).toBe(true)
  })

  it('overflow that the DLQ cannot take counts as failed and reaches onError', async () => {
    h.server.fail({ kind: 'hang' })
    const dlq = new MemoryDeadLetterQueue()
    dlq.failing = true
    const client = h.client({ bufferSize: 10, batchSize: 10, deadLetter: dlq, onFull: 'dead-letter' })
    for (let i = 0; i < 15; i++) client.emit(validEvent(i))
    await settle()
    expect(client.stats()).toMatchObject({ emitted: 15, failed: 5, pending: 10 })
    expect(h.errors).toHaveLength(1)
  })

  it("onFull 'reject' may be chosen with a DLQ", async () => {
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({
      bufferSize: 2,
      batchSize: 2,
      deadLetter: dlq,
      onFull: 'reject',
      flushIntervalMs: 10,
    })
    h.server.fail({ kind: 'hang' })
    client.emit(validEvent(1))
    client.emit(validEvent(2))
    expect(() => client.emit(validEvent(3))).toThrow(BufferFullError)
    expect(dlq.writes).toBe(0)
  })

  it('emitAsync waits for room instead (backpressure): the whole 500-burst is persisted', async () => {
    const client = h.client({ bufferSize: 100, batchSize: 50, flushIntervalMs: 100 })
    const ids = Array.from({ length: BURST }, (_, i) => client.emitAsync(validEvent(i)))
    expect(client.stats().emitted).toBe(100)
    await vi.advanceTimersByTimeAsync(1000)
    const resolved = await Promise.all(ids)
    await client.flush()
    expect(new Set(resolved).size).toBe(BURST)
    expect(client.stats()).toMatchObject({ emitted: BURST, persisted: BURST, refused: 0, pending: 0 })
    expect(h.server.storedCount).toBe(BURST)
  })

  it('emitAsync rejects invalid events and refuses waiters when the client closes', async () => {
    h.server.fail({ kind: 'hang' })
    const client = h.client({ bufferSize: 1, batchSize: 1 })
    await expect(client.emitAsync({} as never)).rejects.toThrow(/invalid audit event/)
    await client.emitAsync(validEvent(1))
    const waiting = client.emitAsync(validEvent(2))
    const closing = client.close({ timeoutMs: 100 })
    await expect(waiting).rejects.toBeInstanceOf(ClientClosedError)
    await expect(client.emitAsync(validEvent(3))).rejects.toBeInstanceOf(ClientClosedError)
    await vi.advanceTimersByTimeAsync(200)
    const stats = await closing
    expect(stats).toMatchObject({ emitted: 1, refused: 3, failed: 1, pending: 0 })
    expectReconciled(stats)
  })
})
