// Sits in a pipe after `pnpm test` (turbo running each package's tests, one package at a time):
// passes the output through unchanged, then prints how long each package's tests took with their
// counts, and one plain closing line for the whole run: `test: N passed, N failed` (`, N skipped`).
import { createInterface } from 'node:readline'
import { stripVTControlCharacters } from 'node:util'

/** @type {Map<string, {first: number, last: number, passed: number, failed: number, skipped: number, files: number, vitest?: string}>} */
const packages = new Map()
let files = 0

for await (const raw of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  process.stdout.write(`${raw}\n`)
  const line = stripVTControlCharacters(raw)
  // turbo prefixes each line of a task with `<package>:<task>: `.
  const task = /^(\S+?):test(?::\S+)?: ?(.*)$/.exec(line)
  // Lines without a prefix (vitest run directly) count under one entry.
  const name = task?.[1] ?? '(unprefixed)'
  const text = task ? task[2] : line
  const counts = /\bTests\s+(.*)\((\d+)\)\s*$/.exec(text)
  if (!task && !counts) continue
  const now = Date.now()
  if (!packages.has(name))
    packages.set(name, { first: now, last: now, passed: 0, failed: 0, skipped: 0, files: 0 })
  const p = packages.get(name)
  p.last = now
  if (counts) {
    files++
    p.files++
    p.passed += Number(/(\d+) passed/.exec(counts[1])?.[1] ?? 0)
    p.failed += Number(/(\d+) failed/.exec(counts[1])?.[1] ?? 0)
    p.skipped += Number(/(\d+) skipped/.exec(counts[1])?.[1] ?? 0)
  }
  const duration = /^\s*Duration\s+(\S+)/.exec(text)
  if (duration) p.vitest = duration[1]
}

if (files === 0) {
  console.error('test-summary: no vitest summary found in the output')
  process.exit(1)
}
const width = Math.max(...[...packages.keys()].map((n) => n.length))
console.log(
  '\ntest time by package (from its first to its last line of output; vitest’s own figure beside it):',
)
let passed = 0
let failed = 0
let skipped = 0
for (const [name, p] of packages) {
  passed += p.passed
  failed += p.failed
  skipped += p.skipped
  const wall = `${((p.last - p.first) / 1000).toFixed(1)} s`.padStart(8)
  const counts = p.files > 0 ? `${p.passed} passed, ${p.failed} failed` : 'no vitest run'
  console.log(`  ${name.padEnd(width)} ${wall}  ${counts}${p.vitest ? `  (vitest ${p.vitest})` : ''}`)
}
console.log(`test: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
