import type { AuditEventBatchCreated, AuditEventCreated } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import type { AuditEventStore } from '../src/store/audit-event-store.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import { buildTestApp, type TestApp } from './support/app.js'
import { postJson, uniqueCorrelationId, validEvent } from './support/events.js'
import { literalAfterKey, sameDecimal } from './support/exact-decimal.js'
import { ADMIN_URL } from './support/postgres.js'

const EVENTS = '/api/v1/audit/events'
const BATCH = '/api/v1/audit/events/batch'

let database: TestDatabase
let store: AuditEventStore
let sql: postgres.Sql
let test: TestApp

beforeAll(async () => {
  database = await createTestDatabase(ADMIN_URL)
  const handle = await openDatabase({ url: database.url })
  await migrateDatabase(handle)
  store = createAuditEventStore(handle)
  sql = postgres(database.url, { max: 1, onnotice: () => {} })
  test = buildTestApp(store)
})
afterAll(async () => {
  await sql?.end()
  await store?.close()
  await database?.drop()
})

/** An event as JSON text whose `@name` placeholders are replaced by number literals as written. */
function eventText(
  correlation_id: string,
  topLevel: Record<string, string>,
  data: Record<string, string>,
): string {
  const event = validEvent({
    correlation_id,
    event_type: 'test.numbers.recorded',
    event_data: { ...Object.fromEntries(Object.keys(data).map((k) => [k, `@${k}`])), list: ['@in_list'] },
    ...Object.fromEntries(Object.keys(topLevel).map((k) => [k, `@${k}`])),
  })
  return JSON.stringify(event).replace(/"@(\w+)"/g, (_, k: string) => topLevel[k] ?? data[k] ?? '2.50')
}

/** What PostgreSQL holds: jsonb prints its numerics exactly, so this text is the stored value. */
async function storedRow(eventId: string): Promise<{ data: string; duration_ms: number | null }> {
  const rows = await sql<Array<{ data: string; duration_ms: number | null }>>`
    select event_data::text as data, duration_ms from audit_events where event_id = ${eventId}`
  expect(rows).toHaveLength(1)
  return rows[0]!
}

const storable: Record<string, string> = {
  hundred: '1e2',
  tenth: '0.1',
  minus_zero: '-0.0',
  double_sum: '0.30000000000000004',
  max_safe: '-9007199254740991',
  huge: '1.5e300',
  largest: '1.7976931348623157E308',
  tiny: '5e-324',
  small: '-123.456e-2',
}

describe('numbers in PostgreSQL', () => {
  it('holds every literal of a stored event with the decimal value sent', async () => {
    const res = await test.app.request(
      EVENTS,
      postJson(eventText(uniqueCorrelationId('pg-exact'), { duration_ms: '1.5e3' }, storable)),
    )
    expect(res.status).toBe(201)
    const { event_id } = (await res.json()) as AuditEventCreated
    const row = await storedRow(event_id)
    for (const [key, sent] of Object.entries({ ...storable, list: '2.50' })) {
      const held =
        key === 'list' ? /"list": \[([^\]]+)\]/.exec(row.data)?.[1] : literalAfterKey(row.data, key)
      expect(held !== undefined && sameDecimal(sent, held), `${key}: sent ${sent}, stored ${held}`).toBe(true)
    }
    expect(row.duration_ms).toBe(1500)
  })

  it('holds the numbers of each event of a batch as sent', async () => {
    const correlation_id = uniqueCorrelationId('pg-batch')
    const entries = Object.entries(storable)
    const res = await test.app.request(
      BATCH,
      postJson(`[${entries.map(([k, v]) => eventText(correlation_id, {}, { [k]: v })).join(',')}]`),
    )
    expect(res.status).toBe(201)
    const { event_ids } = (await res.json()) as AuditEventBatchCreated
    for (const [i, [key, sent]] of entries.entries()) {
      const held = literalAfterKey((await storedRow(event_ids[i]!)).data, key)
      expect(held !== undefined && sameDecimal(sent, held), `${key}: sent ${sent}, stored ${held}`).toBe(true)
    }
  })

  it('holds nothing of a batch with one number that would change', async () => {
    const correlation_id = uniqueCorrelationId('pg-refused')
    const events = [
      eventText(correlation_id, {}, { n: '1' }),
      eventText(correlation_id, {}, { n: '1e-400' }),
      eventText(correlation_id, {}, { n: '0.1' }),
    ]
    const res = await test.app.request(BATCH, postJson(`[${events.join(',')}]`))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([
      {
        index: 1,
        field: 'event_data.n',
        message: 'number 1e-400 cannot be stored exactly (it would become 0)',
      },
    ])
    const [{ count }] = await sql<[{ count: number }]>`
      select count(*)::int as count from audit_events where correlation_id = ${correlation_id}`
    expect(count).toBe(0)
  })
})
