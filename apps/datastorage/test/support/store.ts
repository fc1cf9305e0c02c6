import { afterAll, beforeAll } from 'vitest'
import { openDatabase, PGLITE_IN_MEMORY } from '../../src/db/client.js'
import { migrateDatabase } from '../../src/db/migrate.js'
import { createPartitionManager } from '../../src/db/partitions.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { buildTestApp, type TestApp } from './app.js'

/** A real store over a migrated database; `close()` closes the database. */
export interface TestStore {
  store: AuditEventStore
  close(): Promise<void>
}

/** A migrated in-memory PGlite behind the real store (PGlite starts in seconds: one per test file). */
export async function openPgliteStore(): Promise<TestStore> {
  const database = await openDatabase({ pgliteDataDir: PGLITE_IN_MEMORY })
  await migrateDatabase(database)
  const partitions = createPartitionManager(database.db)
  await partitions.ensureAhead()
  const store = createAuditEventStore(database, { partitions })
  return { store, close: () => store.close() }
}

/**
 * For a test file: a migrated in-memory PGlite store and an app over it, opened before the file's
 * tests and closed after them. Read `app()` inside the tests.
 */
export function usePgliteApp(): { app: () => TestApp } {
  let db: TestStore | undefined
  let test: TestApp | undefined
  beforeAll(async () => {
    db = await openPgliteStore()
    test = buildTestApp(db.store)
  })
  afterAll(() => db?.close())
  return {
    app: () => {
      if (!test) throw new Error('usePgliteApp: the app exists once beforeAll has run')
      return test
    },
  }
}
