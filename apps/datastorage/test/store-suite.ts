import { randomUUID } from 'node:crypto'
import { type AuditEventWithId, canonicalTimestamp } from '@audit-trail/datastorage-client'
import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRINCIPALS } from '../src/auth/principals.js'
import { type DatabaseHandle, rowsOf } from '../src/db/client.js'
import { MIGRATIONS_FOLDER, migrateDatabase } from '../src/db/migrate.js'
import {
  createPartitionManager,
  DEFAULT_MAX_NEW_PARTITIONS,
  PartitionLimitError,
  type PartitionManager,
  partitionNameOf,
} from '../src/db/partitions.js'
import { InvalidCursorError, StoreUnavailableError } from '../src/errors.js'
import {
  type AuditEventStore,
  InvalidEventTimestampError,
  InvalidParentEventDateError,
} from '../src/store/audit-event-store.js'
import { encodeCursor } from '../src/store/cursor.js'
import { groupByMonth } from '../src/store/month-groups.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import { RECORDED_BY } from './support/events.js'

/** How many migrations are committed: what a fresh database applies. */
export const MIGRATION_COUNT = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length

/** What each engine's test file provides: a fresh, empty, not yet migrated database. */
export type OpenTestDatabase = () => Promise<DatabaseHandle>

/** A minimal valid event; ids are lower-case (PostgreSQL's uuid order is then plain string order). */
export function makeEvent(overrides: Partial<AuditEventWithId> = {}): AuditEventWithId {
  return {
    version: '1.0',
    event_id: randomUUID(),
    event_type: 'gateway.signal.received',
    event_timestamp: '2025-06-15T12:00:00.000Z',
    event_category: 'gateway',
    event_action: 'received',
    event_outcome: 'success',
    correlation_id: `corr-${randomUUID()}`,
    event_data: { signal_name: 'HighMemory', fingerprint: 'fp-1' },
    ...overrides,
  } as AuditEventWithId
}

/**
 * The assertions every engine must pass. One database per file, shared by the tests: each test
 * writes under its own correlation id, namespace or month so that tests do not see each other's rows.
 */
