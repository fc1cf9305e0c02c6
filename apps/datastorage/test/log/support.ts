import { type AuditEventWithId, uuidv7 } from '@audit-trail/datastorage-client'
import { generateSigningKey, keyId } from '@audit-trail/merkle'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import { pino } from 'pino'
import { type DatabaseHandle, openDatabase, PGLITE_IN_MEMORY } from '../../src/db/client.js'
import { migrateDatabase } from '../../src/db/migrate.js'
import { createPartitionManager } from '../../src/db/partitions.js'
import { LogReader } from '../../src/log/log-reader.js'
import { type Sequencer, type SequencerOptions, startSequencer } from '../../src/log/sequencer.js'
import type { SigningKey } from '../../src/log/signing-key.js'
import { createMetrics, type TransparencyLogMetrics } from '../../src/metrics/service-metrics.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { validEvent } from '../support/events.js'
import { ADMIN_URL } from '../support/postgres.js'

/** A fresh in-memory signing key, as `loadSigningKey` returns one. */
export function testSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateSigningKey()
  return { privateKey, publicKey, keyId: keyId(publicKey), file: undefined, created: true }
}

/** Events of one correlation id, with fresh UUIDv7 ids; `at` moves every timestamp. */
export function logEvents(count: number, correlationId: string, at?: Date): AuditEventWithId[] {
  return Array.from(
    { length: count },
    (_, i) =>
      validEvent({
        event_id: uuidv7(),
        correlation_id: correlationId,
        event_timestamp: new Date((at ?? new Date()).getTime() - i).toISOString(),
        duration_ms: i,
      }) as AuditEventWithId,
  )
}

/** A migrated database (its own PostgreSQL database, or an in-memory PGlite) with the log's pieces. */
export interface LogFixture {
  readonly database: DatabaseHandle
  readonly store: AuditEventStore
  readonly reader: LogReader
  readonly key: SigningKey
  readonly metrics: TransparencyLogMetrics
  /** The PostgreSQL test database (undefined on PGlite). */
  readonly pg: TestDatabase | undefined
  /** Another handle on the same PostgreSQL database (its own pool), closed with the fixture. */
  openHandle(maxConnections?: number): Promise<DatabaseHandle>
  /** A sequencer on this fixture's database (or `database`), fast intervals, stopped with the fixture. */
  sequencer(overrides?: Partial<SequencerOptions>): Sequencer
  close(): Promise<void>
}

const quiet = pino({ level: 'silent' })

/** Opens a {@link LogFixture} on `engine`; PostgreSQL's test database on the server of `adminUrl`. */
export async function openLogFixture(
  engine: 'postgres' | 'pglite',
  adminUrl = ADMIN_URL,
): Promise<LogFixture> {
  const pg = engine === 'postgres' ? await createTestDatabase(adminUrl, 'audit_log') : undefined
  const database = await openDatabase(
    pg ? { url: pg.url, connectTimeoutSeconds: 2 } : { pgliteDataDir: PGLITE_IN_MEMORY },
  )
  await migrateDatabase(database)
  const partitions = createPartitionManager(database.db)
  await partitions.ensureAhead()
  const store = createAuditEventStore(database, { partitions })
  const key = testSigningKey()
  const metrics = createMetrics({ defaultMetrics: false }).log
  const cleanups: Array<() => Promise<unknown>> = []
  return {
    database,
    store,
    reader: new LogReader(database.db),
    key,
    metrics,
    pg,
    async openHandle(maxConnections = 4) {
      if (!pg) throw new Error('openHandle: PostgreSQL only')
      const handle = await openDatabase({ url: pg.url, maxConnections, connectTimeoutSeconds: 2 })
      cleanups.push(() => handle.close())
      return handle
    },
    sequencer(overrides = {}) {
      const sequencer = startSequencer({
        database,
        key,
        origin: 'audit-trail-test',
        batchSize: 50,
        intervalMs: 10,
        checkpointIntervalMs: 50,
        logger: quiet,
        metrics,
        electionIntervalMs: 50,
        backoff: { baseMs: 20, maxMs: 200 },
        roundTimeoutMs: 2000,
        ...overrides,
      })
      cleanups.unshift(() => sequencer.stop())
      return sequencer
    },
    async close() {
      for (const cleanup of cleanups) await cleanup().catch(() => {})
      await store.close()
      await pg?.drop()
    },
  }
}
