import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { type DatabaseHandle, rowsOf } from './client.js'

/**
 * The committed migrations. Both `src/db/migrate.ts` and `dist/db/migrate.js` sit two levels below
 * the package root, so the same relative path works from sources (tests, tsx) and the build.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url))

/** Arbitrary constant: the advisory lock key that serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 7_302_417_113

export interface MigrateOptions {
  /** Folder holding drizzle-kit's output (`meta/_journal.json` and the SQL files). [MIGRATIONS_FOLDER] */
  migrationsFolder?: string
}

/**
 * Applies the pending committed migrations, on PostgreSQL and PGlite alike, and returns how many ran.
 *
 * Same bookkeeping as drizzle-orm's `migrate()` (table `drizzle.__drizzle_migrations`, so
 * `drizzle-kit migrate` sees the same state), with one difference that matters when several service
 * processes start at once: the check for pending migrations and their application happen in one
 * transaction under `pg_advisory_xact_lock`, so a second process waits and then finds nothing to do
 * instead of re-running DDL that the first one committed meanwhile.
 */
export async function migrateDatabase(
  { db }: DatabaseHandle,
  { migrationsFolder = MIGRATIONS_FOLDER }: MigrateOptions = {},
): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder })
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`)
    await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`)
    await tx.execute(sql`
      CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (
        id SERIAL PRIMARY KEY,
        hash text NOT NULL,
        created_at bigint
      )`)
    const applied = rowsOf<{ created_at: string | number | null }>(
      await tx.execute(
        sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
      ),
    )
    const lastApplied = Number(applied[0]?.created_at ?? Number.NEGATIVE_INFINITY)

    let ran = 0
    for (const migration of migrations) {
      if (migration.folderMillis <= lastApplied) continue
      for (const statement of migration.sql) {
        if (statement.trim() !== '') await tx.execute(sql.raw(statement))
      }
      await tx.execute(
        sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.folderMillis})`,
      )
      ran += 1
    }
    return ran
  })
}
