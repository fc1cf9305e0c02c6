import { describe, expect, it, vi } from 'vitest'
import { StoreUnavailableError } from '../../src/errors.js'
import { createMetrics } from '../../src/metrics/service-metrics.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { composeServiceStore } from '../../src/store/service-store.js'
import { makeEvent } from '../dlq/support.js'
import { RECORDED_BY } from '../support/events.js'

/** A store whose every call fails as unreachable, or whose insert never answers with `stuck`. */
function failingStore({ stuck = false } = {}): AuditEventStore & { closed: number } {
  const down = async () => {
    throw new StoreUnavailableError('database unavailable: connect ECONNREFUSED 127.0.0.1:1')
  }
  const store = {
    kind: 'postgres' as const,
    closed: 0,
    insert: stuck ? () => new Promise<never>(() => {}) : down,
    query: down,
    get: down,
    histogram: down,
    ping: down,
    close: async () => {
      store.closed += 1
    },
  }
  return store
}

const unavailableCount = async (metrics: ReturnType<typeof createMetrics>) =>
  (await metrics.dbErrors.get()).values.find((v) => v.labels['kind'] === 'unavailable')?.value ?? 0

describe('composeServiceStore', () => {
  it("counts the request path's failed calls, pings included, and not the replay's", async () => {
    const metrics = createMetrics({ defaultMetrics: false })
    const { requests, replay } = composeServiceStore(failingStore(), { metrics, writeTimeoutMs: 1000 })
    await expect(requests.insert([makeEvent()], RECORDED_BY)).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(requests.ping()).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(await unavailableCount(metrics)).toBe(2)
    await expect(replay.insert([makeEvent()], RECORDED_BY)).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(await unavailableCount(metrics)).toBe(2)
  })

  it('bounds the writes of both views by writeTimeoutMs, and a timed-out write counts as unavailable', async () => {
    const metrics = createMetrics({ defaultMetrics: false })
    const { requests, replay } = composeServiceStore(failingStore({ stuck: true }), {
      metrics,
      writeTimeoutMs: 200,
    })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const writes = [requests, replay].map((view) =>
        view.insert([makeEvent()], RECORDED_BY).catch((e: unknown) => e),
      )
      await vi.advanceTimersByTimeAsync(200)
      for (const outcome of await Promise.all(writes)) expect(outcome).toBeInstanceOf(StoreUnavailableError)
      expect(await unavailableCount(metrics)).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('closing the request view closes the database store', async () => {
    const base = failingStore()
    await composeServiceStore(base, { metrics: createMetrics({ defaultMetrics: false }) }).requests.close()
    expect(base.closed).toBe(1)
  })
})
