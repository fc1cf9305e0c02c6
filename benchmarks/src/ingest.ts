import { type AuditEventInput, createAuditClient } from '@audit-trail/audit-client'
import { migrateDatabase, openDatabase } from '@audit-trail/datastorage'
import { uuidv7 } from '@audit-trail/datastorage-client'
import postgres, { type Sql } from 'postgres'
import type { BenchRun } from './bench-run.js'
import {
  checkpoint,
  copyIntoAuditEvents,
  copyIntoEventIdTable,
  copyOutAuditEvents,
  copyOutEventIds,
  countBenchRows,
  ensureMonthPartitions,
  monthsFrom,
} from './copy-rows.js'
import { ownCpuSeconds, processCpuSeconds } from './cpu.js'
import { sampleEvent } from './events.js'
import type { BenchReport } from './report.js'
import { scaled } from './scale.js'

/** Events per batch the audit clients send (also the service-alone batches). */
export const BATCH_SIZE = 1000
/** Batches in flight at once. */
export const CONCURRENCY = 3

/** A one-connection postgres.js client on `url`, ended when the benchmark ends. */
export function openSql(url: string, run: BenchRun): Sql {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  run.defer(() => sql.end({ timeout: 5 }))
  return sql
}

/**
 * The service alone: the same events, completed and serialised beforehand, POSTed as batches with
 * the same number in flight, so the client's own CPU is out of the figure. Returns seconds.
 */
