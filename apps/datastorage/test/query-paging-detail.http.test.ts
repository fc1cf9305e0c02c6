import type { AuditEvent, AuditEventPage, Problem } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import { buildTestApp, type TestApp } from './support/app.js'
import { postJson, uniqueCorrelationId, validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

// What clients of the system this one replaces send to the query endpoint and in their events,
// over HTTP on a real PostgreSQL: offset paging, the event_data detail filter, parent_event_date.

const EVENTS = '/api/v1/audit/events'
const BATCH = '/api/v1/audit/events/batch'

let testDatabase: TestDatabase
let database: DatabaseHandle
let test: TestApp
beforeAll(async () => {
  testDatabase = await createTestDatabase(ADMIN_URL, 'audit_query_paging')
  database = await openDatabase({ url: testDatabase.url })
  await migrateDatabase(database)
  test = buildTestApp(createAuditEventStore(database))
})
afterAll(async () => {
  await database?.close()
  await testDatabase?.drop()
})

/** An event of a type outside the catalog (free event_data), stored as sent. */
function event(overrides: Record<string, unknown>) {
  return validEvent({ event_type: 'compat.query.checked', event_data: {}, ...overrides })
}

async function store(events: unknown[] | string): Promise<void> {
  const res = await test.app.request(BATCH, postJson(events))
  expect(res.status, await res.clone().text()).toBe(201)
}

async function page(params: Record<string, string>): Promise<AuditEventPage> {
  const res = await test.app.request(`${EVENTS}?${new URLSearchParams(params)}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as AuditEventPage
}

describe('offset paging', () => {
  it('gives the pages the cursor gives, with pagination.offset, and a next_cursor to switch to', async () => {
    const correlation_id = uniqueCorrelationId('offset')
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    // 45 events on 4 instants: the order inside one instant is event_id DESC both ways.
    await store(
      Array.from({ length: 45 }, (_, i) =>
        event({ correlation_id, event_timestamp: `${day}T0${i % 4}:00:00Z` }),
      ),
    )
    const byCursor: AuditEventPage[] = []
    let cursor: string | null = null
    do {
      const next: AuditEventPage = await page({ correlation_id, limit: '10', ...(cursor ? { cursor } : {}) })
      expect(next.pagination).not.toHaveProperty('offset')
      byCursor.push(next)
      cursor = next.pagination.next_cursor
    } while (cursor)
    expect(byCursor.map((p) => p.data.length)).toEqual([10, 10, 10, 10, 5])

    for (const [index, expected] of byCursor.entries()) {
      const byOffset = await page({ correlation_id, limit: '10', offset: String(index * 10) })
      expect(byOffset.data).toEqual(expected.data)
      expect(byOffset.pagination).toEqual({ ...expected.pagination, offset: index * 10 })
    }
    expect((await page({ correlation_id, offset: '0' })).pagination).toMatchObject({ limit: 100, offset: 0 })
  })

  it('refuses offset with cursor naming both, and offset above 10000', async () => {
    const first = await page({ limit: '1' })
    const both = await test.app.request(
      `${EVENTS}?${new URLSearchParams({ offset: '0', cursor: first.pagination.next_cursor ?? 'abc' })}`,
    )
    expect(both.status).toBe(400)
    expect(both.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await both.json()) as Problem
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['cursor', 'offset'])

    const deep = await test.app.request(`${EVENTS}?offset=10001`)
    expect(deep.status).toBe(400)
    expect(((await deep.json()) as Problem).errors).toEqual([expect.objectContaining({ field: 'offset' })])
    expect((await test.app.request(`${EVENTS}?offset=10000`)).status).toBe(200)
  })
})

describe('the detail filter', () => {
  it('matches a top-level event_data value as text: string and number alike, exact, wildcards literal', async () => {
    const correlation_id = uniqueCorrelationId('detail')
    const sent: Array<[string, string]> = [
      ['string', '{"task_id":"42"}'],
      ['number', '{"task_id":42}'],
      // A number is stored as its value (42.0 is 42), so its text is the value's: `42`.
      ['decimal', '{"task_id":42.0}'],
      ['fraction', '{"task_id":42.50}'],
      ['percent', '{"task_id":"task-%"}'],
      ['likeMatch', '{"task_id":"task-abc"}'],
      ['other', '{"other_id":"42"}'],
      ['quoted', `{"task_id":"O'Brien \\"x\\""}`],
    ]
    await store(
      `[${sent
        .map(([name, data]) => {
          const json = JSON.stringify(event({ correlation_id, resource_name: name, event_data: {} }))
          return json.replace('"event_data":{}', `"event_data":${data}`)
        })
        .join(',')}]`,
    )
    const names = async (detail_key: string, detail_value: string) =>
      (await page({ correlation_id, detail_key, detail_value })).data.map((e) => e.resource_name).sort()
    expect(await names('task_id', '42')).toEqual(['decimal', 'number', 'string'])
    expect(await names('task_id', '42.0')).toEqual([])
    expect(await names('task_id', '42.5')).toEqual(['fraction'])
    expect(await names('task_id', 'task-%')).toEqual(['percent'])
    expect(await names('task_id', 'task-___')).toEqual([])
    expect(await names('other_id', '42')).toEqual(['other'])
    expect(await names('task_id', `O'Brien "x"`)).toEqual(['quoted'])
    expect(await names('task_id', "' OR '1'='1")).toEqual([])
  })

  it('refuses a key outside [a-zA-Z0-9_] before it reaches SQL', async () => {
    for (const key of ["task_id' OR '1'='1", 'a->>b', 'a b', 'ключ']) {
      const res = await test.app.request(
        `${EVENTS}?${new URLSearchParams({ detail_key: key, detail_value: '1' })}`,
      )
      expect(res.status, key).toBe(400)
      expect(((await res.json()) as Problem).errors).toEqual([
        expect.objectContaining({ field: 'detail_key' }),
      ])
    }
  })
})

