import { randomUUID } from 'node:crypto'
import { createTestDatabase, freePort, type TestDatabase } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { StoreUnavailableError } from '../src/errors.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import { defineStoreSuite, MIGRATION_COUNT, makeEvent } from './store-suite.js'
import { RECORDED_BY } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

const databases: TestDatabase[] = []
async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase(ADMIN_URL)
  databases.push(database)
  return database
}
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()))
})

defineStoreSuite('postgres', async () => openDatabase({ url: (await freshDatabase()).url }))

describe('AuditEventStore on postgres: several processes, outages', () => {
  let url: string
  beforeAll(async () => {
    url = (await freshDatabase()).url
  })

  it('lets two processes migrate the same database at once', async () => {
    const [one, two] = await Promise.all([openDatabase({ url }), openDatabase({ url })])
    try {
      const applied = await Promise.all([migrateDatabase(one), migrateDatabase(two)])
      expect(applied.sort()).toEqual([0, MIGRATION_COUNT])
    } finally {
      await Promise.all([one.close(), two.close()])
    }
  })

  it('lets two processes create the same new month and write the same events at once', async () => {
    // Two pools, each with its own partition cache: as two service processes would be.
    const stores = await Promise.all(
      [1, 2].map(async () => createAuditEventStore(await openDatabase({ url }))),
    )
    try {
      const correlation_id = `race-${randomUUID()}`
      const shared = Array.from({ length: 200 }, (_, i) =>
        makeEvent({ correlation_id, event_timestamp: `2037-0${1 + (i % 5)}-15T00:00:00Z` }),
      )
      const own = stores.map(() => makeEvent({ correlation_id, event_timestamp: '2037-06-01T00:00:00Z' }))
      const results = await Promise.all(
        stores.map((store, i) => store.insert([...shared, own[i]!], RECORDED_BY)),
      )

      const created = results.flatMap((r) => r.created)
      expect(created.filter((id) => shared.some((e) => e.event_id === id))).toHaveLength(shared.length)
      expect(new Set(created).size).toBe(created.length)
      expect(created).toEqual(expect.arrayContaining(own.map((e) => e.event_id)))
      expect(results.flatMap((r) => r.duplicates)).toHaveLength(shared.length)
      const page = await stores[0]!.query({ correlation_id, limit: 1000 })
      expect(page.events).toHaveLength(shared.length + own.length)
    } finally {
      await Promise.all(stores.map((s) => s.close()))
    }
  })

  it('rejects with StoreUnavailableError when nothing listens on the port', async () => {
    const port = await freePort()
    const store = createAuditEventStore(
      await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/postgres`, connectTimeoutSeconds: 2 }),
    )
    try {
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError)
      await expect(store.insert([makeEvent()], RECORDED_BY)).rejects.toBeInstanceOf(StoreUnavailableError)
      await expect(store.query({ limit: 10 })).rejects.toBeInstanceOf(StoreUnavailableError)
      await expect(store.get(randomUUID())).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
    } finally {
      await store.close()
    }
  })
})
