import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type AuditClient,
  type AuditClientError,
  BufferFullError,
  ClientClosedError,
  createAuditClient,
  DeliveryFailedError,
} from '../src/index.js'
import { FakeDataStorage, type Fault } from './helpers/fake-datastorage.js'
import { expectReconciled, MemoryDeadLetterQueue, validEvent } from './helpers/harness.js'

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc
    .constantFrom(400, 401, 408, 413, 422, 429, 500, 503)
    .map((status) => ({ kind: 'status' as const, status })),
  fc
    .constantFrom(429, 503)
    .chain((status) =>
      fc
        .integer({ min: 0, max: 3 })
        .map((s) => ({ kind: 'status' as const, status, headers: { 'retry-after': String(s) } })),
    ),
  fc.constant({ kind: 'network' as const }),
  fc.constant({ kind: 'hang' as const }),
  fc.constant({ kind: 'store-then-network' as const }),
  fc.constant({ kind: 'accepted' as const }),
  fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }).map((indexes) => ({
    kind: 'invalid' as const,
    indexes,
  })),
)

type Action =
  | { type: 'emit'; count: number; invalidEvery: number }
  | { type: 'emitAsync'; count: number }
  | { type: 'faults'; faults: Fault[] }
  | { type: 'dlq'; failing: boolean }
  | { type: 'advance'; ms: number }
  | { type: 'flush' }

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('emit' as const),
      count: fc.integer({ min: 1, max: 40 }),
      invalidEvery: fc.integer({ min: 0, max: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('emitAsync' as const), count: fc.integer({ min: 1, max: 10 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('faults' as const),
      faults: fc.array(fault, { minLength: 1, maxLength: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('dlq' as const), failing: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('flush' as const) }) },
)

const setup = fc
  .record({
    bufferSize: fc.integer({ min: 1, max: 60 }),
    batchFraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
    maxRetries: fc.integer({ min: 0, max: 3 }),
    concurrency: fc.integer({ min: 1, max: 3 }),
    requestTimeoutMs: fc.integer({ min: 50, max: 2000 }),
    retryBaseMs: fc.integer({ min: 0, max: 300 }),
    retryMaxMs: fc.integer({ min: 300, max: 3000 }),
    flushIntervalMs: fc.integer({ min: 1, max: 2000 }),
    withDlq: fc.boolean(),
    onFull: fc.constantFrom('dead-letter' as const, 'reject' as const),
    closeTimeoutMs: fc.integer({ min: 0, max: 8000 }),
    seed: fc.integer(),
  })
  .map((s) => ({ ...s, batchSize: Math.max(1, Math.floor(s.bufferSize * s.batchFraction)) }))

/** Advances the fake clock until `promise` settles (every path is bounded by timeouts and retries). */
async function settleWithTime<T>(promise: Promise<T>): Promise<T> {
  let done = false
  const tracked = promise.finally(() => {
    done = true
  })
  tracked.catch(() => {})
  for (let i = 0; i < 500 && !done; i++) await vi.advanceTimersByTimeAsync(1000)
  expect(done).toBe(true)
  return tracked
}

describe('property: every emitted event ends in exactly one terminal state', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('holds for any interleaving of emits, failures, flushes and a close', async () => {
    await fc.assert(
      fc.asyncProperty(setup, fc.array(action, { maxLength: 25 }), async (s, actions) => {
        vi.useFakeTimers()
        const server = new FakeDataStorage()
        const dlq = new MemoryDeadLetterQueue()
        const failedIds: string[] = []
        const errors: AuditClientError[] = []
        let rnd = s.seed
        const client: AuditClient = createAuditClient({
          baseUrl: 'http://ds.test',
          service: 'prop',
          fetch: server.fetch,
          compression: 'none',
          bufferSize: s.bufferSize,
          batchSize: s.batchSize,
          maxRetries: s.maxRetries,
          concurrency: s.concurrency,
          requestTimeoutMs: s.requestTimeoutMs,
          retryBaseMs: Math.min(s.retryBaseMs, s.retryMaxMs),
          retryMaxMs: s.retryMaxMs,
          flushIntervalMs: s.flushIntervalMs,
          ...(s.withDlq ? { deadLetter: dlq, onFull: s.onFull } : {}),
          random: () => {
            rnd = (rnd * 1103515245 + 12345) & 0x7fffffff
            return rnd / 0x80000000
          },
          onError: (e) => {
            errors.push(e)
            if (e instanceof DeliveryFailedError) failedIds.push(...e.events.map((x) => String(x.event_id)))
          },
        })
        const emitted: string[] = []
        let refused = 0
        const asyncEmits: Promise<void>[] = []
        const terminal = () =>
          new Set([...server.rows.keys(), ...server.accepted, ...dlq.ids(), ...failedIds])

        for (const a of actions) {
          switch (a.type) {
            case 'emit':
              for (let i = 0; i < a.count; i++) {
                const invalid = a.invalidEvery > 0 && i % a.invalidEvery === a.invalidEvery - 1
                try {
                  emitted.push(
                    client.emit(
                      invalid ? ({ ...validEvent(i), event_outcome: 'maybe' } as never) : validEvent(i),
                    ),
                  )
                } catch (error) {
                  expect(invalid || error instanceof BufferFullError).toBe(true)
                  refused++
                }
              }
              break
            case 'emitAsync':
              for (let i = 0; i < a.count; i++) {
                asyncEmits.push(
                  client.emitAsync(validEvent(i)).then(
                    (id) => {
                      emitted.push(id)
                    },
                    (error: unknown) => {
                      expect(error).toBeInstanceOf(ClientClosedError)
                      refused++
                    },
                  ),
                )
              }
              break
            case 'faults':
              server.fail(...a.faults)
              break
            case 'dlq':
              dlq.failing = a.failing
              break
            case 'advance':
              await vi.advanceTimersByTimeAsync(a.ms)
              break
            case 'flush': {
              const before = [...emitted]
              await settleWithTime(client.flush())
              const done = terminal()
              for (const id of before) expect(done.has(id)).toBe(true)
              break
            }
          }
          expectReconciled(client.stats())
        }

        const stats = await settleWithTime(client.close({ timeoutMs: s.closeTimeoutMs }))
        await Promise.all(asyncEmits)
        expectReconciled(stats)
        expect(stats.pending).toBe(0)
        expect(stats.emitted).toBe(emitted.length)
        expect(stats.refused).toBe(refused)

        // Each event is counted once: dead-lettered at most once, failed at most once, never both.
        const dlqIds = dlq.ids()
        expect(new Set(dlqIds).size).toBe(dlqIds.length)
        expect(new Set(failedIds).size).toBe(failedIds.length)
        for (const id of failedIds) expect(dlqIds).not.toContain(id)
        expect(stats.deadLettered).toBe(dlqIds.length)
        expect(stats.failed).toBe(failedIds.length)
        // The rest was taken by the service: every one of them is stored (or queued by it).
        const elsewhere = new Set([...dlqIds, ...failedIds])
        const delivered = emitted.filter((id) => !elsewhere.has(id))
        expect(stats.persisted + stats.duplicates).toBe(delivered.length)
        for (const id of delivered) expect(server.rows.has(id) || server.accepted.has(id)).toBe(true)
        // The service stores each event once: every row is an emitted event, sent with the same id.
        const emittedSet = new Set(emitted)
        expect(emittedSet.size).toBe(emitted.length)
        for (const id of server.rows.keys()) expect(emittedSet.has(id)).toBe(true)
        expect(stats.duplicates).toBeLessThanOrEqual(server.duplicates)
        // No timer is left behind.
        expect(vi.getTimerCount()).toBe(0)
        vi.useRealTimers()
      }),
      {
        numRuns: Number(process.env.TEST_PROPERTY_RUNS ?? 150),
        // Replays a reported counterexample: TEST_PROPERTY_SEED=<seed> TEST_PROPERTY_PATH=<path>.
        ...(process.env.TEST_PROPERTY_SEED ? { seed: Number(process.env.TEST_PROPERTY_SEED) } : {}),
        ...(process.env.TEST_PROPERTY_PATH ? { path: process.env.TEST_PROPERTY_PATH } : {}),
      },
    )
  }, 120_000)
})
