import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import postgres from 'postgres'

/** Admin connection of the local PostgreSQL: `DATABASE_URL_ADMIN`, else the trust-auth default. */
export const ADMIN_URL = process.env['DATABASE_URL_ADMIN'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  /** URL of the new, empty database. */
  url: string
  /** Drops the database, closing whatever connections are still open on it. Idempotent. */
  drop(): Promise<void>
}

/**
 * Creates a fresh database `audit_test_<pid>_<random>` on the local PostgreSQL, so test files never
 * share state. Call `drop()` in `afterAll`.
 *
 * @example
 * let database: TestDatabase
 * beforeAll(async () => { database = await createTestDatabase() })
 * afterAll(() => database.drop())
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `audit_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await withAdmin((sql) => sql.unsafe(`CREATE DATABASE "${name}"`))
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  let dropped: Promise<void> | undefined
  return {
    url: url.toString(),
    drop() {
      dropped ??= withAdmin((sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => {},
      )
      return dropped
    },
  }
}

async function withAdmin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  try {
    return await fn(sql)
  } finally {
    await sql.end()
  }
}

/** A localhost TCP port with nothing listening on it (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  return address.port
}
