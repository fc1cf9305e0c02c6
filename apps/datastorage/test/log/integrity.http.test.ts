import type { components } from '@audit-trail/datastorage-client'
import {
  eventLeafHash,
  fromHex,
  parsePublicKey,
  publicKeyText,
  rootHash,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@audit-trail/merkle'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRead } from '../../src/http/context.js'
import { checkpointIfGrown } from '../../src/log/checkpointer.js'
import { sealBatch } from '../../src/log/seal-batch.js'
import type { SelfAudit } from '../../src/self-audit/self-audit.js'
import { buildTestApp, type TestApp } from '../support/app.js'
import { RECORDED_BY, uniqueCorrelationId } from '../support/events.js'
import { type LogFixture, logEvents, openLogFixture } from './support.js'

type Checkpoint = components['schemas']['Checkpoint']
type Problem = { type: string; status: number; errors?: Array<{ field: string }> }

const BASE = '/api/v1/audit'

describe('the transparency log routes (PGlite)', () => {
  let log: LogFixture
  let test: TestApp
  let off: TestApp
  const get = (path: string, app = test) => app.app.request(`${BASE}${path}`)
  const json = async <T>(path: string, status = 200, app = test): Promise<T> => {
    const res = await get(path, app)
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(status)
    return (await res.json()) as T
  }
  const problem = (path: string, status: number, type: string, app = test) =>
    json<Problem>(path, status, app).then((p) => {
      expect(p.type).toBe(`https://audit-trail.dev/problems/${type}`)
      return p
    })
  /** Seals what is pending and signs a checkpoint, as one round of the sequencer does. */
  const sealAndSign = async () => {
    await log.database.db.transaction((tx) => sealBatch(tx, 10_000))
    return checkpointIfGrown(log.database.db, log.key, 'audit-trail-test')
  }

  const reads: Array<{ read: AuditRead; status: number }> = []
  const selfAudit = {
    auditRead: (_request: unknown, _principal: string, read: AuditRead, status: number) => {
      reads.push({ read, status })
    },
  } as unknown as SelfAudit

  beforeAll(async () => {
    log = await openLogFixture('pglite')
    test = buildTestApp(log.store, { log: log.reader, selfAudit })
    off = buildTestApp(log.store)
  }, 60_000)
  afterAll(() => log?.close())

  it('answers 404 no-checkpoint before the first checkpoint, and always with the log off', async () => {
    const [event] = logEvents(1, uniqueCorrelationId('early'))
    await log.store.insert([event!], RECORDED_BY)
    for (const app of [test, off]) {
      await problem('/checkpoints/latest', 404, 'no-checkpoint', app)
      await problem('/checkpoints?tree_size=1', 404, 'no-checkpoint', app)
      await problem('/checkpoints/consistency?from=1&to=1', 404, 'no-checkpoint', app)
      await problem(`/events/${event!.event_id}/proof`, 404, 'no-checkpoint', app)
      await problem('/log/leaves', 404, 'no-checkpoint', app)
    }
  })

  it('serves the latest and sized checkpoints, signed with the service key', async () => {
    const first = (await sealAndSign())!
    await log.store.insert(logEvents(10, uniqueCorrelationId('more')), RECORDED_BY)
    const second = (await sealAndSign())!
    expect([first.treeSize, second.treeSize]).toEqual([1, 11])
    const key = parsePublicKey(publicKeyText(log.key.publicKey).raw_base64)
    const latest = await json<Checkpoint>('/checkpoints/latest')
    expect(latest).toMatchObject({ tree_size: 11, origin: 'audit-trail-test', key_id: log.key.keyId })
    expect(verifyCheckpoint(latest, key)).toBe(true)
    const sized = await json<Checkpoint>('/checkpoints?tree_size=1')
    expect(verifyCheckpoint(sized, key)).toBe(true)
    expect(sized.tree_size).toBe(1)
    await problem('/checkpoints?tree_size=5', 404, 'no-checkpoint')
    const missing = await problem('/checkpoints', 400, 'validation-error')
    expect(missing.errors?.map((e) => e.field)).toEqual(['tree_size'])
    await problem('/checkpoints?tree_size=0', 400, 'validation-error')
    await problem('/checkpoints/latest?x=1', 400, 'validation-error')
    expect((await get('/checkpoints/latest', test)).status).toBe(200)
  })

  it('proves consistency between checkpoints, refusing sizes beyond the newest', async () => {
    const [old, recent] = [
      await json<Checkpoint>('/checkpoints?tree_size=1'),
      await json<Checkpoint>('/checkpoints/latest'),
    ]
    const body = await json<{ from: number; to: number; proof: string[] }>(
      '/checkpoints/consistency?from=1&to=11',
    )
    expect(body.from).toBe(1)
    const check = {
      fromSize: 1,
      toSize: 11,
      proof: body.proof.map(fromHex),
      fromRoot: fromHex(old.root_hash),
      toRoot: fromHex(recent.root_hash),
    }
    expect(verifyConsistency(check)).toBe(true)
    expect(verifyConsistency({ ...check, toRoot: fromHex(old.root_hash) })).toBe(false)
    expect((await json<{ proof: string[] }>('/checkpoints/consistency?from=11&to=11')).proof).toEqual([])
    await problem('/checkpoints/consistency?from=3&to=2', 400, 'validation-error')
    await problem('/checkpoints/consistency?from=1&to=12', 400, 'validation-error')
    const neither = await problem('/checkpoints/consistency', 400, 'validation-error')
    expect(neither.errors?.map((e) => e.field).sort()).toEqual(['from', 'to'])
  })

  it("proves an event's inclusion from the event as GET /events/{id} returns it", async () => {
    const latest = await json<Checkpoint>('/checkpoints/latest')
    const leaves = await log.reader.leaves(0, 100, latest.tree_size)
    for (const leaf of leaves) {
      const event = await json<Record<string, unknown>>(`/events/${leaf.eventId}`)
      for (const treeSize of [undefined, leaf.leafIndex + 1]) {
        const query = treeSize === undefined ? '' : `?tree_size=${treeSize}`
        const proof = await json<components['schemas']['InclusionProof']>(
          `/events/${leaf.eventId}/proof${query}`,
        )
        const size = treeSize ?? latest.tree_size
        expect(proof).toMatchObject({ event_id: leaf.eventId, leaf_index: leaf.leafIndex, tree_size: size })
        const root = rootHash(leaves.slice(0, size).map((l) => l.leafHash))
        const claim = {
          leafHash: eventLeafHash(event),
          index: proof.leaf_index,
          treeSize: size,
          proof: proof.proof.map(fromHex),
          rootHash: root,
        }
        expect(verifyInclusion(claim)).toBe(true)
        expect(verifyInclusion({ ...claim, leafHash: eventLeafHash({ ...event, event_action: 'x' }) })).toBe(
          false,
        )
      }
    }
    const last = leaves.at(-1)!
    await problem(`/events/${last.eventId}/proof?tree_size=${last.leafIndex}`, 404, 'event-not-sealed')
    await problem(`/events/${last.eventId}/proof?tree_size=${latest.tree_size + 1}`, 400, 'validation-error')
    await problem('/events/0190b3a4-0000-7000-8000-000000000000/proof', 404, 'not-found')
    const bad = await problem('/events/not-a-uuid/proof?tree_size=x', 400, 'validation-error')
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(['event_id', 'tree_size'])
    const [unsealed] = logEvents(1, uniqueCorrelationId('unsealed'))
    await log.store.insert([unsealed!], RECORDED_BY)
    await problem(`/events/${unsealed!.event_id}/proof`, 404, 'event-not-sealed')
    // The proof route is its own resource, not the event read's.
    expect((await get(`/events/${last.eventId}`)).status).toBe(200)
  })

  it('lists the leaves up to the newest checkpoint in pages, marking those retention removed', async () => {
    const latest = (await sealAndSign())!
    const all: Array<components['schemas']['LogLeaf']> = []
    let start: number | null = 0
    while (start !== null) {
      const page: components['schemas']['LogLeafPage'] = await json(`/log/leaves?start=${start}&limit=5`)
      expect(page.tree_size).toBe(latest.treeSize)
      all.push(...page.leaves)
      start = page.next_start
    }
    expect(all.map((l) => l.leaf_index)).toEqual([...Array(latest.treeSize).keys()])
    expect(rootHash(all.map((l) => fromHex(l.leaf_hash))).equals(latest.rootHash)).toBe(true)
    expect(all.every((l) => l.removed === undefined)).toBe(true)
    const past = await json<components['schemas']['LogLeafPage']>(`/log/leaves?start=${latest.treeSize}`)
    expect(past).toEqual({ tree_size: latest.treeSize, leaves: [], next_start: null })
    await problem('/log/leaves?limit=0', 400, 'validation-error')
    await problem('/log/leaves?limit=10001', 400, 'validation-error')
    await problem('/log/leaves?start=1&start=2', 400, 'validation-error')

    const month = `${all[0]!.event_timestamp.slice(0, 7)}-01`
    await log.database.db.execute(sql`
      INSERT INTO audit_retention_removals (partition_month, partition_name, removed_at, events)
      VALUES (${month}::date, 'audit_events_test', now() + interval '1 minute', 0)`)
    const page = await json<components['schemas']['LogLeafPage']>('/log/leaves?limit=2')
    expect(page.leaves[0]!.removed).toMatchObject({ reason: 'retention' })
    expect(page.next_start).toBe(2)
  })

  it('records the proof and the leaves as reads of audit data, the checkpoints not', async () => {
    const latest = (await log.reader.latestCheckpoint())!
    const [leaf] = await log.reader.leaves(0, 1, latest.treeSize)
    reads.length = 0
    await json(`/events/${leaf!.eventId}/proof`)
    await problem('/events/0190b3a4-0000-7000-8000-000000000000/proof', 404, 'not-found')
    await json('/log/leaves?start=1&limit=2')
    await json('/checkpoints/latest')
    await json(`/checkpoints/consistency?from=1&to=${latest.treeSize}`)
    expect(reads).toEqual([
      { read: { operation: 'proof', eventId: leaf!.eventId, rows: 1 }, status: 200 },
      { read: { operation: 'proof', eventId: '0190b3a4-0000-7000-8000-000000000000', rows: 0 }, status: 404 },
      { read: { operation: 'log_leaves', filters: { start: '1', limit: '2' }, rows: 2 }, status: 200 },
    ])
  })
})
