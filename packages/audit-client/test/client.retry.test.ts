import { Writable } from 'node:stream'
import { pino } from 'pino'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DeadLetterWriteError, DeliveryFailedError, HttpError } from '../src/index.js'
import { MemoryDeadLetterQueue, settle, useHarness, validEvent } from './helpers/harness.js'

/** Times (ms since `start`) at which the fake server saw each request. */
function requestTimes(h: ReturnType<typeof useHarness>, start: number): number[] {
  return h.server.requests.map((r) => r.at - start)
}

describe('retries', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('waits real, growing delays between attempts (full jitter on the fake clock)', async () => {
    h.server.fail(...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 503 })))
    const dlq = new MemoryDeadLetterQueue()
    // random() = 0.999…: the delay is just under the exponential ceiling, 100·2^n ms.
    const client = h.client({
      maxRetries: 3,
      retryBaseMs: 100,
      retryMaxMs: 10_000,
      random: () => 0.999,
      batchSize: 1,
      deadLetter: dlq,
    })
    const start = Date.now()
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(5000)
    expect(requestTimes(h, start)).toEqual([0, 99, 99 + 199, 99 + 199 + 399])
    expect(client.stats()).toMatchObject({ retries: 3, deadLettered: 1, batches: 1 })
    expect(dlq.messages[0]).toMatchObject({ attempts: 4, source: 'client', service: 'test-service' })
    expect(dlq.messages[0]!.reason).toMatch(/503/)
  })

  it('caps each delay at retryMaxMs and uses the injected random source', async () => {
    h.server.fail(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 500 })))
    const random = vi.fn(() => 0.999)
    const client = h.client({ retryBaseMs: 1000, retryMaxMs: 1500, random, batchSize: 1 })
    const start = Date.now()
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(requestTimes(h, start)).toEqual([0, 999, 999 + 1498, 999 + 1498 + 1498])
    expect(random).toHaveBeenCalledTimes(3)
    expect(client.stats()).toMatchObject({ persisted: 1, retries: 3 })
  })

  it.each([
    ['500', { kind: 'status', status: 500 }],
    ['502', { kind: 'status', status: 502 }],
    ['503', { kind: 'status', status: 503 }],
    ['408', { kind: 'status', status: 408 }],
    ['429', { kind: 'status', status: 429 }],
    ['a network error', { kind: 'network' }],
  ] as const)('retries %s', async (_, fault) => {
    h.server.fail(fault)
    const client = h.client({ batchSize: 1, retryBaseMs: 10, retryMaxMs: 10 })
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(100)
    expect(h.server.requests).toHaveLength(2)
    expect(client.stats()).toMatchObject({ persisted: 1, retries: 1, deadLettered: 0, failed: 0 })
  })

  it('retries a request that timed out (requestTimeoutMs, AbortSignal)', async () => {
    h.server.fail({ kind: 'hang' })
    const client = h.client({ batchSize: 1, requestTimeoutMs: 2000, retryBaseMs: 10, retryMaxMs: 10 })
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(1999)
    expect(h.server.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(h.server.requests[0]!.status).toBe('aborted')
    await vi.advanceTimersByTimeAsync(10)
    await settle()
    expect(h.server.requests).toHaveLength(2)
    expect(client.stats()).toMatchObject({ persisted: 1, retries: 1 })
  })

  it.each([400, 401, 403, 404, 409, 415, 422])(
    'never retries a %i: dead-letters the batch at once',
    async (status) => {
      h.server.fail({ kind: 'status', status })
      const dlq = new MemoryDeadLetterQueue()
      const client = h.client({ batchSize: 2, deadLetter: dlq })
      client.emit(validEvent(1))
      client.emit(validEvent(2))
      await vi.advanceTimersByTimeAsync(60_000)
      expect(h.server.requests).toHaveLength(1)
      expect(client.stats()).toMatchObject({ retries: 0, deadLettered: 2, persisted: 0 })
      expect(dlq.messages[0]).toMatchObject({ attempts: 1 })
      expect(dlq.messages[0]!.reason).toContain(String(status))
    },
  )

  it('honours Retry-After in seconds', async () => {
    h.server.fail({ kind: 'status', status: 429, headers: { 'retry-after': '7' } })
    const client = h.client({ batchSize: 1, retryBaseMs: 10, retryMaxMs: 30_000 })
    const start = Date.now()
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(6999)
    expect(h.server.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(requestTimes(h, start)).toEqual([0, 7000])
  })

  it('honours Retry-After as an HTTP date, capped at retryMaxMs', async () => {
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString()
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString()
    h.server.fail(
      { kind: 'status', status: 503, headers: { 'retry-after': inTwoSeconds } },
      { kind: 'status', status: 503, headers: { 'retry-after': inAnHour } },
    )
    const client = h.client({ batchSize: 1, retryBaseMs: 10, retryMaxMs: 5000 })
    const start = Date.now()
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(10_000)
    const [first, second, third] = requestTimes(h, start)
    expect(first).toBe(0)
    // HTTP dates have whole seconds: up to 1 s early.
    expect(second).toBeGreaterThan(1000)
    expect(second).toBeLessThanOrEqual(2000)
    expect(third! - second!).toBe(5000)
  })

  it('dead-letters only the events a 400 names by index, with the reasons, and sends the rest again', async () => {
    h.server.fail({ kind: 'invalid', indexes: [3, 1] })
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 5, deadLetter: dlq })
    const ids = Array.from({ length: 5 }, (_, i) => client.emit(validEvent(i)))
    await settle()
    expect(h.server.requests.map((r) => r.events.length)).toEqual([5, 3])
    expect(dlq.ids()).toEqual([ids[1], ids[3]])
    expect(dlq.messages.map((m) => m.reason)).toEqual([
      'rejected by the service: event_data is bad at 1',
      'rejected by the service: event_data is bad at 3',
    ])
    expect([...h.server.rows.keys()].sort()).toEqual([ids[0], ids[2], ids[4]].sort())
    // Sending the valid rest again is not a retry of the same failure.
    expect(client.stats()).toMatchObject({ persisted: 3, deadLettered: 2, retries: 0, batches: 1 })
  })

  it('treats a 400 without usable indexes as a refusal of the whole batch', async () => {
    h.server.fail({
      kind: 'status',
      status: 400,
      body: { type: 'x', title: 'bad', status: 400, errors: [{ index: 9, field: 'a', message: 'b' }] },
    })
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 2, deadLetter: dlq })
    client.emit(validEvent(1))
    client.emit(validEvent(2))
    await settle()
    expect(client.stats()).toMatchObject({ deadLettered: 2, retries: 0 })
  })

  it('splits a batch the service finds too large (413) instead of dropping it', async () => {
    h.server.fail({ kind: 'status', status: 413 }, { kind: 'status', status: 413 })
    const client = h.client({ batchSize: 8 })
    for (let i = 0; i < 8; i++) client.emit(validEvent(i))
    await settle()
    // 8 → 413; second half of 4 → 413 → 2 + 2; then the first half of 4.
    expect(h.server.requests.map((r) => [r.events.length, r.status])).toEqual([
      [8, 413],
      [4, 413],
      [2, 201],
      [2, 201],
      [4, 201],
    ])
    expect(client.stats()).toMatchObject({ persisted: 8, retries: 0 })
  })

  it('counts a 202 (queued in the service DLQ) as persisted', async () => {
    h.server.fail({ kind: 'accepted' })
    const client = h.client({ batchSize: 2 })
    client.emit(validEvent(1))
    client.emit(validEvent(2))
    await settle()
    expect(client.stats()).toMatchObject({ persisted: 2, pending: 0 })
    expect(h.server.accepted.size).toBe(2)
  })

  it('counts events the service already had as duplicates (a retry after a lost answer)', async () => {
    h.server.fail({ kind: 'store-then-network' })
    const client = h.client({ batchSize: 3, retryBaseMs: 10, retryMaxMs: 10 })
    for (let i = 0; i < 3; i++) client.emit(validEvent(i))
    await vi.advanceTimersByTimeAsync(100)
    expect(client.stats()).toMatchObject({ persisted: 0, duplicates: 3, retries: 1, pending: 0 })
    expect(h.server.storedCount).toBe(3)
  })

  it('without a DLQ, events that exhaust retries are failed: onError and an ERROR log carry them', async () => {
    const lines: Record<string, unknown>[] = []
    const sink = new Writable({
      write(chunk, _, done) {
        lines.push(JSON.parse(String(chunk)))
        done()
      },
    })
    h.server.defaultFault = { kind: 'status', status: 503 }
    const client = h.client({
      batchSize: 2,
      maxRetries: 1,
      retryBaseMs: 10,
      retryMaxMs: 10,
      logger: pino(sink),
    })
    const ids = [client.emit(validEvent(1)), client.emit(validEvent(2))]
    await vi.advanceTimersByTimeAsync(100)
    expect(client.stats()).toMatchObject({ failed: 2, retries: 1, pending: 0 })
    const error = h.errors[0]
    expect(error).toBeInstanceOf(DeliveryFailedError)
    expect((error as DeliveryFailedError).events.map((e) => e.event_id)).toEqual(ids)
    expect((error as DeliveryFailedError).cause).toBeInstanceOf(HttpError)
    const errorLog = lines.find((l) => l.level === 50)
    expect(errorLog).toBeDefined()
    expect((errorLog!.events as { event_id: string }[]).map((e) => e.event_id)).toEqual(ids)
  })

  it('counts events failed when the DLQ write fails, and reports the DeadLetterWriteError', async () => {
    h.server.defaultFault = { kind: 'status', status: 422 }
    const dlq = new MemoryDeadLetterQueue()
    dlq.failing = true
    const client = h.client({ batchSize: 1, deadLetter: dlq })
    client.emit(validEvent(1))
    await settle()
    expect(client.stats()).toMatchObject({ failed: 1, deadLettered: 0, pending: 0 })
    expect(h.errors[0]).toBeInstanceOf(DeliveryFailedError)
    expect((h.errors[0] as DeliveryFailedError).cause).toBeInstanceOf(DeadLetterWriteError)
  })

  it('wraps a DLQ that rejects with a foreign error', async () => {
    h.server.defaultFault = { kind: 'status', status: 422 }
    const dlq = new MemoryDeadLetterQueue()
    dlq.write = async () => {
      throw new Error('disk full')
    }
    const client = h.client({ batchSize: 1, deadLetter: dlq })
    client.emit(validEvent(1))
    await settle()
    const cause = (h.errors[0] as DeliveryFailedError).cause as DeadLetterWriteError
    expect(cause).toBeInstanceOf(DeadLetterWriteError)
    expect(cause.message).toContain('disk full')
  })

  it('survives an onError that throws', async () => {
    h.server.defaultFault = { kind: 'status', status: 422 }
    const client = h.client({
      batchSize: 1,
      onError: () => {
        throw new Error('handler bug')
      },
    })
    client.emit(validEvent(1))
    await settle()
    expect(client.stats()).toMatchObject({ failed: 1, pending: 0 })
    client.emit(validEvent(2))
    await settle()
    expect(client.stats()).toMatchObject({ failed: 2, pending: 0 })
  })
})

