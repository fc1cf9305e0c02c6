import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ClientClosedError, DeadLetterWriteError, DeliveryFailedError } from '../src/index.js'
import type { Fault } from './helpers/fake-datastorage.js'
import { MemoryDeadLetterQueue, settle, useHarness, validEvent } from './helpers/harness.js'

const BATCH_PATH = '/api/v1/audit/events/batch'

/** A 400 problem whose `errors` are given as is. */
const problem400 = (errors: unknown): Fault => ({
  kind: 'status',
  status: 400,
  body: {
    type: 'https://audit-trail.dev/problems/validation-error',
    title: 'Invalid events',
    status: 400,
    errors,
  },
})

describe('what a dead-lettered or failed event says', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('records the error, the attempts (singular for one) and why delivery stopped', async () => {
    h.server.fail({ kind: 'status', status: 422 })
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 1, deadLetter: dlq })
    client.emit(validEvent(1))
    await settle()
    expect(dlq.messages.map((m) => [m.reason, m.attempts])).toEqual([
      [`422 from ${BATCH_PATH}: fault (1 attempt; not retryable)`, 1],
    ])
  })

  it('counts attempts in the plural after retries', async () => {
    h.server.defaultFault = { kind: 'status', status: 503 }
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 1, deadLetter: dlq, retryBaseMs: 10 })
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(1000)
    expect(dlq.messages.map((m) => [m.reason, m.attempts])).toEqual([
      [`503 from ${BATCH_PATH}: fault (4 attempts; gave up after 3 retries)`, 4],
    ])
  })

  it('without a DLQ, reports the failed events with how many and why', async () => {
    h.server.fail({ kind: 'status', status: 409 })
    const client = h.client({ batchSize: 2 })
    client.emit(validEvent(1))
    client.emit(validEvent(2))
    await settle()
    expect(h.errors).toHaveLength(1)
    expect(h.errors[0]).toBeInstanceOf(DeliveryFailedError)
    expect(h.errors[0]!.message).toBe(
      `2 audit event(s) neither delivered nor dead-lettered: 409 from ${BATCH_PATH}: fault (1 attempt; not retryable)`,
    )
  })

  it('when the DLQ write fails, reports both reasons and keeps a foreign error as the cause', async () => {
    h.server.fail({ kind: 'status', status: 422 })
    const dlq = new MemoryDeadLetterQueue()
    const diskFull = new Error('disk full')
    dlq.write = async () => {
      throw diskFull
    }
    const client = h.client({ batchSize: 1, deadLetter: dlq })
    client.emit(validEvent(1))
    await settle()
    expect(client.stats()).toMatchObject({ failed: 1, deadLettered: 0 })
    const error = h.errors[0] as DeliveryFailedError
    expect(error.message).toBe(
      `1 audit event(s) neither delivered nor dead-lettered: 422 from ${BATCH_PATH}: fault (1 attempt; not retryable); then dead-letter queue memory failed: disk full`,
    )
    const cause = error.cause as DeadLetterWriteError
    expect(cause).toBeInstanceOf(DeadLetterWriteError)
    expect(cause.cause).toBe(diskFull)
  })

  it('aborts a request still in flight at the close() deadline with a ClientClosedError saying why', async () => {
    h.server.defaultFault = { kind: 'hang' }
    const reasons: unknown[] = []
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({
      batchSize: 1,
      deadLetter: dlq,
      requestTimeoutMs: 60_000,
      fetch: (input, init) => {
        const request = new Request(input, init)
        request.signal.addEventListener('abort', () => reasons.push(request.signal.reason))
        return h.server.fetch(request)
      },
    })
    client.emit(validEvent(1))
    await settle()
    const closing = client.close({ timeoutMs: 1000 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(await closing).toMatchObject({ deadLettered: 1, pending: 0 })
    expect(reasons).toHaveLength(1)
    expect(reasons[0]).toBeInstanceOf(ClientClosedError)
    expect((reasons[0] as Error).message).toBe('close() timed out while the request was in flight')
  })
})

describe('a 413 (batch too large)', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('dead-letters a single event at once: it cannot be split', async () => {
    h.server.fail({ kind: 'status', status: 413 })
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 1, deadLetter: dlq })
    const id = client.emit(validEvent(1))
    await settle()
    expect(h.server.requests.map((r) => [r.events.length, r.status])).toEqual([[1, 413]])
    expect(client.stats()).toMatchObject({ deadLettered: 1, persisted: 0, retries: 0, pending: 0 })
    expect(dlq.ids()).toEqual([id])
    expect(dlq.messages[0]!.reason).toBe(`413 from ${BATCH_PATH}: fault (1 attempt; not retryable)`)
  })
})

