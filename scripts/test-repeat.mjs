// `pnpm test:repeat <package> <file> [N] [--busy K]`: runs one test file N times (default 10) with
// vitest in that package and prints how many runs passed, to check a suspect test for flakiness.
// `--busy K` keeps K cores busy with spinning processes meanwhile (killed afterwards), since a test
// that passes only on an idle machine fails on a slower or loaded one.
import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const usage = 'usage: pnpm test:repeat <package> <test file> [runs=10] [--busy cores] [--bail]'
const root = resolve(import.meta.dirname, '..')

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { busy: { type: 'string', default: '0' }, bail: { type: 'boolean', default: false } },
})
const [pkgArg, fileArg, runsArg = '10'] = positionals
const runs = Number(runsArg)
const busy = Number(values.busy)
if (!pkgArg || !fileArg || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(busy) || busy < 0) {
  console.error(usage)
  process.exit(2)
}

/** The workspace package named `@audit-trail/<x>`, `<x>` or by its folder. */
function findPackage(arg) {
  for (const group of ['apps', 'packages', 'tooling', '.']) {
    for (const dir of readdirSync(join(root, group), { withFileTypes: true })) {
      if (!dir.isDirectory()) continue
      const path = join(root, group, dir.name)
      let name
      try {
        name = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).name
      } catch {
        continue
      }
      if ([name, name.replace(/^@audit-trail\//, ''), relative(root, path)].includes(arg)) return path
    }
  }
  return undefined
}

const pkg = findPackage(pkgArg)
if (!pkg) {
  console.error(`test:repeat: no workspace package ${JSON.stringify(pkgArg)}\n${usage}`)
  process.exit(2)
}
// Accept the file relative to the package or to the repository root.
const file = fileArg.startsWith(`${relative(root, pkg)}/`) ? relative(relative(root, pkg), fileArg) : fileArg

const spinners = Array.from({ length: busy }, () =>
  spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }),
)
const stopSpinners = () => {
  for (const s of spinners) s.kill('SIGKILL')
}
process.on('exit', stopSpinners)
process.on('SIGINT', () => process.exit(130))

console.log(
  `test:repeat: ${relative(root, pkg)}/${file} × ${runs}${busy > 0 ? `, ${busy} core(s) kept busy (pids ${spinners.map((s) => s.pid).join(', ')})` : ''}`,
)
let passed = 0
let done = 0
const failures = []
for (let run = 1; run <= runs; run++) {
  done = run
  const started = Date.now()
  const result = spawnSync('pnpm', ['exec', 'vitest', 'run', file], {
    cwd: pkg,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 256 * 1024 * 1024,
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  if (ok) passed++
  else {
    const output = `${result.stdout}${result.stderr}`
    const failed = [...output.matchAll(/^\s*(?:×|FAIL)\s+(.+)$/gm)].map((m) => m[1].trim())
    failures.push({ run, failed, output })
  }
  console.log(`  run ${run}: ${ok ? 'passed' : `FAILED (exit ${result.status})`} in ${seconds} s`)
  if (!ok && values.bail) break
}
stopSpinners()
for (const { run, failed, output } of failures) {
  console.log(`\n--- run ${run} failed:`)
  console.log(failed.length > 0 ? [...new Set(failed)].join('\n') : output.split('\n').slice(-40).join('\n'))
}
console.log(`\ntest:repeat: ${passed}/${done} runs passed`)
process.exit(passed === done ? 0 : 1)
