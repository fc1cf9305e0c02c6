import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AuditEventBatchCreated, components } from '@audit-trail/datastorage-client'
import {
  eventLeafHash,
  fromHex,
  parsePublicKey,
  verifyCheckpoint,
  verifyInclusion,
} from '@audit-trail/merkle'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DataStorageConfig, loadConfig } from '../../src/env.js'
import { createLogger } from '../../src/logger.js'
import { createMetrics } from '../../src/metrics/service-metrics.js'
import { type ServerHandle, startServer } from '../../src/server.js'
import { logCapture } from '../support/app.js'
import { uniqueCorrelationId, validEvent } from '../support/events.js'
import { ADMIN_URL } from '../support/postgres.js'

type Checkpoint = components['schemas']['Checkpoint']

function configOf(overrides: Record<string, string>): DataStorageConfig {
  return { ...loadConfig({ LOG_LEVEL: 'info', SELF_AUDIT: 'false', ...overrides }), port: 0 }
}

async function start(config: DataStorageConfig) {
  const capture = logCapture()
  const metrics = createMetrics({ defaultMetrics: false })
  const server = await startServer(config, {
    logger: createLogger({ level: 'info', destination: capture.stream }),
    metrics,
  })
  return { server, logs: capture.lines, metrics }
}

async function writeBatch(server: ServerHandle, count: number): Promise<string[]> {
  const correlation_id = uniqueCorrelationId('log-server')
  const res = await fetch(`${server.url}/api/v1/audit/events/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(Array.from({ length: count }, () => validEvent({ correlation_id }))),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as AuditEventBatchCreated).event_ids
}

describe('the service with the transparency log (PostgreSQL)', () => {
  let database: TestDatabase
  let dataDir: string
  let sql: postgres.Sql
  beforeAll(async () => {
    database = await createTestDatabase(ADMIN_URL, 'audit_log_server')
    dataDir = await mkdtemp(join(tmpdir(), 'log-server-'))
    sql = postgres(database.url, { max: 1, onnotice: () => {} })
  })
  afterAll(async () => {
    await sql?.end({ timeout: 2 })
    await database?.drop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('signs the events it stored when it shuts down, with the key it created under DATA_DIR and logged', async () => {
    const config = configOf({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      CHECKPOINT_INTERVAL_MS: '3600000',
    })
    const { server, logs, metrics } = await start(config)
    await writeBatch(server, 12)
    await waitFor('the events sealed', async () => (await metrics.log.treeSize.get()).values[0]?.value === 12)
    await server.close()
    const [row] =
      await sql`SELECT tree_size::int AS n, key_id FROM audit_log_checkpoints ORDER BY tree_size DESC`
    expect(row).toMatchObject({ n: 12 })
    const announced = logs().find((l) => String(l['msg']).startsWith('transparency log signing key'))
    expect(announced).toMatchObject({
      key_id: row!['key_id'],
      created: true,
      file: join(dataDir, 'signing-key.pem'),
    })
    expect(await readdir(dataDir)).toContain('signing-key.pem')
  })

  it('serves checkpoints and proofs that verify with the logged public key, from the same key after a restart', async () => {
    const config = configOf({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      CHECKPOINT_INTERVAL_MS: '100',
      SEQUENCER_INTERVAL_MS: '10',
    })
    const { server, logs } = await start(config)
    try {
      const ids = await writeBatch(server, 9)
      const latest = await waitFor('a checkpoint of 21 events', async () => {
        const res = await fetch(`${server.url}/api/v1/audit/checkpoints/latest`)
        const body = res.status === 200 ? ((await res.json()) as Checkpoint) : undefined
        return body?.tree_size === 21 ? body : false
      })
      const announced = logs().find((l) => String(l['msg']).startsWith('transparency log signing key'))
      expect(announced).toMatchObject({ created: false })
      const key = parsePublicKey(String(announced!['public_key']))
      expect(verifyCheckpoint(latest, key)).toBe(true)
      const event = await (await fetch(`${server.url}/api/v1/audit/events/${ids[4]}`)).json()
      const proof = (await (
        await fetch(`${server.url}/api/v1/audit/events/${ids[4]}/proof`)
      ).json()) as components['schemas']['InclusionProof']
      expect(
        verifyInclusion({
          leafHash: eventLeafHash(event),
          index: proof.leaf_index,
          treeSize: proof.tree_size,
          proof: proof.proof.map(fromHex),
          rootHash: fromHex(latest.root_hash),
        }),
      ).toBe(true)
    } finally {
      await server.close()
    }
  })

  it('with TRANSPARENCY_LOG=off stores events unsealed, makes no key, and answers 404 no-checkpoint', async () => {
    const offDir = await mkdtemp(join(tmpdir(), 'log-off-'))
    const { server, logs } = await start(
      configOf({ DATABASE_URL: database.url, DATA_DIR: offDir, TRANSPARENCY_LOG: 'off' }),
    )
    try {
      const ids = await writeBatch(server, 3)
      const [pending] = await sql`SELECT count(*)::int AS n FROM audit_log_pending`
      expect(pending).toMatchObject({ n: 0 })
      const [leaves] =
        await sql`SELECT count(*)::int AS n FROM audit_log_leaves WHERE event_id = ANY(${ids}::uuid[])`
      expect(leaves).toMatchObject({ n: 0 })
      const res = await fetch(`${server.url}/api/v1/audit/checkpoints/latest`)
      expect(res.status).toBe(404)
      expect(((await res.json()) as { type: string }).type).toMatch(/no-checkpoint$/)
      expect(logs().some((l) => l['level'] === 40 && String(l['msg']).includes('TRANSPARENCY_LOG=off'))).toBe(
        true,
      )
      expect(await readdir(offDir)).not.toContain('signing-key.pem')
    } finally {
      await server.close()
      await rm(offDir, { recursive: true, force: true })
    }
  })
})
