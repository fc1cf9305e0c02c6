import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AuditEventBatchCreated } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/env.js'
import { createLogger } from '../../src/logger.js'
import { createMetrics } from '../../src/metrics/service-metrics.js'
import { startServer } from '../../src/server.js'
import { logCapture } from '../support/app.js'
import { uniqueCorrelationId, validEvent } from '../support/events.js'
import { ADMIN_URL } from '../support/postgres.js'

async function start(env: Record<string, string>) {
  const capture = logCapture()
  const metrics = createMetrics({ defaultMetrics: false })
  const server = await startServer(
    { ...loadConfig({ LOG_LEVEL: 'info', SELF_AUDIT: 'false', ...env }), port: 0 },
    { logger: createLogger({ level: 'info', destination: capture.stream }), metrics },
  )
  const line = (msg: string) => capture.lines().find((l) => l['msg'] === msg)
  return { server, metrics, line }
}

describe('where the service runs its sequencer (SEQUENCER_THREAD)', () => {
  let database: TestDatabase
  let dataDir: string
  let sql: postgres.Sql
  beforeAll(async () => {
    database = await createTestDatabase(ADMIN_URL, 'audit_sequencer_thread')
    dataDir = await mkdtemp(join(tmpdir(), 'sequencer-thread-'))
    sql = postgres(database.url, { max: 1, onnotice: () => {} })
  })
  afterAll(async () => {
    await sql?.end({ timeout: 2 })
    await database?.drop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('with PostgreSQL and the default, seals in a worker thread and signs the rest at shutdown', async () => {
    const { server, metrics, line } = await start({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      CHECKPOINT_INTERVAL_MS: '3600000',
    })
    expect(line('transparency log sequencer started')).toMatchObject({ thread: 'worker' })
    const elected = await waitFor('the worker to lead', () => line('sequencer elected leader') ?? false)
    expect(elected).toMatchObject({ component: 'sequencer', thread: 'worker' })
    const res = await fetch(`${server.url}/api/v1/audit/events/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        Array.from({ length: 5 }, () => validEvent({ correlation_id: uniqueCorrelationId('thread') })),
      ),
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as AuditEventBatchCreated).event_ids).toHaveLength(5)
    await waitFor('the events sealed', async () => (await metrics.log.treeSize.get()).values[0]?.value === 5)
    await server.close()
    const [row] = await sql`SELECT max(tree_size)::int AS n FROM audit_log_checkpoints`
    expect(row).toMatchObject({ n: 5 })
    expect((await metrics.log.leader.get()).values[0]?.value).toBe(0)
  })

  it('with SEQUENCER_THREAD=main, seals on the main thread', async () => {
    const { server, line } = await start({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SEQUENCER_THREAD: 'main',
    })
    try {
      expect(line('transparency log sequencer started')).toMatchObject({ thread: 'main' })
      const elected = await waitFor('the sequencer to lead', () => line('sequencer elected leader') ?? false)
      expect(elected['thread']).toBeUndefined()
    } finally {
      await server.close()
    }
  })

  it('with PGlite and the default, seals on the main thread', async () => {
    const { server, line } = await start({ DATA_DIR: 'memory://' })
    try {
      expect(line('transparency log sequencer started')).toMatchObject({ thread: 'main' })
    } finally {
      await server.close()
    }
  })
})
