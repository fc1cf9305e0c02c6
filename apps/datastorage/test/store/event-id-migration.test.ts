import { randomUUID } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, rowsOf } from '../../src/db/client.js'
import { migrateDatabase } from '../../src/db/migrate.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { MIGRATION_COUNT, makeEvent } from '../store-suite.js'
import { migrationEngines, useEarlierMigrations } from '../support/earlier-migrations.js'
import { RECORDED_BY } from '../support/events.js'

/** The migrations a database had before audit_event_ids and the partition before 2000: 0000-0002. */
const BEFORE = 3

const oldMigrations = useEarlierMigrations(BEFORE)
const engines = migrationEngines()

describe.each(engines)('migrations 0003-0005 on a database written by earlier versions (%s)', (_, open) => {
  let database: DatabaseHandle
  const query = async <T>(statement: SQL): Promise<T[]> => rowsOf<T>(await database.db.execute(statement))

  /** A row as an earlier version wrote it: no id claimed, any day, its month's partition made first. */
  async function oldRow(eventId: string, timestamp: string, storedAt: string): Promise<void> {
    await database.db.execute(
      sql`SELECT audit_events_create_month_partition(${timestamp.slice(0, 10)}::date)`,
    )
    await database.db.execute(sql`
      INSERT INTO audit_events (event_id, event_date, version, event_type, event_timestamp, event_category,
        event_action, event_outcome, correlation_id, event_data, stored_at)
      VALUES (${eventId}::uuid, (${timestamp}::timestamptz AT TIME ZONE 'UTC')::date, '1.0',
        'gateway.signal.received', ${timestamp}::timestamptz, 'gateway', 'received', 'success',
        ${`old-${timestamp}`}, ${JSON.stringify({ at: timestamp })}::jsonb, ${storedAt}::timestamptz)`)
  }

  /**
   * Every row, as JSON text, sorted: what the migration must keep exactly. Without recorded_by,
   * the column 0006 adds (NULL on these rows: recorded-by-migration.test.ts), nor parent_event_date (0007).
   */
  async function allRows(): Promise<string[]> {
    const found = await query<{ row: string }>(
      sql`SELECT (to_jsonb(e) - 'recorded_by' - 'parent_event_date')::text AS row FROM audit_events e`,
    )
    return found.map((r) => r.row).sort()
  }

  const ids = { x: randomUUID(), y: randomUUID(), z: randomUUID(), w: randomUUID() }
  let before: string[]

  beforeAll(async () => {
    database = await open()
    expect(await migrateDatabase(database, { migrationsFolder: oldMigrations() })).toBe(BEFORE)
    // x on three days (the cross-day duplicates of the finding), y before 2000 and after, z in year 500.
    await oldRow(ids.x, '2024-05-01T10:00:00.123456Z', '2024-05-01T10:00:01Z')
    await oldRow(ids.x, '2024-04-30T23:59:59.999999Z', '2024-05-01T10:00:02Z')
    await oldRow(ids.x, '2025-01-01T00:00:00Z', '2025-01-01T00:00:03Z')
    await oldRow(ids.y, '1999-12-31T23:00:00Z', '2024-05-02T00:00:00Z')
    await oldRow(ids.y, '2024-05-02T00:00:00Z', '2024-05-02T00:00:01Z')
    await oldRow(ids.z, '0500-06-15T12:00:00Z', '2024-05-03T00:00:00Z')
    await oldRow(ids.w, '2024-05-01T00:00:00Z', '2024-05-04T00:00:00Z')
    before = await allRows()
    expect(before).toHaveLength(7)
    expect(await migrateDatabase(database)).toBe(MIGRATION_COUNT - BEFORE)
  })
  afterAll(async () => {
    await database?.close()
  })

  it('claims every stored id once, on its earliest day, and keeps every row as it was', async () => {
    const claimed = await query<{ event_id: string; event_date: string }>(
      sql`SELECT event_id::text, event_date::text FROM audit_event_ids ORDER BY event_date`,
    )
    expect(claimed).toEqual([
      { event_id: ids.z, event_date: '0500-06-15' },
      { event_id: ids.y, event_date: '1999-12-31' },
      { event_id: ids.x, event_date: '2024-04-30' },
      { event_id: ids.w, event_date: '2024-05-01' },
    ])
    expect(await allRows()).toEqual(before)
  })

  it('folds the monthly partitions before 2000 into audit_events_before_2000', async () => {
    const partitions = await query<{ name: string }>(sql`
      SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'audit_events'::regclass ORDER BY 1`)
    expect(partitions.map((p) => p.name)).toEqual([
      'audit_events_before_2000',
      'audit_events_y2024m04',
      'audit_events_y2024m05',
      'audit_events_y2025m01',
    ])
    const [gone] = await query<{ a: string | null; b: string | null }>(
      sql`SELECT to_regclass('audit_events_y1999m12')::text AS a, to_regclass('audit_events_y0500m06')::text AS b`,
    )
    expect(gone).toEqual({ a: null, b: null })
    const archived = await query<{ event_id: string }>(
      sql`SELECT event_id::text FROM audit_events_before_2000 ORDER BY event_date`,
    )
    expect(archived.map((r) => r.event_id)).toEqual([ids.z, ids.y])
    // The partition is append-only like every other.
    const error = await database.db.execute(sql`DELETE FROM audit_events_before_2000`).then(
      () => new Error('DELETE succeeded'),
      (e: Error) => (e.cause as Error | undefined) ?? e,
    )
    expect(error.message).toMatch(/append-only/)
  })

  it('then stores nothing more for an id already stored, on any day, and new ids as before', async () => {
    const store = createAuditEventStore(database)
    const again = [
      makeEvent({ event_id: ids.x, event_timestamp: '2026-02-02T00:00:00Z' }),
      makeEvent({ event_id: ids.y, event_timestamp: '1999-12-31T23:00:00Z' }),
      makeEvent({ event_id: ids.z, event_timestamp: '0500-06-16T00:00:00Z' }),
    ]
    const fresh = makeEvent({ event_timestamp: '1998-03-03T00:00:00Z' })
    expect(await store.insert([...again, fresh], RECORDED_BY)).toEqual({
      created: [fresh.event_id],
      duplicates: again.map((e) => e.event_id),
    })
    // get() returns the row of the claimed (earliest) day.
    expect(await store.get(ids.x)).toMatchObject({ event_date: '2024-04-30' })
    const [count] = await query<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events`)
    expect(count?.n).toBe(8)
  })
})
