import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import { afterAll, beforeAll } from 'vitest'
import { type DatabaseHandle, openDatabase, PGLITE_IN_MEMORY } from '../../src/db/client.js'
import { MIGRATIONS_FOLDER } from '../../src/db/migrate.js'
import { ADMIN_URL } from './postgres.js'

/**
 * For a test of a migration on a database an earlier version wrote: a folder holding only the
 * first `count` committed migrations (with their journal), made before the file's tests and removed
 * after them. Returns a getter of its path, for `migrateDatabase(db, { migrationsFolder })`.
 */
export function useEarlierMigrations(count: number): () => string {
  let folder: string | undefined
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'audit-migrations-'))
    const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'))
    journal.entries = journal.entries.slice(0, count)
    await mkdir(join(folder, 'meta'))
    await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify(journal))
    for (const { tag } of journal.entries as Array<{ tag: string }>) {
      await cp(join(MIGRATIONS_FOLDER, `${tag}.sql`), join(folder, `${tag}.sql`))
    }
  })
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true })
  })
  return () => {
    if (folder === undefined) throw new Error('the earlier migrations are made in beforeAll')
    return folder
  }
}

/**
 * The two engines a migration test runs on, each opening an empty database: a fresh PostgreSQL
 * database (dropped after the file's tests) and an in-memory PGlite.
 */
export function migrationEngines(prefix?: string): Array<[string, () => Promise<DatabaseHandle>]> {
  const databases: TestDatabase[] = []
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()))
  })
  return [
    [
      'postgres',
      async () => {
        const database = await createTestDatabase(ADMIN_URL, prefix)
        databases.push(database)
        return openDatabase({ url: database.url })
      },
    ],
    ['pglite', () => openDatabase({ pgliteDataDir: PGLITE_IN_MEMORY })],
  ]
}
