import { createAuditClient } from '@audit-trail/audit-client'
import { describe, expect, inject, it } from 'vitest'
import { startDatastorage } from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'
import { runMemoryFixture } from '../src/memory-run.js'
import { queryAll, readerOf, uniqueIds } from '../src/query.js'

// `pnpm test:stress`: the scenarios of the e2e suite at sizes too slow for every CI run.
const { serviceUrl, databaseUrl, tokens } = inject('e2e')

describe('stress: long runs', () => {
  it('1,000,000 events through one client: heap after GC stays flat', async () => {
    const corr = correlationId('stress-memory')
    const result = await runMemoryFixture(serviceUrl, tokens.writer, corr, 1_000_000, 900_000)
    console.log(
      `[stress memory] 1,000,000 events in ${result.seconds.toFixed(0)} s: heap after GC ${result.heapBeforeMb.toFixed(1)} → ${result.heapAfterMb.toFixed(1)} MB; persisted ${result.stats.persisted}`,
    )
    expect(result.stats.persisted).toBe(1_000_000)
    expect(result.growthMb).toBeLessThan(10)
  })

  it('200,000 events while the service is killed with SIGKILL three times: every event stored exactly once', async () => {
    const corr = correlationId('stress-kill')
    const service = await startDatastorage({ databaseUrl })
    try {
      const audit = createAuditClient({
        baseUrl: service.url,
        token: service.tokens.writer,
        service: 'e2e-stress',
        bufferSize: 10_000,
        batchSize: 1000,
        flushIntervalMs: 100,
        maxRetries: 20,
        retryBaseMs: 100,
        retryMaxMs: 1000,
      })
      const total = 200_000
      const kills = (async () => {
        for (const fraction of [0.2, 0.5, 0.8]) {
          while (audit.stats().persisted < total * fraction) await new Promise((r) => setTimeout(r, 10))
          await service.kill()
          await new Promise((r) => setTimeout(r, 300))
          await service.restart()
        }
      })()
      const started = performance.now()
      for (let i = 0; i < total; i++) await audit.emitAsync(makeEvent(corr, i))
      await kills
      const stats = await audit.close({ timeoutMs: 120_000 })
      const stored = await queryAll(readerOf(service), corr)
      console.log(
        `[stress kill] ${total} events, 3 × SIGKILL, ${((performance.now() - started) / 1000).toFixed(1)} s: stored ${stored.length}, unique ${uniqueIds(stored)}; retries ${stats.retries}, duplicates ${stats.duplicates}`,
      )
      expect(stored).toHaveLength(total)
      expect(uniqueIds(stored)).toBe(total)
      expect(stats).toMatchObject({ deadLettered: 0, failed: 0, pending: 0 })
    } finally {
      await service.stop()
    }
  })
})
