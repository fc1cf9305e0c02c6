import { gzipSync, constants as zlibConstants } from 'node:zlib'
import { type AuditEventInput, type Compression, createAuditClient } from '@audit-trail/audit-client'
import { uuidv7 } from '@audit-trail/datastorage-client'
import postgres from 'postgres'
import type { BenchRun } from './bench-run.js'
import { checkpoint, countBenchRows } from './copy-rows.js'
import { ownCpuSeconds, processCpuSeconds } from './cpu.js'
import { sampleEvent } from './events.js'
import type { BenchReport } from './report.js'
import { scaled } from './scale.js'

const BATCH_SIZE = 1000
const CONCURRENCY = 3

interface Run {
  rate: number
  seconds: number
  clientCpu: number
  serverCpu: number
}

/** One end-to-end ingest (client → service → PostgreSQL) of `inputs` with the given compression. */
async function ingest(
  run: BenchRun,
  inputs: readonly AuditEventInput[],
  compression: Compression,
): Promise<Run> {
  const db = await run.freshDatabase(`compression_${compression}`)
  const service = await run.startService(db.url, `compression-${compression}`)
  const sql = postgres(db.url, { max: 1, onnotice: () => {} })
  run.defer(() => sql.end({ timeout: 5 }))
  await checkpoint(sql)
  const audit = createAuditClient({
    baseUrl: service.url,
    token: service.tokens.writer,
    service: 'bench-compression',
    batchSize: BATCH_SIZE,
    concurrency: CONCURRENCY,
    requestTimeoutMs: 30_000,
    compression,
  })
  const clientCpu0 = ownCpuSeconds()
  const serverCpu0 = processCpuSeconds(service.pid())
  const t0 = performance.now()
  for (const event of inputs) await audit.emitAsync(event)
  await audit.flush({ timeoutMs: 120_000 })
  const seconds = (performance.now() - t0) / 1000
  const clientCpu = ownCpuSeconds() - clientCpu0
  const serverCpu = (processCpuSeconds(service.pid()) ?? Number.NaN) - (serverCpu0 ?? Number.NaN)
  const stats = await audit.close()
  const rows = await countBenchRows(sql)
  if (stats.persisted !== inputs.length || rows !== inputs.length) {
    throw new Error(
      `compression ${compression}: expected ${inputs.length} rows, have ${rows}; stats ${JSON.stringify(stats)}`,
    )
  }
  await service.stop()
  return { rate: inputs.length / seconds, seconds, clientCpu, serverCpu }
}

/**
 * Benchmark 5: what the client's gzip request compression does to sustained ingest. The same
 * events go end to end twice, each time into a fresh database through a fresh service process:
 * `compression: 'none'` (the baseline) and `'gzip'` (the default). Body sizes are measured on the
 * same batches as the client sends them (JSON, gzip at the fastest level, as the client does).
 */
export async function compressionBenchmark(run: BenchRun): Promise<BenchReport> {
  const count = scaled(50_000, run.scale, 2_000)
  const inputs = Array.from({ length: count }, (_, i) =>
    sampleEvent(i, `bench-compression-${Math.floor(i / 10)}`),
  )
  const plain = await ingest(run, inputs, 'none')
  const gzip = await ingest(run, inputs, 'gzip')

  const batch = JSON.stringify(
    inputs.slice(0, BATCH_SIZE).map((e) => ({
      ...e,
      version: '1.0',
      event_id: uuidv7(),
      event_timestamp: new Date().toISOString(),
    })),
  )
  const plainBytes = Buffer.byteLength(batch)
  const t0 = performance.now()
  const gzipBytes = gzipSync(batch, { level: zlibConstants.Z_BEST_SPEED }).length
  const gzipMs = performance.now() - t0
  return {
    title: '5. request compression (gzip) in sustained ingest',
    parameters: {
      events: count,
      batchSize: BATCH_SIZE,
      'batches in flight': CONCURRENCY,
      path: 'createAuditClient → datastorage child process → PostgreSQL (loopback)',
      auth: 'tokens (audit:write bearer token on every request)',
    },
    lines: [
      { kind: 'figure', label: "end to end, compression 'gzip'", value: gzip.rate, unit: 'rows/s' },
      { kind: 'baseline', label: "end to end, compression 'none'", value: plain.rate, unit: 'rows/s' },
      { kind: 'ratio', label: 'gzip / none', value: gzip.rate / plain.rate },
      {
        kind: 'info',
        label: `body of one ${BATCH_SIZE}-event batch: plain / gzip`,
        value: `${(plainBytes / 1024).toFixed(0)} KiB / ${(gzipBytes / 1024).toFixed(0)} KiB (${(plainBytes / gzipBytes).toFixed(1)}×, ${gzipMs.toFixed(1)} ms to compress)`,
      },
      {
        kind: 'info',
        label: 'CPU bench+client / service: none | gzip',
        value: `${plain.clientCpu.toFixed(1)} s / ${plain.serverCpu.toFixed(1)} s | ${gzip.clientCpu.toFixed(1)} s / ${gzip.serverCpu.toFixed(1)} s`,
      },
    ],
    notes: [
      'loopback: the network costs nothing here, so the ratio shows the CPU price of compressing and inflating; on a real network the smaller bodies save transfer time',
      'each run on a fresh database and service process, CHECKPOINT before each',
    ],
  }
}
