import {
  consistencyProofFromLeaves,
  eventLeafHash,
  generateSigningKey,
  rootHash,
  toHex,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@audit-trail/merkle'
import { waitFor } from '@audit-trail/test-infra'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../src/db/client.js'
import { checkpointBody, type StoredCheckpoint } from '../../src/log/log-reader.js'
import { countPending } from '../../src/log/seal-batch.js'
import { createAuditEventStore } from '../../src/store/postgres-audit-event-store.js'
import { RECORDED_BY, uniqueCorrelationId } from '../support/events.js'
import { type LogFixture, logEvents, openLogFixture } from './support.js'

describe.each(['pglite', 'postgres'] as const)('the sequencer on %s', (engine) => {
  let log: LogFixture
  beforeAll(async () => {
    log = await openLogFixture(engine)
  }, 60_000)
  afterAll(() => log?.close())

  async function leafHashes(): Promise<Buffer[]> {
    const latest = (await log.reader.latestCheckpoint())!
    return (await log.reader.leaves(0, 100_000, latest.treeSize)).map((l) => l.leafHash)
  }

  const checkpointOf = (size: number) =>
    waitFor(`a checkpoint of ${size} leaves`, async () => {
      const latest = await log.reader.latestCheckpoint()
      return latest !== undefined && latest.treeSize === size ? latest : false
    })

  it('seals every stored event, as the API returns it, into leaves that prove into the signed checkpoint', async () => {
    const correlation = uniqueCorrelationId('seal')
    const events = logEvents(37, correlation)
    // Several inserts, so the sequencer's batches (of 10) cut across them.
    for (let i = 0; i < events.length; i += 8) await log.store.insert(events.slice(i, i + 8), RECORDED_BY)
    expect(await countPending(log.database.db)).toBe(37)
    const sequencer = log.sequencer({ batchSize: 10 })
    const checkpoint = await checkpointOf(37)
    await sequencer.stop()
    expect(await countPending(log.database.db)).toBe(0)

    const body = checkpointBody(checkpoint)
    expect(verifyCheckpoint(body, log.key.publicKey)).toBe(true)
    expect(verifyCheckpoint(body, generateSigningKey().publicKey)).toBe(false)
    expect(verifyCheckpoint({ ...body, tree_size: 36 }, log.key.publicKey)).toBe(false)

    const leaves = await log.reader.leaves(0, 1000, checkpoint.treeSize)
    expect(leaves.map((l) => l.leafIndex)).toEqual([...Array(37).keys()])
    expect(rootHash(leaves.map((l) => l.leafHash)).equals(checkpoint.rootHash)).toBe(true)
    for (const event of events) {
      const stored = await log.store.get(event.event_id)
      const leaf = (await log.reader.leafByEventId(event.event_id))!
      // The leaf is the event exactly as GET /events/{id} answers it, after a JSON round trip.
      expect(toHex(leaf.leafHash)).toBe(toHex(eventLeafHash(JSON.parse(JSON.stringify(stored)))))
      expect(leaf.correlationId).toBe(correlation)
      expect(leaf.eventTimestamp).toBe(stored!.event_timestamp)
      const proof = await log.reader.inclusionProof(leaf.leafIndex, checkpoint.treeSize)
      const claim = {
        leafHash: leaf.leafHash,
        index: leaf.leafIndex,
        treeSize: 37,
        proof,
        rootHash: checkpoint.rootHash,
      }
      expect(verifyInclusion(claim)).toBe(true)
      expect(verifyInclusion({ ...claim, index: (leaf.leafIndex + 1) % 37 })).toBe(false)
    }
    expect(await log.reader.leavesOf({ correlationId: correlation }, 37)).toHaveLength(37)
  })

  it('proves consistency between the checkpoints it signs as the log grows', async () => {
    const first = (await log.reader.latestCheckpoint()) as StoredCheckpoint
    const sequencer = log.sequencer({ batchSize: 7 })
    const sizes: number[] = []
    for (const count of [1, 2, 13, 16]) {
      await log.store.insert(logEvents(count, uniqueCorrelationId('grow')), RECORDED_BY)
      const size = first.treeSize + sizes.reduce((a, b) => a + b, 0) + count
      sizes.push(count)
      await checkpointOf(size)
    }
    await sequencer.stop()
    const hashes = await leafHashes()
    const sizesSigned = rowsOf<{ tree_size: string }>(
      await log.database.db.execute(
        sql`SELECT tree_size::text AS tree_size FROM audit_log_checkpoints ORDER BY 1`,
      ),
    ).map((r) => Number(r.tree_size))
    expect(sizesSigned.length).toBeGreaterThanOrEqual(5)
    for (const from of sizesSigned) {
      for (const to of sizesSigned.filter((s) => s >= from)) {
        const [old, recent] = [(await log.reader.checkpoint(from))!, (await log.reader.checkpoint(to))!]
        const proof = await log.reader.consistencyProof(from, to)
        expect(proof.map(toHex)).toEqual(consistencyProofFromLeaves(from, hashes.slice(0, to)).map(toHex))
        const check = { fromSize: from, toSize: to, proof, fromRoot: old.rootHash, toRoot: recent.rootHash }
        expect(verifyConsistency(check)).toBe(true)
        if (from < to) expect(verifyConsistency({ ...check, fromRoot: recent.rootHash })).toBe(false)
      }
    }
    // Every proof of the largest tree verifies, whatever the size asked for.
    const size = hashes.length
    for (const treeSize of [1, 2, 3, size - 1, size]) {
      const root = rootHash(hashes.slice(0, treeSize))
      for (let index = 0; index < treeSize; index++) {
        const proof = await log.reader.inclusionProof(index, treeSize)
        expect(verifyInclusion({ leafHash: hashes[index]!, index, treeSize, proof, rootHash: root })).toBe(
          true,
        )
      }
    }
  })

  it('adds no leaf for a duplicate, and queues nothing with the log off', async () => {
    const latest = (await log.reader.latestCheckpoint())!
    const events = logEvents(3, uniqueCorrelationId('dup'))
    await log.store.insert(events, RECORDED_BY)
    expect(await countPending(log.database.db)).toBe(3)
    const again = await log.store.insert([...events, events[0]!], RECORDED_BY)
    expect(again.created).toEqual([])
    expect(await countPending(log.database.db)).toBe(3)
    const sequencer = log.sequencer()
    await checkpointOf(latest.treeSize + 3)
    await log.store.insert(events, RECORDED_BY)
    expect(await countPending(log.database.db)).toBe(0)

    const off = createAuditEventStore(log.database, { transparencyLog: false })
    const unsealed = logEvents(2, uniqueCorrelationId('off'))
    expect((await off.insert(unsealed, RECORDED_BY)).created).toHaveLength(2)
    expect(await countPending(log.database.db)).toBe(0)
    await sequencer.stop()
    expect((await log.reader.latestCheckpoint())!.treeSize).toBe(latest.treeSize + 3)
    expect(await log.reader.leafByEventId(unsealed[0]!.event_id)).toBeUndefined()
  })

  it('signs a last checkpoint when stopped, if the tree grew', async () => {
    const latest = (await log.reader.latestCheckpoint())!
    const sequencer = log.sequencer({ checkpointIntervalMs: 3_600_000 })
    await waitFor('the sequencer to lead', () => sequencer.leader)
    await log.store.insert(logEvents(4, uniqueCorrelationId('stop')), RECORDED_BY)
    await waitFor('the events sealed', async () => (await countPending(log.database.db)) === 0)
    expect((await log.reader.latestCheckpoint())!.treeSize).toBe(latest.treeSize)
    await sequencer.stop()
    expect((await log.reader.latestCheckpoint())!.treeSize).toBe(latest.treeSize + 4)
    expect(await log.metrics.checkpoints.get()).toMatchObject({ values: [{ value: expect.any(Number) }] })
    expect((await log.metrics.treeSize.get()).values[0]!.value).toBe(latest.treeSize + 4)
  })

  it('copies a correlation id with quotes, backslashes, commas, braces and NULL into its leaf as it is', async () => {
    const latest = (await log.reader.latestCheckpoint())!
    const correlation = `${uniqueCorrelationId('odd')} a,"b"\\c{d} NULL ünï`
    const events = logEvents(2, correlation)
    await log.store.insert(events, RECORDED_BY)
    const sequencer = log.sequencer()
    await checkpointOf(latest.treeSize + 2)
    await sequencer.stop()
    const leaves = await log.reader.leavesOf({ correlationId: correlation }, latest.treeSize + 2)
    expect(leaves.map((l) => l.eventId).sort()).toEqual(events.map((e) => e.event_id).sort())
    expect(leaves.every((l) => l.correlationId === correlation)).toBe(true)
  })
})
