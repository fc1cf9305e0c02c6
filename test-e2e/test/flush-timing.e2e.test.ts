import { createAuditClient } from '@audit-trail/audit-client'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { correlationId, makeEvent } from '../src/events.js'
import { type FaultProxy, startFaultProxy } from '../src/fault-proxy.js'
import { percentile, queryAll, uniqueIds, waitQueryable } from '../src/query.js'

const { serviceUrl, tokens } = inject('e2e')
// Queries read with the reader token; clients write with the writer token, the least scope they need.
const shared = { url: serviceUrl, token: tokens.reader }
const BATCH_PATH = '/api/v1/audit/events/batch'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let proxy: FaultProxy | undefined
afterEach(async () => {
  await proxy?.close()
  proxy = undefined
})

describe('flush timing, client → service → PostgreSQL → query', () => {
  it('scenario 1: a single event is queryable within flushIntervalMs + 1 s (p50/p99 over 50 events)', async () => {
    const corr = correlationId('s1')
    const audit = createAuditClient({
      baseUrl: serviceUrl,
      token: tokens.writer,
      service: 'e2e',
      flushIntervalMs: 1000,
    })
    const emittedAt = new Map<string, number>()
    const seenAt = new Map<string, number>()
    let polling = true
    const poller = (async () => {
      while (polling) {
        const now = performance.now()
        for (const e of await queryAll(shared, corr)) if (!seenAt.has(e.event_id)) seenAt.set(e.event_id, now)
        await sleep(10)
      }
    })()
    // One event every 130 ms: the emits fall at every phase of the flush timer.
    for (let i = 0; i < 50; i++) {
      emittedAt.set(audit.emit(makeEvent(corr, i)), performance.now())
      await sleep(130)
    }
    const deadline = performance.now() + 5000
    while (seenAt.size < 50 && performance.now() < deadline) await sleep(20)
    polling = false
    await poller
    await audit.close()
    const latencies = [...emittedAt].map(([id, at]) => (seenAt.get(id) ?? Number.POSITIVE_INFINITY) - at)
    const p50 = percentile(latencies, 50)
    const p99 = percentile(latencies, 99)
    console.log(
      `[scenario 1] emit→queryable over 50 events, flushIntervalMs 1000: p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
    )
    expect(seenAt.size).toBe(50)
    expect(Math.max(...latencies)).toBeLessThan(2000)
  })

  it('scenario 2: 50 events 200 ms apart are all stored; the timer fires every interval without drifting', async () => {
    const corr = correlationId('s2')
    proxy = await startFaultProxy(serviceUrl)
    const audit = createAuditClient({
      baseUrl: proxy.url,
      token: tokens.writer,
      service: 'e2e',
      flushIntervalMs: 1000,
    })
    const started = performance.now()
    for (let i = 0; i < 50; i++) {
      audit.emit(makeEvent(corr, i))
      await sleep(200)
    }
    // ~10 s on an idle machine; longer on a loaded one, where each sleep overshoots.
    const emittingMs = performance.now() - started
    await audit.close()
    const { events } = await waitQueryable(shared, corr, 50)
    const arrivals = proxy.arrivals(BATCH_PATH)
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!)
    console.log(
      `[scenario 2] ${arrivals.length} batch sends for 50 events over ${emittingMs.toFixed(0)} ms; gaps between timer flushes: min ${Math.min(...gaps).toFixed(0)} ms, max ${Math.max(...gaps).toFixed(0)} ms`,
    )
    expect(uniqueIds(events)).toBe(50)
    expect(events).toHaveLength(50)
    // Events all along at a 1 s interval: one timer flush per elapsed second (the last may come
    // from close()), never one per event (no timer) nor a handful (a starved timer).
    const seconds = emittingMs / 1000
    expect(arrivals.length).toBeGreaterThanOrEqual(Math.floor(seconds) - 2)
    expect(arrivals.length).toBeLessThanOrEqual(Math.ceil(seconds) + 2)
    // Every gap but the close()-triggered last one is a timer period: never past 2× the interval.
    expect(Math.max(...gaps.slice(0, -1))).toBeLessThan(2000)
  })

  it('scenario 3: a full batch goes out at once, without waiting for the timer', async () => {
    const corr = correlationId('s3')
    proxy = await startFaultProxy(serviceUrl)
    const audit = createAuditClient({
      baseUrl: proxy.url,
      token: tokens.writer,
      service: 'e2e',
      batchSize: 100,
      flushIntervalMs: 60_000,
    })
    const started = performance.now()
    for (let i = 0; i < 100; i++) audit.emit(makeEvent(corr, i))
    const { events, ms } = await waitQueryable(shared, corr, 100, 5000)
    console.log(
      `[scenario 3] batchSize 100 with a 60 s timer: 100 events queryable ${(performance.now() - started).toFixed(0)} ms after the first emit (polling ${ms.toFixed(0)} ms), ${proxy.counts().byPath[BATCH_PATH]} batch request(s)`,
    )
    expect(uniqueIds(events)).toBe(100)
    expect(proxy.counts().byPath[BATCH_PATH]).toBe(1)
    await audit.close()
  })

  it('scenario 4: close() with 5 buffered events leaves all 5 queryable as soon as it resolves', async () => {
    const corr = correlationId('s4')
    const audit = createAuditClient({
      baseUrl: serviceUrl,
      token: tokens.writer,
      service: 'e2e',
      flushIntervalMs: 60_000,
    })
    for (let i = 0; i < 5; i++) audit.emit(makeEvent(corr, i))
    const stats = await audit.close()
    const events = await queryAll(shared, corr)
    console.log(
      `[scenario 4] close() returned ${JSON.stringify(stats)}; queryable right after: ${events.length}`,
    )
    expect(events).toHaveLength(5)
    expect(stats.persisted).toBe(5)
    expect(stats.pending).toBe(0)
  })

  it('scenario 5: flush() on 12 clients × 87 events in parallel leaves all queryable right after', async () => {
    const corr = correlationId('s5')
    const clients = Array.from({ length: 12 }, () =>
      createAuditClient({
        baseUrl: serviceUrl,
        token: tokens.writer,
        service: 'e2e',
        flushIntervalMs: 60_000,
      }),
    )
    clients.forEach((audit, c) => {
      for (let i = 0; i < 87; i++) audit.emit(makeEvent(corr, c * 1000 + i))
    })
    const started = performance.now()
    await Promise.all(clients.map((audit) => audit.flush()))
    const flushMs = performance.now() - started
    const events = await queryAll(shared, corr)
    console.log(
      `[scenario 5] 12 × 87 = 1044 events; parallel flush() took ${flushMs.toFixed(0)} ms; queryable right after: ${events.length}`,
    )
    expect(events).toHaveLength(12 * 87)
    expect(uniqueIds(events)).toBe(12 * 87)
    const stats = await Promise.all(clients.map((audit) => audit.close()))
    expect(stats.reduce((n, s) => n + s.persisted, 0)).toBe(12 * 87)
  })
})
