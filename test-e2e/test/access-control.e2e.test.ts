import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type AuditClientError,
  createAuditClient,
  DeliveryFailedError,
  fileDeadLetterQueue,
  HttpError,
} from '@audit-trail/audit-client'
import { uuidv7 } from '@audit-trail/datastorage-client'
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest'
import { validatingFetch } from '../src/contract/validating-fetch.js'
import { startDatastorage } from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'
import { type FaultProxy, startFaultProxy } from '../src/fault-proxy.js'
import { queryAll, uniqueIds } from '../src/query.js'

/** Every answer is also held to the contract (src/contract). */
const fetch = validatingFetch()
/**
 * Access control seen from the client's side: the shared service runs with a tokens file, as every
 * other scenario does; the quick start's set-up (no tokens file, loopback only) still works.
 */
const { serviceUrl, databaseUrl, tokens } = inject('e2e')
const EVENTS = '/api/v1/audit/events'
const BATCH_PATH = `${EVENTS}/batch`

let proxy: FaultProxy | undefined
const dirs: string[] = []
afterEach(async () => {
  await proxy?.close()
  proxy = undefined
})
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** A batch of one complete event, as the client would send it. */
function batchOf(corr: string) {
  const event = {
    ...makeEvent(corr, 0),
    version: '1.0',
    event_id: uuidv7(),
    event_timestamp: new Date().toISOString(),
  }
  return JSON.stringify([event])
}

describe('access control, client → service', () => {
  it('protected mode (no tokens file): the quick start stores and queries without a token', async () => {
    const corr = correlationId('protected')
    const service = await startDatastorage({ databaseUrl, auth: 'protected' })
    try {
      expect(() => service.tokens).toThrow(/protected mode/)
      const audit = createAuditClient({ baseUrl: service.url, service: 'e2e', flushIntervalMs: 60_000 })
      for (let i = 0; i < 10; i++) audit.emit(makeEvent(corr, i))
      const stats = await audit.close()
      const stored = await queryAll({ url: service.url }, corr)
      console.log(
        `[access] protected mode, no token: stats ${JSON.stringify(stats)}; queried without a token: ${stored.length}`,
      )
      expect(stats).toMatchObject({ emitted: 10, persisted: 10, failed: 0, pending: 0 })
      expect(uniqueIds(stored)).toBe(10)
    } finally {
      await service.stop()
    }
  })

  it('tokens mode: no token is a 401 problem with WWW-Authenticate; a writer token cannot query (403), a reader can', async () => {
    const corr = correlationId('scopes')
    const missing = await fetch(`${serviceUrl}${BATCH_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batchOf(corr),
    })
    expect(missing.status).toBe(401)
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /)
    expect(await missing.json()).toMatchObject({ status: 401 })

    const written = await fetch(`${serviceUrl}${BATCH_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.writer}` },
      body: batchOf(corr),
    })
    expect(written.status).toBe(201)

    const query = `${serviceUrl}${EVENTS}?correlation_id=${encodeURIComponent(corr)}`
    const asWriter = await fetch(query, { headers: { authorization: `Bearer ${tokens.writer}` } })
    const problem = (await asWriter.json()) as { status: number; detail: string }
    console.log(`[access] writer token on the query API: ${asWriter.status} ${problem.detail}`)
    expect(asWriter.status).toBe(403)
    expect(asWriter.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(problem).toMatchObject({ status: 403, detail: expect.stringContaining('audit:read') })

    expect(await queryAll({ url: serviceUrl, token: tokens.reader }, corr)).toHaveLength(1)
  })

  it('an audit client with a reader token: the 403 is sent once, never retried, and reported (onError, or the DLQ)', async () => {
    const corr = correlationId('reader-writes')
    proxy = await startFaultProxy(serviceUrl)
    const reported: AuditClientError[] = []
    const withoutDlq = createAuditClient({
      baseUrl: proxy.url,
      token: tokens.reader,
      service: 'e2e',
      flushIntervalMs: 60_000,
      retryBaseMs: 10,
      onError: (error) => reported.push(error),
    })
    for (let i = 0; i < 10; i++) withoutDlq.emit(makeEvent(corr, i))
    const failedStats = await withoutDlq.close()
    const attempts = proxy.counts().byPath[BATCH_PATH]
    console.log(
      `[access] reader token writing, no DLQ: ${attempts} request(s); stats ${JSON.stringify(failedStats)}; onError: ${reported.map((e) => e.message).join(' | ')}`,
    )
    expect(attempts).toBe(1)
    expect(failedStats).toMatchObject({ emitted: 10, persisted: 0, failed: 10, retries: 0, pending: 0 })
    expect(reported).toHaveLength(1)
    const error = reported[0] as DeliveryFailedError
    expect(error).toBeInstanceOf(DeliveryFailedError)
    expect(error.events).toHaveLength(10)
    expect(error.cause).toBeInstanceOf(HttpError)
    expect((error.cause as HttpError).status).toBe(403)

    const dir = mkdtempSync(join(tmpdir(), 'e2e-access-'))
    dirs.push(dir)
    const spool = join(dir, 'spool.jsonl')
    const withDlq = createAuditClient({
      baseUrl: proxy.url,
      token: tokens.reader,
      service: 'e2e',
      flushIntervalMs: 60_000,
      retryBaseMs: 10,
      deadLetter: fileDeadLetterQueue({ path: spool }),
    })
    for (let i = 0; i < 10; i++) withDlq.emit(makeEvent(corr, 100 + i))
    const parkedStats = await withDlq.close()
    const parked = readFileSync(spool, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { reason: string; attempts: number })
    console.log(
      `[access] reader token writing, file DLQ: ${parked.length} dead-lettered: "${parked[0]?.reason}"`,
    )
    expect(proxy.counts().byPath[BATCH_PATH]).toBe(2)
    expect(parkedStats).toMatchObject({ emitted: 10, deadLettered: 10, failed: 0, retries: 0 })
    expect(parked).toHaveLength(10)
    expect(parked.every((m) => /403/.test(m.reason) && m.attempts === 1)).toBe(true)

    // Nothing of either client reached the table.
    expect(await queryAll({ url: serviceUrl, token: tokens.reader }, corr)).toHaveLength(0)
  })
})
