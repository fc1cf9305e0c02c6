import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAuditClient, fileDeadLetterQueue, ValidationError } from '@audit-trail/audit-client'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { type DatastorageProcess, startDatastorage } from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'
import { type FaultProxy, startFaultProxy } from '../src/fault-proxy.js'
import { queryAll, uniqueIds } from '../src/query.js'

const { serviceUrl, databaseUrl, tokens } = inject('e2e')
// Queries read with the reader token; clients write with the writer token, the least scope they need.
const shared = { url: serviceUrl, token: tokens.reader }
const BATCH_PATH = '/api/v1/audit/events/batch'

let strictService: DatastorageProcess
let proxy: FaultProxy | undefined
const dirs: string[] = []
beforeAll(async () => {
  // A second service on the same database that rejects event types outside the catalog: the
  // client accepts them (generic validation), so the server's 400 is the only line of defence.
  strictService = await startDatastorage({ databaseUrl, env: { UNKNOWN_EVENT_TYPES: 'reject' } })
})
afterAll(async () => {
  await strictService?.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})
afterEach(async () => {
  await proxy?.close()
  proxy = undefined
})

function spoolDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-spool-'))
  dirs.push(dir)
  return dir
}

function readSpool(path: string) {
  let text = ''
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return []
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: { event_id: string; event_type: string }; reason: string })
}

