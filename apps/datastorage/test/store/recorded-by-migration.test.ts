import { randomUUID } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, rowsOf } from '../../src/db/client.js'
import { migrateDatabase } from '../../src/db/migrate.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { MIGRATION_COUNT, makeEvent } from '../store-suite.js'
import { migrationEngines, useEarlierMigrations } from '../support/earlier-migrations.js'

/** The migrations of a database written before recorded_by: 0000-0005. */
const BEFORE = 6

const oldMigrations = useEarlierMigrations(BEFORE)
const engines = migrationEngines('audit_recorded_by')

describe.each(engines)('migration 0006 (recorded_by) on a database written before it (%s)', (_, open) => {
  let database: DatabaseHandle
  const query = async <T>(statement: SQL): Promise<T[]> => rowsOf<T>(await database.db.execute(statement))
  const oldId = randomUUID()
  const namespace = `before-0006-${randomUUID()}`

  beforeAll(async () => {
    database = await open()
    expect(await migrateDatabase(database, { migrationsFolder: oldMigrations() })).toBe(BEFORE)
    // A row as the previous version stored it: id claimed, no recorded_by column yet.
    const at = '2025-11-11T11:11:11Z'
    await database.db.execute(sql`SELECT audit_events_create_month_partition(${at.slice(0, 10)}::date)`)
    await database.db.execute(sql`
      WITH claimed AS (
        INSERT INTO audit_event_ids (event_id, event_date) VALUES (${oldId}::uuid, ${at.slice(0, 10)}::date)
      )
      INSERT INTO audit_events (event_id, event_date, version, event_type, event_timestamp, event_category,
        event_action, event_outcome, correlation_id, event_data, namespace)
      VALUES (${oldId}::uuid, ${at.slice(0, 10)}::date, '1.0', 'gateway.signal.received', ${at}::timestamptz,
        'gateway', 'received', 'success', 'old', '{}'::jsonb, ${namespace})`)
    expect(await migrateDatabase(database)).toBe(MIGRATION_COUNT - BEFORE)
  })
  afterAll(async () => {
    await database?.close()
  })

  it('leaves the rows stored before it without recorded_by, absent in the API and matching no filter', async () => {
    const store = createAuditEventStore(database)
    const old = await store.get(oldId)
    expect(old).toMatchObject({ event_id: oldId, namespace })
    expect(old).not.toHaveProperty('recorded_by')

    const fresh = makeEvent({ namespace, event_timestamp: '2025-11-12T00:00:00Z' })
    await store.insert([fresh], 'after-0006')
    const page = await store.query({ namespace, limit: 10 })
    expect(page.events.map((e) => [e.event_id, e.recorded_by ?? null])).toEqual([
      [fresh.event_id, 'after-0006'],
      [oldId, null],
    ])
    expect((await store.query({ namespace, recorded_by: 'after-0006', limit: 10 })).events).toHaveLength(1)
    // Nothing can give the old row a name afterwards: the table is append-only.
    const error = await database.db
      .execute(sql`UPDATE audit_events SET recorded_by = 'late' WHERE event_id = ${oldId}::uuid`)
      .then(
        () => new Error('UPDATE succeeded'),
        (e: Error) => (e.cause as Error | undefined) ?? e,
      )
    expect(error.message).toMatch(/append-only/)
  })

  it('adds the partial index on (recorded_by, event_timestamp DESC), cloned to the partitions', async () => {
    // DESC means NULLS FIRST, so PostgreSQL prints the index without it.
    const indexes = await query<{ name: string; definition: string }>(sql`
      SELECT indexname::text AS name, indexdef AS definition FROM pg_indexes
      WHERE indexdef LIKE '%(recorded_by, event_timestamp DESC)%' ORDER BY tablename`)
    expect(indexes.find((i) => i.name === 'audit_events_recorded_by_idx')?.definition).toMatch(
      /WHERE \(recorded_by IS NOT NULL\)$/,
    )
    // audit_events itself, the partition before 2000 and the month written above.
    expect(indexes.length).toBeGreaterThanOrEqual(3)
  })
})
