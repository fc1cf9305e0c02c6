import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { type AuditClientStats, type AuditEventInput, createAuditClient } from '@audit-trail/audit-client'
import { generateSigningKey } from '@audit-trail/merkle'
import { deleteKeysWithPrefix, redisKeyPrefix } from '@audit-trail/test-infra'
import type { Sql } from 'postgres'
import type { BenchRun } from './bench-run.js'
import { checkpoint, countBenchRows } from './copy-rows.js'
import { processCpuSeconds } from './cpu.js'
import { type DatastorageProcess, startDatastorage } from './datastorage-process.js'
import { sampleEvent } from './events.js'
import { BATCH_SIZE, CONCURRENCY, openSql } from './ingest.js'
import { type BenchReport, formatNumber } from './report.js'
import { scaled } from './scale.js'
import { median, sleep } from './stats.js'

/** Correlation ids of this benchmark's events: tells them apart from the service's self-audit events in the log. */
const CORRELATION_PREFIX = 'bench-integrity-'

/** Rounds of `audit-trail verify` and of its floor, interleaved; the medians are reported. */
const VERIFY_ROUNDS = 3

/** The service's default `CHECKPOINT_INTERVAL_MS`, used from BENCH_SCALE 1 up (the issue's figure is about it). */
const DEFAULT_CHECKPOINT_INTERVAL_MS = 10_000

/**
 * The checkpoint interval of a run: the default at BENCH_SCALE ≥ 1; scaled down (at least 200 ms)
 * below, so the smoke run waits for its last checkpoint a fraction of a second, not 10 s.
 */
function checkpointIntervalMs(scale: number): number {
  if (scale >= 1) return DEFAULT_CHECKPOINT_INTERVAL_MS
  return Math.max(200, Math.round(DEFAULT_CHECKPOINT_INTERVAL_MS * scale))
}

/** What one ingest through the audit client took. */
interface IngestRun {
  seconds: number
  /** Wall clock (epoch ms) when `flush()` resolved: the last write was acknowledged. */
  lastAckAt: number
  /** CPU seconds of the service process over the ingest. */
  serviceCpu: number
  stats: AuditClientStats
}

/**
 * The events through `createAuditClient` into `service`, as benchmark 2 sends them (same batch size,
 * batches in flight, `emitAsync` backpressure), timed from the first emit to `flush()`.
 *
 * @throws Error when the client or the table does not hold exactly the events sent.
 */
async function ingestThroughClient(
  service: DatastorageProcess,
  sql: Sql,
  inputs: readonly AuditEventInput[],
): Promise<IngestRun> {
  const audit = createAuditClient({
    baseUrl: service.url,
    token: service.tokens.writer,
    service: 'bench-integrity',
    batchSize: BATCH_SIZE,
    concurrency: CONCURRENCY,
    requestTimeoutMs: 30_000,
  })
  const cpu0 = processCpuSeconds(service.pid()) ?? Number.NaN
  const t0 = performance.now()
  for (const event of inputs) await audit.emitAsync(event)
  await audit.flush({ timeoutMs: 120_000 })
  const seconds = (performance.now() - t0) / 1000
  const lastAckAt = Date.now()
  const serviceCpu = (processCpuSeconds(service.pid()) ?? Number.NaN) - cpu0
  const stats = await audit.close()
  const stored = await countBenchRows(sql)
  if (stats.persisted !== inputs.length || stats.duplicates !== 0 || stored !== inputs.length) {
    throw new Error(
      `integrity: expected ${inputs.length} rows, have ${stored}; client stats ${JSON.stringify(stats)}\n${service.output()}`,
    )
  }
  return { seconds, lastAckAt, serviceCpu, stats }
}

/** The sequencer's backlog (`audit_log_pending`), sampled while the log-on service ingests and seals. */
interface BacklogSampler {
  /** Stops sampling; resolves with the largest `audit_log_pending` count seen and the number of samples. */
  stop(): Promise<{ peakPending: number; samples: number }>
}

