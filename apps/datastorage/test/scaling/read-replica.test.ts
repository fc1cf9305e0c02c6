import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AuditEventBatchCreated, AuditEventPage } from '@audit-trail/datastorage-client'
import { startThrowawayPostgres, type ThrowawayPostgres, waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openReadDatabase, READ_POOL_APPLICATION_NAME } from '../../src/db/client.js'
import { loadConfig } from '../../src/env.js'
import { createLogger } from '../../src/logger.js'
import { type ServerHandle, startServer } from '../../src/server.js'
import { logCapture } from '../support/app.js'
import { uniqueCorrelationId, validEvent } from '../support/events.js'
import { type HotStandby, startHotStandby } from './hot-standby.js'

/** A value of the service's /metrics text, e.g. `audit_read_replica_reads_total{served_by="replica"}`. */
async function metric(server: ServerHandle, series: string): Promise<number | undefined> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('READ_DATABASE_URL on a streaming replica (a throwaway primary and hot standby)', () => {
  let primary: ThrowawayPostgres
  let standby: HotStandby
  let dataDir: string
  let server: ServerHandle
  let standbySql: postgres.Sql
  const capture = logCapture()

  beforeAll(async () => {
    primary = await startThrowawayPostgres()
    standby = await startHotStandby(primary)
    standbySql = postgres(standby.url, { max: 1, onnotice: () => {} })
    dataDir = await mkdtemp(join(tmpdir(), 'datastorage-replica-'))
    server = await startServer(
      {
        ...loadConfig({}),
        port: 0,
        dataDir,
        databaseUrl: primary.url,
        readDatabaseUrl: standby.url,
        // The sequencer's writes are not what this file tests; fewer moving parts on the primary.
        transparencyLog: { ...loadConfig({}).transparencyLog, enabled: false },
      },
      { logger: createLogger({ level: 'info', destination: capture.stream }) },
    )
  }, 120_000)

  afterAll(async () => {
    await server?.close()
    await standbySql?.end({ timeout: 1 }).catch(() => {})
    await standby?.destroy()
    await primary?.kill()
    await primary?.destroy()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  const storeBatch = async (correlation_id: string, count: number) => {
    const res = await fetch(`${server.url}/api/v1/audit/events/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: count }, () => validEvent({ correlation_id }))),
    })
    expect(res.status).toBe(201)
    return (await res.json()) as AuditEventBatchCreated
  }
  const query = async (correlation_id: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/api/v1/audit/events?correlation_id=${correlation_id}`, {
      headers,
    })
    expect(res.status).toBe(200)
    return ((await res.json()) as AuditEventPage).data.map((e) => e.event_id)
  }

  it('stores writes on the primary and serves queries and reads by id from the standby', async () => {
    const correlation_id = uniqueCorrelationId('replica')
    const created = await storeBatch(correlation_id, 20)
    const onReplica = await metric(server, 'audit_read_replica_reads_total{served_by="replica"}')
    // Replication is asynchronous: the standby shows the batch once it replayed the commit.
    const ids = await waitFor('the batch readable through the standby', async () => {
      const found = await query(correlation_id)
      return found.length === 20 && found
    })
    expect(new Set(ids)).toEqual(new Set(created.event_ids))
    const one = await fetch(`${server.url}/api/v1/audit/events/${created.event_ids[3]}`)
    expect(one.status).toBe(200)

    // The service's read pool is connected to the standby, read-only, and it answered those reads.
    const sessions = await standbySql<{ application_name: string }[]>`
      SELECT application_name FROM pg_stat_activity WHERE application_name = ${READ_POOL_APPLICATION_NAME}`
    expect(sessions.length).toBeGreaterThan(0)
    expect(await metric(server, 'audit_read_replica_reads_total{served_by="replica"}')).toBeGreaterThan(
      onReplica ?? 0,
    )
    expect(await metric(server, 'audit_read_replica_up')).toBe(1)
    const [row] = await standbySql<{ in_recovery: boolean }[]>`SELECT pg_is_in_recovery() AS in_recovery`
    expect(row?.in_recovery).toBe(true)
  })

  it('does not show a write the paused standby has not replayed, unless the read asks for the primary', async () => {
    await standbySql`SELECT pg_wal_replay_pause()`
    try {
      const correlation_id = uniqueCorrelationId('paused')
      const created = await storeBatch(correlation_id, 3)
      const id = created.event_ids[0]!

      // Written and committed on the primary…
      const primaryRead = await fetch(`${server.url}/api/v1/audit/events/${id}`, {
        headers: { Consistency: 'primary' },
      })
      expect(primaryRead.status).toBe(200)
      expect(new Set(await query(correlation_id, { Consistency: 'primary' }))).toEqual(
        new Set(created.event_ids),
      )
      // …but not replayed by the standby, which serves the default reads.
      expect((await fetch(`${server.url}/api/v1/audit/events/${id}`)).status).toBe(404)
      expect(await query(correlation_id)).toEqual([])
      expect(await query(correlation_id, { Consistency: 'replica' })).toEqual([])
      // The standby received the WAL it does not replay: the lag is visible.
      await waitFor('a replica lag above 0', async () => {
        const lag = await metric(server, 'audit_read_replica_lag_seconds')
        return lag !== undefined && lag > 0
      })
    } finally {
      await standbySql`SELECT pg_wal_replay_resume()`
    }
    await waitFor('the lag back to 0 after the replay resumed', async () => {
      return (await metric(server, 'audit_read_replica_lag_seconds')) === 0
    })
  })

  it('refuses a Consistency value other than primary or replica', async () => {
    const res = await fetch(`${server.url}/api/v1/audit/events?correlation_id=x`, {
      headers: { Consistency: 'strong' },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      errors: [{ field: 'Consistency', message: 'must be primary or replica' }],
    })
  })

  it('opens the read pool read-only: it cannot write even when pointed at the primary', async () => {
    const reads = await openReadDatabase(primary.url, { maxConnections: 1 })
    try {
      const client = postgres(primary.url, { max: 1, onnotice: () => {} })
      await client`CREATE TABLE IF NOT EXISTS replica_probe (n int)`
      await client.end()
      const { sql } = await import('drizzle-orm')
      await expect(reads.db.execute(sql`INSERT INTO replica_probe VALUES (1)`)).rejects.toMatchObject({
        cause: { code: '25006' }, // read_only_sql_transaction
      })
    } finally {
      await reads.close()
    }
  })

  it('serves reads from the primary when the standby is gone, counts the fallback, and stays ready', async () => {
    const correlation_id = uniqueCorrelationId('fallback')
    const created = await storeBatch(correlation_id, 5)
    await standby.kill()

    // Every read still answers, from the primary, including events the standby never had.
    expect(new Set(await query(correlation_id))).toEqual(new Set(created.event_ids))
    expect((await fetch(`${server.url}/api/v1/audit/events/${created.event_ids[0]}`)).status).toBe(200)
    expect(await metric(server, 'audit_read_replica_fallbacks_total{reason="unreachable"}')).toBeGreaterThan(
      0,
    )
    expect(await metric(server, 'audit_read_replica_up')).toBe(0)
    expect(await metric(server, 'audit_read_replica_lag_seconds')).toBeNaN()
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
    const warnings = capture
      .lines()
      .filter((l) => l['msg'] === 'read replica unreachable: reads are served by the primary')
    // Once per outage, not once per read.
    expect(warnings).toHaveLength(1)
  })
})
