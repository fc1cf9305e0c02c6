import { Registry } from 'prom-client'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createAuditClient } from '../src/index.js'
import { MemoryDeadLetterQueue, settle, useHarness, validEvent } from './helpers/harness.js'

async function value(registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get()
  const match = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))
  return match?.value ?? 0
}

/** The `_sum` and `_count` of the send-duration histogram for one outcome. */
async function sendDuration(registry: Registry, outcome: string): Promise<{ sum: number; count: number }> {
  const metric = await registry.getSingleMetric('audit_client_send_duration_seconds')?.get()
  const of = (suffix: string) =>
    metric?.values.find(
      (v) =>
        (v as { metricName?: string }).metricName === `audit_client_send_duration_seconds_${suffix}` &&
        v.labels.outcome === outcome,
    )?.value ?? 0
  return { sum: of('sum'), count: of('count') }
}

describe('metrics (prom-client)', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('registers nothing without a registry', async () => {
    const client = h.client()
    client.emit(validEvent(1))
    await client.flush()
    // Nothing global was touched: a fresh registry is still empty.
    expect(await new Registry().getMetricsAsJSON()).toEqual([])
  })

  it('counts events by terminal state, sends, retries, DLQ writes and depths', async () => {
    const registry = new Registry()
    const dlq = Object.assign(new MemoryDeadLetterQueue(), { spoolDepth: async () => 7 })
    h.server.fail({ kind: 'status', status: 503 }, { kind: 'invalid', indexes: [0] })
    const client = h.client({
      metrics: registry,
      deadLetter: dlq,
      batchSize: 3,
      retryBaseMs: 10,
      retryMaxMs: 10,
    })
    for (let i = 0; i < 3; i++) client.emit(validEvent(i))
    expect(() => client.emit({} as never)).toThrow()
    expect(await value(registry, 'audit_client_buffer_depth', { service: 'test-service' })).toBe(3)
    await vi.advanceTimersByTimeAsync(100)
    await settle()
    const svc = { service: 'test-service' }
    expect(await value(registry, 'audit_client_events_total', { ...svc, state: 'persisted' })).toBe(2)
    expect(await value(registry, 'audit_client_events_total', { ...svc, state: 'dead_lettered' })).toBe(1)
    expect(await value(registry, 'audit_client_events_total', { ...svc, state: 'refused' })).toBe(1)
    expect(await value(registry, 'audit_client_retries_total', svc)).toBe(1)
    expect(await value(registry, 'audit_client_batches_total', { ...svc, outcome: 'retryable' })).toBe(1)
    expect(await value(registry, 'audit_client_batches_total', { ...svc, outcome: 'rejected' })).toBe(1)
    expect(await value(registry, 'audit_client_batches_total', { ...svc, outcome: 'created' })).toBe(1)
    expect(await value(registry, 'audit_client_dlq_writes_total', { ...svc, outcome: 'ok' })).toBe(1)
    expect(await value(registry, 'audit_client_buffer_depth', svc)).toBe(0)
    expect(await value(registry, 'audit_client_spool_depth', svc)).toBe(7)
    const latency = await registry.getSingleMetric('audit_client_send_duration_seconds')?.get()
    expect(
      latency?.values.find(
        (v) => (v as { metricName?: string }).metricName === 'audit_client_send_duration_seconds_count',
      )?.value,
    ).toBe(1)
    expect(await registry.metrics()).toContain('audit_client_events_total')
  })

  it('lets several clients share one registry, and forgets a closed client’s gauges', async () => {
    const registry = new Registry()
    const a = createAuditClient({
      baseUrl: 'http://a:1',
      service: 'a',
      metrics: registry,
      fetch: h.server.fetch,
      compression: 'none',
    })
    const b = createAuditClient({
      baseUrl: 'http://b:1',
      service: 'b',
      metrics: registry,
      fetch: h.server.fetch,
      compression: 'none',
    })
    a.emit(validEvent(1))
    b.emit(validEvent(2))
    b.emit(validEvent(3))
    expect(await value(registry, 'audit_client_buffer_depth', { service: 'a' })).toBe(1)
    expect(await value(registry, 'audit_client_buffer_depth', { service: 'b' })).toBe(2)
    await a.close()
    expect(await value(registry, 'audit_client_events_total', { service: 'a', state: 'persisted' })).toBe(1)
    expect(
      (await registry.getSingleMetric('audit_client_buffer_depth')?.get())?.values.map(
        (v) => v.labels.service,
      ),
    ).toEqual(['b'])
    await b.close()
  })

  it('survives a spool depth that cannot be read', async () => {
    const registry = new Registry()
    const dlq = Object.assign(new MemoryDeadLetterQueue(), {
      spoolDepth: async () => {
        throw new Error('EACCES')
      },
    })
    h.client({ metrics: registry, deadLetter: dlq })
    expect(await registry.metrics()).toContain('audit_client_spool_depth')
  })

  it('records each send’s duration in seconds, answered or not', async () => {
    const registry = new Registry()
    // The service takes 1.5 s to answer 503, then 2.5 s to store the batch (on the fake clock).
    const delays = [1500, 2500]
    h.server.fail({ kind: 'status', status: 503 })
    const client = h.client({
      metrics: registry,
      batchSize: 1,
      retryBaseMs: 10,
      fetch: async (input, init) => {
        await new Promise((resolve) => setTimeout(resolve, delays.shift()))
        return h.server.fetch(input, init)
      },
    })
    // The fake performance.now() starts at 0: send later, so a duration is now − start and no other sum.
    await vi.advanceTimersByTimeAsync(1000)
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(5000)
    expect(client.stats()).toMatchObject({ persisted: 1, retries: 1 })
    const retryable = await sendDuration(registry, 'retryable')
    const created = await sendDuration(registry, 'created')
    expect(retryable.count).toBe(1)
    expect(retryable.sum).toBeCloseTo(1.5, 6)
    expect(created.count).toBe(1)
    expect(created.sum).toBeCloseTo(2.5, 6)
  })

  it('labels duplicates `duplicate` and a send without an HTTP answer `error`', async () => {
    const registry = new Registry()
    h.server.fail({ kind: 'network' })
    const client = h.client({ metrics: registry, batchSize: 2, retryBaseMs: 10 })
    const event = validEvent(1, { event_id: '01890a5d-ac96-774b-bcce-b302099a8057' })
    client.emit(event)
    client.emit(event) // the same event_id twice: the service stores it once
    await vi.advanceTimersByTimeAsync(100)
    expect(client.stats()).toMatchObject({ persisted: 1, duplicates: 1, retries: 1 })
    const svc = { service: 'test-service' }
    expect(await value(registry, 'audit_client_events_total', { ...svc, state: 'duplicate' })).toBe(1)
    expect(await value(registry, 'audit_client_events_total', { ...svc, state: 'persisted' })).toBe(1)
    expect(await value(registry, 'audit_client_batches_total', { ...svc, outcome: 'error' })).toBe(1)
    expect(await value(registry, 'audit_client_batches_total', { ...svc, outcome: 'created' })).toBe(1)
  })

  it('counts failed DLQ writes', async () => {
    const registry = new Registry()
    const dlq = new MemoryDeadLetterQueue()
    dlq.failing = true
    h.server.defaultFault = { kind: 'status', status: 400 }
    const client = h.client({ metrics: registry, deadLetter: dlq, batchSize: 1 })
    client.emit(validEvent(1))
    await settle()
    expect(await value(registry, 'audit_client_dlq_writes_total', { outcome: 'error' })).toBe(1)
    expect(await value(registry, 'audit_client_events_total', { state: 'failed' })).toBe(1)
  })
})