describe('parent_event_date', () => {
  it('is stored as its UTC instant and returned on every read', async () => {
    const correlation_id = uniqueCorrelationId('parent-date')
    const parent = event({ correlation_id, event_timestamp: '2025-11-20T10:15:30+02:00' })
    const res = await test.app.request(EVENTS, postJson(parent))
    expect(res.status).toBe(201)
    const { event_id: parentId } = (await res.json()) as { event_id: string }
    const child = event({
      correlation_id,
      parent_event_id: parentId,
      parent_event_date: '2025-11-20T10:15:30+02:00',
      event_timestamp: '2025-11-20T08:16:00.1234567Z',
    })
    const created = await test.app.request(EVENTS, postJson(child))
    expect(created.status).toBe(201)
    const { event_id: childId } = (await created.json()) as { event_id: string }

    const byId = (await (await test.app.request(`${EVENTS}/${childId}`)).json()) as AuditEvent
    expect(byId).toMatchObject({ parent_event_id: parentId, parent_event_date: '2025-11-20T08:15:30.000Z' })
    const listed = await page({ correlation_id })
    expect(listed.data.find((e) => e.event_id === childId)?.parent_event_date).toBe(
      '2025-11-20T08:15:30.000Z',
    )
    // The parent's own timestamp, as stored: the same instant.
    const stored = listed.data.find((e) => e.event_id === parentId)
    expect(stored?.event_timestamp).toBe(byId.parent_event_date)
    expect(stored).not.toHaveProperty('parent_event_date')
  })

  it('refuses what event_timestamp refuses, naming the field', async () => {
    for (const parent_event_date of [
      '2025-11-20',
      '2025-11-20T10:15:30',
      '2016-12-31T23:59:60Z',
      '10000-01-01T00:00:00Z',
    ]) {
      const res = await test.app.request(EVENTS, postJson(event({ parent_event_date })))
      expect(res.status, parent_event_date).toBe(400)
      expect(((await res.json()) as Problem).errors).toEqual([
        expect.objectContaining({ field: 'parent_event_date' }),
      ])
    }
  })
})
