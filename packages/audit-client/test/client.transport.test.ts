import type { AuditEventRequest } from '@audit-trail/datastorage-client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  type AuditClient,
  ConfigError,
  createAuditClient,
  HttpError,
  type SendResult,
  type Transport,
  TransportError,
} from '../src/index.js'
import { expectReconciled, MemoryDeadLetterQueue, validEvent } from './helpers/harness.js'

/** A transport that answers each send with the next scripted outcome (then `created`). */
class ScriptedTransport implements Transport {
  readonly batches: AuditEventRequest[][] = []
  readonly script: Array<
    SendResult | Error | ((events: readonly AuditEventRequest[]) => SendResult | Error)
  > = []
  closed = 0

  async send(events: readonly AuditEventRequest[]): Promise<SendResult> {
    this.batches.push([...events])
    const next = this.script.shift() ?? { status: 'created', created: events.length, duplicates: 0 }
    const outcome = typeof next === 'function' ? next(events) : next
    if (outcome instanceof Error) throw outcome
    return outcome
  }

  async close(): Promise<void> {
    this.closed++
  }
}

let transport: ScriptedTransport
const clients: AuditClient[] = []

function client(extra: Record<string, unknown> = {}): AuditClient {
  const c = createAuditClient({
    transport,
    service: 'self-test',
    retryBaseMs: 10,
    retryMaxMs: 10,
    random: () => 0.5,
    onError: () => {},
    ...extra,
  } as Parameters<typeof createAuditClient>[0])
  clients.push(c)
  return c
}

beforeEach(() => {
  transport = new ScriptedTransport()
})

afterEach(async () => {
  for (const c of clients.splice(0)) {
    const stats = await c.close({ timeoutMs: 1000 })
    expectReconciled(stats)
    expect(stats.pending).toBe(0)
  }
  vi.useRealTimers()
})

describe('createAuditClient({ transport })', () => {
  it.each([
    ['baseUrl', 'http://datastorage:8080'],
    ['token', 'secret-token'],
    ['token', () => 'secret-token'],
    ['fetch', globalThis.fetch],
    ['compression', 'none'],
    ['compressionThresholdBytes', 1024],
    ['requestTimeoutMs', 5000],
  ])('refuses %s beside a transport, naming the field', (field, value) => {
    const make = () =>
      createAuditClient({ transport, service: 'self-test', [field]: value } as unknown as Parameters<
        typeof createAuditClient
      >[0])
    expect(make).toThrow(ConfigError)
    expect(make).toThrow(
      `${field}: must not be set with transport: the transport decides where and how batches are sent`,
    )
    try {
      make()
    } catch (error) {
      expect((error as ConfigError).field).toBe(field)
    }
  })

  it('refuses a transport without send() and close()', () => {
    expect(() =>
      createAuditClient({ transport: { send: () => {} } as unknown as Transport, service: 'self-test' }),
    ).toThrow(/^transport: must be a Transport \(send\(\) and close\(\)\)/)
  })

  it('still validates the common settings, and needs no baseUrl', () => {
    expect(() => createAuditClient({ transport, service: '' })).toThrow(
      /^service: must be a non-empty string/,
    )
    expect(() => createAuditClient({ transport, service: 'x', batchSize: 0 })).toThrow(/^batchSize:/)
    expect(client().stats().emitted).toBe(0)
  })

  it('delivers through the transport: created, duplicates and accepted are counted', async () => {
    transport.script.push({ status: 'created', created: 2, duplicates: 1 }, { status: 'accepted', queued: 2 })
    const c = client()
    for (let i = 0; i < 3; i++) c.emit(validEvent(i))
    await c.flush()
    c.emit(validEvent(3))
    c.emit(validEvent(4))
    await c.flush()
    expect(transport.batches.map((b) => b.length)).toEqual([3, 2])
    expect(c.stats()).toMatchObject({ emitted: 5, persisted: 4, duplicates: 1, pending: 0 })
  })

  it('retries a TransportError and a 503 HttpError, then delivers', async () => {
    transport.script.push(
      new TransportError('TRANSPORT_ERROR', 'store unavailable'),
      new HttpError(503, 'store unavailable'),
    )
    const c = client()
    c.emit(validEvent(0))
    await c.flush()
    expect(transport.batches).toHaveLength(3)
    expect(c.stats()).toMatchObject({ persisted: 1, failed: 0 })
  })

  it('dead-letters only the events a 400 names by index and sends the rest again', async () => {
    const dlq = new MemoryDeadLetterQueue()
    transport.script.push(
      new HttpError(400, 'refused', {
        problem: { errors: [{ index: 1, field: 'event_data', message: 'refused by PostgreSQL' }] },
      }),
    )
    const c = client({ deadLetter: dlq })
    const ids = [0, 1, 2].map((i) => c.emit(validEvent(i)))
    await c.flush()
    expect(dlq.ids()).toEqual([ids[1]])
    expect(dlq.messages[0]!.reason).toContain('event_data refused by PostgreSQL')
    expect(transport.batches[1]!.map((e) => e.event_id)).toEqual([ids[0], ids[2]])
    expect(c.stats()).toMatchObject({ persisted: 2, deadLettered: 1 })
  })

  it('does not retry an error that is not a TransportError: the events fail, reported to onError', async () => {
    const errors: Error[] = []
    transport.script.push(new Error('a bug in the transport'))
    const c = client({ onError: (e: Error) => errors.push(e) })
    c.emit(validEvent(0))
    await c.flush()
    expect(transport.batches).toHaveLength(1)
    expect(c.stats()).toMatchObject({ failed: 1 })
    expect(errors[0]?.message).toContain('a bug in the transport')
  })

  it('gives up after maxRetries with fake timers driving the backoff, then dead-letters', async () => {
    vi.useFakeTimers()
    const dlq = new MemoryDeadLetterQueue()
    for (let i = 0; i < 5; i++) transport.script.push(new TransportError('TRANSPORT_ERROR', 'down'))
    const c = client({ deadLetter: dlq, maxRetries: 2, retryBaseMs: 1000, retryMaxMs: 1000 })
    c.emit(validEvent(0))
    const flushed = c.flush()
    await vi.advanceTimersByTimeAsync(499)
    expect(transport.batches).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(transport.batches).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(500)
    await flushed
    expect(transport.batches).toHaveLength(3)
    expect(dlq.messages[0]!.reason).toContain('gave up after 2 retries')
  })

  it('closes the transport once, at close()', async () => {
    const c = client()
    c.emit(validEvent(0))
    await c.close()
    await c.close()
    expect(transport.closed).toBe(1)
    expect(transport.batches).toHaveLength(1)
  })
})
