import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  chainDeadLetterQueues,
  createAuditClient,
  fileDeadLetterQueue,
  replaySpool,
} from '@audit-trail/audit-client'
import { redisDeadLetterQueue } from '@audit-trail/audit-client/redis'
import { startThrowawayRedis } from '@audit-trail/test-infra'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { startDatastorage } from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'
import { queryAll, readerOf, uniqueIds } from '../src/query.js'

const { databaseUrl, serviceUrl, tokens } = inject('e2e')
// Queries read with the reader token; clients write with the writer token, the least scope they need.
const shared = { url: serviceUrl, token: tokens.reader }
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe('crashes, outages and shutdown', () => {
  it('scenario 9: with the service and Redis both down, events go to the spool; replaySpool() delivers them exactly once', async () => {
    const corr = correlationId('s9')
    const service = await startDatastorage({ databaseUrl })
    const redisServer = await startThrowawayRedis()
    const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1, retryStrategy: () => 200 })
    redis.on('error', () => {})
    const dir = mkdtempSync(join(tmpdir(), 'e2e-s9-'))
    dirs.push(dir)
    const spool = join(dir, 'spool.jsonl')
    try {
      await service.stop()
      await redisServer.kill()
      const audit = createAuditClient({
        baseUrl: service.url,
        token: service.tokens.writer,
        service: 'e2e',
        maxRetries: 1,
        retryBaseMs: 20,
        requestTimeoutMs: 1000,
        deadLetter: chainDeadLetterQueues(
          redisDeadLetterQueue({ redis, timeoutMs: 500 }),
          fileDeadLetterQueue({ path: spool }),
        ),
      })
      for (let i = 0; i < 100; i++) audit.emit(makeEvent(corr, i))
      const stats = await audit.close()
      expect(stats).toMatchObject({ emitted: 100, deadLettered: 100, persisted: 0, failed: 0, pending: 0 })

      await service.restart()
      // The restarted service reads the same tokens file: the writer token still works.
      const first = await replaySpool({ path: spool, baseUrl: service.url, token: service.tokens.writer })
      const second = await replaySpool({ path: spool, baseUrl: service.url, token: service.tokens.writer })
      const stored = await queryAll(shared, corr)
      console.log(
        `[scenario 9] both down: ${stats.deadLettered} spooled; replay 1 ${JSON.stringify(first)}; replay 2 ${JSON.stringify(second)}; stored ${stored.length}`,
      )
      expect(first.replayed).toBe(100)
      expect(first.remaining).toBe(0)
      expect(second.replayed).toBe(0)
      expect(stored).toHaveLength(100)
      expect(uniqueIds(stored)).toBe(100)
    } finally {
      redis.disconnect()
      await redisServer.destroy()
      await service.stop()
    }
  })

  it('scenario 13: kill -9 of the service while 20,000 events stream; after a restart every event is stored exactly once', async () => {
    const corr = correlationId('s13')
    const service = await startDatastorage({ databaseUrl })
    try {
      const audit = createAuditClient({
        baseUrl: service.url,
        token: service.tokens.writer,
        service: 'e2e',
        bufferSize: 5000,
        batchSize: 500,
        flushIntervalMs: 100,
        // The retries must outlast the restart: 12 of them give about 5 s of backoff on average,
        // which a restart on a loaded machine (start-up, migrations, /readyz) can exceed; 40 give
        // about 19 s. Retries end as soon as the service is back, so an idle run is not slower.
        maxRetries: 40,
        retryBaseMs: 100,
        retryMaxMs: 1000,
        requestTimeoutMs: 5000,
      })
      const total = 20_000
      let killedAt = -1
      let restartMs = 0
      const restarted = (async () => {
        while (audit.stats().persisted < total * 0.3) await new Promise((r) => setTimeout(r, 5))
        killedAt = audit.stats().emitted
        await service.kill()
        const t = performance.now()
        await new Promise((r) => setTimeout(r, 500))
        await service.restart()
        restartMs = performance.now() - t
      })()
      for (let i = 0; i < total; i++) await audit.emitAsync(makeEvent(corr, i))
      await restarted
      const stats = await audit.close({ timeoutMs: 60_000 })
      const stored = await queryAll(readerOf(service), corr)
      console.log(
        `[scenario 13] kill -9 after ${killedAt} emitted, back in ${restartMs.toFixed(0)} ms: stored ${stored.length} rows, ${uniqueIds(stored)} unique; retries ${stats.retries}, duplicates reported ${stats.duplicates}`,
      )
      expect(killedAt).toBeGreaterThan(0)
      expect(stored).toHaveLength(total)
      expect(uniqueIds(stored)).toBe(total)
      expect(stats.persisted + stats.duplicates).toBe(total)
      expect(stats).toMatchObject({ deadLettered: 0, failed: 0, pending: 0 })
    } finally {
      await service.stop()
    }
  })

  it('scenario 14: SIGTERM to a process using installShutdownHooks with 1,000 buffered events: all stored', async () => {
    const corr = correlationId('s14')
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, '../fixtures/shutdown.mjs'), serviceUrl, corr, '1000'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AUDIT_TOKEN: tokens.writer } },
    )
    let output = ''
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString()
    })
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString()
    })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fixture not ready:\n${output}`)), 20_000)
      child.stdout.on('data', () => {
        if (output.includes('buffered 1000')) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    const before = await queryAll(shared, corr)
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    const t = performance.now()
    child.kill('SIGTERM')
    const code = await exited
    const stored = await queryAll(shared, corr)
    console.log(
      `[scenario 14] stored before SIGTERM: ${before.length}; exit ${code} after ${(performance.now() - t).toFixed(0)} ms; stored after: ${stored.length}`,
    )
    expect(before).toHaveLength(0)
    expect(stored).toHaveLength(1000)
    expect(uniqueIds(stored)).toBe(1000)
  })
})
