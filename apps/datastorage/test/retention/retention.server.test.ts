import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { components } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/env.js'
import { createLogger } from '../../src/logger.js'
import { type ServerHandle, startServer } from '../../src/server.js'
import { validEvent } from '../support/events.js'
import { ADMIN_URL } from '../support/postgres.js'

type VerifyResult = components['schemas']['VerifyResult']

// The service as it runs: its sequencer seals and checkpoints, its retention job (on a 1 s timer)
// drops a past month once sealed, keeps a held one until the hold is released, and POST /verify
// then lists the dropped events as removed.

let database: TestDatabase
let dir: string
let server: ServerHandle
const run = randomUUID().slice(0, 8)
const now = new Date()
const monthsAgo = (back: number, day: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, 9)).toISOString()

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}/api/v1/audit${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const verify = async (correlation_id: string) => {
  const res = await api('POST', '/verify', { correlation_id })
  return res.status === 200 ? (res.body as unknown as VerifyResult) : undefined
}

beforeAll(async () => {
  database = await createTestDatabase(ADMIN_URL, 'audit_retention_server')
  dir = await mkdtemp(join(tmpdir(), 'datastorage-retention-'))
  server = await startServer(
    {
      ...loadConfig({
        DATA_DIR: dir,
        CHECKPOINT_INTERVAL_MS: '200',
        SEQUENCER_INTERVAL_MS: '20',
        RETENTION_ENABLED: 'true',
        RETENTION_INTERVAL_MS: '1000',
      }),
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
    },
    { logger: createLogger({ level: 'silent' }) },
  )
})

afterAll(async () => {
  await server?.close()
  await database?.drop()
  await rm(dir, { recursive: true, force: true })
})

describe('retention in the running service', () => {
  it('drops the expired month once sealed, keeps the held one until released; verify stays valid', async () => {
    const expired = `ret-srv-${run}-expired`
    const held = `ret-srv-${run}-held`
    const hold = await api('POST', '/legal-holds', { correlation_id: held, reason: 'keep' })
    expect(hold.status).toBe(201)
    const events = [
      ...[1, 2, 3].map((day) =>
        validEvent({ correlation_id: expired, event_timestamp: monthsAgo(2, day), retention_days: 1 }),
      ),
      ...[1, 2].map((day) =>
        validEvent({ correlation_id: held, event_timestamp: monthsAgo(3, day), retention_days: 1 }),
      ),
    ]
    expect((await api('POST', '/events/batch', events)).status).toBe(201)

    const dropped = await waitFor('the expired month dropped and verified', async () => {
      const result = await verify(expired)
      return result !== undefined && result.removed.length === 3 && result.checked === 3 && result
    })
    expect(dropped).toMatchObject({ valid: true, checked: 3, failures: [] })
    // Kept while held: both events still stored, checked once a checkpoint covers them.
    const kept = await waitFor('the held events checked', async () => {
      const result = await verify(held)
      return result !== undefined && result.checked === 2 && result
    })
    expect(kept).toMatchObject({ valid: true, unsealed: 0, removed: [], failures: [] })

    const released = await api('DELETE', `/legal-holds/${String(hold.body['id'])}`)
    expect(released.status).toBe(200)
    const after = await waitFor('the held month dropped once released', async () => {
      const result = await verify(held)
      return result !== undefined && result.removed.length === 2 && result.checked === 2 && result
    })
    expect(after).toMatchObject({ valid: true, failures: [] })

    const recorded = await waitFor('the self-audit events of the drops', async () => {
      const res = await api('GET', '/events?event_type=datastorage.retention.partition_dropped')
      const data = res.body['data'] as Array<{ event_data: { events: number } }>
      return data.length === 2 && data
    })
    expect(recorded.map((e) => e.event_data.events).sort()).toEqual([2, 3])
  })
})