describe('Bearer token', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('sends a static token', async () => {
    const client = h.client({ token: 's3cret', batchSize: 1 })
    client.emit(validEvent(1))
    await settle()
    expect(h.server.requests[0]!.authorization).toBe('Bearer s3cret')
  })

  it('fetches a token once, then again after a 401, and sends the batch once more', async () => {
    let n = 0
    const provider = vi.fn(async () => `token-${++n}`)
    h.server.requiredToken = 'token-1'
    const client = h.client({ token: provider, batchSize: 1 })
    client.emit(validEvent(1))
    await settle()
    client.emit(validEvent(2))
    await settle()
    expect(provider).toHaveBeenCalledTimes(1)
    h.server.requiredToken = 'token-2' // rotated on the server
    client.emit(validEvent(3))
    await settle()
    expect(provider).toHaveBeenCalledTimes(2)
    expect(h.server.requests.map((r) => [r.authorization, r.status])).toEqual([
      ['Bearer token-1', 201],
      ['Bearer token-1', 201],
      ['Bearer token-1', 401],
      ['Bearer token-2', 201],
    ])
    expect(client.stats()).toMatchObject({ persisted: 3, retries: 0 })
  })

  it('treats a second 401 as final (not retried)', async () => {
    const provider = vi.fn(async () => 'wrong')
    h.server.requiredToken = 'right'
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ token: provider, batchSize: 1, deadLetter: dlq })
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(h.server.requests).toHaveLength(2)
    expect(provider).toHaveBeenCalledTimes(2)
    expect(client.stats()).toMatchObject({ deadLettered: 1, retries: 0 })
    expect(dlq.messages[0]!.reason).toContain('401')
  })

  it('does not re-send a static token after a 401', async () => {
    h.server.requiredToken = 'right'
    const client = h.client({ token: 'wrong', batchSize: 1 })
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(h.server.requests).toHaveLength(1)
    expect(client.stats()).toMatchObject({ failed: 1 })
  })

  it('retries when the token provider fails', async () => {
    let calls = 0
    const client = h.client({
      token: async () => {
        if (++calls === 1) throw new Error('vault down')
        return 'ok'
      },
      batchSize: 1,
      retryBaseMs: 10,
      retryMaxMs: 10,
    })
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(100)
    expect(client.stats()).toMatchObject({ persisted: 1, retries: 1 })
    expect(h.server.requests.map((r) => r.authorization)).toEqual(['Bearer ok'])
  })
})
