import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ConfigError, createAuditClient, ValidationError } from '../src/index.js'
import { MemoryDeadLetterQueue, settle, useHarness, validEvent } from './helpers/harness.js'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('emit()', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00.000Z') })
  })

  it('fills version, a UUIDv7 event_id and event_timestamp, and keeps everything else as given', async () => {
    const client = h.client({ batchSize: 1 })
    const id = client.emit(validEvent(1, { event_type: 'gateway.signal.received' }))
    expect(id).toMatch(UUID_V7)
    await settle()
    const sent = h.server.requests[0]!.events[0]!
    expect(sent).toMatchObject({
      version: '1.0',
      event_id: id,
      event_timestamp: '2026-03-01T12:00:00.000Z',
      event_type: 'gateway.signal.received',
      event_category: 'gateway',
      correlation_id: 'req-1',
    })
  })

  it('keeps an event_id and event_timestamp the caller gave', async () => {
    const client = h.client({ batchSize: 1 })
    const event_id = '01890a5d-ac96-774b-bcce-b302099a8057'
    const event_timestamp = '2026-02-27T08:00:00Z'
    expect(client.emit(validEvent(1, { event_id, event_timestamp }))).toBe(event_id)
    await settle()
    expect(h.server.requests[0]!.events[0]).toMatchObject({ event_id, event_timestamp })
  })

  it('does not mutate the caller’s object', () => {
    const client = h.client()
    const event = validEvent(1)
    client.emit(event)
    expect(event).not.toHaveProperty('event_id')
  })

  it('gives ids that sort in emit order', () => {
    const client = h.client({ bufferSize: 5000, batchSize: 5000 })
    const ids = Array.from({ length: 5000 }, (_, i) => client.emit(validEvent(i)))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('refuses an invalid event synchronously with the field errors; it counts as refused, not emitted', () => {
    const client = h.client()
    let error: unknown
    try {
      client.emit({ ...validEvent(1), event_category: 'nope', event_type: 'Bad Type' } as never)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ValidationError)
    const fields = (error as ValidationError).errors.map((e) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['event_category', 'event_type']))
    expect((error as ValidationError).code).toBe('VALIDATION_FAILED')
    expect(client.stats()).toMatchObject({ emitted: 0, refused: 1, pending: 0 })
  })

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'event'],
  ])('refuses %s', (_, value) => {
    const client = h.client()
    expect(() => client.emit(value as never)).toThrow(ValidationError)
    expect(client.stats().refused).toBe(1)
  })

  it('refuses a timestamp more than an hour ahead (the server’s clock-skew guard, on the client clock)', () => {
    const client = h.client()
    expect(() => client.emit(validEvent(1, { event_timestamp: '2026-03-01T13:00:01Z' }))).toThrow(/future/)
    expect(client.emit(validEvent(1, { event_timestamp: '2026-03-01T12:59:59Z' }))).toMatch(UUID_V7)
  })

  it("refuses event types outside the catalog with unknownEventTypes: 'reject'", () => {
    const client = h.client({ unknownEventTypes: 'reject' })
    expect(() =>
      client.emit(validEvent(1, { event_type: 'billing.invoice.created', event_data: {} } as never)),
    ).toThrow(/catalog/)
  })
})

describe('createAuditClient options', () => {
  const base = { baseUrl: 'http://ds:8080', service: 'svc' }

  it.each([
    [{ batchSize: 2000, bufferSize: 1000 }, 'batchSize'],
    [{ bufferSize: 0 }, 'bufferSize'],
    [{ batchSize: 6000, bufferSize: 10_000 }, 'batchSize'],
    [{ flushIntervalMs: -1 }, 'flushIntervalMs'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
    [{ retryBaseMs: 5000, retryMaxMs: 1000 }, 'retryBaseMs'],
    [{ requestTimeoutMs: 0 }, 'requestTimeoutMs'],
    [{ concurrency: 0 }, 'concurrency'],
    [{ onFull: 'drop' }, 'onFull'],
    [{ onFull: 'dead-letter' }, 'onFull'],
    [{ baseUrl: 'ds:8080' }, 'baseUrl'],
    [{ service: '' }, 'service'],
    [{ fetch: 'yes' }, 'fetch'],
    [{ onError: 1 }, 'onError'],
    [{ token: 42 }, 'token'],
    [{ deadLetter: {} }, 'deadLetter'],
  ])('rejects %o naming %s', (options, field) => {
    let error: unknown
    try {
      createAuditClient({ ...base, ...options } as never)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).field).toBe(field)
    expect((error as ConfigError).message).toMatch(new RegExp(`^${field}: `))
  })

  it('rejects a missing options object', () => {
    expect(() => createAuditClient(undefined as never)).toThrow(ConfigError)
  })

  it('says why batchSize must fit the buffer', () => {
    expect(() => createAuditClient({ ...base, batchSize: 2000, bufferSize: 1000 })).toThrow(
      'batchSize: must be <= bufferSize (1000), got 2000',
    )
  })

  it('accepts a DLQ and defaults onFull to dead-letter then', async () => {
    const client = createAuditClient({ ...base, deadLetter: new MemoryDeadLetterQueue() })
    expect(client.stats().emitted).toBe(0)
    await client.close()
  })
})
