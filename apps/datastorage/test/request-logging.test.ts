import { describe, expect, it } from 'vitest'
import { StoreUnavailableError } from '../src/errors.js'
import type { AuditEventStore } from '../src/store/audit-event-store.js'
import { buildTestApp } from './support/app.js'

/** A store whose every call fails with `error` (no DLQ is configured, so a write answers the error). */
function failingStore(error: Error): AuditEventStore {
  const fail = () => Promise.reject(error)
  return {
    kind: 'postgres',
    insert: fail,
    query: fail,
    get: fail,
    histogram: fail,
    ping: fail,
    close: async () => {},
  }
}

const requestLines = (logs: Array<Record<string, unknown>>) =>
  logs.filter((l) => l.msg === 'request failed' || String(l.msg).startsWith('request refused'))

describe('the request log line', () => {
  it('is a warning for a 503 (PostgreSQL unavailable), not an error', async () => {
    const test = buildTestApp(failingStore(new StoreUnavailableError('connection refused')))
    const res = await test.app.request('/api/v1/audit/events/01890a5d-ac96-774b-bcce-b302099a8000')
    expect(res.status).toBe(503)
    expect(requestLines(test.logs())).toEqual([
      expect.objectContaining({ level: 40, status: 503, msg: 'request refused for now (503)' }),
    ])
  })

  it('is an error for a 500', async () => {
    const test = buildTestApp(failingStore(new Error('boom')))
    const res = await test.app.request('/api/v1/audit/events/01890a5d-ac96-774b-bcce-b302099a8000')
    expect(res.status).toBe(500)
    expect(requestLines(test.logs())).toEqual([
      expect.objectContaining({ level: 50, status: 500, msg: 'request failed' }),
    ])
  })
})
