import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
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
  /**
   * Every connection starts with `default_transaction_read_only=on` (PostgreSQL only): a pool for
   * reads cannot write even when its URL points at the primary by mistake. [false]
   */
  readOnly?: boolean
}

/** An open database: the Drizzle handle, which engine it is, and how to close it. */
export interface DatabaseHandle {
  readonly kind: 'postgres' | 'pglite'
  readonly db: Database
  /**
   * A session of its own (see {@link DatabaseSession}): on PostgreSQL one more connection, outside
   * the pool; on PGlite, which is one connection, the database itself.
   */
  openSession(options?: SessionOptions): Promise<DatabaseSession>
  /** Ends the pool (waiting for running queries) or closes PGlite. Idempotent. */
  close(): Promise<void>
}

/** Options of {@link DatabaseHandle.openSession}. */
export interface SessionOptions {
  /** `application_name` of the session's connection, to tell it apart in pg_stat_activity. */
  applicationName?: string
}

/**
 * One database connection kept for as long as the session lives, for work whose state belongs to
 * the connection: a session-level advisory lock (leader election) is held exactly as long as its
 * connection, so the work guarded by it runs on that same connection, and when the connection dies
 * the lock frees and any half-done transaction rolls back. It is a client of its own rather than a
 * connection reserved from the pool: a reserved postgres.js connection that the server closed
 * cannot safely be handed back to the pool, and the pool's idle timeout and connection lifetime
 * would drop a lock held across idle periods.
 */
export interface DatabaseSession {
  /** Drizzle over this session's connection. */
  readonly db: Database
  /**
   * True once the connection closed (killed, server restart, network): whatever it held is gone.
   * Close the session and open another. Always false on PGlite.
   */
  readonly lost: boolean
  /** Runs `fn` in one transaction of this session: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>
  /** Closes the connection (PostgreSQL; a no-op on PGlite). Idempotent; never rejects. */
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
  readOnly = false,
}: DatabaseOptions = {}): Promise<DatabaseHandle> {
  requirePositiveInteger('maxConnections', maxConnections)
  requirePositiveInteger('connectTimeoutSeconds', connectTimeoutSeconds)
  requirePositiveInteger('idleTimeoutSeconds', idleTimeoutSeconds)

  if (url) {
    const client = postgres(url, {
      max: maxConnections,
      connect_timeout: connectTimeoutSeconds,
      idle_timeout: idleTimeoutSeconds,
      connection: {
        application_name: applicationName,
        ...(readOnly ? { default_transaction_read_only: true } : {}),
      },
      // postgres.js prints notices to the console by default; the service logs through pino.
      onnotice: (notice) => onNotice?.(String(notice['message'] ?? '')),
    })
    return {
      kind: 'postgres',
      db: drizzlePostgres({ client, schema }),
      openSession: async ({ applicationName: name = `${applicationName}-session` } = {}) => {
        let lost = false
        const session = postgres(url, {
          max: 1,
          connect_timeout: connectTimeoutSeconds,
          // Never closed for being idle or old: the session's locks live as long as its connection.
          idle_timeout: 0,
          max_lifetime: null,
          // The array-type query postgres.js runs on each new connection rejects unhandled if the
          // server closes the connection meanwhile (it does while shutting down): a session's
          // statements pass arrays as text literals instead (log/text-array.ts).
          fetch_types: false,
          connection: { application_name: name },
          onnotice: (notice) => onNotice?.(String(notice['message'] ?? '')),
          onclose: () => {
            lost = true
          },
        })
        const db = drizzlePostgres({ client: session, schema })
        return {
          db,
          get lost() {
            return lost
          },
          transaction: (fn) => sessionTransaction(db, () => lost, fn),
          close: once(() => session.end({ timeout: 5 }).catch(() => {})),
        }
      },
      close: once(() => client.end({ timeout: 5 })),
    }
  }

  if (pgliteDataDir !== PGLITE_IN_MEMORY && !pgliteDataDir.startsWith('idb://')) {
    await mkdir(pgliteDataDir, { recursive: true })
  }
  const client = await PGlite.create({ dataDir: pgliteDataDir })
  const db = drizzlePglite({ client, schema })
  // One connection, one process: the session is the database; PGlite runs a transaction's
  // statements before any other query.
  const session: DatabaseSession = {
    db,
    lost: false,
    transaction: (fn) => db.transaction((tx) => fn(tx)),
    close: async () => {},
  }
  return {
    kind: 'pglite',
    db,
    openSession: async () => session,
    close: once(() => client.close()),
  }
}

/** `application_name` of the read pool's connections, to tell them apart in pg_stat_activity. */
export const READ_POOL_APPLICATION_NAME = 'audit-trail-datastorage-read'

/**
 * Seconds the read pool waits for a connection. Short on purpose: a read the replica cannot take
 * goes to the primary instead (`db/read-replica.ts`), and the caller waits for both attempts.
 */
export const READ_POOL_CONNECT_TIMEOUT_SECONDS = 3

/**
 * Opens the pool for `READ_DATABASE_URL` (a streaming replica): read-only connections, a short
 * connect timeout, its own `application_name`. Like {@link openDatabase}, it connects lazily: an
 * unreachable replica does not fail the start, reads fall back to the primary.
 *
 * @example
 * const reads = await openReadDatabase(config.readDatabaseUrl, { maxConnections: config.databasePoolMax })
 */
export function openReadDatabase(
  url: string,
  options: Pick<DatabaseOptions, 'maxConnections' | 'onNotice'> = {},
): Promise<DatabaseHandle> {
  return openDatabase({
    ...options,
    url,
    connectTimeoutSeconds: READ_POOL_CONNECT_TIMEOUT_SECONDS,
    applicationName: READ_POOL_APPLICATION_NAME,
    readOnly: true,
  })
}

/** The connection of a {@link DatabaseSession} closed: what it held (locks, a transaction) is gone. */
export class SessionLostError extends Error {
  override readonly name = 'SessionLostError'
  readonly code = 'SESSION_LOST'
}

/**
 * BEGIN … COMMIT as plain statements of the session's one-connection client. Not postgres.js's
 * `begin()`: when the server closes a connection inside `begin()`, postgres.js writes its ROLLBACK
 * to the closed socket from a timer, an exception no caller can catch, which would end the process
 * during a database outage. Here a statement after the loss reconnects instead, outside the dead
 * transaction; so the session reports the loss (SessionLostError) rather than a commit, and callers
 * make their writes safe on their own (the sequencer's is one compare-and-set statement).
 */
async function sessionTransaction<T>(
  db: Database,
  isLost: () => boolean,
  fn: (tx: Database) => Promise<T>,
): Promise<T> {
  const lostError = () => new SessionLostError('the session lost its connection during the transaction')
  if (isLost()) throw lostError()
  await db.execute(sql`BEGIN`)
  try {
    const result = await fn(db)
    if (isLost()) throw lostError()
    await db.execute(sql`COMMIT`)
    if (isLost()) throw lostError()
    return result
  } catch (error) {
    if (!isLost()) await db.execute(sql`ROLLBACK`).catch(() => {})
    throw error
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
