import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { type BenchRun, BenchSession } from './bench-run.js'
import { compressionBenchmark } from './compression.js'
import { emitCostBenchmark } from './emit-cost.js'
import { ingestBenchmark } from './ingest.js'
import { integrityBenchmark } from './integrity.js'
import { latencyBenchmark } from './latency.js'
import { queryBenchmark } from './query.js'
import { type BenchReport, latestResults, printReport } from './report.js'
import { benchScale } from './scale.js'

const BENCHMARKS: Record<string, (run: BenchRun) => Promise<BenchReport>> = {
  emit: emitCostBenchmark,
  ingest: ingestBenchmark,
  latency: latencyBenchmark,
  query: queryBenchmark,
  compression: compressionBenchmark,
  integrity: integrityBenchmark,
}

/** Where every run writes its figures as JSON (git-ignored): `bench-results/latest.json` at the repository root. */
const RESULTS_DIR = new URL('../../bench-results/', import.meta.url)

/** Writes `bench-results/latest.json`: the figures of this run, for scripts and for comparing runs. */
function writeLatest(reports: readonly BenchReport[], scale: number): void {
  const latest = latestResults(reports, {
    node: process.version,
    benchScale: scale,
    cpus: cpus().length,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  })
  mkdirSync(RESULTS_DIR, { recursive: true })
  const file = new URL('latest.json', RESULTS_DIR)
  writeFileSync(file, `${JSON.stringify(latest, null, 2)}\n`)
  console.log(`[bench] figures written to ${file.pathname}`)
}

/**
 * Hard bound of a whole run at BENCH_SCALE 1 (about 5 min on 2 cores, 2 of them the integrity
 * benchmark's download, verification and waits for checkpoints); scales up with it.
 */
const DEADLINE_MS = 8 * 60_000

/**
 * `tsx src/main.ts [emit|ingest|latency|query …]`: runs the named benchmarks (default all, in that
 * order) one after another and prints a result block for each. Every database, service process and
 * Redis key a benchmark makes is removed when it ends, on failure too, and when the deadline hits.
 */
async function main(argv: string[]): Promise<number> {
  const names = argv.length > 0 ? argv : Object.keys(BENCHMARKS)
  const unknown = names.filter((n) => !(n in BENCHMARKS))
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`)
    return 2
  }
  const scale = benchScale()
  const session = new BenchSession(scale)
  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= session.close()
    return closing
  }
  const abort = (why: string, code: number) => {
    console.error(`[bench] ${why}: cleaning up and exiting`)
    const force = setTimeout(() => process.exit(code), 30_000)
    force.unref()
    void close().finally(() => process.exit(code))
  }
  const deadlineMs = DEADLINE_MS * Math.max(1, scale)
  const deadline = setTimeout(() => abort(`deadline of ${deadlineMs / 1000} s passed`, 1), deadlineMs)
  deadline.unref()
  // `on`, not `once`: tsx's own signal relay exits the process at once when it sees no listener left.
  let signalled = false
  const onSignal = (why: string, code: number) => () => {
    if (signalled) return
    signalled = true
    abort(why, code)
  }
  process.on('SIGINT', onSignal('interrupted', 130))
  process.on('SIGTERM', onSignal('terminated', 143))

  console.log(`[bench] node ${process.version}, BENCH_SCALE ${scale}, benchmarks: ${names.join(', ')}\n`)
  const started = performance.now()
  let failed = 0
  const reports: BenchReport[] = []
  try {
    for (const name of names) {
      const t0 = performance.now()
      try {
        const report = await session.run(BENCHMARKS[name]!)
        report.notes = [...(report.notes ?? []), `took ${((performance.now() - t0) / 1000).toFixed(1)} s`]
        printReport(report)
        reports.push(report)
      } catch (error) {
        failed++
        console.error(`[bench] ${name} failed:`, error, '\n')
      }
    }
    writeLatest(reports, scale)
  } finally {
    await close()
    clearTimeout(deadline)
  }
  console.log(`[bench] done in ${((performance.now() - started) / 1000).toFixed(1)} s, ${failed} failed`)
  return failed > 0 ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
