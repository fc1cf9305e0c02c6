import { randomUUID } from 'node:crypto'
import type { components } from '@audit-trail/datastorage-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase, PGLITE_IN_MEMORY } from '../../src/db/client.js'
import { migrateDatabase } from '../../src/db/migrate.js'
import { createPartitionManager, monthOf, partitionNameOf } from '../../src/db/partitions.js'
import { checkpointIfGrown } from '../../src/log/checkpointer.js'
import { countPending, sealBatch } from '../../src/log/seal-batch.js'
import { loadSigningKey } from '../../src/log/signing-key.js'
import { createLogger } from '../../src/logger.js'
import { runRetention } from '../../src/retention/retention-job.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { buildTestApp, type TestApp } from '../support/app.js'
import { postJson, RECORDED_BY } from '../support/events.js'
import { eventAt } from './log-database.js'

type VerifyResult = components['schemas']['VerifyResult']

// The embedded engine (no DATABASE_URL) runs the same SQL: verification, legal holds and retention
// on PGlite, where one process is the only replica.

let database: DatabaseHandle
let store: AuditEventStore
let test: TestApp
const run = randomUUID().slice(0, 8)
const now = new Date()
const pastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 3, 4))

async function seal(): Promise<void> {
  while ((await countPending(database.db)) > 0) await database.db.transaction((tx) => sealBatch(tx, 500))
  const key = await loadSigningKey({ signingKeyFile: undefined, dataDir: PGLITE_IN_MEMORY })
  await checkpointIfGrown(database.db, key, 'pglite-test')
}

beforeAll(async () => {
  database = await openDatabase({ pgliteDataDir: PGLITE_IN_MEMORY })
  await migrateDatabase(database)
  const partitions = createPartitionManager(database.db)
  await partitions.ensureAhead()
  store = createAuditEventStore(database, { partitions })
  test = buildTestApp(store, { database: database.db })
})

afterAll(async () => {
  await store?.close()
})

describe('verification, legal holds and retention on PGlite', () => {
  it('verifies sealed events, holds a month, and drops it once released', async () => {
    const correlation = `pglite-${run}`
    const events = [
      eventAt(correlation, pastMonth, { retention_days: 1 }),
      eventAt(correlation, pastMonth, { retention_days: 1 }),
    ]
    await store.insert(events, RECORDED_BY)
    expect(
      (await test.app.request('/api/v1/audit/verify', postJson({ correlation_id: correlation }))).status,
    ).toBe(404)
    await seal()
    const verified = await test.app.request('/api/v1/audit/verify', postJson({ correlation_id: correlation }))
    expect(await verified.json()).toMatchObject({ valid: true, checked: 2, failures: [] })

    const placed = await test.app.request(
      '/api/v1/audit/legal-holds',
      postJson({ correlation_id: correlation, reason: 'r' }),
    )
    expect(placed.status).toBe(201)
    const hold = (await placed.json()) as components['schemas']['LegalHold']
    expect(hold).toMatchObject({ placed_by: 'anonymous:loopback', events_affected: 2 })

    const options = { db: database.db, logger: createLogger({ level: 'silent' }), transparencyLog: true }
    const partition = partitionNameOf(monthOf(pastMonth))
    const kept = await runRetention(options)
    expect(kept.partitions.find((d) => d.partition === partition)).toMatchObject({ reason: 'legal_hold' })

    expect(
      (await test.app.request(`/api/v1/audit/legal-holds/${hold.id}`, { method: 'DELETE' })).status,
    ).toBe(200)
    const dropped = await runRetention(options)
    expect(dropped.partitions.find((d) => d.partition === partition)).toMatchObject({
      action: 'dropped',
      events: 2,
    })

    const after = await test.app.request('/api/v1/audit/verify', postJson({ correlation_id: correlation }))
    const body = (await after.json()) as VerifyResult
    expect(body).toMatchObject({ valid: true, failures: [] })
    expect(body.removed.map((r) => r.event_id).sort()).toEqual(events.map((e) => e.event_id).sort())
  })
})
