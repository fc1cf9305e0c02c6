import type { Problem } from '@audit-trail/datastorage-client'
import { describe, expect, it } from 'vitest'
import type { AuditEventStore } from '../src/store/audit-event-store.js'
import { buildTestApp } from './support/app.js'
import { postJson, validEvent } from './support/events.js'

/** A store whose inserts PostgreSQL refuses for the data (SQLSTATE 22007, as from a bad date). */
function refusingStore(): AuditEventStore {
  const refusal = Object.assign(new Error('invalid input syntax for type timestamp with time zone'), {
    code: '22007',
  })
  return {
    kind: 'postgres',
    insert: () => Promise.reject(refusal),
    query: () => Promise.reject(new Error('not used')),
    get: () => Promise.resolve(null),
    histogram: () => Promise.reject(new Error('not used')),
    ping: () => Promise.resolve(),
    close: async () => {},
  }
}

describe('an event the validator passed and PostgreSQL refuses for its data', () => {
  it('single: 400 validation-error without an index (single events have none), nothing stored', async () => {
    const test = buildTestApp(refusingStore())
    const res = await test.app.request('/api/v1/audit/events', postJson(validEvent()))
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem
    expect(problem).toMatchObject({
      type: 'https://audit-trail.dev/problems/validation-error',
      detail: 'PostgreSQL refused the event; nothing was stored.',
    })
    expect(problem.errors).toHaveLength(1)
    expect(problem.errors![0]).not.toHaveProperty('index')
    expect(problem.errors![0]!.message).toMatch(/PostgreSQL refused it: .*22007/)
  })

  it('batch: 400 naming the event by index', async () => {
    const test = buildTestApp(refusingStore())
    const res = await test.app.request('/api/v1/audit/events/batch', postJson([validEvent()]))
    expect(res.status).toBe(400)
    expect(((await res.json()) as Problem).errors).toEqual([expect.objectContaining({ index: 0 })])
  })
})