describe('invalid events, 4xx and 5xx', () => {
  it('scenario 6a: emit() refuses an invalid event synchronously and counts it refused', async () => {
    const audit = createAuditClient({ baseUrl: serviceUrl, token: tokens.writer, service: 'e2e' })
    const bad = { ...makeEvent(correlationId('s6a'), 0), event_outcome: 'maybe', event_type: 'Not A Type' }
    let caught: unknown
    try {
      audit.emit(bad as never)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ValidationError)
    const stats = await audit.close()
    console.log(
      `[scenario 6a] refused synchronously: ${(caught as Error).message}; stats ${JSON.stringify(stats)}`,
    )
    expect(stats.refused).toBe(1)
    expect(stats.emitted).toBe(0)
  })

  it('scenario 6b: a server 400 for one event stores the rest, dead-letters only that one, and is never retried', async () => {
    const corr = correlationId('s6b')
    proxy = await startFaultProxy(strictService.url)
    const spool = join(spoolDir(), 'spool.jsonl')
    const audit = createAuditClient({
      baseUrl: proxy.url,
      token: strictService.tokens.writer,
      service: 'e2e',
      flushIntervalMs: 60_000,
      retryBaseMs: 50,
      deadLetter: fileDeadLetterQueue({ path: spool }),
    })
    const ids: string[] = []
    for (let i = 0; i < 20; i++) ids.push(audit.emit(makeEvent(corr, i)))
    const rejectedId = audit.emit({
      ...makeEvent(corr, 99),
      event_type: 'billing.invoice.sent',
      event_category: 'security',
    })
    for (let i = 20; i < 30; i++) ids.push(audit.emit(makeEvent(corr, i)))
    const stats = await audit.close()
    const stored = await queryAll(shared, corr)
    const spooled = readSpool(spool)
    const attempts = proxy.counts().byPath[BATCH_PATH]
    console.log(
      `[scenario 6b] 31 events, 1 unknown type: stored ${stored.length}, dead-lettered ${spooled.length} (${spooled[0]?.reason}), batch requests ${attempts}; stats ${JSON.stringify(stats)}`,
    )
    expect(stored.map((e) => e.event_id).sort()).toEqual([...ids].sort())
    expect(spooled.map((m) => m.event.event_id)).toEqual([rejectedId])
    expect(spooled[0]?.reason).toMatch(/event_type/)
    // The 400 itself is not retried: one request that was refused, one with the valid rest.
    expect(attempts).toBe(2)
    expect(stats).toMatchObject({ emitted: 31, persisted: 30, deadLettered: 1, failed: 0, pending: 0 })
  })

  it('scenario 6c: a non-retryable 4xx (409) is sent once and its batch dead-lettered', async () => {
    const corr = correlationId('s6c')
    proxy = await startFaultProxy(serviceUrl)
    proxy.fail({ status: 409, times: Number.POSITIVE_INFINITY, pathPrefix: BATCH_PATH })
    const spool = join(spoolDir(), 'spool.jsonl')
    const audit = createAuditClient({
      baseUrl: proxy.url,
      token: tokens.writer,
      service: 'e2e',
      retryBaseMs: 10,
      deadLetter: fileDeadLetterQueue({ path: spool }),
    })
    for (let i = 0; i < 10; i++) audit.emit(makeEvent(corr, i))
    const stats = await audit.close()
    console.log(
      `[scenario 6c] 409 from the server: ${proxy.counts().byPath[BATCH_PATH]} attempt(s), ${readSpool(spool).length} dead-lettered`,
    )
    expect(proxy.counts().byPath[BATCH_PATH]).toBe(1)
    expect(readSpool(spool)).toHaveLength(10)
    expect(stats).toMatchObject({ emitted: 10, persisted: 0, deadLettered: 10, retries: 0 })
  })

  it('scenario 7: a 5xx storm is retried with real, growing delays, then succeeds with zero loss', async () => {
    const corr = correlationId('s7')
    proxy = await startFaultProxy(serviceUrl)
    proxy.fail({ status: 503, times: 3, pathPrefix: BATCH_PATH })
    const audit = createAuditClient({
      baseUrl: proxy.url,
      token: tokens.writer,
      service: 'e2e',
      flushIntervalMs: 60_000,
      maxRetries: 5,
      retryBaseMs: 200,
      retryMaxMs: 5000,
    })
    for (let i = 0; i < 200; i++) audit.emit(makeEvent(corr, i))
    const stats = await audit.close()
    const arrivals = proxy.arrivals(BATCH_PATH)
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!)
    const stored = await queryAll(shared, corr)
    console.log(
      `[scenario 7] 3 × 503 then success: ${arrivals.length} attempts, delays ${gaps.map((g) => g.toFixed(0)).join(' / ')} ms (full jitter under caps 200/400/800); stored ${stored.length}; stats ${JSON.stringify(stats)}`,
    )
    expect(arrivals).toHaveLength(4)
    expect(stats.retries).toBe(3)
    // Full jitter: each delay is random below base·2^n, so each stays under its cap (+ scheduling slack).
    for (const [n, gap] of gaps.entries()) expect(gap).toBeLessThan(200 * 2 ** n + 150)
    expect(uniqueIds(stored)).toBe(200)
    expect(stored).toHaveLength(200)
    expect(stats).toMatchObject({ persisted: 200, deadLettered: 0, failed: 0, pending: 0 })
  })

  it('scenario 7b: Retry-After from the server sets the delay (measured at the server side)', async () => {
    const corr = correlationId('s7b')
    proxy = await startFaultProxy(serviceUrl)
    proxy.fail({ status: 429, times: 2, pathPrefix: BATCH_PATH, retryAfter: '1' })
    const audit = createAuditClient({
      baseUrl: proxy.url,
      token: tokens.writer,
      service: 'e2e',
      flushIntervalMs: 60_000,
      retryBaseMs: 10,
    })
    for (let i = 0; i < 10; i++) audit.emit(makeEvent(corr, i))
    await audit.flush()
    const arrivals = proxy.arrivals(BATCH_PATH)
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!)
    console.log(
      `[scenario 7b] 2 × 429 with Retry-After: 1 → delays ${gaps.map((g) => g.toFixed(0)).join(' / ')} ms`,
    )
    expect(gaps).toHaveLength(2)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950)
    expect(await queryAll(shared, corr)).toHaveLength(10)
    await audit.close()
  })
})
