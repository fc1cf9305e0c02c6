import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAuditClient } from '@audit-trail/audit-client'
import type { VerifyReport } from '@audit-trail/cli'
import type { DataStorageClient } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type DatastorageProcess, startDatastorage } from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'
import { deleteEvent, integrityClient, tamper, waitSealed } from '../src/verify/log-access.js'
import {
  runVerifier,
  type SigningKeyFiles,
  type VerifierRun,
  writeSigningKey,
} from '../src/verify/verifier.js'

// `audit-trail verify` (packages/cli) against the real service: the built bin as a child process,
// a service that checkpoints every 200 ms with a key this test made, and tampering done the way an
// operator with database access could, straight in PostgreSQL with the append-only triggers off.
const { postgresUrl } = inject('e2e')

let dir: string
let db: TestDatabase
let service: DatastorageProcess
let keys: SigningKeyFiles
let reader: DataStorageClient
let env: Record<string, string>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-verify-'))
  keys = writeSigningKey(dir, 'service')
  db = await createTestDatabase(postgresUrl, 'audit_verify')
  service = await startDatastorage({
    databaseUrl: db.url,
    env: { CHECKPOINT_INTERVAL_MS: '200', SIGNING_KEY_FILE: keys.privateKeyFile },
  })
  reader = integrityClient(service.url, service.tokens.reader)
  env = { AUDIT_TRAIL_URL: service.url, AUDIT_TRAIL_TOKEN: service.tokens.reader }
})