export function defineStoreSuite(engine: 'postgres' | 'pglite', openTestDatabase: OpenTestDatabase): void {
  let database: DatabaseHandle
  let partitions: PartitionManager
  let store: AuditEventStore

  beforeAll(async () => {
    database = await openTestDatabase()
    expect(await migrateDatabase(database)).toBe(MIGRATION_COUNT)
    partitions = createPartitionManager(database.db)
    store = createAuditEventStore(database, { partitions })
  })
  afterAll(async () => {
    await store?.close()
  })

  async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    return rowsOf<T>(await database.db.execute(query))
  }
  async function countByCorrelation(correlationId: string): Promise<number> {
    const [row] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE correlation_id = ${correlationId}`,
    )
    return row?.n ?? -1
  }

  describe(`AuditEventStore on ${engine}`, () => {
    it('reports its engine, answers ping, and a second migrate finds nothing to do', async () => {
      expect(store.kind).toBe(engine)
      await expect(store.ping()).resolves.toBeUndefined()
      expect(await migrateDatabase(database)).toBe(0)
    })

    it('stores a 5,000-event batch in one call', async () => {
      const correlation_id = `bulk-${randomUUID()}`
      const events = Array.from({ length: 5000 }, (_, i) =>
        makeEvent({
          correlation_id,
          event_timestamp: new Date(Date.UTC(2025, 4, 1) + i * 1000).toISOString(),
          event_data: { index: i, text: 'x'.repeat(200), nested: { quote: 'a "b" \\ c', unicode: 'é✓' } },
          actor_id: i % 2 === 0 ? `actor-${i}` : undefined,
        }),
      )
      const result = await store.insert(events, RECORDED_BY)
      expect(result.created).toEqual(events.map((e) => e.event_id))
      expect(result.duplicates).toEqual([])
      expect(await countByCorrelation(correlation_id)).toBe(5000)
      const sample = await store.get(events[4321]!.event_id)
      expect(sample?.event_data).toEqual(events[4321]!.event_data)
      expect(sample?.actor_id).toBeUndefined()
    })

    it('is idempotent: the same batch twice writes each event once', async () => {
      const correlation_id = `idem-${randomUUID()}`
      const events = Array.from({ length: 50 }, () => makeEvent({ correlation_id }))
      expect((await store.insert(events, RECORDED_BY)).created).toHaveLength(50)

      const again = await store.insert(events, RECORDED_BY)
      expect(again.created).toEqual([])
      expect(again.duplicates).toEqual(events.map((e) => e.event_id))

      const fresh = makeEvent({ correlation_id })
      const mixed = await store.insert([events[0]!, fresh, events[1]!], RECORDED_BY)
      expect(mixed).toEqual({
        created: [fresh.event_id],
        duplicates: [events[0]!.event_id, events[1]!.event_id],
      })
      expect(await countByCorrelation(correlation_id)).toBe(51)
    })

    it('counts an id repeated inside one batch once as created and the rest as duplicates', async () => {
      const correlation_id = `dup-${randomUUID()}`
      const a = makeEvent({ correlation_id })
      const b = makeEvent({ correlation_id })
      const batch = [a, b, a, { ...a, event_id: a.event_id.toUpperCase() }]
      const result = await store.insert(batch, RECORDED_BY)
      expect(result.created).toEqual([a.event_id, b.event_id])
      expect(result.duplicates).toEqual([a.event_id, a.event_id.toUpperCase()])
      expect(await countByCorrelation(correlation_id)).toBe(2)
    })

    it('writes nothing when one event of the batch violates a constraint', async () => {
      const correlation_id = `atomic-${randomUUID()}`
      const good = [makeEvent({ correlation_id }), makeEvent({ correlation_id })]
      const badRetention = makeEvent({ correlation_id, retention_days: 0 })
      await expect(store.insert([good[0]!, badRetention, good[1]!], RECORDED_BY)).rejects.toMatchObject({
        code: '23514',
      })
      const tooLong = makeEvent({ correlation_id, error_code: 'E'.repeat(51) })
      await expect(store.insert([good[0]!, good[1]!, tooLong], RECORDED_BY)).rejects.toMatchObject({
        code: '22001',
      })
      expect(await countByCorrelation(correlation_id)).toBe(0)
      // Not mistaken for an outage.
      await expect(store.insert([badRetention], RECORDED_BY)).rejects.not.toBeInstanceOf(
        StoreUnavailableError,
      )
    })

    it('writes nothing in any partition when the insert fails in one of them', async () => {
      const correlation_id = `atomic-part-${randomUUID()}`
      await partitions.ensureMonths(['2030-05'])
      await database.db.execute(
        sql.raw(
          `ALTER TABLE ${partitionNameOf('2030-05')} ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`,
        ),
      )
      const batch = ['2030-04-30T23:59:59.999999Z', '2030-05-10T00:00:00Z', '2030-06-01T00:00:00Z'].map(
        (event_timestamp) => makeEvent({ correlation_id, event_timestamp }),
      )
      await expect(store.insert(batch, RECORDED_BY)).rejects.toMatchObject({ code: '23514' })
      expect(await countByCorrelation(correlation_id)).toBe(0)
      await database.db.execute(
        sql.raw(`ALTER TABLE ${partitionNameOf('2030-05')} DROP CONSTRAINT refuse_all`),
      )
      expect((await store.insert(batch, RECORDED_BY)).created).toHaveLength(3)
    })

    it('creates the partitions of every month a batch touches, old and new, in UTC', async () => {
      const correlation_id = `months-${randomUUID()}`
      const now = new Date()
      const cases = [
        ['1999-12-31T23:59:59.999999Z', 'audit_events_before_2000'],
        ['0001-01-01T00:00:00Z', 'audit_events_before_2000'],
        ['2000-01-01T00:00:00Z', 'audit_events_y2000m01'],
        ['2019-03-05T10:00:00+02:00', 'audit_events_y2019m03'],
        // 23:30 at UTC-1 on Jan 31st is Feb 1st in UTC.
        ['2024-01-31T23:30:00.5-01:00', 'audit_events_y2024m02'],
        [now.toISOString(), partitionNameOf(now.toISOString().slice(0, 7))],
      ] as const
      const events = cases.map(([event_timestamp]) => makeEvent({ correlation_id, event_timestamp }))
      expect((await store.insert(events, RECORDED_BY)).created).toHaveLength(cases.length)

      const placed = await rows<{ event_id: string; partition: string; event_date: string }>(sql`
        SELECT event_id::text, tableoid::regclass::text AS partition, event_date::text
        FROM audit_events WHERE correlation_id = ${correlation_id}`)
      for (const [index, [, partition]] of cases.entries()) {
        expect(placed.find((r) => r.event_id === events[index]!.event_id)?.partition).toBe(partition)
      }
      expect((await store.get(events[4]!.event_id))?.event_date).toBe('2024-02-01')
      expect(await store.get(events[1]!.event_id)).toMatchObject({
        event_timestamp: '0001-01-01T00:00:00.000Z',
        event_date: '0001-01-01',
      })
    })

    it('writes the timestamp truncated to microseconds, in the partition of that instant', async () => {
      const correlation_id = `canonical-${randomUUID()}`
      const cases = [
        // PostgreSQL would round this one to 2019-02-01T00:00:00Z, a month with no partition.
        ['2019-01-31T23:59:59.9999995Z', '2019-01-31T23:59:59.999999Z', 'audit_events_y2019m01'],
        ['2019-02-01T00:59:59.99999999+01:00', '2019-01-31T23:59:59.999999Z', 'audit_events_y2019m01'],
        ['2019-01-15 10:00:00.1234567z', '2019-01-15T10:00:00.123456Z', 'audit_events_y2019m01'],
      ] as const
      const events = cases.map(([event_timestamp]) => makeEvent({ correlation_id, event_timestamp }))
      expect((await store.insert(events, RECORDED_BY)).created).toEqual(events.map((e) => e.event_id))

      const placed = await rows<{ event_id: string; partition: string }>(sql`
        SELECT event_id::text, tableoid::regclass::text AS partition
        FROM audit_events WHERE correlation_id = ${correlation_id}`)
      for (const [index, [, stored, partition]] of cases.entries()) {
        const event = events[index]!
        expect(await store.get(event.event_id)).toMatchObject({
          event_timestamp: stored,
          event_date: stored.slice(0, 10),
        })
        expect(placed.find((r) => r.event_id === event.event_id)?.partition).toBe(partition)
      }
      // No event needed February's partition, so none was created.
      const [february] = await rows<{ found: string | null }>(
        sql`SELECT to_regclass('audit_events_y2019m02')::text AS found`,
      )
      expect(february?.found).toBeNull()
    })

    it('refuses a timestamp with no canonical form, storing nothing of the batch', async () => {
      const correlation_id = `bad-time-${randomUUID()}`
      const good = makeEvent({ correlation_id })
      const refused = [
        '2025-02-30T00:00:00Z',
        '2025-01-01T00:00:00',
        '10000-01-01T00:00:00Z',
        '0001-01-01T00:00:00+01:00', // year 0 in UTC
        '2016-12-31T23:59:60Z', // a leap second, which PostgreSQL cannot store as sent
      ]
      for (const event_timestamp of refused) {
        const bad = makeEvent({ correlation_id, event_timestamp })
        const error = await store.insert([good, bad], RECORDED_BY).catch((e: unknown) => e)
        expect(error, event_timestamp).toBeInstanceOf(InvalidEventTimestampError)
        expect(error).toMatchObject({ code: 'INVALID_EVENT_TIMESTAMP', eventId: bad.event_id })
      }
      expect(await countByCorrelation(correlation_id)).toBe(0)
    })

    it('stores one row per event_id whatever its timestamp: a later day is a duplicate', async () => {
      const correlation_id = `one-row-${randomUUID()}`
      const first = makeEvent({ correlation_id, event_timestamp: '2025-06-15T12:00:00Z' })
      expect(await store.insert([first], RECORDED_BY)).toEqual({ created: [first.event_id], duplicates: [] })

      const sameId = (event_timestamp: string, event_id = first.event_id) =>
        makeEvent({ correlation_id, event_id, event_timestamp, event_action: 'resent' })
      const resent = [
        sameId('2025-06-16T12:00:00Z'), // next day
        sameId('2025-07-15T12:00:00Z'), // next month
        sameId('1999-06-15T12:00:00Z'), // before 2000
        sameId('2025-06-14T23:00:00-02:00', first.event_id.toUpperCase()), // same id, other spelling
      ]
      for (const event of resent) {
        expect(await store.insert([event], RECORDED_BY), event.event_timestamp).toEqual({
          created: [],
          duplicates: [event.event_id],
        })
      }
      const fresh = makeEvent({ correlation_id, event_timestamp: '2025-06-20T00:00:00Z' })
      expect(await store.insert([resent[0]!, fresh, resent[1]!], RECORDED_BY)).toEqual({
        created: [fresh.event_id],
        duplicates: [resent[0]!.event_id, resent[1]!.event_id],
      })
      expect(await countByCorrelation(correlation_id)).toBe(2)
      expect(await store.get(first.event_id)).toMatchObject({
        event_timestamp: '2025-06-15T12:00:00.000Z',
        event_action: first.event_action,
      })
      const [ids] = await rows<{ n: number; day: string }>(sql`
        SELECT count(*)::int AS n, min(event_date)::text AS day FROM audit_event_ids
        WHERE event_id = ${first.event_id}::uuid`)
      expect(ids).toEqual({ n: 1, day: '2025-06-15' })
    })

    it('refuses a write that needs more new partitions than allowed: the 300-month batch', async () => {
      const correlation_id = `many-months-${randomUUID()}`
      const partitionCount = async () =>
        (
          await rows<{ n: number }>(sql`
            SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'audit_events'::regclass`)
        )[0]!.n
      const before = await partitionCount()
      // 300 events in 300 months without a partition (2060-01 … 2084-12).
      const batch = Array.from({ length: 300 }, (_, i) =>
        makeEvent({
          correlation_id,
          event_timestamp: new Date(Date.UTC(2060, i, 10)).toISOString(),
        }),
      )
      const error = await store.insert(batch, RECORDED_BY).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PartitionLimitError)
      expect(error).toMatchObject({ code: 'PARTITION_LIMIT', limit: DEFAULT_MAX_NEW_PARTITIONS })
      expect((error as PartitionLimitError).months).toHaveLength(300)
      expect((error as PartitionLimitError).message).toMatch(/300 months .*2060-01, 2060-02, 2060-03, …/)
      expect(await partitionCount()).toBe(before)
      expect(await countByCorrelation(correlation_id)).toBe(0)

      // The same 300 events split by month (as the DLQ replay does) all go through.
      const groups = groupByMonth(batch.slice(0, 15))
      expect(groups).toHaveLength(15)
      for (const [, group] of groups) await store.insert(group, RECORDED_BY)
      expect(await countByCorrelation(correlation_id)).toBe(15)
      expect(await partitionCount()).toBe(before + 15)
    })

    it('counts only missing partitions against the limit, and takes the limit as an option', async () => {
      const correlation_id = `limit-${randomUUID()}`
      const inMonths = (year: number, count: number) =>
        Array.from({ length: count }, (_, i) =>
          makeEvent({ correlation_id, event_timestamp: new Date(Date.UTC(year, i, 1)).toISOString() }),
        )
      // Exactly at the bound: 12 new months.
      expect((await store.insert(inMonths(2090, 12), RECORDED_BY)).created).toHaveLength(12)
      // One more is refused.
      await expect(store.insert(inMonths(2091, 13), RECORDED_BY)).rejects.toBeInstanceOf(PartitionLimitError)
      // A store that confirmed nothing yet (another process) asks which of 24 months exist: 12 do,
      // so it creates 12.
      const other = createAuditEventStore(database, { partitions: createPartitionManager(database.db) })
      expect(
        (await other.insert([...inMonths(2090, 12), ...inMonths(2092, 12)], RECORDED_BY)).created,
      ).toHaveLength(24)

      const strict = createAuditEventStore(database, {
        partitions: createPartitionManager(database.db),
        maxNewPartitionsPerWrite: 2,
      })
      await expect(strict.insert(inMonths(2093, 3), RECORDED_BY)).rejects.toMatchObject({
        limit: 2,
        months: ['2093-01', '2093-02', '2093-03'],
      })
      expect((await strict.insert(inMonths(2093, 2), RECORDED_BY)).created).toHaveLength(2)
      expect(await countByCorrelation(correlation_id)).toBe(12 + 24 + 2)
      expect(() => createAuditEventStore(database, { maxNewPartitionsPerWrite: 0 })).toThrow(RangeError)
    })

    it('stores timestamps back to year 0001 in one partition, whatever the number of months', async () => {
      const correlation_id = `ancient-${randomUUID()}`
      // 300 months spread over years 0001-1999, the hostile batch of the finding.
      const batch = Array.from({ length: 300 }, (_, i) =>
        makeEvent({
          correlation_id,
          event_timestamp: `${String(1 + i * 6).padStart(4, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-28T12:00:00Z`,
        }),
      )
      expect(new Set(batch.map((e) => e.event_timestamp.slice(0, 7))).size).toBe(300)
      expect((await store.insert(batch, RECORDED_BY)).created).toHaveLength(300)
      const placed = await rows<{ partition: string; n: number }>(sql`
        SELECT tableoid::regclass::text AS partition, count(*)::int AS n
        FROM audit_events WHERE correlation_id = ${correlation_id} GROUP BY 1`)
      expect(placed).toEqual([{ partition: 'audit_events_before_2000', n: 300 }])
      expect(groupByMonth(batch).map(([month]) => month)).toEqual(['before-2000'])
    })

    it('creates partitions ahead: the current month and the next ones', async () => {
      const ahead = createPartitionManager(database.db, {
        monthsAhead: 2,
        now: () => new Date('2041-11-20T00:00:00Z'),
      })
      expect(await ahead.ensureAhead()).toEqual(['2041-11', '2041-12', '2042-01'])
      const found = await rows<{ name: string }>(sql`
        SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'audit_events'::regclass AND c.relname LIKE 'audit_events_y204%' ORDER BY 1`)
      expect(found.map((r) => r.name)).toEqual([
        'audit_events_y2041m11',
        'audit_events_y2041m12',
        'audit_events_y2042m01',
      ])
      // Concurrent callers and repeated calls share or skip the work.
      await Promise.all([
        ahead.ensureAhead(),
        ahead.ensureAhead(),
        partitions.ensureMonths(['2041-12', '2041-12']),
      ])
    })

    it('recreates a partition that was dropped after this process had confirmed it', async () => {
      const correlation_id = `dropped-${randomUUID()}`
      await store.insert(
        [makeEvent({ correlation_id, event_timestamp: '2033-03-03T03:03:03Z' })],
        RECORDED_BY,
      )
      await database.db.execute(sql.raw(`DROP TABLE ${partitionNameOf('2033-03')}`))
      const later = makeEvent({ correlation_id, event_timestamp: '2033-03-04T00:00:00Z' })
      expect((await store.insert([later], RECORDED_BY)).created).toEqual([later.event_id])
      expect(await countByCorrelation(correlation_id)).toBe(1)
    })

    it('refuses UPDATE, DELETE and TRUNCATE, on the table and on a partition', async () => {
      const event = makeEvent({ event_timestamp: '2025-02-02T02:02:02Z' })
      await store.insert([event], RECORDED_BY)
      const statements = [
        `UPDATE audit_events SET event_action = 'tampered' WHERE event_id = '${event.event_id}'`,
        `UPDATE ${partitionNameOf('2025-02')} SET event_action = 'tampered' WHERE event_id = '${event.event_id}'`,
        // recorded_by is set by the insert and by nothing after it.
        `UPDATE audit_events SET recorded_by = 'someone-else' WHERE event_id = '${event.event_id}'`,
        `DELETE FROM audit_events WHERE event_id = '${event.event_id}'`,
        `DELETE FROM ${partitionNameOf('2025-02')} WHERE event_id = '${event.event_id}'`,
        'TRUNCATE audit_events',
      ]
      for (const statement of statements) {
        // Drizzle wraps the driver's error; the trigger's message is on its cause.
        const error = await database.db.execute(sql.raw(statement)).then(
          () => new Error('statement succeeded'),
          (e: Error) => (e.cause as Error | undefined) ?? e,
        )
        expect(error.message, statement).toMatch(/append-only/)
      }
      expect(await store.get(event.event_id)).toMatchObject({
        event_action: event.event_action,
        recorded_by: RECORDED_BY,
      })
    })

    it('returns an event exactly as stored: every field, microseconds, no nulls, defaults applied', async () => {
      const full = makeEvent({
        event_timestamp: '2025-03-04T05:06:07.123456Z',
        actor_type: 'user',
        actor_id: 'alice',
        actor_ip: '2001:db8::1',
        resource_type: 'Pod',
        resource_id: 'pod-1',
        resource_name: 'web-0',
        parent_event_id: randomUUID(),
        parent_event_date: '2025-03-04T05:06:06.500Z',
        namespace: 'prod',
        cluster_id: 'eu-1',
        severity: 'warning',
        duration_ms: 0,
        error_code: 'E42',
        error_message: 'it broke',
        trace_id: '0123456789abcdef0123456789abcdef',
        span_id: '0123456789abcdef',
        retention_days: 30,
        is_sensitive: true,
        event_data: { a: [1, 2, { b: null }], s: '' },
      })
      const minimal = makeEvent({ event_timestamp: '2025-03-04T05:06:07.120Z' })
      await store.insert([full, minimal], RECORDED_BY)

      const stored = await store.get(full.event_id)
      const { event_date, stored_at, recorded_by, ...fields } = stored!
      expect(fields).toEqual(full)
      expect(recorded_by).toBe(RECORDED_BY)
      expect(event_date).toBe('2025-03-04')
      expect(Date.parse(stored_at)).not.toBeNaN()
      expect(stored_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6})?Z$/)

      const plain = await store.get(minimal.event_id)
      expect(plain).toMatchObject({
        event_timestamp: '2025-03-04T05:06:07.120Z',
        retention_days: 2555,
        is_sensitive: false,
      })
      expect(Object.values(plain!)).not.toContain(null)
      expect(plain).not.toHaveProperty('actor_id')
      expect(plain).not.toHaveProperty('duration_ms')
      expect(plain).not.toHaveProperty('parent_event_date')
    })

    it('stores parent_event_date as its UTC instant with microseconds, any offset, finer digits truncated', async () => {
      const correlation_id = `parent-date-${randomUUID()}`
      const sent = [
        ['2025-03-04T07:06:07+02:00', '2025-03-04T05:06:07.000Z'],
        ['2025-03-04T07:06:07.1234567+02:00', '2025-03-04T05:06:07.123456Z'],
        ['2025-03-01T00:30:00+23:59', '2025-02-28T00:31:00.000Z'],
        ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
      ] as const
      const events = sent.map(([parent_event_date]) =>
        makeEvent({ correlation_id, parent_event_id: randomUUID(), parent_event_date }),
      )
      await store.insert(events, RECORDED_BY)
      for (const [index, [, utc]] of sent.entries()) {
        expect((await store.get(events[index]!.event_id))?.parent_event_date).toBe(utc)
      }
      // The column holds the instant itself, whatever the session's time zone says about it.
      const [row] = await rows<{ same: boolean }>(
        sql`SELECT parent_event_date = '2025-03-04T05:06:07.123456Z'::timestamptz AS same
            FROM audit_events WHERE event_id = ${events[1]!.event_id}::uuid`,
      )
      expect(row?.same).toBe(true)
      const page = await store.query({ correlation_id, limit: 10 })
      expect(page.events.map((e) => e.parent_event_date).sort()).toEqual(sent.map(([, utc]) => utc).sort())
    })

    it('refuses a parent_event_date with no canonical form, storing nothing of the batch', async () => {
      const correlation_id = `bad-parent-date-${randomUUID()}`
      const good = makeEvent({ correlation_id })
      for (const parent_event_date of [
        '2025-02-30T00:00:00Z',
        '2025-01-01T00:00:00',
        '0001-01-01T00:00:00+01:00',
      ]) {
        const bad = makeEvent({ correlation_id, parent_event_date })
        const error = await store.insert([good, bad], RECORDED_BY).catch((e: unknown) => e)
        expect(error, parent_event_date).toBeInstanceOf(InvalidParentEventDateError)
        expect(error).toMatchObject({ code: 'INVALID_PARENT_EVENT_DATE', eventId: bad.event_id })
      }
      expect(await countByCorrelation(correlation_id)).toBe(0)
    })

    it('stores recorded_by, one name for a batch or one per event, and filters on it exactly', async () => {
      const namespace = `recorded-${randomUUID()}`
      const at = (i: number) => makeEvent({ namespace, event_timestamp: `2025-10-0${i}T00:00:00Z` })
      const [a, b, c, d] = [at(1), at(2), at(3), at(4)]
      expect((await store.insert([a!], 'billing-writer')).created).toEqual([a!.event_id])
      expect(
        (await store.insert([b!, c!, d!], ['ingest', PRINCIPALS.deadLetterQueue, 'ingest'])).created,
      ).toHaveLength(3)

      expect((await store.get(a!.event_id))?.recorded_by).toBe('billing-writer')
      expect((await store.get(c!.event_id))?.recorded_by).toBe('redis:dead-letter-queue')
      const page = await store.query({ namespace, limit: 10 })
      expect(page.events.map((e) => [e.event_id, e.recorded_by])).toEqual([
        [d!.event_id, 'ingest'],
        [c!.event_id, 'redis:dead-letter-queue'],
        [b!.event_id, 'ingest'],
        [a!.event_id, 'billing-writer'],
      ])

      const ids = async (recorded_by: string) =>
        (await store.query({ namespace, recorded_by, limit: 10 })).events.map((e) => e.event_id)
      expect(await ids('ingest')).toEqual([d!.event_id, b!.event_id])
      expect(await ids('redis:dead-letter-queue')).toEqual([c!.event_id])
      // Exact: no prefix, pattern or case folding.
      expect(await ids('Ingest')).toEqual([])
      expect(await ids('ing')).toEqual([])
      expect(await ids('%')).toEqual([])
      expect(
        await store.query({ recorded_by: 'billing-writer', actor_id: 'nobody', limit: 10 }),
      ).toMatchObject({ events: [] })
    })

    it('keeps the first recorded_by of an event stored again under another name', async () => {
      const event = makeEvent({ event_timestamp: '2025-10-05T00:00:00Z' })
      await store.insert([event], 'first-writer')
      // Within one batch too: the first occurrence's name, whatever the names of the later ones.
      const fresh = makeEvent({ event_timestamp: '2025-10-05T00:00:01Z' })
      expect(await store.insert([event, fresh, fresh], ['second-writer', 'third', 'fourth'])).toEqual({
        created: [fresh.event_id],
        duplicates: [event.event_id, fresh.event_id],
      })
      expect((await store.get(event.event_id))?.recorded_by).toBe('first-writer')
      expect((await store.get(fresh.event_id))?.recorded_by).toBe('third')
    })

    it('refuses a list of names that does not have one per event, storing nothing', async () => {
      const correlation_id = `names-${randomUUID()}`
      const events = [makeEvent({ correlation_id }), makeEvent({ correlation_id })]
      await expect(store.insert(events, ['only-one'])).rejects.toBeInstanceOf(RangeError)
      await expect(store.insert(events, ['a', 'b', 'c'])).rejects.toThrow(/3 names for 2 events/)
      await expect(store.insert([], ['a'])).rejects.toBeInstanceOf(RangeError)
      expect(await countByCorrelation(correlation_id)).toBe(0)
    })

    it('get() of an unknown or malformed id is null', async () => {
      expect(await store.get(randomUUID())).toBeNull()
      expect(await store.get('not-a-uuid')).toBeNull()
    })

    it('filters by time window: since inclusive, until exclusive, across months', async () => {
      const correlation_id = `window-${randomUUID()}`
      const stamps = [
        '2026-01-31T23:59:59.999Z',
        '2026-02-01T00:00:00.000Z',
        '2026-02-01T00:00:00.001Z',
        '2026-02-28T12:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
      ]
      const events = stamps.map((event_timestamp) => makeEvent({ correlation_id, event_timestamp }))
      await store.insert(events, RECORDED_BY)
      const window = async (since?: string, until?: string) =>
        (
          await store.query({
            correlation_id,
            limit: 100,
            ...(since ? { since: canonicalTimestamp(since)! } : {}),
            ...(until ? { until: canonicalTimestamp(until)! } : {}),
          })
        ).events.map((e) => e.event_timestamp)

      expect(await window('2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')).toEqual([
        '2026-02-28T12:00:00.000Z',
        '2026-02-01T00:00:00.001Z',
        '2026-02-01T00:00:00.000Z',
      ])
      expect(await window('2026-01-31T23:59:59.999Z', '2026-02-01T00:00:00.000Z')).toEqual([
        '2026-01-31T23:59:59.999Z',
      ])
      expect(await window('2026-03-01T00:00:00.000Z')).toEqual(['2026-03-01T00:00:00.000Z'])
      expect(await window(undefined, '2026-02-01T00:00:00.001Z')).toEqual([
        '2026-02-01T00:00:00.000Z',
        '2026-01-31T23:59:59.999Z',
      ])
      expect(await window('2026-03-01T00:00:00.001Z')).toEqual([])
    })

    it('applies every filter, alone and combined', async () => {
      const namespace = `ns-${randomUUID()}`
      const base = { namespace, event_timestamp: '2025-08-01T00:00:00Z' }
      const a = makeEvent({
        ...base,
        event_type: 'workflowexecution.workflow.failed',
        event_category: 'workflowexecution',
        event_outcome: 'failure',
        severity: 'error',
        actor_id: 'bob',
        resource_type: 'Workflow',
        resource_id: 'wf-1',
      })
      const b = makeEvent({
        ...base,
        correlation_id: a.correlation_id,
        severity: 'info',
        actor_id: 'carol',
        trace_id: '0af7651916cd43dd8448eb211c80319c',
      })
      const c = makeEvent({
        ...base,
        resource_type: 'Workflow',
        resource_id: 'wf-2',
        event_outcome: 'pending',
      })
      const other = makeEvent({ ...a, event_id: randomUUID(), namespace: `${namespace}-other` })
      await store.insert([a, b, c, other], RECORDED_BY)

      const ids = async (filter: Record<string, unknown>) =>
        new Set((await store.query({ namespace, limit: 100, ...filter })).events.map((e) => e.event_id))
      expect(await ids({})).toEqual(new Set([a.event_id, b.event_id, c.event_id]))
      expect(await ids({ correlation_id: a.correlation_id })).toEqual(new Set([a.event_id, b.event_id]))
      expect(await ids({ event_type: 'workflowexecution.workflow.failed' })).toEqual(new Set([a.event_id]))
      expect(await ids({ event_category: 'gateway' })).toEqual(new Set([b.event_id, c.event_id]))
      expect(await ids({ event_outcome: 'pending' })).toEqual(new Set([c.event_id]))
      expect(await ids({ severity: 'info' })).toEqual(new Set([b.event_id]))
      expect(await ids({ actor_id: 'bob' })).toEqual(new Set([a.event_id]))
      expect(await ids({ resource_type: 'Workflow' })).toEqual(new Set([a.event_id, c.event_id]))
      expect(await ids({ resource_type: 'Workflow', resource_id: 'wf-2' })).toEqual(new Set([c.event_id]))
      expect(await ids({ resource_id: 'wf-1', event_outcome: 'failure' })).toEqual(new Set([a.event_id]))
      expect(await ids({ actor_id: 'nobody' })).toEqual(new Set())
      expect(await ids({ trace_id: '0af7651916cd43dd8448eb211c80319c' })).toEqual(new Set([b.event_id]))
      const all = await store.query({
        actor_id: 'bob',
        event_type: 'workflowexecution.workflow.failed',
        limit: 10,
      })
      expect(new Set(all.events.map((e) => e.namespace))).toEqual(new Set([namespace, `${namespace}-other`]))
    })

    it('counts a histogram per bucket and outcome in the window, since inclusive, until exclusive', async () => {
      const namespace = `hist-${randomUUID()}`
      const at = (event_timestamp: string, event_outcome: 'success' | 'failure' | 'pending') =>
        makeEvent({ namespace, event_timestamp, event_outcome })
      await store.insert(
        [
          at('2025-09-30T23:59:59.999999Z', 'success'), // before since
          at('2025-10-01T00:00:00Z', 'success'),
          at('2025-10-01T00:04:59.999999Z', 'failure'),
          at('2025-10-01T00:05:00Z', 'pending'),
          at('2025-10-01T00:05:00.000001Z', 'pending'),
          at('2025-10-01T00:15:00Z', 'success'), // on until
        ],
        RECORDED_BY,
      )
      const counts = await store.histogram(
        { namespace, since: '2025-10-01T00:00:00.000000Z', until: '2025-10-01T00:15:00.000000Z' },
        300_000,
      )
      const sorted = counts.map((c) => `${new Date(c.startMs).toISOString()} ${c.outcome} ${c.count}`).sort()
      expect(sorted).toEqual([
        '2025-10-01T00:00:00.000Z failure 1',
        '2025-10-01T00:00:00.000Z success 1',
        '2025-10-01T00:05:00.000Z pending 2',
      ])
      await expect(
        store.histogram({ since: '2025-10-01T00:00:00.000000Z', until: '2025-10-02T00:00:00.000000Z' }, 0),
      ).rejects.toThrow(RangeError)
    })

    it('pages through 1,000 events sharing timestamps with no gap and no repeat', async () => {
      const correlation_id = `pages-${randomUUID()}`
      // 1,000 events on 12 instants, two of them 1 µs apart (a millisecond cursor would break there).
      const instants = Array.from(
        { length: 10 },
        (_, i) => `2025-09-${String(10 + i).padStart(2, '0')}T08:00:00.000000Z`,
      )
      instants.push('2025-09-30T23:59:59.999998Z', '2025-09-30T23:59:59.999999Z')
      const events = Array.from({ length: 1000 }, (_, i) =>
        makeEvent({ correlation_id, event_timestamp: instants[i % instants.length]! }),
      )
      await store.insert(events, RECORDED_BY)
      const expected = [...events]
        .sort((x, y) =>
          x.event_timestamp === y.event_timestamp
            ? y.event_id.localeCompare(x.event_id)
            : y.event_timestamp.localeCompare(x.event_timestamp),
        )
        .map((e) => e.event_id)

      const seen: string[] = []
      let cursor: string | undefined
      let pages = 0
      for (;;) {
        const page = await store.query({ correlation_id, limit: 37, ...(cursor ? { cursor } : {}) })
        pages += 1
        seen.push(...page.events.map((e) => e.event_id))
        expect(page.hasMore).toBe(page.nextCursor !== null)
        if (!page.hasMore) break
        expect(page.events).toHaveLength(37)
        cursor = page.nextCursor!
      }
      expect(pages).toBe(Math.ceil(1000 / 37))
      expect(seen).toEqual(expected)
    })

    it('says hasMore=false on a last page that is exactly full', async () => {
      const correlation_id = `exact-${randomUUID()}`
      await store.insert(
        Array.from({ length: 6 }, () => makeEvent({ correlation_id })),
        RECORDED_BY,
      )
      const first = await store.query({ correlation_id, limit: 3 })
      expect(first.hasMore).toBe(true)
      const second = await store.query({ correlation_id, limit: 3, cursor: first.nextCursor! })
      expect(second).toMatchObject({ hasMore: false, nextCursor: null })
      expect(second.events).toHaveLength(3)
    })

    it('pages by offset exactly as by cursor on a fixed data set, and still gives the cursor', async () => {
      const correlation_id = `offset-${randomUUID()}`
      // Shared timestamps: the order within one instant is event_id DESC for both ways.
      const events = Array.from({ length: 100 }, (_, i) =>
        makeEvent({ correlation_id, event_timestamp: `2025-10-0${1 + (i % 5)}T08:00:00.00000${i % 3}Z` }),
      )
      await store.insert(events, RECORDED_BY)
      const byCursor: Array<{ ids: string[]; nextCursor: string | null; hasMore: boolean }> = []
      let cursor: string | undefined
      do {
        const page = await store.query({ correlation_id, limit: 7, ...(cursor ? { cursor } : {}) })
        byCursor.push({
          ids: page.events.map((e) => e.event_id),
          nextCursor: page.nextCursor,
          hasMore: page.hasMore,
        })
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      expect(byCursor).toHaveLength(15)
      for (const [index, expected] of byCursor.entries()) {
        const page = await store.query({ correlation_id, limit: 7, offset: index * 7 })
        expect({
          ids: page.events.map((e) => e.event_id),
          nextCursor: page.nextCursor,
          hasMore: page.hasMore,
        }).toEqual(expected)
      }
      // Past the end: an empty last page.
      expect(await store.query({ correlation_id, limit: 7, offset: 100 })).toEqual({
        events: [],
        nextCursor: null,
        hasMore: false,
      })
      // A cursor from an offset page continues where it stopped.
      const fromOffset = await store.query({ correlation_id, limit: 7, offset: 21 })
      const next = await store.query({ correlation_id, limit: 7, cursor: fromOffset.nextCursor! })
      expect(next.events.map((e) => e.event_id)).toEqual(byCursor[4]!.ids)
    })

    it('refuses an offset with a cursor, or outside 0..10000, with RangeError', async () => {
      const first = await store.query({ limit: 1 })
      await expect(
        store.query({ limit: 10, offset: 10, cursor: first.nextCursor ?? 'x' }),
      ).rejects.toBeInstanceOf(RangeError)
      for (const offset of [-1, 10_001, 1.5]) {
        await expect(store.query({ limit: 10, offset }), String(offset)).rejects.toBeInstanceOf(RangeError)
      }
      await expect(store.query({ limit: 1, offset: 10_000 })).resolves.toMatchObject({
        hasMore: expect.any(Boolean),
      })
    })

    it('filters on a top-level event_data value compared as text, wildcards literal', async () => {
      const correlation_id = `detail-${randomUUID()}`
      const data: Record<string, Record<string, unknown>> = {
        string42: { task_id: '42' },
        number42: { task_id: 42 },
        fraction: { task_id: 42.5 },
        bigNumber: { task_id: 12345678901234 },
        percent: { task_id: '4%' },
        underscore: { task_id: 'a_b' },
        axb: { task_id: 'axb' },
        boolTrue: { task_id: true },
        stringTrue: { task_id: 'true' },
        jsonNull: { task_id: null },
        array: { task_id: [42] },
        object: { task_id: { a: 1 } },
        otherKey: { other: '42' },
        nested: { inner: { task_id: '42' } },
        quote: { task_id: `it's "quoted"` },
        empty: { task_id: '' },
      }
      const events = Object.entries(data).map(([name, event_data]) =>
        makeEvent({ correlation_id, event_data, resource_name: name }),
      )
      await store.insert(events, RECORDED_BY)
      const match = async (value: string, key = 'task_id') =>
        (await store.query({ correlation_id, limit: 100, detail: { key, value } })).events
          .map((e) => e.resource_name)
          .sort()
      expect(await match('42')).toEqual(['number42', 'string42'])
      expect(await match('42.5')).toEqual(['fraction'])
      expect(await match('12345678901234')).toEqual(['bigNumber'])
      expect(await match('4%')).toEqual(['percent'])
      expect(await match('4_')).toEqual([])
      expect(await match('a_b')).toEqual(['underscore'])
      expect(await match('true')).toEqual(['boolTrue', 'stringTrue'])
      expect(await match('null')).toEqual([])
      expect(await match('[42]')).toEqual(['array'])
      expect(await match('{"a": 1}')).toEqual(['object'])
      expect(await match(`it's "quoted"`)).toEqual(['quote'])
      expect(await match('')).toEqual(['empty'])
      expect(await match('042')).toEqual([])
      expect(await match('42', 'other')).toEqual(['otherKey'])
      expect(await match('42', 'inner')).toEqual([])
      // Combined with paging: the second of the two matches.
      const detail = { key: 'task_id', value: '42' }
      const both = await store.query({ correlation_id, limit: 2, detail })
      const second = await store.query({ correlation_id, limit: 1, offset: 1, detail })
      expect(second.events.map((e) => e.event_id)).toEqual([both.events[1]!.event_id])
      expect(second.hasMore).toBe(false)
    })

    it('rejects a cursor it did not issue with InvalidCursorError', async () => {
      const bad = [
        'not a cursor!',
        Buffer.from('hello').toString('base64url'),
        encodeCursor({ eventTimestamp: '2025-02-30T00:00:00.000000Z', eventId: randomUUID() }),
        encodeCursor({ eventTimestamp: '2025-02-01T00:00:00.000Z', eventId: randomUUID() }),
        encodeCursor({ eventTimestamp: '2025-02-01T00:00:00.000000Z', eventId: 'x' }),
        `${encodeCursor({ eventTimestamp: '2025-02-01T00:00:00.000000Z', eventId: randomUUID() })}.`,
      ]
      for (const cursor of bad) {
        await expect(store.query({ limit: 10, cursor }), cursor).rejects.toBeInstanceOf(InvalidCursorError)
      }
    })

    it('close() is idempotent and the store no longer answers afterwards', async () => {
      await store.close()
      await store.close()
      await expect(store.ping()).rejects.toThrow()
    })
  })
}
