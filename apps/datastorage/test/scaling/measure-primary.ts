/**
 * What one stored event costs the PostgreSQL primary, for docs/scaling.md: CPU of the server's
 * processes, WAL bytes (what a streaming replica receives) and bytes on disk, with the transparency
 * log on and off. A throwaway PostgreSQL (durable settings: fsync and full-page writes on), the
 * service in this process, batches pre-serialised and posted 4 at a time; with the log on it waits
 * until every event is sealed, so the sequencer's work is counted.
 *
 *   cd apps/datastorage && npx tsx test/scaling/measure-primary.ts [events=50000]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startThrowawayPostgres, waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { loadConfig } from '../../src/env.js'
import { createLogger } from '../../src/logger.js'
import { startServer } from '../../src/server.js'
import { validEvent } from '../support/events.js'

const TICKS_PER_SECOND = 100
const events = Number(process.argv[2] ?? 50_000)
const BATCH = 1000
const IN_FLIGHT = 4

/** CPU seconds of the cluster: the postmaster and every process it started that is still running. */
function clusterCpuSeconds(postmasterPid: number): number {
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const pid = Number(entry)
      const ppid = Number(fields[1])
      if (pid !== postmasterPid && ppid !== postmasterPid) continue
      // utime, stime, cutime, cstime (fields 14-17 of stat; 12-15 after the command).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
    } catch {
      // exited meanwhile
    }
  }
  return ticks / TICKS_PER_SECOND
}

async function measure(pgUrl: string, postmasterPid: number, transparencyLog: boolean) {
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} })
  const name = `measure_${transparencyLog ? 'on' : 'off'}`
  await admin.unsafe(`CREATE DATABASE ${name}`)
  const url = pgUrl.replace(/\/postgres$/, `/${name}`)
  const dataDir = await mkdtemp(join(tmpdir(), 'measure-primary-'))
  const base = loadConfig({})
  const server = await startServer(
    {
      ...base,
      port: 0,
      dataDir,
      databaseUrl: url,
      selfAudit: { ...base.selfAudit, enabled: false },
      transparencyLog: { ...base.transparencyLog, enabled: transparencyLog, checkpointIntervalMs: 1000 },
    },
    { logger: createLogger({ level: 'warn' }) },
  )
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  const bodies = Array.from({ length: events / BATCH }, (_, b) =>
    JSON.stringify(
      Array.from({ length: BATCH }, (_, i) =>
        validEvent({
          correlation_id: `measure-${b % 500}`,
          event_timestamp: new Date(Date.now() - (b * BATCH + i) * 10).toISOString(),
        }),
      ),
    ),
  )
  const wal0 = (await sql<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`)[0]!.lsn
  const cpu0 = clusterCpuSeconds(postmasterPid)
  const self0 = process.cpuUsage()
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!
        const res = await fetch(`${server.url}/api/v1/audit/events/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
        if (res.status !== 201) throw new Error(`batch answered ${res.status}: ${await res.text()}`)
        await res.arrayBuffer()
      }
    }),
  )
  const ingested = performance.now()
  const pending = transparencyLog
    ? (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log_pending`)[0]!.n
    : 0
  const drainCpu0 = clusterCpuSeconds(postmasterPid)
  const drainSelf0 = process.cpuUsage()
  if (transparencyLog) {
    await waitFor(
      'every event sealed',
      async () => (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log_pending`)[0]!.n === 0,
      600_000,
      100,
    )
  }
  const drainSeconds = (performance.now() - ingested) / 1000
  const drainCpu = clusterCpuSeconds(postmasterPid) - drainCpu0
  const drainSelf = process.cpuUsage(drainSelf0)
  const seconds = (performance.now() - started) / 1000
  const cpu = clusterCpuSeconds(postmasterPid) - cpu0
  const self = process.cpuUsage(self0)
  const reads = await measureReads(server.url, postmasterPid)
  const [row] = await sql<{ wal: string; bytes: string }[]>`
    SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ${wal0}::pg_lsn)::text AS wal,
           (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r'
               AND (c.relname LIKE 'audit_event%' OR c.relname LIKE 'audit_log%'))::text AS bytes`
  await sql.end()
  await server.close()
  await rm(dataDir, { recursive: true, force: true })
  await admin.end()
  return {
    transparency_log: transparencyLog ? 'on' : 'off',
    events,
    wall_s: Number(seconds.toFixed(1)),
    rows_per_s: Math.round(events / seconds),
    postgres_cpu_us_per_event: Math.round((cpu / events) * 1e6),
    events_per_postgres_core_s: Math.round(events / cpu),
    service_cpu_us_per_event: Math.round((self.user + self.system) / events),
    wal_bytes_per_event: Math.round(Number(row!.wal) / events),
    disk_bytes_per_event: Math.round(Number(row!.bytes) / events),
    ...reads,
    // The backlog left when the last batch was acknowledged, sealed by the sequencer alone: its
    // rate with nothing else running, and what sealing costs per event on each side.
    ...(pending > 0
      ? {
          backlog_after_ingest: pending,
          sealing_rows_per_s_alone: Math.round(pending / drainSeconds),
          sealing_service_cpu_us_per_event: Math.round((drainSelf.user + drainSelf.system) / pending),
          sealing_postgres_cpu_us_per_event: Math.round((drainCpu / pending) * 1e6),
        }
      : {}),
  }
}

/**
 * Queries by correlation_id (a page of 100 of its 200 events), 4 at a time: CPU per query on each
 * side, what a read replica and a service replica each take per query.
 */
async function measureReads(url: string, postmasterPid: number) {
  const QUERIES = 2000
  const query = (i: number) =>
    fetch(`${url}/api/v1/audit/events?correlation_id=measure-${i % 500}&limit=100`).then(async (res) => {
      if (res.status !== 200) throw new Error(`query answered ${res.status}`)
      await res.arrayBuffer()
    })
  for (let i = 0; i < 100; i++) await query(i) // warm-up
  const cpu0 = clusterCpuSeconds(postmasterPid)
  const self0 = process.cpuUsage()
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < QUERIES) await query(next++)
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const cpu = clusterCpuSeconds(postmasterPid) - cpu0
  const self = process.cpuUsage(self0)
  return {
    queries_per_s: Math.round(QUERIES / seconds),
    query_postgres_cpu_us: Math.round((cpu / QUERIES) * 1e6),
    query_service_cpu_us: Math.round((self.user + self.system) / QUERIES),
  }
}

const pg = await startThrowawayPostgres({ fast: false })
try {
  const pid = Number(readFileSync(join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  for (const log of [false, true]) console.log(JSON.stringify(await measure(pg.url, pid, log)))
} finally {
  await pg.kill()
  await pg.destroy()
}
