import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema.js'

/** The Drizzle database both drivers are used through; code above `db/` never sees the driver. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

/** Where PGlite keeps its files when no DATABASE_URL is given. */
export const DEFAULT_PGLITE_DIR = './.data/pglite'

/** PGlite data directory meaning "in memory, gone on close" (tests). */
export const PGLITE_IN_MEMORY = 'memory://'

/**
 * Where PGlite lives for a `DATA_DIR`: `<DATA_DIR>/pglite`, so the directory can hold other files;
 * `DATA_DIR=memory://` keeps it in memory (tests).
 *
 * @example
 * await openDatabase({ url: config.databaseUrl, pgliteDataDir: pgliteDirOf(config.dataDir) })
 */
export function pgliteDirOf(dataDir: string): string {
  return dataDir === PGLITE_IN_MEMORY ? PGLITE_IN_MEMORY : join(dataDir, 'pglite')
}

export interface DatabaseOptions {
  /** `postgres://` URL. When absent the embedded PGlite is used. */
  url?: string | undefined
  /** postgres.js pool size (`max`). [10] */
  maxConnections?: number
  /** Seconds to wait for a new connection (`connect_timeout`). [10] */
  connectTimeoutSeconds?: number
  /** Seconds before an idle pooled connection is closed (`idle_timeout`). [30] */
  idleTimeoutSeconds?: number
  /** `application_name`, shown in pg_stat_activity. ['audit-trail-datastorage'] */
  applicationName?: string
  /** PGlite data directory, created if missing; `memory://` for in-memory. ['./.data/pglite'] */
  pgliteDataDir?: string
  /** Server NOTICE messages (e.g. "relation already exists, skipping"). [dropped] */
  onNotice?: (message: string) => void
}

/** An open database: the Drizzle handle, which engine it is, and how to close it. */
export interface DatabaseHandle {
  readonly kind: 'postgres' | 'pglite'
  readonly db: Database
  /** Ends the pool (waiting for running queries) or closes PGlite. Idempotent. */
  close(): Promise<void>
}

/**
 * Opens PostgreSQL through postgres.js when `url` is set, else PGlite under `pgliteDataDir`.
 * postgres.js connects lazily, so this does not prove the server is up: call `ping()` on the store.
 *
 * @throws RangeError when a numeric option is not a positive integer (names the option).
 * @example
 * const database = await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 20 })
 * await migrateDatabase(database)
 */
export async function openDatabase({
  url,
  maxConnections = 10,
  connectTimeoutSeconds = 10,
  idleTimeoutSeconds = 30,
  applicationName = 'audit-trail-datastorage',
  pgliteDataDir = DEFAULT_PGLITE_DIR,
  onNotice,
}: DatabaseOptions = {}): Promise<DatabaseHandle> {
  requirePositiveInteger('maxConnections', maxConnections)
  requirePositiveInteger('connectTimeoutSeconds', connectTimeoutSeconds)
  requirePositiveInteger('idleTimeoutSeconds', idleTimeoutSeconds)

  if (url) {
    const client = postgres(url, {
      max: maxConnections,
      connect_timeout: connectTimeoutSeconds,
      idle_timeout: idleTimeoutSeconds,
      connection: { application_name: applicationName },
      // postgres.js prints notices to the console by default; the service logs through pino.
      onnotice: (notice) => onNotice?.(String(notice['message'] ?? '')),
    })
    return {
      kind: 'postgres',
      db: drizzlePostgres({ client, schema }),
      close: once(() => client.end({ timeout: 5 })),
    }
  }

  if (pgliteDataDir !== PGLITE_IN_MEMORY && !pgliteDataDir.startsWith('idb://')) {
    await mkdir(pgliteDataDir, { recursive: true })
  }
  const client = await PGlite.create({ dataDir: pgliteDataDir })
  return {
    kind: 'pglite',
    db: drizzlePglite({ client, schema }),
    close: once(() => client.close()),
  }
}

/** The rows of a raw `db.execute()`: postgres.js returns them as an array, PGlite as `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[]
  return (result as { rows: T[] }).rows
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`)
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined
  return () => {
    closing ??= fn()
    return closing
  }
}
