// Packs every publishable package (packages/*) with `pnpm pack` and checks that the tarball holds
// what a consumer needs: package.json with name/version/repository/homepage and exports for ESM
// and CommonJS (types first), README, and every file that `exports`, `main`, `types` and `bin`
// point at; no tests, sources or source maps.
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
    // In every conditions object that has "types", it comes first (TypeScript reads them in order).
    const typesFirst = (value, at) => {
      if (!value || typeof value !== 'object') return
      const keys = Object.keys(value)
      if (keys.includes('types') && keys[0] !== 'types')
        problems.push(`${pkg.name}: ${at} must list "types" first`)
      for (const [k, v] of Object.entries(value)) typesFirst(v, `${at}["${k}"]`)
    }
    typesFirst(packed.exports, 'exports')
    // Both module systems: an ESM entry and a CommonJS one, each with its own declarations.
    for (const [entry, value] of Object.entries(packed.exports ?? {})) {
      if (entry === './package.json') continue
      for (const cond of ['import', 'require']) {
        if (!value?.[cond]?.types || !value?.[cond]?.default)
          problems.push(`${pkg.name}: exports["${entry}"] lacks "${cond}" with its own "types" and "default"`)
      }
    }
    for (const f of files)
      if (f.endsWith('.map'))
        problems.push(`${pkg.name}: tarball ships a source map (${f}) of sources it does not ship`)
    for (const field of ['repository', 'homepage', 'license'])
      if (!packed[field]) problems.push(`${pkg.name}: package.json lacks "${field}"`)
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