/** Samples `count(*)` of `audit_log_pending` every `everyMs` on `sql` until stopped. */
function sampleBacklog(sql: Sql, everyMs: number): BacklogSampler {
  let stopping = false
  let peakPending = 0
  let samples = 0
  const loop = (async () => {
    while (!stopping) {
      const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log_pending`
      peakPending = Math.max(peakPending, row?.n ?? 0)
      samples++
      // A sampling period, not a wait for a state: the loop ends when stop() is called.
      await sleep(everyMs)
    }
  })()
  return {
    async stop() {
      stopping = true
      await loop
      return { peakPending, samples }
    },
  }
}

/**
 * Polls the database until a signed checkpoint covers every one of this benchmark's `count` events
 * and returns that checkpoint's `signed_at` (epoch ms) and size.
 *
 * @throws Error when that does not happen within `deadlineMs`.
 */
async function waitUntilSealed(
  sql: Sql,
  count: number,
  deadlineMs: number,
): Promise<{ signedAt: number; treeSize: number }> {
  const until = performance.now() + deadlineMs
  let last = ''
  while (performance.now() < until) {
    const [row] = await sql<
      { sealed: number; needed: string | null; signed_at: Date | null; tree_size: string | null }[]
    >`
      WITH bench AS (
        SELECT count(*)::int AS sealed, max(leaf_index) + 1 AS needed
        FROM audit_log_leaves WHERE correlation_id LIKE ${`${CORRELATION_PREFIX}%`}
      )
      SELECT bench.sealed, bench.needed::text AS needed, c.signed_at, c.tree_size::text AS tree_size
      FROM bench LEFT JOIN LATERAL (
        SELECT signed_at, tree_size FROM audit_log_checkpoints
        WHERE tree_size >= bench.needed ORDER BY tree_size LIMIT 1
      ) c ON true`
    if (row && row.sealed === count && row.signed_at && row.tree_size) {
      return { signedAt: row.signed_at.getTime(), treeSize: Number(row.tree_size) }
    }
    last = JSON.stringify(row)
    await sleep(50)
  }
  throw new Error(
    `integrity: the log did not seal and sign all ${count} events within ${deadlineMs} ms (last: ${last})`,
  )
}

/** Percentiles of the delay from an event's `stored_at` to its leaf and to the first checkpoint covering it, ms. */
interface SealDelays {
  n: number
  sealedP50: number
  sealedP99: number
  sealedMax: number
  signedP50: number
  signedP99: number
  signedMax: number
}

/**
 * Every bench event's delays, from the tables: `stored_at` (its insert's transaction) → `sealed_at`
 * (the sequencer's batch) → `signed_at` of the smallest checkpoint whose tree includes the leaf.
 */
async function sealDelays(sql: Sql): Promise<SealDelays> {
  const [row] = await sql<Record<keyof SealDelays, number>[]>`
    WITH d AS (
      SELECT extract(epoch FROM (l.sealed_at - e.stored_at)) * 1000 AS sealed_ms,
             extract(epoch FROM (c.signed_at - e.stored_at)) * 1000 AS signed_ms
      FROM audit_log_leaves l
      JOIN audit_events e ON e.event_id = l.event_id AND e.event_date = l.event_date
      CROSS JOIN LATERAL (
        SELECT signed_at FROM audit_log_checkpoints
        WHERE tree_size > l.leaf_index ORDER BY tree_size LIMIT 1
      ) c
      WHERE l.correlation_id LIKE ${`${CORRELATION_PREFIX}%`}
    )
    SELECT count(*)::int AS n,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY sealed_ms)::float8 AS "sealedP50",
      percentile_disc(0.99) WITHIN GROUP (ORDER BY sealed_ms)::float8 AS "sealedP99",
      max(sealed_ms)::float8 AS "sealedMax",
      percentile_disc(0.5) WITHIN GROUP (ORDER BY signed_ms)::float8 AS "signedP50",
      percentile_disc(0.99) WITHIN GROUP (ORDER BY signed_ms)::float8 AS "signedP99",
      max(signed_ms)::float8 AS "signedMax"
    FROM d`
  if (!row) throw new Error('integrity: no seal delays')
  return row
}

/** The sequencer's batches (leaves sharing a `sealed_at`) and checkpoints, for explaining the delay. */
async function sequencerWork(
  sql: Sql,
): Promise<{ batches: number; largestBatch: number; checkpoints: number }> {
  const [row] = await sql<{ batches: number; largest: number; checkpoints: number }[]>`
    SELECT count(*)::int AS batches, coalesce(max(n), 0)::int AS largest,
      (SELECT count(*)::int FROM audit_log_checkpoints) AS checkpoints
    FROM (SELECT count(*) AS n FROM audit_log_leaves GROUP BY sealed_at) b`
  return { batches: row?.batches ?? 0, largestBatch: row?.largest ?? 0, checkpoints: row?.checkpoints ?? 0 }
}

/** The built `audit-trail` bin, resolved through the package's `bin` field as test-e2e does. */
function cliBinPath(): string {
  const require = createRequire(import.meta.url)
  const packageJson = require.resolve('@audit-trail/cli/package.json')
  const { bin } = require(packageJson) as { bin: Record<string, string> }
  return join(dirname(packageJson), bin['audit-trail']!)
}

/** What a run of the bin left, and how long it took from spawn to exit. */
interface BinRun {
  status: number | null
  stdout: string
  stderr: string
  seconds: number
  /** Its CPU seconds (user + system), NaN without procfs. */
  cpuSeconds: number
}

/**
 * CPU seconds (user + system) of this process's children that have exited and been reaped
 * (`cutime` + `cstime` of /proc/self/stat); NaN without procfs. The difference across one child's
 * run is that child's CPU when no other child exits meanwhile: on a loaded machine a steadier
 * measure than its wall time.
 */
function reapedChildrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[13]) + Number(fields[14])) / 100 // USER_HZ
  } catch {
    return Number.NaN
  }
}

/**
 * Runs `audit-trail <args>` as a child process with `env` added; a child still running when the
 * benchmark ends (deadline, Ctrl-C) is killed by the clean-up.
 */
function runCli(
  run: BenchRun,
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const cpu0 = reapedChildrenCpuSeconds()
    const child = spawn(process.execPath, [cliBinPath(), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    })
    let exited = false
    run.defer(async () => {
      if (!exited) child.kill('SIGKILL')
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.once('error', reject)
    child.once('close', (status) => {
      exited = true
      const seconds = (performance.now() - t0) / 1000
      resolve({ status, stdout, stderr, seconds, cpuSeconds: reapedChildrenCpuSeconds() - cpu0 })
    })
  })
}

/** The parts of `audit-trail verify --json`'s report this benchmark checks. */
interface VerifyJson {
  valid: boolean
  checkpoint: { tree_size: number; root_hash: string; signature_valid: boolean }
  leaves: { read: number; root_matches: boolean }
  events: { received: number; matched: number; unsealed: number; removed: number }
  failures: unknown[]
}

/**
 * The floor's work, run in a worker thread (CommonJS, `@audit-trail/merkle`'s own build): read both
 * files, hash every event's canonical bytes and the leaves into their root, timed; then, untimed,
 * the checks that it did the verifier's work. CPU is `process.cpuUsage()` over the timed part:
 * the whole process, whose main thread only waits meanwhile.
 */
const FLOOR_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { readFileSync } = require('node:fs')
const { eventLeafHash, fromHex, rootHash, toHex } = require(workerData.merkle)
const cpu0 = process.cpuUsage()
const t0 = performance.now()
const eventHashes = []
for (const line of readFileSync(workerData.events, 'utf8').split('\\n')) {
  if (line !== '') eventHashes.push(eventLeafHash(JSON.parse(line)))
}
const leafHashes = []
for (const line of readFileSync(workerData.leaves, 'utf8').split('\\n')) {
  if (line !== '') leafHashes.push(fromHex(JSON.parse(line).leaf_hash))
}
const root = toHex(rootHash(leafHashes))
const seconds = (performance.now() - t0) / 1000
const cpu = process.cpuUsage(cpu0)
const known = new Set(eventHashes.map(toHex))
const unmatched = leafHashes.filter((h) => !known.has(toHex(h))).length
parentPort.postMessage({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, root, unmatched, events: eventHashes.length })
`

/**
 * The floor of an offline verification, in-process but in a worker thread of its own (a fresh
 * heap, as the verifier's process has, not this one's with 100k inputs in it): read the bundle's
 * two files, hash every event's canonical bytes (`eventLeafHash`) and the leaves into their root
 * (`rootHash`). Checks that the root is the checkpoint's and that every leaf's hash is among the
 * events' (else the floor did not do the verifier's work). Returns its wall and CPU seconds.
 */
function hashFloor(
  run: BenchRun,
  bundle: string,
  checkpointRoot: string,
): Promise<{ seconds: number; cpuSeconds: number; events: number }> {
  const merkle = createRequire(import.meta.url).resolve('@audit-trail/merkle')
  const worker = new Worker(FLOOR_WORKER, {
    eval: true,
    workerData: {
      merkle,
      events: join(bundle, 'events.ndjson'),
      leaves: join(bundle, 'leaves.ndjson'),
    },
  })
  run.defer(() => worker.terminate())
  return new Promise((resolve, reject) => {
    worker.once('error', reject)
    worker.once('exit', (code) =>
      reject(new Error(`integrity: the floor's worker exited ${code} without a result`)),
    )
    worker.once('message', (result: FloorResult) => {
      if (result.root !== checkpointRoot) {
        reject(new Error(`integrity: the bundle's leaves hash to ${result.root}, not ${checkpointRoot}`))
      } else if (result.unmatched > 0) {
        reject(new Error(`integrity: ${result.unmatched} leaves of the bundle have no event hashing to them`))
      } else {
        resolve(result)
      }
    })
  })
}

/** What the floor's worker posts. */
interface FloorResult {
  seconds: number
  cpuSeconds: number
  root: string
  unmatched: number
  events: number
}

/**
 * Issue 13's figures: ingest with the transparency log on against off (same events, same run, each
 * service on a fresh database), the delay from storing an event to the first signed checkpoint
 * covering it under that load, and `audit-trail verify` of a downloaded bundle of the run's events
 * against the floor of its work (hashing the same events and leaves in-process).
 */
export async function integrityBenchmark(run: BenchRun): Promise<BenchReport> {
  const count = scaled(100_000, run.scale, 2_000)
  const intervalMs = checkpointIntervalMs(run.scale)
  const inputs = Array.from({ length: count }, (_, i) =>
    sampleEvent(i, `${CORRELATION_PREFIX}${Math.floor(i / 10)}`),
  )

  const dir = mkdtempSync(join(tmpdir(), 'bench-integrity-'))
  run.defer(async () => rmSync(dir, { recursive: true, force: true }))
  const key = generateSigningKey()
  const privateKeyFile = join(dir, 'signing-key.pem')
  const publicKeyFile = join(dir, 'signing-key.pub')
  writeFileSync(privateKeyFile, key.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  writeFileSync(publicKeyFile, key.publicKey.export({ type: 'spki', format: 'pem' }))

  const infra = await run.infrastructure()
  const keyPrefix = redisKeyPrefix()
  run.defer(() => deleteKeysWithPrefix(infra.redisUrl, keyPrefix))
  const startService = async (databaseUrl: string, name: string, env: Record<string, string>) => {
    const service = await startDatastorage({
      databaseUrl,
      redisUrl: infra.redisUrl,
      env: {
        DLQ_STREAM: `${keyPrefix}${name}:audit:dlq:events`,
        DEAD_LETTER_STREAM: `${keyPrefix}${name}:audit:dead-letter:events`,
        ...env,
      },
    })
    run.defer(() => service.stop())
    return service
  }

  // --- baseline: the log off, before and after the log-on run (bracketing it against drift) -------
  const ingestLogOff = async (label: string): Promise<IngestRun> => {
    const db = await run.freshDatabase(`integrity_off_${label}`)
    const service = await startService(db.url, `log-off-${label}`, { TRANSPARENCY_LOG: 'off' })
    const sql = openSql(db.url, run)
    await checkpoint(sql)
    const result = await ingestThroughClient(service, sql, inputs)
    await service.stop() // the next run gets the machine this one had
    return result
  }
  const offBefore = await ingestLogOff('before')

  // --- figure: the log on, its backlog sampled -----------------------------------------------------
  const onDb = await run.freshDatabase('integrity_on')
  const onService = await startService(onDb.url, 'log-on', {
    TRANSPARENCY_LOG: 'on',
    SIGNING_KEY_FILE: privateKeyFile,
    CHECKPOINT_INTERVAL_MS: String(intervalMs),
  })
  const onSql = openSql(onDb.url, run)
  await checkpoint(onSql)
  const sampler = sampleBacklog(onSql, Math.min(200, intervalMs / 2))
  let on: IngestRun
  let sealed: { signedAt: number; treeSize: number }
  try {
    on = await ingestThroughClient(onService, onSql, inputs)
    sealed = await waitUntilSealed(onSql, count, 3 * intervalMs + 30_000)
  } catch (error) {
    await sampler.stop().catch(() => undefined)
    throw error
  }
  const backlog = await sampler.stop()
  const lastSealSeconds = (sealed.signedAt - on.lastAckAt) / 1000
  const delays = await sealDelays(onSql)
  if (delays.n !== count) throw new Error(`integrity: seal delays of ${delays.n} events, expected ${count}`)
  const work = await sequencerWork(onSql)

  // --- offline verification of the run's events ------------------------------------------------------
  const bundle = join(dir, 'bundle')
  const cliEnv = { AUDIT_TRAIL_URL: onService.url, AUDIT_TRAIL_TOKEN: onService.tokens.reader }
  const download = await runCli(run, ['log', 'download', '--out', bundle, '--json'], cliEnv, 300_000)
  if (download.status !== 0)
    throw new Error(`integrity: log download exited ${download.status}: ${download.stderr}`)
  await onService.stop() // verification is offline; the rounds below get the machine to themselves
  const offAfter = await ingestLogOff('after')
  const off = {
    seconds: (offBefore.seconds + offAfter.seconds) / 2,
    serviceCpu: (offBefore.serviceCpu + offAfter.serviceCpu) / 2,
  }
  const startup = await runCli(run, ['--version'], {}, 30_000)
  if (startup.status !== 0) throw new Error(`integrity: audit-trail --version exited ${startup.status}`)
  // Rounds interleaved, medians: one round of each is at the mercy of whatever else the machine does.
  const verifyRounds: BinRun[] = []
  const floorRounds: Array<{ seconds: number; cpuSeconds: number }> = []
  let report: VerifyJson | undefined
  for (let round = 0; round < VERIFY_ROUNDS; round++) {
    const verify = await runCli(
      run,
      ['verify', '--bundle', bundle, '--public-key', publicKeyFile, '--json'],
      {},
      300_000,
    )
    if (verify.status !== 0) {
      throw new Error(
        `integrity: verify exited ${verify.status}: ${verify.stderr}\n${verify.stdout.slice(0, 2000)}`,
      )
    }
    report = JSON.parse(verify.stdout) as VerifyJson
    verifyRounds.push(verify)
    floorRounds.push(await hashFloor(run, bundle, report.checkpoint.root_hash))
  }
  if (!report) throw new Error('integrity: no verification round ran')
  const treeSize = report.checkpoint.tree_size
  // The log also holds the service's own self-audit events sealed before the checkpoint.
  const [other] = await onSql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM audit_log_leaves
    WHERE leaf_index < ${treeSize} AND correlation_id NOT LIKE ${`${CORRELATION_PREFIX}%`}`
  const selfAudit = other?.n ?? 0
  if (
    !report.valid ||
    report.failures.length > 0 ||
    !report.leaves.root_matches ||
    report.leaves.read !== treeSize ||
    report.events.matched !== treeSize ||
    report.events.removed !== 0 ||
    treeSize !== count + selfAudit
  ) {
    throw new Error(
      `integrity: verify should have matched ${count} bench events + ${selfAudit} self-audit ones: ${JSON.stringify({ ...report, unsealed: undefined, removed: undefined })}`,
    )
  }
  const verify = {
    seconds: median(verifyRounds.map((r) => r.seconds)),
    cpuSeconds: median(verifyRounds.map((r) => r.cpuSeconds)),
  }
  const floor = {
    seconds: median(floorRounds.map((r) => r.seconds)),
    cpuSeconds: median(floorRounds.map((r) => r.cpuSeconds)),
  }

  const onRate = count / on.seconds
  const offRate = count / off.seconds
  const intervals = (ms: number) => ms / intervalMs
  const verifyVsFloor = verify.seconds / floor.seconds
  return {
    title: '6. transparency log: ingest on vs off, sealing delay, offline verify',
    parameters: {
      events: count,
      batchSize: BATCH_SIZE,
      'batches in flight': CONCURRENCY,
      CHECKPOINT_INTERVAL_MS: intervalMs,
      SEQUENCER_INTERVAL_MS: '200 (default)',
      SEQUENCER_BATCH_SIZE: '5000 (default)',
      'signing key': 'Ed25519 generated for the run (SIGNING_KEY_FILE)',
      order: 'log off, log on, log off again (baseline: their mean time); each service on a fresh database',
    },
    lines: [
      { kind: 'figure', label: 'ingest, TRANSPARENCY_LOG=on', value: onRate, unit: 'rows/s' },
      { kind: 'baseline', label: 'ingest, TRANSPARENCY_LOG=off', value: offRate, unit: 'rows/s' },
      { kind: 'ratio', label: 'log on / log off', value: onRate / offRate },
      {
        kind: 'info',
        label: 'log off before / after the log-on run',
        value: `${formatNumber(count / offBefore.seconds)} / ${formatNumber(count / offAfter.seconds)}`,
        unit: 'rows/s',
      },
      {
        kind: 'info',
        label: 'service CPU over the ingest: on / off',
        value: `${on.serviceCpu.toFixed(1)} s / ${off.serviceCpu.toFixed(1)} s`,
      },
      {
        kind: 'ratio',
        label: 'service CPU on / off (steadier than rows/s on a busy machine)',
        value: on.serviceCpu / off.serviceCpu,
      },
      {
        kind: 'figure',
        label: 'seal delay: stored → signed checkpoint, p50 / p99 / max',
        value: `${delays.signedP50.toFixed(0)} / ${delays.signedP99.toFixed(0)} / ${delays.signedMax.toFixed(0)}`,
        unit: 'ms',
      },
      {
        kind: 'ratio',
        label: 'the same in checkpoint intervals (goal ≤ 2)',
        value: `${intervals(delays.signedP50).toFixed(2)} / ${intervals(delays.signedP99).toFixed(2)} / ${intervals(delays.signedMax).toFixed(2)}`,
        unit: '× interval',
      },
      {
        kind: 'info',
        label: 'stored → sealed (leaf written), p50 / p99 / max',
        value: `${delays.sealedP50.toFixed(0)} / ${delays.sealedP99.toFixed(0)} / ${delays.sealedMax.toFixed(0)}`,
        unit: 'ms',
      },
      {
        kind: 'info',
        label: 'last write acknowledged → checkpoint covering all',
        value: lastSealSeconds,
        unit: `s (${intervals(lastSealSeconds * 1000).toFixed(2)} intervals)`,
        digits: 2,
      },
      { kind: 'info', label: 'ingest rate while sealing', value: onRate, unit: 'rows/s' },
      {
        kind: 'info',
        label: 'peak audit_log_pending (sampled) / samples',
        value: `${backlog.peakPending} / ${backlog.samples}`,
      },
      {
        kind: 'info',
        label: 'sequencer batches / largest / checkpoints',
        value: `${work.batches} / ${work.largestBatch} / ${work.checkpoints}`,
      },
      {
        kind: 'figure',
        label: `audit-trail verify --bundle, ${treeSize} events (median of ${VERIFY_ROUNDS})`,
        value: verify.seconds,
        unit: 's',
        digits: 2,
      },
      {
        kind: 'baseline',
        label: `floor: eventLeafHash of the events + rootHash of the leaves (median of ${VERIFY_ROUNDS})`,
        value: floor.seconds,
        unit: 's',
        digits: 2,
      },
      { kind: 'ratio', label: 'verify / floor', value: verifyVsFloor },
      {
        kind: 'info',
        label: 'CPU: verify / floor (median of each)',
        value: `${verify.cpuSeconds.toFixed(2)} s / ${floor.cpuSeconds.toFixed(2)} s`,
      },
      { kind: 'ratio', label: 'CPU verify / CPU floor', value: verify.cpuSeconds / floor.cpuSeconds },
      {
        kind: 'info',
        label: 'bin start-up (audit-trail --version)',
        value: startup.seconds,
        unit: 's',
        digits: 2,
      },
      { kind: 'info', label: 'log download of the bundle', value: download.seconds, unit: 's', digits: 2 },
      {
        kind: 'info',
        label: 'verified: bench events + self-audit / unsealed in bundle',
        value: `${count} + ${selfAudit} / ${report.events.unsealed}`,
      },
    ],
    notes: [
      'seal delay: every bench event, stored_at (its insert transaction) → signed_at of the smallest checkpoint whose tree includes its leaf',
      'verify: the built bin as a child process (spawn → exit, Node start-up included), exit 0 and counts checked; floor in a worker thread of this process (fresh heap), files read and parsed',
    ],
    metrics: {
      ingest_log_on_rows_per_s: onRate,
      ingest_log_off_rows_per_s: offRate,
      log_on_vs_off: onRate / offRate,
      log_on_vs_off_service_cpu: on.serviceCpu / off.serviceCpu,
      seal_delay_p99_ms: delays.signedP99,
      seal_delay_max_intervals: intervals(delays.signedMax),
      seal_interval_ms: intervalMs,
      seal_last_write_to_checkpoint_s: lastSealSeconds,
      seal_peak_pending: backlog.peakPending,
      verify_offline_events: treeSize,
      verify_offline_s: verify.seconds,
      verify_vs_hash_floor: verifyVsFloor,
      verify_vs_hash_floor_cpu: verify.cpuSeconds / floor.cpuSeconds,
    },
  }
}
