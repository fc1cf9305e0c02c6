// Batches that wait for a send slot behind the client's gzip HTTP transport are packed: their
// events held as their share of the gzip body instead of as text. They must leave exactly as the
// text would have: whole as the compressed body, or cut back into events when the service names
// some of them (400), refuses gzip (415), or when they are dead-lettered.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type AuditClient, createAuditClient } from '../src/index.js'
import { PackedBatch } from '../src/packed-batch.js'
import { FakeDataStorage } from './helpers/fake-datastorage.js'
import { MemoryDeadLetterQueue, validEvent } from './helpers/harness.js'

describe('PackedBatch', () => {
  it('holds the JSON array body gzip-compressed and cuts each event back out of it', async () => {
    const texts = ['{"a":1}', '{"b":"x,y"}', '{"c":[1,2]}']
    const packed = await PackedBatch.pack(texts, [4, 5, 9])
    expect(packed.count).toBe(3)
    expect(packed.text()).toBe(`[${texts.join(',')}]`)
    expect([4, 5, 9].map((seq) => packed.eventText(seq))).toEqual(texts)
    expect(() => packed.eventText(6)).toThrow(RangeError)
    packed.release()
    expect(packed.eventText(9)).toBe('{"c":[1,2]}')
    const single = await PackedBatch.pack(['{"only":true}'], [1])
    expect(single.eventText(1)).toBe('{"only":true}')
  })
})

/**
 * The fake service behind a gate: requests are recorded (with their encoding) as they are made and
 * answered only once `open()` is called, so batches pile up waiting for the one send slot.
 */
function gatedService() {
  const server = new FakeDataStorage()
  const encodings: (string | null)[] = []
  let open!: () => void
  const gate = new Promise<void>((resolve) => {
    open = resolve
  })
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init)
    encodings.push(request.headers.get('content-encoding'))
    await gate
    return server.fetch(request)
  }) as typeof globalThis.fetch
  return { server, encodings, fetch, open: () => open() }
}

/** Waits (turn by turn, at most 2 s) until `done()`. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not reached within 2 s')
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('batches packed while they wait for a send slot', () => {
  let audit: AuditClient | undefined
  // Every packing the client starts, so a test can wait for them to end (no guessed delay).
  let packings: Promise<PackedBatch>[] = []
  beforeEach(() => {
    packings = []
    const pack = PackedBatch.pack.bind(PackedBatch)
    vi.spyOn(PackedBatch, 'pack').mockImplementation((texts, seqs) => {
      const packing = pack(texts, seqs)
      packings.push(packing)
      return packing
    })
  })
  afterEach(async () => {
    await audit?.close({ timeoutMs: 100 })
    audit = undefined
    vi.restoreAllMocks()
  })

  /** Waits until `count` batches were packed and their entries swapped (a turn after the packing). */
  async function packed(count: number): Promise<void> {
    await until(() => packings.length === count)
    await Promise.all(packings)
    await new Promise((resolve) => setImmediate(resolve))
  }

  function client(fetch: typeof globalThis.fetch, extra: Record<string, unknown> = {}) {
    audit = createAuditClient({
      baseUrl: 'http://ds.test',
      service: 'svc',
      fetch,
      batchSize: 10,
      bufferSize: 100,
      concurrency: 1,
      flushIntervalMs: 60_000,
      compression: 'gzip',
      maxRetries: 0,
      onError: () => {},
      ...extra,
    })
    return audit
  }

  it('sends a packed batch whole as its gzip body (even below the compression threshold), every event once, in order', async () => {
    const s = gatedService()
    const a = client(s.fetch)
    const ids = Array.from({ length: 35 }, (_, i) => a.emit(validEvent(i)))
    // The first batch is in flight; the next two whole batches wait, and are packed.
    await until(() => s.encodings.length === 1)
    await packed(2)
    s.open()
    await a.flush({ timeoutMs: 5000 })
    const sent = s.server.requests.flatMap((r) => r.ids)
    expect(sent).toEqual(ids)
    // 10 events are ~3 KB, far below the 32 KiB threshold: only a packed batch goes gzipped.
    expect(s.encodings).toEqual([null, 'gzip', 'gzip', null])
    expect(s.server.requests.map((r) => r.events.length)).toEqual([10, 10, 10, 5])
    expect(s.server.requests[1]!.events[0]).toMatchObject({ ...validEvent(10), event_id: ids[10] })
  })

  it('dead-letters exactly the events a 400 names out of a packed batch and resends the rest', async () => {
    const s = gatedService()
    const dlq = new MemoryDeadLetterQueue()
    const a = client(s.fetch, { deadLetter: dlq })
    const ids = Array.from({ length: 20 }, (_, i) => a.emit(validEvent(i)))
    await until(() => s.encodings.length === 1)
    await packed(1)
    // The second request (the packed batch, events 10-19) is answered 400 naming indexes 2 and 7.
    s.server.fail({ kind: 'status', status: 201 }).fail({ kind: 'invalid', indexes: [2, 7] })
    s.open()
    await a.flush({ timeoutMs: 5000 })
    expect(s.encodings[1]).toBe('gzip')
    expect(dlq.ids()).toEqual([ids[12], ids[17]])
    expect(dlq.messages[0]!.event).toEqual({
      ...validEvent(12),
      version: '1.0',
      event_id: ids[12],
      event_timestamp: expect.any(String),
    })
    const resent = s.server.requests[2]!.ids
    expect(resent).toEqual(ids.slice(10).filter((_, i) => i !== 2 && i !== 7))
    expect(a.stats()).toMatchObject({ emitted: 20, deadLettered: 2, pending: 0 })
  })

  it('sends a packed batch as plain JSON once the service refused gzip (415)', async () => {
    const s = gatedService()
    const a = client(s.fetch)
    const ids = Array.from({ length: 20 }, (_, i) => a.emit(validEvent(i)))
    await until(() => s.encodings.length === 1)
    await packed(1)
    s.server.fail(
      { kind: 'status', status: 201 },
      {
        kind: 'status',
        status: 415,
        body: { type: 'about:blank', title: 'Unsupported Media Type', status: 415 },
      },
    )
    s.open()
    await a.flush({ timeoutMs: 5000 })
    expect(s.encodings).toEqual([null, 'gzip', null])
    expect(s.server.requests.at(-1)!.ids).toEqual(ids.slice(10))
    expect(a.stats()).toMatchObject({ emitted: 20, persisted: 20, pending: 0 })
  })

  it('dead-letters a packed batch, event by event, when close() runs out of time', async () => {
    const s = gatedService()
    const dlq = new MemoryDeadLetterQueue()
    const a = client(s.fetch, { deadLetter: dlq })
    const ids = Array.from({ length: 20 }, (_, i) => a.emit(validEvent(i)))
    await until(() => s.encodings.length === 1)
    await packed(1)
    const stats = await a.close({ timeoutMs: 20 })
    audit = undefined
    expect(stats).toMatchObject({ emitted: 20, deadLettered: 20, pending: 0 })
    expect([...dlq.ids()].sort()).toEqual([...ids].sort())
    expect(dlq.messages.find((m) => m.event.event_id === ids[15])!.event).toMatchObject(validEvent(15))
  })
})