afterAll(async () => {
  await service?.stop()
  await db?.drop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Writes `count` events of `corr` through the audit client; their ids in emit order. */
async function write(corr: string, count: number): Promise<string[]> {
  const audit = createAuditClient({
    baseUrl: service.url,
    token: service.tokens.writer,
    service: 'e2e-verify',
  })
  const ids = Array.from({ length: count }, (_, i) => audit.emit(makeEvent(corr, i)))
  const stats = await audit.close()
  expect(stats).toMatchObject({ persisted: count, failed: 0, deadLettered: 0 })
  return ids
}

function report(run: VerifierRun): VerifyReport {
  expect(run.stdout, run.stderr).not.toBe('')
  return JSON.parse(run.stdout) as VerifyReport
}

/** The failures as `reason event_id`, sorted: what must equal the tampering exactly. */
const failures = (r: VerifyReport) => r.failures.map((f) => `${f.reason} ${f.event_id ?? '-'}`).sort()

const corrA = correlationId('verify-a')
const corrB = correlationId('verify-b')
const corrC = correlationId('verify-c')
const ids: Record<string, string[]> = {}
let stateFile: string

describe('audit-trail verify against the service', () => {
  it('a log nobody touched is valid; --state then verifies consistency across runs', async () => {
    ids[corrA] = await write(corrA, 12)
    ids[corrB] = await write(corrB, 9)
    ids[corrC] = await write(corrC, 5)
    await waitSealed(reader, [...ids[corrA]!, ...ids[corrB]!, ...ids[corrC]!])

    stateFile = join(dir, 'state.json')
    const first = await runVerifier(
      ['verify', '--public-key', keys.publicKeyFile, '--state', stateFile, '--json'],
      env,
    )
    expect(first.status, first.stderr).toBe(0)
    const firstReport = report(first)
    expect(firstReport.valid).toBe(true)
    expect(firstReport.failures).toEqual([])
    expect(firstReport.consistency.status).toBe('first_run')
    expect(firstReport.leaves.root_matches).toBe(true)
    expect(firstReport.events.matched).toBeGreaterThanOrEqual(26)
    const remembered = JSON.parse(readFileSync(stateFile, 'utf8')) as { tree_size: number }
    expect(remembered.tree_size).toBe(firstReport.checkpoint.tree_size)

    const more = await write(corrA, 6)
    ids[corrA]!.push(...more)
    await waitSealed(reader, more)
    const second = await runVerifier(
      ['verify', '--public-key', keys.publicKeyFile, '--state', stateFile, '--json'],
      env,
    )
    expect(second.status, second.stderr).toBe(0)
    const secondReport = report(second)
    expect(secondReport.consistency).toMatchObject({
      status: 'verified',
      from_tree_size: remembered.tree_size,
    })
    expect(secondReport.checkpoint.tree_size).toBeGreaterThan(remembered.tree_size)
    expect(secondReport.state).toEqual({ file: stateFile, updated: true })
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).tree_size).toBe(secondReport.checkpoint.tree_size)

    // The human report: the verdict on stdout, progress (plain lines, not a terminal) on stderr.
    const text = await runVerifier(
      ['verify', '--public-key', keys.publicKeyFile, '--proofs', '--correlation-id', corrB],
      env,
    )
    expect(text.status, text.stderr).toBe(0)
    expect(text.stdout.split('\n')[0]).toBe('VALID')
    expect(text.stdout).toContain('proofs:      9 of 9 verified')
    expect(text.stderr).toMatch(/^leaves: \d+\/\d+ \(100%\) done$/m)
  })

  it('a public key other than the service’s fails on the checkpoint signature', async () => {
    const stranger = writeSigningKey(dir, 'stranger')
    const run = await runVerifier(['verify', '--public-key', stranger.publicKeyFile, '--json'], env)
    expect(run.status).toBe(1)
    const r = report(run)
    expect(failures(r)).toEqual(['checkpoint_signature_invalid -'])
    expect(r.checkpoint.signature_valid).toBe(false)
  })

  it('exit 2 when the service cannot be reached', async () => {
    const run = await runVerifier(['verify', '--public-key', keys.publicKeyFile], {
      ...env,
      AUDIT_TRAIL_URL: 'http://127.0.0.1:9',
    })
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/cannot reach/)
  })

  it('names exactly the edited and deleted events, online and from an offline bundle', async () => {
    const edited = ids[corrA]![5]!
    const middle = ids[corrB]![4]!
    // The newest event the latest checkpoint seals: the last leaf of the tree a verifier will read.
    const latest = await reader.GET('/api/v1/audit/checkpoints/latest')
    const size = latest.data!.tree_size
    const lastLeaf = await reader.GET('/api/v1/audit/log/leaves', {
      params: { query: { start: size - 1, limit: 1 } },
    })
    const newest = lastLeaf.data!.leaves[0]!.event_id
    expect([edited, middle, ...ids[corrC]!]).not.toContain(newest)

    await tamper(db.url, async (tx) => {
      const updated = await tx`UPDATE audit_events SET event_action = 'tampered' WHERE event_id = ${edited}`
      expect(updated.count).toBe(1)
      await deleteEvent(tx, middle)
      await deleteEvent(tx, newest)
      const all = await tx`DELETE FROM audit_events WHERE correlation_id = ${corrC}`
      expect(all.count).toBe(5)
    })
    const expected = [
      `altered ${edited}`,
      `missing ${middle}`,
      `missing ${newest}`,
      ...ids[corrC]!.map((id) => `missing ${id}`),
    ].sort()

    const before = readFileSync(stateFile, 'utf8')
    const online = await runVerifier(
      ['verify', '--public-key', keys.publicKeyFile, '--state', stateFile, '--json'],
      env,
    )
    expect(online.status, online.stderr).toBe(1)
    const onlineReport = report(online)
    expect(failures(onlineReport)).toEqual(expected)
    expect(onlineReport.consistency.status).toBe('verified')
    expect(onlineReport.leaves.root_matches).toBe(true)
    expect(onlineReport.state).toEqual({ file: stateFile, updated: false })
    expect(readFileSync(stateFile, 'utf8')).toBe(before)

    // Restricted to one correlation id, the report names only its events.
    const onlyC = await runVerifier(
      ['verify', '--public-key', keys.publicKeyFile, '--correlation-id', corrC, '--json'],
      env,
    )
    expect(onlyC.status).toBe(1)
    expect(failures(report(onlyC))).toEqual(ids[corrC]!.map((id) => `missing ${id}`).sort())

    // Offline: the bundle carries the consistency proof from the remembered checkpoint.
    const bundle = join(dir, 'bundle')
    const download = await runVerifier(
      ['log', 'download', '--out', bundle, '--from-state', stateFile, '--json'],
      env,
    )
    expect(download.status, download.stderr).toBe(0)
    const written = JSON.parse(download.stdout) as { tree_size: number; consistency_from: number | null }
    expect(written.consistency_from).toBe(JSON.parse(before).tree_size)
    const offlineState = join(dir, 'offline-state.json')
    copyFileSync(stateFile, offlineState)
    const offline = await runVerifier([
      'verify',
      '--bundle',
      bundle,
      '--public-key',
      keys.publicKeyFile,
      '--state',
      offlineState,
      '--json',
    ])
    expect(offline.status, offline.stderr).toBe(1)
    const offlineReport = report(offline)
    expect(failures(offlineReport)).toEqual(expected)
    expect(offlineReport.consistency.status).toBe('verified')
    expect(offlineReport.checkpoint.tree_size).toBe(written.tree_size)
  })
})
