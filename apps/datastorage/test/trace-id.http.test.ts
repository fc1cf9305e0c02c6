import type { AuditEventPage, Problem } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase, rowsOf } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import { buildTestApp, type TestApp } from './support/app.js'
import { postJson, uniqueCorrelationId, validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

// The trace_id filter of the query, over HTTP on a real PostgreSQL, and the partial index behind it.

const EVENTS = '/api/v1/audit/events'

let testDatabase: TestDatabase
let database: DatabaseHandle
let test: TestApp
beforeAll(async () => {
  testDatabase = await createTestDatabase(ADMIN_URL, 'audit_trace_id')
  database = await openDatabase({ url: testDatabase.url })
  await migrateDatabase(database)
  test = buildTestApp(createAuditEventStore(database))
})
afterAll(async () => {
  await database?.close()
  await testDatabase?.drop()
})

const traceA = 'a'.repeat(31) + '1'
const traceB = 'b'.repeat(31) + '2'

describe('trace_id', () => {
  it('finds exactly the events of one trace, with the other filters', async () => {
    const correlation_id = uniqueCorrelationId('trace')
    const events = [
      validEvent({ correlation_id, trace_id: traceA, span_id: '1'.repeat(16) }),
      validEvent({ correlation_id, trace_id: traceA, event_outcome: 'failure' }),
      validEvent({ correlation_id, trace_id: traceB }),
      validEvent({ correlation_id }),
    ]
    const res = await test.app.request(`${EVENTS}/batch`, postJson(events))
    expect(res.status, await res.clone().text()).toBe(201)
    const ids = ((await res.json()) as { event_ids: string[] }).event_ids

    const page = async (params: Record<string, string>) => {
      const r = await test.app.request(`${EVENTS}?${new URLSearchParams(params)}`)
      expect(r.status, await r.clone().text()).toBe(200)
      return ((await r.json()) as AuditEventPage).data.map((e) => e.event_id).sort()
    }
    expect(await page({ trace_id: traceA })).toEqual([ids[0], ids[1]].sort())
    expect(await page({ trace_id: traceB })).toEqual([ids[2]])
    expect(await page({ trace_id: traceA, event_outcome: 'failure' })).toEqual([ids[1]])
    expect(await page({ trace_id: 'c'.repeat(32) })).toEqual([])
  })

  it('refuses a trace id that is not 32 lowercase hex digits, with the other bad parameters', async () => {
    const res = await test.app.request(`${EVENTS}?trace_id=${'A'.repeat(32)}&limit=0&bogus=1`)
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem & { errors: { field: string }[] }
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['bogus', 'limit', 'trace_id'])
  })

  it('has a partial index on (trace_id, event_timestamp DESC) that the planner uses', async () => {
    const [index] = rowsOf<{ indexdef: string }>(
      await database.db.execute(
        sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'audit_events_trace_id_idx'`,
      ),
    )
    expect(index?.indexdef).toMatch(/\(trace_id, event_timestamp DESC\) WHERE \(trace_id IS NOT NULL\)/)
    // Without the index the only plans left would scan: make that visible in the plan.
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`)
      const rows = rowsOf<{ 'QUERY PLAN': string }>(
        await tx.execute(
          sql`EXPLAIN SELECT event_id FROM audit_events WHERE trace_id = ${traceA} ORDER BY event_timestamp DESC LIMIT 10`,
        ),
      )
      return rows.map((r) => r['QUERY PLAN']).join('\n')
    })
    // Each partition has its own copy of the index, named after the partition.
    expect(plan).toMatch(/Index Scan using audit_events_\w+_trace_id_event_timestamp_idx/)
  })
})
