import { Writable } from 'node:stream'
import {
  type AuditEventRequest,
  type AuditEventWithId,
  type DeadLetterMessage,
  encodeDeadLetterMessage,
  uuidv7,
} from '@audit-trail/datastorage-client'
import {
  createTestDatabase,
  deleteKeysWithPrefix,
  redisKeyPrefix,
  type TestDatabase,
} from '@audit-trail/test-infra'
import { Redis } from 'ioredis'
import { type Logger, pino } from 'pino'
import postgres from 'postgres'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { migrateDatabase } from '../../src/db/migrate.js'
import { createPartitionManager } from '../../src/db/partitions.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { validEvent } from '../support/events.js'
import { ADMIN_URL } from '../support/postgres.js'

/** The real Redis the DLQ tests use (loopback). */
export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379'

/** Stream names of one test run, all under one key prefix that `cleanup()` deletes. */
export interface TestStreams {
  prefix: string
  stream: string
  deadLetterStream: string
  cleanup(): Promise<number>
}

/** Fresh, unique stream names (`test:<pid>_<random>:dlq` …); pair with `cleanup()` in afterAll/afterEach. */
export function testStreams(): TestStreams {
  const prefix = redisKeyPrefix()
  return {
    prefix,
    stream: `${prefix}dlq:events`,
    deadLetterStream: `${prefix}dead-letter:events`,
    cleanup: () => deleteKeysWithPrefix(REDIS_URL, prefix),
  }
}

/** A Redis client that never retries forever, so a broken test fails instead of hanging. */
export function testRedis(url = REDIS_URL): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 })
  redis.on('error', () => {})
  return redis
}

/** A migrated database behind the real store, plus a raw connection for assertions. */
export interface PgFixture {
  url: string
  store: AuditEventStore
  sql: postgres.Sql
  /** Rows with these event ids (count of rows, not of distinct ids). */
  countRows(eventIds?: readonly string[]): Promise<number>
  close(): Promise<void>
}

/** Opens the store on `url` (migrated, partitions ahead). `maxConnections` sizes the pool. */
export async function openPgStore(
  url: string,
  maxConnections = 10,
): Promise<Omit<PgFixture, 'close'> & { closeStore(): Promise<void> }> {
  const database = await openDatabase({ url, maxConnections, connectTimeoutSeconds: 2 })
  await migrateDatabase(database)
  const partitions = createPartitionManager(database.db)
  await partitions.ensureAhead()
  const store = createAuditEventStore(database, { partitions })
  const sql = postgres(url, { max: 2, onnotice: () => {}, connect_timeout: 2 })
  return {
    url,
    store,
    sql,
    async countRows(eventIds) {
      if (!eventIds) return Number((await sql`SELECT count(*)::int AS n FROM audit_events`)[0]!['n'])
      let total = 0
      for (let i = 0; i < eventIds.length; i += 10_000) {
        const chunk = eventIds.slice(i, i + 10_000) as string[]
        total += Number(
          (await sql`SELECT count(*)::int AS n FROM audit_events WHERE event_id = ANY(${chunk}::uuid[])`)[0]![
            'n'
          ],
        )
      }
      return total
    },
    async closeStore() {
      await sql.end({ timeout: 2 }).catch(() => {})
      await store.close()
    },
  }
}

/** A fresh database on the shared PostgreSQL with the store open on it; `close()` drops it. */
export async function createPgFixture(maxConnections = 10): Promise<PgFixture> {
  const database: TestDatabase = await createTestDatabase(ADMIN_URL, 'audit_dlq_test')
  const opened = await openPgStore(database.url, maxConnections)
  return {
    ...opened,
    async close() {
      await opened.closeStore()
      await database.drop()
    },
  }
}

/** Options of {@link useDlqTestContext}. */
export interface DlqTestContextOptions {
  /** Also open the store on a fresh database of the file's own ({@link createPgFixture}). Default false. */
  postgres?: boolean
  /**
   * `'each'`: fresh stream names for every test, deleted after it; `'file'`: one set for the file,
   * deleted after all its tests. Default `'each'`.
   */
  streams?: 'each' | 'file'
}

/** What {@link useDlqTestContext} opens; read it inside tests and hooks, not at module level. */
export interface DlqTestContext {
  /** A client of the shared Redis ({@link testRedis}), open for the whole file. */
  readonly redis: Redis
  /** The stream names of the current test (or of the file). */
  readonly streams: TestStreams
  /** The store on the file's database; only with `postgres: true`. */
  readonly pg: PgFixture
}

/**
 * Registers the hooks most DLQ test files share: before all, a fresh database with the store
 * (`postgres: true`) and a Redis client; fresh stream names per test or per file; afterwards the
 * stream keys deleted, Redis disconnected and the database dropped.
 *
 * @example
 * const dlq = useDlqTestContext({ postgres: true })
 * it('…', async () => {
 *   const { pg, redis, streams } = dlq
 * })
 */
export function useDlqTestContext(options: DlqTestContextOptions = {}): DlqTestContext {
  const { postgres: withPostgres = false, streams: scope = 'each' } = options
  let redis: Redis | undefined
  let pg: PgFixture | undefined
  let streams: TestStreams | undefined
  beforeAll(async () => {
    if (withPostgres) pg = await createPgFixture()
    redis = testRedis()
    if (scope === 'file') streams = testStreams()
  })
  if (scope === 'each') {
    beforeEach(() => {
      streams = testStreams()
    })
    afterEach(async () => {
      await streams?.cleanup()
    })
  }
  afterAll(async () => {
    if (scope === 'file') await streams?.cleanup()
    redis?.disconnect()
    await pg?.close()
  })
  const opened = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(
        withPostgres || what !== 'pg'
          ? `useDlqTestContext: ${what} is not open yet; read it inside a test or hook`
          : 'useDlqTestContext: pg needs { postgres: true }',
      )
    }
    return value
  }
  return {
    get redis() {
      return opened(redis, 'redis')
    },
    get streams() {
      return opened(streams, 'streams')
    },
    get pg() {
      return opened(pg, 'pg')
    },
  }
}

/** A valid event ({@link validEvent}) with a fresh UUIDv7 id and correlation id `dlq-test`; override any field. */
export function makeEvent(overrides: Partial<AuditEventRequest> = {}): AuditEventWithId {
  return validEvent({ event_id: uuidv7(), correlation_id: 'dlq-test', ...overrides }) as AuditEventWithId
}

/** A dead-letter message as an audit client writes it. */
export function clientMessage(
  event: AuditEventWithId,
  overrides: Partial<DeadLetterMessage> = {},
): DeadLetterMessage {
  return {
    event,
    source: 'client',
    service: 'billing',
    reason: 'HTTP 503 after 3 retries',
    attempts: 4,
    enqueuedAt: new Date().toISOString(),
    ...overrides,
  }
}

/** XADDs messages the way the audit client does (one entry per event, pipelined); returns the entry ids. */
export async function addMessages(
  redis: Redis,
  stream: string,
  messages: readonly DeadLetterMessage[],
): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < messages.length; i += 1000) {
    const pipeline = redis.pipeline()
    for (const m of messages.slice(i, i + 1000)) pipeline.xadd(stream, '*', ...encodeDeadLetterMessage(m))
    for (const [error, id] of (await pipeline.exec()) ?? []) {
      if (error) throw error
      ids.push(String(id))
    }
  }
  return ids
}

/** A pino logger whose JSON lines are kept in `lines` (and not printed). */
export function captureLogger(level = 'debug'): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = []
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line))
      callback()
    },
  })
  return { logger: pino({ level }, destination), lines }
}
