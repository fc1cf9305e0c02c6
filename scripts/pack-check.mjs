// Packs every publishable package (packages/*) with `pnpm pack` and checks that the tarball holds
// what a consumer needs: package.json with name/version/exports (types first), README, and every
// file that `exports`, `main`, `types` and `bin` point at; no tests or sources of other packages.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const problems = []
const packagesDir = join(root, 'packages')
for (const dir of readdirSync(packagesDir)) {
  const pkgDir = join(packagesDir, dir)
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
  if (pkg.private) continue
  const out = mkdtempSync(join(tmpdir(), 'pack-'))
  try {
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: pkgDir, stdio: 'pipe' })
    const tarball = readdirSync(out).find((f) => f.endsWith('.tgz'))
    const files = execFileSync('tar', ['-tzf', join(out, tarball)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''))
    const packed = JSON.parse(
      execFileSync('tar', ['-xzOf', join(out, tarball), 'package/package.json'], { encoding: 'utf8' }),
    )
    const need = new Set(['package.json', 'README.md'])
    const targets = []
    const walk = (value) => {
      if (typeof value === 'string') targets.push(value)
      else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v)
    }
    walk(packed.exports)
    walk(packed.main)
    walk(packed.types)
    walk(packed.bin)
    for (const t of targets) if (!t.endsWith('/package.json')) need.add(t.replace(/^\.\//, ''))
    for (const f of need) if (!files.includes(f)) problems.push(`${pkg.name}: tarball lacks ${f}`)
    for (const [cond, value] of Object.entries(packed.exports ?? {})) {
      if (value && typeof value === 'object' && Object.keys(value)[0] !== 'types') {
        problems.push(`${pkg.name}: exports["${cond}"] must list "types" first`)
      }
    }
    for (const f of files)
      if (/(^|\/)(test|src)\//.test(f) || f.endsWith('.test.js'))
        problems.push(`${pkg.name}: tarball ships ${f}`)
    if (JSON.stringify(packed).includes('workspace:'))
      problems.push(`${pkg.name}: a workspace: range leaked into the tarball`)
    if (!packed.version || !packed.name?.startsWith('@audit-trail/'))
      problems.push(`${pkg.name}: name/version missing`)
    console.log(`${packed.name}@${packed.version}: ${files.length} files, ${tarball}`)
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
if (problems.length) {
  for (const p of problems) console.error(`pack-check: ${p}`)
  process.exit(1)
}
console.log('pack-check: every publishable package has what a consumer needs')
