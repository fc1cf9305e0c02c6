import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAuditClient } from '@audit-trail/audit-client'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  type DatastorageProcess,
  generateToken,
  type ServiceTokens,
  startDatastorage,
  tokensFileText,
} from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'
import { runVerifier, type SigningKeyFiles, writeSigningKey } from '../src/verify/verifier.js'

// Three service processes on one PostgreSQL database and one Redis, as a deployment behind a load
// balancer runs them: one tokens file, one signing key, one DLQ stream and consumer group. The
// audit client spreads its batches over them round-robin; every event must be stored once and
// sealed into one transparency log, whose sequencer runs on exactly one replica at a time.
const { postgresUrl, redisUrl, keyPrefix } = inject('e2e')
const REPLICAS = 3

let dir: string
let db: TestDatabase
let sql: postgres.Sql
let keys: SigningKeyFiles
let tokens: ServiceTokens
const replicas: DatastorageProcess[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-replicas-'))
  keys = writeSigningKey(dir, 'replicas')
  tokens = { writer: generateToken(), reader: generateToken(), admin: generateToken(), all: generateToken() }
  const tokensFile = join(dir, 'tokens.json')
  writeFileSync(tokensFile, tokensFileText(tokens), { mode: 0o600 })
  db = await createTestDatabase(postgresUrl, 'audit_replicas')
  sql = postgres(db.url, { max: 2, onnotice: () => {} })
  const env = {
    AUTH_TOKENS_FILE: tokensFile,
    SIGNING_KEY_FILE: keys.privateKeyFile,
    DATA_DIR: dir,
    CHECKPOINT_INTERVAL_MS: '300',
    DLQ_STREAM: `${keyPrefix}replicas:audit:dlq:events`,
    DEAD_LETTER_STREAM: `${keyPrefix}replicas:audit:dead-letter:events`,
  }
  // One after the other: the first migrates the database, the others find it migrated.
  for (let i = 0; i < REPLICAS; i++) {
    replicas.push(await startDatastorage({ databaseUrl: db.url, redisUrl, env }))
  }
})

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()))
  await sql?.end({ timeout: 5 })
  await db?.drop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/**
 * A fetch that sends each request to the next replica in turn, as a round-robin load balancer
 * would: a retry of a batch goes to another replica than the attempt that failed. Counts the
 * requests each replica answered, by status.
 */
function roundRobinFetch(targets: readonly DatastorageProcess[]) {
  let next = 0
  const answered = targets.map(() => new Map<number, number>())
  const spread: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    const index = next++ % targets.length
    const url = new URL(request.url)
    const target = new URL(targets[index]!.url)
    url.protocol = target.protocol
    url.host = target.host
    const body = request.method === 'GET' ? undefined : await request.arrayBuffer()
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
    })
    answered[index]!.set(response.status, (answered[index]!.get(response.status) ?? 0) + 1)
    return response
  }
  return { fetch: spread, answered }
}

/** `audit_log_sequencer_leader` of each replica still running (undefined for one that is down). */
async function leaders(): Promise<Array<number | undefined>> {
  return Promise.all(
    replicas.map(async (r) => {
      const res = await fetch(`${r.url}/metrics`).catch(() => undefined)
      if (!res?.ok) return undefined
      const line = (await res.text()).split('\n').find((l) => l.startsWith('audit_log_sequencer_leader '))
      return line === undefined ? undefined : Number(line.split(' ')[1])
    }),
  )
}

/** Events, leaves and checkpoints of the whole database: one log, every event a leaf once. */
async function logState() {
  const [row] = await sql<
    {
      events: number
      distinct_events: number
      leaves: number
      distinct_leaves: number
      max_leaf: number | null
      pending: number
      latest: number | null
      keys: number
    }[]
  >`SELECT
      (SELECT count(*)::int FROM audit_events) AS events,
      (SELECT count(DISTINCT event_id)::int FROM audit_events) AS distinct_events,
      (SELECT count(*)::int FROM audit_log_leaves) AS leaves,
      (SELECT count(DISTINCT event_id)::int FROM audit_log_leaves) AS distinct_leaves,
      (SELECT max(leaf_index)::int FROM audit_log_leaves) AS max_leaf,
      (SELECT count(*)::int FROM audit_log_pending) AS pending,
      (SELECT max(tree_size)::int FROM audit_log_checkpoints) AS latest,
      (SELECT count(DISTINCT key_id)::int FROM audit_log_checkpoints) AS keys`
  return row!
}

/** Waits until every stored event is sealed and the newest checkpoint covers the whole tree. */
async function waitAllSealed() {
  return waitFor(
    'every event sealed under one checkpoint chain',
    async () => {
      const s = await logState()
      return s.pending === 0 && s.leaves === s.events && s.latest === s.leaves && s
    },
    30_000,
    100,
  )
}

