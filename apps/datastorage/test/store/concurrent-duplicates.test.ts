import { canonicalTimestamp } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import { sql } from 'drizzle-orm'
import { TransactionRollbackError } from 'drizzle-orm/errors'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase, rowsOf } from '../../src/db/client.js'
import { migrateDatabase } from '../../src/db/migrate.js'
import { createPartitionManager } from '../../src/db/partitions.js'
import { bulkInsertStatement } from '../../src/store/audit-event-row.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { makeEvent } from '../store-suite.js'
import { RECORDED_BY } from '../support/events.js'
import { ADMIN_URL } from '../support/postgres.js'

// Real concurrent transactions on PostgreSQL (PGlite has a single connection): the same event_id
// written at once by two sessions, with timestamps on different days, makes one row.
describe('event_id uniqueness across concurrent transactions (postgres)', () => {
  let testDatabase: TestDatabase
  const handles: DatabaseHandle[] = []
  let observer: DatabaseHandle

  async function open(): Promise<DatabaseHandle> {
    const handle = await openDatabase({ url: testDatabase.url, maxConnections: 2 })
    handles.push(handle)
    return handle
  }

  /** A store over its own pool (another service process), with the given months' partitions ready. */
  async function storeWith(months: string[]): Promise<AuditEventStore> {
    const handle = await open()
    const partitions = createPartitionManager(handle.db)
    await partitions.ensureMonths(months)
    return createAuditEventStore(handle, { partitions })
  }

  async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
    return rowsOf<T>(await observer.db.execute(statement))
  }

  async function rowsOf_(eventId: string): Promise<Array<{ event_date: string }>> {
    return query(sql`SELECT event_date::text FROM audit_events WHERE event_id = ${eventId}::uuid`)
  }

  /**
   * Sessions of this database waiting for another transaction to end: what an insert of an id that
   * an open transaction claimed does (the statement text in pg_stat_activity is cut at 1 kB, before
   * the table names, so the lock is what identifies it).
   */
  async function waitingOnIds(): Promise<number> {
    const [row] = await query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE a.datname = current_database() AND l.locktype = 'transactionid' AND NOT l.granted`)
    return row?.n ?? 0
  }

  /**
   * Runs the store's insert statement for `event` in a transaction on its own session and keeps the
   * transaction open until `finish(commit)`.
   */
  async function holdInsert(event: ReturnType<typeof makeEvent>) {
    const handle = await open()
    let finish!: (commit: boolean) => void
    const decision = new Promise<boolean>((resolve) => {
      finish = resolve
    })
    let claimed!: (ids: string[]) => void
    const inserted = new Promise<string[]>((resolve) => {
      claimed = resolve
    })
    const canonical = { ...event, event_timestamp: canonicalTimestamp(event.event_timestamp)! }
    const done = handle.db
      .transaction(async (tx) => {
        claimed(
          rowsOf<{ event_id: string }>(await tx.execute(bulkInsertStatement([canonical], [RECORDED_BY]))).map(
            (r) => r.event_id,
          ),
        )
        if (!(await decision)) tx.rollback()
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error
      })
    return { inserted, finish, done }
  }

  beforeAll(async () => {
    testDatabase = await createTestDatabase(ADMIN_URL)
    observer = await open()
    await migrateDatabase(observer)
  })
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()))
    await testDatabase?.drop()
  })

  it('a second writer of the same id waits for the first; after its commit it is told duplicate', async () => {
    const first = makeEvent({ event_timestamp: '2025-03-01T00:00:00Z' })
    const second = makeEvent({ event_id: first.event_id, event_timestamp: '2025-04-02T10:00:00Z' })
    const store = await storeWith(['2025-03', '2025-04'])
    const held = await holdInsert(first)
    expect(await held.inserted).toEqual([first.event_id])

    const pending = store.insert([second], RECORDED_BY)
    await waitFor(
      'the second insert to wait on the first one’s claim',
      async () => (await waitingOnIds()) >= 1,
    )
    held.finish(true)
    await held.done
    expect(await pending).toEqual({ created: [], duplicates: [second.event_id] })
    expect(await rowsOf_(first.event_id)).toEqual([{ event_date: '2025-03-01' }])
  })

  it('when the first writer rolls back, the waiting one stores the event', async () => {
    const first = makeEvent({ event_timestamp: '2025-03-03T00:00:00Z' })
    const second = makeEvent({ event_id: first.event_id, event_timestamp: '2025-04-04T10:00:00Z' })
    const store = await storeWith(['2025-03', '2025-04'])
    const held = await holdInsert(first)
    expect(await held.inserted).toEqual([first.event_id])

    const pending = store.insert([second], RECORDED_BY)
    await waitFor(
      'the second insert to wait on the first one’s claim',
      async () => (await waitingOnIds()) >= 1,
    )
    held.finish(false)
    await held.done
    expect(await pending).toEqual({ created: [second.event_id], duplicates: [] })
    expect(await rowsOf_(first.event_id)).toEqual([{ event_date: '2025-04-04' }])
    const [entry] = await query<{ event_date: string }>(
      sql`SELECT event_date::text FROM audit_event_ids WHERE event_id = ${first.event_id}::uuid`,
    )
    expect(entry).toEqual({ event_date: '2025-04-04' })
  })

  it('six writers of one id on six days at once: one row, one created, five duplicates', async () => {
    const days = ['2024-01-05', '2024-02-06', '2024-03-07', '2024-04-08', '2024-05-09', '2024-06-10']
    const stores = await Promise.all(days.map(() => storeWith(days.map((d) => d.slice(0, 7)))))
    const id = makeEvent().event_id
    const results = await Promise.all(
      stores.map((store, i) =>
        store.insert([makeEvent({ event_id: id, event_timestamp: `${days[i]}T12:00:00Z` })], RECORDED_BY),
      ),
    )
    expect(results.flatMap((r) => r.created)).toEqual([id])
    expect(results.flatMap((r) => r.duplicates)).toHaveLength(days.length - 1)
    const rows = await rowsOf_(id)
    expect(rows).toHaveLength(1)
    expect(days).toContain(rows[0]!.event_date)
  })

  it('two batches sharing 300 ids in opposite orders, on other days, both finish: no deadlock', async () => {
    const stores = await Promise.all([1, 2].map(() => storeWith(['2023-05', '2023-06'])))
    const shared = Array.from({ length: 300 }, () => makeEvent({ event_timestamp: '2023-05-20T00:00:00Z' }))
    const later = shared.map((e) => ({ ...e, event_timestamp: '2023-06-21T00:00:00Z' })).reverse()
    const [a, b] = await Promise.all([
      stores[0]!.insert(shared, RECORDED_BY),
      stores[1]!.insert(later, RECORDED_BY),
    ])
    expect(a.created.length + b.created.length).toBe(300)
    expect(a.duplicates.length + b.duplicates.length).toBe(300)
    expect(new Set([...a.created, ...b.created]).size).toBe(300)
    const [count] = await query<{ rows: number; ids: number }>(sql`
      SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS ids FROM audit_events
      WHERE event_id = ANY(${sql.param(shared.map((e) => e.event_id))}::uuid[])`)
    expect(count).toEqual({ rows: 300, ids: 300 })
  })
})