async function postPreSerialized(
  serviceUrl: string,
  token: string,
  inputs: readonly AuditEventInput[],
): Promise<number> {
  const bodies: string[] = []
  for (let i = 0; i < inputs.length; i += BATCH_SIZE) {
    const batch = inputs.slice(i, i + BATCH_SIZE).map((input) => ({
      ...input,
      version: '1.0',
      event_id: uuidv7(),
      event_timestamp: new Date().toISOString(),
    }))
    bodies.push(JSON.stringify(batch))
  }
  let next = 0
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!
      const res = await fetch(`${serviceUrl}/api/v1/audit/events/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      })
      const text = await res.text()
      if (res.status !== 201)
        throw new Error(`ingest: batch POST answered ${res.status}: ${text.slice(0, 300)}`)
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return (performance.now() - t0) / 1000
}

/** A migrated fresh database with the service's partitions (this month + 3 ahead), checkpointed. */
async function freshCopyTarget(run: BenchRun, label: string): Promise<string> {
  const db = await run.freshDatabase(label)
  const handle = await openDatabase({ url: db.url, maxConnections: 1 })
  try {
    await migrateDatabase(handle)
  } finally {
    await handle.close()
  }
  const sql = openSql(db.url, run)
  await ensureMonthPartitions(sql, monthsFrom(new Date(), 3)) // what the service creates at start
  await checkpoint(sql)
  return db.url
}

/** Seconds each COPY of the baseline took, one table after the other into one database. */
interface CopyTimes {
  /** The rows into `audit_events`: the original baseline. */
  events: number
  /** Their ids into `audit_event_ids`, the duplicate claim every insert makes. */
  ids: number
  /** Their ids into `audit_log_pending`, which an insert fills with the transparency log on. */
  pending: number
}

/**
 * The baseline: COPY of the very rows the service stored, table by table, into a fresh database:
 * `audit_events`, then `audit_event_ids`, then `audit_log_pending`. The service writes all three for
 * every stored event (log on; the first two with it off), so a fair ceiling writes them too; the
 * first alone is printed as the original baseline.
 */
async function copyBaseline(
  run: BenchRun,
  rows: readonly Buffer[],
  ids: readonly Buffer[],
  count: number,
): Promise<CopyTimes> {
  const url = await freshCopyTarget(run, 'ingest_copy')
  const timed = async (work: () => Promise<void>) => {
    const t = performance.now()
    await work()
    return (performance.now() - t) / 1000
  }
  const times: CopyTimes = {
    events: await timed(() => copyIntoAuditEvents(url, rows)),
    ids: await timed(() => copyIntoEventIdTable(url, 'audit_event_ids', ids)),
    pending: await timed(() => copyIntoEventIdTable(url, 'audit_log_pending', ids)),
  }
  const sql = openSql(url, run)
  const copied = await countBenchRows(sql)
  if (copied !== count) throw new Error(`ingest: COPY stored ${copied} rows, expected ${count}`)
  return times
}

/** The service alone on a fresh database: returns its rate in rows/s after checking every row landed. */
async function serviceAlone(
  run: BenchRun,
  inputs: readonly AuditEventInput[],
  name: string,
  env: Record<string, string>,
): Promise<number> {
  const db = await run.freshDatabase(name)
  const service = await run.startService(db.url, name, env)
  const sql = openSql(db.url, run)
  await checkpoint(sql)
  const seconds = await postPreSerialized(service.url, service.tokens.writer, inputs)
  await service.stop()
  const stored = await countBenchRows(sql)
  if (stored !== inputs.length)
    throw new Error(`ingest: service alone (${name}) stored ${stored} rows, expected ${inputs.length}`)
  return inputs.length / seconds
}

/**
 * Benchmark 2: sustained ingest through the real audit client → the built datastorage process →
 * PostgreSQL (transparency log on, the service's default), against COPY of the very same rows (read
 * back from the first database) into a fresh database migrated with the service's migrations: same
 * partitioned table, same indexes, the machine's ceiling. The COPY baseline writes what the
 * service's insert writes for each event (the row, its id claim, its queue row for the log); the
 * row alone is printed too. The service alone is also measured with the log off, against the COPY
 * of the row and its id claim.
 */
export async function ingestBenchmark(run: BenchRun): Promise<BenchReport> {
  const count = scaled(100_000, run.scale, 2_000)
  const inputs = Array.from({ length: count }, (_, i) => sampleEvent(i, `bench-ingest-${Math.floor(i / 10)}`))

  // --- figure: client → service → PostgreSQL ------------------------------------------------
  const e2eDb = await run.freshDatabase('ingest_e2e')
  const service = await run.startService(e2eDb.url, 'ingest', { TRANSPARENCY_LOG: 'on' })
  const e2eSql = openSql(e2eDb.url, run)
  await checkpoint(e2eSql)
  const audit = createAuditClient({
    baseUrl: service.url,
    token: service.tokens.writer,
    service: 'bench-ingest',
    batchSize: BATCH_SIZE,
    concurrency: CONCURRENCY,
    requestTimeoutMs: 30_000,
  })
  const clientCpu0 = ownCpuSeconds()
  const serverCpu0 = processCpuSeconds(service.pid())
  const t0 = performance.now()
  // emitAsync waits for room when the buffer is full: sustained load with backpressure.
  for (const event of inputs) await audit.emitAsync(event)
  await audit.flush({ timeoutMs: 120_000 })
  const e2eSeconds = (performance.now() - t0) / 1000
  const clientCpu = ownCpuSeconds() - clientCpu0
  const serverCpu = (processCpuSeconds(service.pid()) ?? Number.NaN) - (serverCpu0 ?? Number.NaN)
  // What the sequencer has not sealed yet when the figure's clock stops: sealing that lags behind
  // is work the figure does not pay for (it runs after), so the backlog is part of the figure.
  const [backlog] = await e2eSql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log_pending`
  const stats = await audit.close()
  const stored = await countBenchRows(e2eSql)
  if (stats.persisted !== count || stats.duplicates !== 0 || stored !== count) {
    throw new Error(
      `ingest: expected ${count} rows, have ${stored}; client stats ${JSON.stringify(stats)}\n${service.output()}`,
    )
  }
  await service.stop() // the baseline gets both cores, as the service had
  const rows = await copyOutAuditEvents(e2eDb.url)
  const ids = await copyOutEventIds(e2eDb.url)
  const bytes = rows.reduce((n, c) => n + c.length, 0)

  // --- context: the service alone, without the client's CPU, log on and off --------------------
  const aloneRate = await serviceAlone(run, inputs, 'ingest_alone', { TRANSPARENCY_LOG: 'on' })
  const aloneOffRate = await serviceAlone(run, inputs, 'ingest_alone_off', { TRANSPARENCY_LOG: 'off' })

  // --- baseline: COPY of the same rows ---------------------------------------------------------
  const copy = await copyBaseline(run, rows, ids, count)
  const copyRate = count / (copy.events + copy.ids + copy.pending)
  const copyOffRate = count / (copy.events + copy.ids)
  const copyEventsRate = count / copy.events

  const e2eRate = count / e2eSeconds
  return {
    title: '2. sustained end-to-end ingest',
    parameters: {
      events: count,
      batchSize: BATCH_SIZE,
      'batches in flight': CONCURRENCY,
      bufferSize: 10_000,
      path: 'createAuditClient → datastorage child process → PostgreSQL (loopback)',
      auth: 'tokens (audit:write bearer token on every request)',
      'transparency log': 'on (end to end, service alone); off for the second service-alone run',
      'COPY baseline':
        'audit_events + audit_event_ids + audit_log_pending (what an insert writes, log on); without audit_log_pending for log off',
      'row size (COPY text)': `${Math.round(bytes / count)} B`,
    },
    lines: [
      { kind: 'figure', label: 'end to end (emitAsync … flush), log on', value: e2eRate, unit: 'rows/s' },
      { kind: 'baseline', label: 'COPY: events + id claims + log queue', value: copyRate, unit: 'rows/s' },
      { kind: 'ratio', label: 'end to end / COPY', value: e2eRate / copyRate },
      {
        kind: 'info',
        label: 'service alone: pre-serialised batch POSTs, log on',
        value: aloneRate,
        unit: 'rows/s',
      },
      { kind: 'ratio', label: 'service alone / COPY', value: aloneRate / copyRate },
      { kind: 'info', label: 'service alone, log off', value: aloneOffRate, unit: 'rows/s' },
      { kind: 'info', label: 'COPY: events + id claims', value: copyOffRate, unit: 'rows/s' },
      {
        kind: 'ratio',
        label: 'service alone, log off / COPY without log queue',
        value: aloneOffRate / copyOffRate,
      },
      {
        kind: 'info',
        label: 'COPY: events alone (the original baseline)',
        value: copyEventsRate,
        unit: 'rows/s',
      },
      {
        kind: 'ratio',
        label: 'end to end / service alone (log on) / service alone (log off) ÷ COPY events alone',
        value: `${(e2eRate / copyEventsRate).toFixed(2)} / ${(aloneRate / copyEventsRate).toFixed(2)} / ${(aloneOffRate / copyEventsRate).toFixed(2)}`,
      },
      {
        kind: 'info',
        label: 'COPY seconds: events / id claims / log queue',
        value: `${copy.events.toFixed(2)} s / ${copy.ids.toFixed(2)} s / ${copy.pending.toFixed(2)} s`,
      },
      {
        kind: 'info',
        label: 'CPU end to end: bench+client / service',
        value: `${clientCpu.toFixed(1)} s / ${serverCpu.toFixed(1)} s`,
      },
      {
        kind: 'info',
        label: 'log backlog when flush() returned (audit_log_pending rows)',
        value: backlog?.n ?? Number.NaN,
      },
      { kind: 'info', label: 'batches / retries', value: `${stats.batches} / ${stats.retries}` },
    ],
    notes: [
      'all databases fresh, migrated by the service migrations, monthly partitions + 3 ahead, CHECKPOINT before each',
      'service alone: the same events POSTed as ready JSON batches (no client CPU), same batches in flight',
      'COPY baseline: one COPY per table, one after the other, into one fresh database; its rate is count ÷ the sum of their times',
    ],
    metrics: {
      ingest_rows_per_s: e2eRate,
      copy_rows_per_s: copyRate,
      ingest_vs_copy: e2eRate / copyRate,
      service_rows_per_s: aloneRate,
      service_vs_copy: aloneRate / copyRate,
      service_log_off_rows_per_s: aloneOffRate,
      copy_log_off_rows_per_s: copyOffRate,
      service_log_off_vs_copy: aloneOffRate / copyOffRate,
      copy_events_only_rows_per_s: copyEventsRate,
      ingest_vs_copy_events_only: e2eRate / copyEventsRate,
      service_vs_copy_events_only: aloneRate / copyEventsRate,
      ingest_log_backlog_rows: backlog?.n ?? null,
    },
  }
}
