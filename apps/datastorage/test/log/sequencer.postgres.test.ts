import { type AuditEventWithId, canonicalTimestamp } from '@audit-trail/datastorage-client'
import { eventLeafHash, rootHash, toHex, verifyCheckpoint, verifyConsistency } from '@audit-trail/merkle'
import { waitFor } from '@audit-trail/test-infra'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../src/db/client.js'
import { checkpointBody } from '../../src/log/log-reader.js'
import { countPending, readTree } from '../../src/log/seal-batch.js'
import { SEQUENCER_APPLICATION_NAME, SEQUENCER_LOCK } from '../../src/log/sequencer.js'
import { createMetrics } from '../../src/metrics/service-metrics.js'
import { bulkInsertStatement } from '../../src/store/audit-event-row.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { RECORDED_BY, uniqueCorrelationId } from '../support/events.js'
import { type LogFixture, logEvents, openLogFixture } from './support.js'

describe('the sequencer on PostgreSQL, with concurrent writers and replicas', () => {
  let log: LogFixture
  let admin: postgres.Sql
  beforeAll(async () => {
    log = await openLogFixture('postgres')
    admin = postgres(log.pg!.url, { max: 1, onnotice: () => {} })
  }, 60_000)
  afterAll(async () => {
    await admin?.end({ timeout: 2 })
    await log?.close()
  })

  const treeSize = async () => (await readTree(log.database.db, { forUpdate: false })).size
  const sealedSize = (size: number) =>
    waitFor(`a tree of ${size} leaves`, async () => (await treeSize()) === size)

  /** Every stored event has exactly one leaf, the leaves are 0..n-1, and they hash to the tree's root. */
  async function expectCompleteLog(): Promise<void> {
    const [counts] = rowsOf<{
      leaves: number
      events: number
      lo: number | null
      hi: number | null
      orphans: number
    }>(
      await log.database.db.execute(sql`
        SELECT (SELECT count(*)::int FROM audit_log_leaves) AS leaves,
               (SELECT count(*)::int FROM audit_events) AS events,
               (SELECT min(leaf_index)::int FROM audit_log_leaves) AS lo,
               (SELECT max(leaf_index)::int FROM audit_log_leaves) AS hi,
               (SELECT count(*)::int FROM audit_events e
                 WHERE NOT EXISTS (SELECT 1 FROM audit_log_leaves l WHERE l.event_id = e.event_id)) AS orphans`),
    )
    expect(counts).toEqual({
      leaves: counts!.events,
      events: counts!.events,
      lo: 0,
      hi: counts!.events - 1,
      orphans: 0,
    })
    const tree = await readTree(log.database.db, { forUpdate: false })
    const leaves = await log.reader.leaves(0, 1_000_000, tree.size)
    expect(leaves.map((l) => l.leafIndex)).toEqual([...Array(tree.size).keys()])
    expect(toHex(rootHash(leaves.map((l) => l.leafHash)))).toBe(toHex(tree.root()))
  }

  it('seals a transaction that commits late, with an earlier event id and queue position, and misses no leaf', async () => {
    const before = await treeSize()
    const late = await log.openHandle(1)
    const [early] = logEvents(1, uniqueCorrelationId('late'))
    const canonical = { ...early!, event_timestamp: canonicalTimestamp(early!.event_timestamp)! }
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    let inserted!: () => void
    const insertedNow = new Promise<void>((resolve) => {
      inserted = resolve
    })
    const transaction = late.db.transaction(async (tx) => {
      await tx.execute(bulkInsertStatement([canonical], [RECORDED_BY]))
      inserted()
      await gate
    })
    await insertedNow
    const sequencer = log.sequencer({ batchSize: 5 })
    const others = logEvents(23, uniqueCorrelationId('meanwhile'))
    for (let i = 0; i < others.length; i += 4) await log.store.insert(others.slice(i, i + 4), RECORDED_BY)
    await sealedSize(before + 23)
    expect(await log.reader.leafByEventId(early!.event_id)).toBeUndefined()
    const [seqs] = rowsOf<{ early: boolean }>(
      await log.database.db.execute(sql`SELECT count(*) = 0 AS early FROM audit_log_pending`),
    )
    expect(seqs!.early).toBe(true) // the open transaction's queue row is not visible yet

    release()
    await transaction
    await sealedSize(before + 24)
    const leaf = await log.reader.leafByEventId(early!.event_id)
    expect(leaf?.leafIndex).toBe(before + 23)
    await sequencer.stop()
    await expectCompleteLog()
  })

  it('seals a few hundred events written concurrently from several connections: one leaf each, no gap, the root of its leaves', async () => {
    const before = await treeSize()
    const sequencer = log.sequencer({ batchSize: 13 })
    const writers = await Promise.all(Array.from({ length: 5 }, () => log.openHandle(3)))
    const written: AuditEventWithId[] = []
    await Promise.all(
      writers.map(async (handle, w) => {
        const store = createAuditEventStore(handle)
        const events = logEvents(60, uniqueCorrelationId(`writer-${w}`))
        written.push(...events)
        for (let i = 0, size = 1; i < events.length; i += size, size = (size % 7) + 1) {
          const batch = events.slice(i, i + size)
          expect((await store.insert(batch, RECORDED_BY)).created).toHaveLength(batch.length)
        }
      }),
    )
    await sealedSize(before + 300)
    const checkpoint = await waitFor('a checkpoint of every event', async () => {
      const latest = await log.reader.latestCheckpoint()
      return latest?.treeSize === before + 300 ? latest : false
    })
    await sequencer.stop()
    expect(await countPending(log.database.db)).toBe(0)
    expect(verifyCheckpoint(checkpointBody(checkpoint), log.key.publicKey)).toBe(true)
    await expectCompleteLog()
    const leaves = await log.reader.leaves(0, 100_000, checkpoint.treeSize)
    expect(toHex(rootHash(leaves.map((l) => l.leafHash)))).toBe(toHex(checkpoint.rootHash))
    for (const event of written) {
      const leaf = (await log.reader.leafByEventId(event.event_id))!
      expect(toHex(leaf.leafHash)).toBe(toHex(eventLeafHash(await log.store.get(event.event_id))))
    }
  })

  it('elects one leader among two sequencers; when its connection is killed the other takes over and the log stays consistent', async () => {
    const [handleA, handleB] = await Promise.all([log.openHandle(2), log.openHandle(2)])
    const a = log.sequencer({ database: handleA, metrics: createMetrics({ defaultMetrics: false }).log })
    const b = log.sequencer({ database: handleB, metrics: createMetrics({ defaultMetrics: false }).log })
    const lockHolders = async () =>
      rowsOf<{ pid: number }>(
        await log.database.db.execute(sql`
          SELECT l.pid FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
            AND l.classid = ${sql.raw(String(SEQUENCER_LOCK.classId))}
            AND l.objid = ${sql.raw(String(SEQUENCER_LOCK.objId))}
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`),
      ).map((r) => r.pid)
    const sessions = async () =>
      Number(
        (
          await admin`SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = ${SEQUENCER_APPLICATION_NAME}`
        )[0]!['n'],
      )
    await waitFor(
      'one leader, the other waiting',
      async () => (await sessions()) === 2 && a.leader !== b.leader,
    )
    expect(await lockHolders()).toHaveLength(1)
    const [leader, follower] = a.leader ? [a, b] : [b, a]

    const first = logEvents(20, uniqueCorrelationId('replicas'))
    await log.store.insert(first, RECORDED_BY)
    const before = await waitFor('a checkpoint of the first events', async () => {
      const latest = await log.reader.latestCheckpoint()
      return (await countPending(log.database.db)) === 0 && latest?.treeSize === (await treeSize())
        ? latest
        : false
    })
    expect([leader.leader, follower.leader]).toEqual([true, false])
    expect(await lockHolders()).toHaveLength(1)

    const [killed] = await lockHolders()
    await admin`SELECT pg_terminate_backend(${killed!})`
    await waitFor('the other sequencer to take over', () => follower.leader && !leader.leader, 15_000)
    await waitFor('one lock holder, not the killed session', async () => {
      const holders = await lockHolders()
      return holders.length === 1 && holders[0] !== killed
    })

    const second = logEvents(17, uniqueCorrelationId('replicas-after'))
    for (let i = 0; i < second.length; i += 5) await log.store.insert(second.slice(i, i + 5), RECORDED_BY)
    const after = await waitFor('a checkpoint after the takeover', async () => {
      const latest = await log.reader.latestCheckpoint()
      return latest !== undefined && latest.treeSize === before.treeSize + 17 ? latest : false
    })
    expect(follower.leader).toBe(true)
    const proof = await log.reader.consistencyProof(before.treeSize, after.treeSize)
    expect(
      verifyConsistency({
        fromSize: before.treeSize,
        toSize: after.treeSize,
        proof,
        fromRoot: before.rootHash,
        toRoot: after.rootHash,
      }),
    ).toBe(true)
    await Promise.all([a.stop(), b.stop()])
    await expectCompleteLog()
  })
})
