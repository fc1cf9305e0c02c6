import type { DeadLetterMessage } from '@audit-trail/datastorage-client'
import { afterEach, expect, vi } from 'vitest'
import {
  type AuditClient,
  type AuditClientStats,
  type AuditEventInput,
  createAuditClient,
  type DeadLetterQueue,
  DeadLetterWriteError,
  type HttpAuditClientOptions,
} from '../../src/index.js'
import { statsReconcile } from '../../src/stats.js'
import { FakeDataStorage } from './fake-datastorage.js'

/** A valid event of a core catalog type; `i` makes its correlation id distinct. */
export function validEvent(i = 0, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    event_type: 'gateway.signal.received',
    event_category: 'gateway',
    event_action: 'received',
    event_outcome: 'success',
    correlation_id: `req-${i}`,
    event_data: {
      event_type: 'gateway.signal.received',
      signal_type: 'alert',
      signal_name: `HighCPU-${i}`,
      namespace: 'payments',
      fingerprint: `fp-${i}`,
    },
    ...overrides,
  } as AuditEventInput
}

/** A dead-letter queue in memory; `failing` makes every write reject, `hang` makes it wait. */
export class MemoryDeadLetterQueue implements DeadLetterQueue {
  readonly name = 'memory'
  readonly messages: DeadLetterMessage[] = []
  failing = false
  writes = 0
  closed = false

  async write(messages: readonly DeadLetterMessage[]): Promise<void> {
    this.writes++
    await Promise.resolve()
    if (this.failing) throw new DeadLetterWriteError('memory DLQ is failing')
    this.messages.push(...messages)
  }

  async close(): Promise<void> {
    this.closed = true
  }

  ids(): string[] {
    return this.messages.map((m) => m.event.event_id)
  }
}

export interface Harness {
  server: FakeDataStorage
  errors: Error[]
  /** A client wired to `server`, with `onError` collected; closed and checked after the test. */
  client(options?: Partial<HttpAuditClientOptions>): AuditClient
}

/** Asserts the reconciliation invariant (docs/architecture.md#terminal-states-and-counters). */
export function expectReconciled(stats: AuditClientStats): void {
  expect(stats.pending).toBeGreaterThanOrEqual(0)
  expect(stats.emitted).toBe(
    stats.persisted + stats.duplicates + stats.deadLettered + stats.failed + stats.pending,
  )
}

/**
 * Per-test setup: fake timers, a fake server, and an afterEach that checks the stats invariant
 * of every client the test made, closes it and checks again that nothing is left pending.
 */
export function useHarness(): Harness {
  const clients: AuditClient[] = []
  const h: Harness = {
    server: new FakeDataStorage(),
    errors: [],
    client(options = {}) {
      const client = createAuditClient({
        baseUrl: 'http://datastorage.test',
        service: 'test-service',
        fetch: h.server.fetch,
        // Gzip runs on libuv's thread pool, which fake timers do not drive: these tests are about
        // batching and delivery, so bodies go as they are (compression has its own tests).
        compression: 'none',
        onError: (e) => h.errors.push(e),
        random: () => 0.5,
        ...options,
      })
      clients.push(client)
      return client
    },
  }
  afterEach(async () => {
    for (const client of clients.splice(0)) {
      expectReconciled(client.stats())
      const closing = client.close({ timeoutMs: 1000 })
      if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(2000)
      const final = await closing
      expectReconciled(final)
      expect(final.pending).toBe(0)
      expect(statsReconcile(final)).toBe(true)
    }
    h.server = new FakeDataStorage()
    h.errors = []
    vi.useRealTimers()
  })
  return h
}

/** Lets pending promise chains (fake fetch, body parsing) run without moving the clock. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0)
}
