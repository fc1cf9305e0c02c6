// `pnpm test:mutation [audit-client] [datastorage] [-- stryker options]`: runs Stryker in each package
// (all of them by default) one after the other, then prints one score table per file from their JSON
// reports. `--table` only prints the table of the last runs. Kept out of `pnpm test` and CI: the
// mutants of these packages take hours on 2 cores, and the service's need PostgreSQL and Redis.
//
// Examples:
//   nice -n 19 pnpm test:mutation audit-client -- --mutate src/delivery.ts,src/batcher.ts
//   pnpm test:mutation --table
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
/** Short name → folder; each has a stryker.config.mjs and a `test:mutation` script. */
const packages = { 'audit-client': 'packages/audit-client', datastorage: 'apps/datastorage' }
const REPORT = 'reports/mutation/mutation.json'

const args = process.argv.slice(2).filter((a) => a !== '--')
const tableOnly = args.includes('--table')
const selected = args.filter((a) => a in packages)
const strykerArgs = args.filter((a) => !(a in packages) && a !== '--table')
const chosen = selected.length > 0 ? selected : Object.keys(packages)

const failed = []
if (!tableOnly) {
  // The tests import the workspace libraries from their dist/, as `pnpm test` does via turbo.
  const filters = chosen.map((name) => `--filter=${readName(packages[name])}^...`)
  run('pnpm', ['exec', 'turbo', 'run', 'build', ...filters, '--output-logs=errors-only'], root)
  for (const name of chosen) {
    const started = Date.now()
    const ok = run('pnpm', ['run', 'test:mutation', ...strykerArgs], join(root, packages[name]))
    console.log(`\ntest:mutation: ${name} ${ok ? 'done' : 'FAILED'} in ${minutes(Date.now() - started)}`)
    if (!ok) failed.push(name)
  }
}

const rows = [['file', 'killed', 'survived', 'timeout', 'no cov', 'ignored', 'score %']]
for (const name of chosen) {
  const report = join(root, packages[name], REPORT)
  if (!existsSync(report)) {
    rows.push([`${name}: no report (${packages[name]}/${REPORT})`], [])
    continue
  }
  if (failed.includes(name)) rows.push([`${name}: this run failed; below is the previous report`])
  const { files } = JSON.parse(readFileSync(report, 'utf8'))
  const total = tally([])
  for (const file of Object.keys(files).sort()) {
    const { mutants } = files[file]
    const counts = tally(mutants)
    for (const key of Object.keys(total)) total[key] += counts[key]
    rows.push(row(`${packages[name]}/${file}`, counts))
  }
  rows.push(row(`${name} total`, total), [])
}
printTable(rows)
process.exitCode = failed.length > 0 ? 1 : 0

function run(command, commandArgs, cwd) {
  return spawnSync(command, commandArgs, { cwd, stdio: 'inherit' }).status === 0
}

function readName(dir) {
  return JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).name
}

/** Mutants by status; compile and runtime errors count for no side, as in Stryker's own score. */
function tally(mutants) {
  const count = (status) => mutants.filter((m) => m.status === status).length
  return {
    killed: count('Killed'),
    survived: count('Survived'),
    timeout: count('Timeout'),
    noCoverage: count('NoCoverage'),
    ignored: count('Ignored'),
  }
}

function row(label, { killed, survived, timeout, noCoverage, ignored }) {
  const detected = killed + timeout
  const valid = detected + survived + noCoverage
  const score = valid === 0 ? 'n/a' : ((100 * detected) / valid).toFixed(2)
  return [label, killed, survived, timeout, noCoverage, ignored, score].map(String)
}

function printTable(table) {
  const aligned = table.filter((r) => r.length > 1)
  const widths = table[0].map((_, i) => Math.max(...aligned.map((r) => r[i].length)))
  console.log('')
  for (const r of table) {
    const cells = r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
    console.log(r.length <= 1 ? (r[0] ?? '') : cells.join('  '))
  }
}

function minutes(ms) {
  return `${(ms / 60_000).toFixed(1)} min`
}
