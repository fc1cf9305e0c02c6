import type { components, Problem } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import { buildTestApp, type TestApp } from './support/app.js'
import { postJson, uniqueCorrelationId, validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

// GET /api/v1/audit/events/histogram over a real PostgreSQL: counts per bucket and outcome, the
// empty buckets listed, the window's bounds (since inclusive, until exclusive), the defaults, and
// the refusals.

type EventHistogram = components['schemas']['EventHistogram']
const HISTOGRAM = '/api/v1/audit/events/histogram'

let testDatabase: TestDatabase
let database: DatabaseHandle
let test: TestApp
beforeAll(async () => {
  testDatabase = await createTestDatabase(ADMIN_URL, 'audit_histogram')
  database = await openDatabase({ url: testDatabase.url })
  await migrateDatabase(database)
  test = buildTestApp(createAuditEventStore(database))
})
afterAll(async () => {
  await database?.close()
  await testDatabase?.drop()
})

async function store(events: unknown[]): Promise<void> {
  const res = await test.app.request('/api/v1/audit/events/batch', postJson(events))
  expect(res.status, await res.clone().text()).toBe(201)
}

async function histogram(params: Record<string, string>): Promise<EventHistogram> {
  const res = await test.app.request(`${HISTOGRAM}?${new URLSearchParams(params)}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as EventHistogram
}

const at = (time: string, outcome: 'success' | 'failure' | 'pending', correlation_id: string) =>
  validEvent({ correlation_id, event_timestamp: `2026-03-10T${time}Z`, event_outcome: outcome })

describe('counts', () => {
  const correlation_id = uniqueCorrelationId('histogram')
  beforeAll(() =>
    store([
      at('10:00:00.000000', 'success', correlation_id), // on since: counted (inclusive)
      at('10:00:59.999999', 'failure', correlation_id),
      at('10:01:30.000000', 'success', correlation_id),
      at('10:01:30.500000', 'success', correlation_id),
      at('10:01:31.000000', 'pending', correlation_id),
      // 10:02 stays empty
      at('10:03:00.000001', 'failure', correlation_id),
      at('10:04:59.999999', 'success', correlation_id), // before until: counted
      at('10:05:00.000000', 'success', correlation_id), // on until: not counted (exclusive)
      at('09:59:59.999999', 'failure', correlation_id), // before since: not counted
      validEvent({ event_timestamp: '2026-03-10T10:01:00Z', correlation_id: 'someone-else' }),
    ]),
  )

  it('counts per minute and outcome, lists empty buckets, since inclusive and until exclusive', async () => {
    const body = await histogram({
      correlation_id,
      since: '2026-03-10T10:00:00Z',
      until: '2026-03-10T10:05:00Z',
    })
    expect(body).toEqual({
      interval: '1m',
      // As the API writes every timestamp: whole milliseconds in JavaScript's form.
      since: '2026-03-10T10:00:00.000Z',
      until: '2026-03-10T10:05:00.000Z',
      buckets: [
        { start: '2026-03-10T10:00:00.000Z', success: 1, failure: 1, pending: 0 },
        { start: '2026-03-10T10:01:00.000Z', success: 2, failure: 0, pending: 1 },
        { start: '2026-03-10T10:02:00.000Z', success: 0, failure: 0, pending: 0 },
        { start: '2026-03-10T10:03:00.000Z', success: 0, failure: 1, pending: 0 },
        { start: '2026-03-10T10:04:00.000Z', success: 1, failure: 0, pending: 0 },
      ],
    })
  })

  it('starts the first bucket at the multiple of the interval at or before since', async () => {
    const body = await histogram({
      correlation_id,
      interval: '5m',
      since: '2026-03-10T09:58:00Z',
      until: '2026-03-10T10:05:00.000001Z',
    })
    expect(body.buckets).toEqual([
      { start: '2026-03-10T09:55:00.000Z', success: 0, failure: 1, pending: 0 },
      { start: '2026-03-10T10:00:00.000Z', success: 4, failure: 2, pending: 1 },
      // until has a microsecond past 10:05: the bucket of 10:05:00 is in the window.
      { start: '2026-03-10T10:05:00.000Z', success: 1, failure: 0, pending: 0 },
    ])
    expect(body.until).toBe('2026-03-10T10:05:00.000001Z')
  })

  it('applies the filters of the query', async () => {
    const body = await histogram({
      correlation_id,
      event_outcome: 'failure',
      interval: '1h',
      since: '2026-03-10T00:00:00Z',
      until: '2026-03-11T00:00:00Z',
    })
    expect(body.buckets).toHaveLength(24)
    expect(body.buckets[9]).toEqual({ start: '2026-03-10T09:00:00.000Z', success: 0, failure: 1, pending: 0 })
    expect(body.buckets[10]).toEqual({
      start: '2026-03-10T10:00:00.000Z',
      success: 0,
      failure: 2,
      pending: 0,
    })
    const total = body.buckets.reduce((sum, b) => sum + b.success + b.failure + b.pending, 0)
    expect(total).toBe(3)
  })
})

describe('the window', () => {
  it('defaults to the hour before now, by minute (61 buckets when now is not on a minute)', async () => {
    const correlation_id = uniqueCorrelationId('recent')
    await store([
      validEvent({ correlation_id, event_timestamp: new Date(Date.now() - 90_000).toISOString() }),
    ])
    const before = Date.now()
    const body = await histogram({ correlation_id })
    const since = Date.parse(body.since)
    const until = Date.parse(body.until)
    expect(until - since).toBe(3_600_000)
    expect(until).toBeGreaterThanOrEqual(before - 1)
    expect(body.buckets.length === 60 || body.buckets.length === 61).toBe(true)
    expect(Date.parse(body.buckets[0]!.start)).toBe(Math.floor(since / 60_000) * 60_000)
    expect(body.buckets.reduce((sum, b) => sum + b.success, 0)).toBe(1)
  })

  it('refuses more than 1440 buckets naming interval, with the other errors', async () => {
    const res = await test.app.request(`${HISTOGRAM}?since=2d&interval=1m&trace_id=nope&bogus=1`)
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem & { errors: { field: string; message: string }[] }
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['bogus', 'interval', 'trace_id'])
    expect(problem.errors.find((e) => e.field === 'interval')!.message).toMatch(/at most 1440/)
    // 1440 buckets exactly are served.
    const day = await histogram({ since: '2026-03-10T00:00:00Z', until: '2026-03-11T00:00:00Z' })
    expect(day.buckets).toHaveLength(1440)
  })

  it('refuses since not before until, given or defaulted, and an unknown interval', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString()
    for (const [query, field] of [
      [`since=${future}`, 'since'],
      ['until=2000-01-01T00:00:00Z', 'until'],
      ['since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z', 'since'],
      ['interval=2m', 'interval'],
    ] as const) {
      const res = await test.app.request(`${HISTOGRAM}?${query}`)
      expect(res.status, query).toBe(400)
      const problem = (await res.json()) as { errors: { field: string }[] }
      expect(problem.errors.map((e) => e.field)).toEqual([field])
    }
  })
})