/** `audit-trail verify` over the whole log, through one replica: signatures, root, every event. */
async function verifyLog(through: DatastorageProcess) {
  const run = await runVerifier(['verify', '--public-key', keys.publicKeyFile, '--json'], {
    AUDIT_TRAIL_URL: through.url,
    AUDIT_TRAIL_TOKEN: tokens.reader,
  })
  expect(run.status, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as { valid: boolean; leaves: { root_matches: boolean } }
}

async function countOf(corr: string) {
  const [row] = await sql<{ n: number; ids: number }[]>`
    SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS ids FROM audit_events WHERE correlation_id = ${corr}`
  return row!
}

describe('three service replicas on one PostgreSQL and one Redis', () => {
  it('stores every event of batches spread round-robin exactly once, in one log sealed by one leader', async () => {
    const corr = correlationId('replicas')
    const N = 6000
    const spread = roundRobinFetch(replicas)
    const audit = createAuditClient({
      baseUrl: replicas[0]!.url,
      token: tokens.writer,
      service: 'e2e-replicas',
      batchSize: 200,
      fetch: spread.fetch,
    })
    for (let i = 0; i < N; i++) audit.emit(makeEvent(corr, i))
    const stats = await audit.close()
    expect(stats).toMatchObject({ emitted: N, persisted: N, failed: 0, deadLettered: 0, pending: 0 })

    // Every replica stored some of the batches.
    for (const answered of spread.answered) expect(answered.get(201) ?? 0).toBeGreaterThanOrEqual(5)
    expect(await countOf(corr)).toEqual({ n: N, ids: N })

    const state = await waitAllSealed()
    expect(state.distinct_events).toBe(state.events)
    expect(state.distinct_leaves).toBe(state.leaves)
    expect(state.max_leaf).toBe(state.leaves - 1)
    expect(state.keys).toBe(1)
    expect((await leaders()).filter((l) => l === 1)).toHaveLength(1)
    expect(await leaders()).toEqual(expect.arrayContaining([0, 0, 1]))
    const report = await verifyLog(replicas[1]!)
    expect(report.valid).toBe(true)
    expect(report.leaves.root_matches).toBe(true)
  })

  it('after kill -9 of the leader mid-run another replica takes over sealing; every event stored once and sealed', async () => {
    const leader = (await leaders()).indexOf(1)
    expect(leader).toBeGreaterThanOrEqual(0)
    const corr = correlationId('replicas-kill')
    const N = 8000
    const spread = roundRobinFetch(replicas)
    const audit = createAuditClient({
      baseUrl: replicas[0]!.url,
      token: tokens.writer,
      service: 'e2e-replicas-kill',
      batchSize: 200,
      // Requests the load balancer still routes to the dead replica answer 502 (its proxy stays
      // up): each retry goes to the next replica, so a few are enough.
      maxRetries: 8,
      retryBaseMs: 20,
      fetch: spread.fetch,
    })
    let emitted = 0
    const emitSome = (count: number) => {
      for (const end = Math.min(N, emitted + count); emitted < end; emitted++) {
        audit.emit(makeEvent(corr, emitted))
      }
    }
    emitSome(3000)
    await waitFor('the first events stored', async () => (await countOf(corr)).n >= 1000, 30_000)
    await replicas[leader]!.kill()
    emitSome(N)
    const stats = await audit.close()
    expect(stats).toMatchObject({ emitted: N, failed: 0, deadLettered: 0, pending: 0 })
    // A batch the killed replica committed before it died without answering was sent again
    // elsewhere: reported a duplicate, stored once.
    expect(stats.persisted + stats.duplicates).toBe(N)
    console.log(
      `[replicas] leader ${leader} killed mid-run; answers by replica: ${spread.answered
        .map((m, i) => `${i}: ${JSON.stringify(Object.fromEntries(m))}`)
        .join(', ')}; client ${JSON.stringify(stats)}`,
    )
    // The killed replica was still routed to, and the client's retries moved its batches on.
    expect(spread.answered[leader]!.get(502) ?? 0).toBeGreaterThan(0)
    expect(await countOf(corr)).toEqual({ n: N, ids: N })

    const after = await waitFor('one survivor to lead the sequencer', async () => {
      const l = await leaders()
      return l.filter((x) => x === 1).length === 1 && l
    })
    expect(after[leader]).toBeUndefined()
    const state = await waitAllSealed()
    expect(state.distinct_leaves).toBe(state.leaves)
    expect(state.max_leaf).toBe(state.leaves - 1)
    expect(state.keys).toBe(1)
    const [sealed] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM audit_log_leaves WHERE correlation_id = ${corr}`
    expect(sealed!.n).toBe(N)
    const survivor = replicas[(leader + 1) % REPLICAS]!
    const report = await verifyLog(survivor)
    expect(report.valid).toBe(true)
    expect(report.leaves.root_matches).toBe(true)
  })
})