// The rule for a 400's `errors[].index` (docs/architecture.md#3-delivery-with-retries-client): only
// the events it names are set aside, each under its own reasons; an answer with any unusable index
// refuses the batch as a whole. Either way no valid event is dropped or blamed for another's fault.
describe('a 400 naming events by index', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('dead-letters every event it names and sends nothing more when it names them all', async () => {
    h.server.fail({ kind: 'invalid', indexes: [0, 1, 2] })
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 3, deadLetter: dlq })
    const ids = [0, 1, 2].map((i) => client.emit(validEvent(i)))
    await settle()
    expect(h.server.requests.map((r) => r.status)).toEqual([400])
    expect(dlq.ids()).toEqual(ids)
    expect(client.stats()).toMatchObject({ deadLettered: 3, persisted: 0, retries: 0, pending: 0 })
  })

  it('gives an event named twice both reasons', async () => {
    h.server.fail(
      problem400([
        { index: 1, field: 'event_data', message: 'must have fingerprint' },
        { index: 1, field: 'correlation_id', message: 'is too long' },
      ]),
    )
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 3, deadLetter: dlq })
    const ids = [0, 1, 2].map((i) => client.emit(validEvent(i)))
    await settle()
    expect(dlq.ids()).toEqual([ids[1]])
    expect(dlq.messages[0]!.reason).toContain('event_data must have fingerprint')
    expect(dlq.messages[0]!.reason).toContain('correlation_id is too long')
    expect([...h.server.rows.keys()].sort()).toEqual([ids[0], ids[2]].sort())
    expect(client.stats()).toMatchObject({ persisted: 2, deadLettered: 1, pending: 0 })
  })

  it.each([
    ['no errors', problem400([])],
    ['no problem document', { kind: 'status', status: 400, body: 'bad request' } as Fault],
    ['an entry without index', problem400([{ field: 'a', message: 'b' }])],
    ['an index that is a string', problem400([{ index: '1', field: 'a', message: 'b' }])],
    ['an index that is not an integer', problem400([{ index: 0.5, field: 'a', message: 'b' }])],
    ['a negative index', problem400([{ index: -1, field: 'a', message: 'b' }])],
    ['an index equal to the batch length', problem400([{ index: 2, field: 'a', message: 'b' }])],
    [
      'a usable index next to an unusable one',
      problem400([
        { index: 0, field: 'a', message: 'b' },
        { index: 2, field: 'a', message: 'b' },
      ]),
    ],
  ])('refuses the whole batch when the answer has %s', async (_, fault) => {
    h.server.fail(fault)
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 2, deadLetter: dlq })
    const ids = [client.emit(validEvent(1)), client.emit(validEvent(2))]
    await settle()
    expect(h.server.requests.map((r) => r.status)).toEqual([400])
    expect(dlq.ids()).toEqual(ids)
    for (const message of dlq.messages) expect(message.reason).toMatch(/^400 from /)
    expect(client.stats()).toMatchObject({ deadLettered: 2, persisted: 0, retries: 0, pending: 0 })
    expect(h.errors).toEqual([])
  })

  it('reads indexes only in a 400: a 422 that names one refuses the whole batch', async () => {
    h.server.fail({
      kind: 'status',
      status: 422,
      body: {
        type: 'x',
        title: 'unprocessable',
        status: 422,
        errors: [{ index: 0, field: 'a', message: 'b' }],
      },
    })
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 2, deadLetter: dlq })
    const ids = [client.emit(validEvent(1)), client.emit(validEvent(2))]
    await settle()
    expect(h.server.requests.map((r) => r.status)).toEqual([422])
    expect(dlq.ids()).toEqual(ids)
    expect(client.stats()).toMatchObject({ deadLettered: 2, persisted: 0 })
  })

  it('reads indexes only in a 400: a 503 that names one retries the whole batch', async () => {
    h.server.fail({
      kind: 'status',
      status: 503,
      body: { type: 'x', title: 'down', status: 503, errors: [{ index: 0, field: 'a', message: 'b' }] },
    })
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ batchSize: 2, deadLetter: dlq, retryBaseMs: 10 })
    client.emit(validEvent(1))
    client.emit(validEvent(2))
    await vi.advanceTimersByTimeAsync(100)
    expect(h.server.requests.map((r) => [r.events.length, r.status])).toEqual([
      [2, 503],
      [2, 201],
    ])
    expect(client.stats()).toMatchObject({ persisted: 2, deadLettered: 0, retries: 1 })
  })
})
