import { randomUUID } from 'node:crypto'
import type { AuditEventWithId } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { type DatabaseHandle, openDatabase } from '../../src/db/client.js'
import { migrateDatabase } from '../../src/db/migrate.js'
import { createPartitionManager, type PartitionManager } from '../../src/db/partitions.js'
import { checkpointIfGrown } from '../../src/log/checkpointer.js'
import type { StoredCheckpoint } from '../../src/log/log-reader.js'
import { countPending, sealBatch } from '../../src/log/seal-batch.js'
import { loadSigningKey, type SigningKey } from '../../src/log/signing-key.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { RECORDED_BY } from '../support/events.js'
import { ADMIN_URL } from '../support/postgres.js'

/** A PostgreSQL database of one test file with the service's store and the log's sealing steps. */
export interface LogDatabase {
  /** The database's URL, for a process or command of its own. */
  url: string
  database: DatabaseHandle
  store: AuditEventStore
  partitions: PartitionManager
  key: SigningKey
  /** A superuser connection of its own, for tampering behind the service's back. */
  sql: postgres.Sql
  /** Stores events through the store (pending rows included), as the API does. */
  insert(events: AuditEventWithId[]): Promise<void>
  /** Seals every pending event, as the sequencer does, batch by batch. */
  sealAll(): Promise<void>
  /** Seals what is pending, then signs a checkpoint of the tree (undefined when it did not grow). */
  checkpoint(): Promise<StoredCheckpoint | undefined>
  /** Runs statements with the append-only triggers off (`session_replication_role = replica`). */
  tamper(run: (sql: postgres.TransactionSql) => Promise<unknown>): Promise<void>
  close(): Promise<void>
}

/**
 * Opens a fresh, migrated database. The log's steps are the log's own code (`sealBatch`,
 * `checkpointIfGrown`), called directly rather than through the sequencer's timers, so a test says
 * exactly when events are sealed and checkpoints signed.
 */
export async function openLogDatabase(prefix: string): Promise<LogDatabase> {
  const testDatabase: TestDatabase = await createTestDatabase(ADMIN_URL, prefix)
  const database = await openDatabase({ url: testDatabase.url, maxConnections: 4 })
  await migrateDatabase(database)
  const partitions = createPartitionManager(database.db)
  await partitions.ensureAhead()
  const store = createAuditEventStore(database, { partitions })
  const key = await loadSigningKey({ signingKeyFile: undefined, dataDir: 'memory://' })
  const sql = postgres(testDatabase.url, { max: 1, onnotice: () => {} })
  const sealAll = async () => {
    while ((await countPending(database.db)) > 0) {
      await database.db.transaction((tx) => sealBatch(tx, 1000))
    }
  }
  return {
    url: testDatabase.url,
    database,
    store,
    partitions,
    key,
    sql,
    async insert(events) {
      const { created } = await store.insert(events, RECORDED_BY)
      if (created.length !== events.length) throw new Error(`stored ${created.length} of ${events.length}`)
    },
    sealAll,
    async checkpoint() {
      await sealAll()
      return checkpointIfGrown(database.db, key, 'verify-test')
    },
    async tamper(run) {
      await sql.begin(async (tx) => {
        await tx`SET LOCAL session_replication_role = replica`
        await run(tx)
      })
    },
    async close() {
      await sql.end({ timeout: 5 })
      await database.close()
      await testDatabase.drop()
    },
  }
}

/** An event of `correlationId` at `timestamp`; a random id, the rest valid. */
export function eventAt(
  correlationId: string,
  timestamp: Date,
  overrides: Partial<AuditEventWithId> = {},
): AuditEventWithId {
  return {
    version: '1.0',
    event_id: randomUUID(),
    event_type: 'gateway.signal.received',
    event_timestamp: timestamp.toISOString(),
    event_category: 'gateway',
    event_action: 'received',
    event_outcome: 'success',
    correlation_id: correlationId,
    event_data: { signal_name: 'HighMemory', fingerprint: `fp-${randomUUID().slice(0, 8)}`, ratio: 0.5 },
    ...overrides,
  } as AuditEventWithId
}
