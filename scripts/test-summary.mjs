// Reads the output of `pnpm test` (turbo running vitest in each package) on stdin and prints one
// plain closing line for the whole run: `test: N passed, N failed` (and `, N skipped`).
import { text } from 'node:stream/consumers'
import { stripVTControlCharacters } from 'node:util'

const output = stripVTControlCharacters(await text(process.stdin))
let passed = 0
let failed = 0
let skipped = 0
let files = 0
for (const line of output.split('\n')) {
  const m = /\bTests\s+(.*)\((\d+)\)\s*$/.exec(line)
  if (!m) continue
  files++
  passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0)
  failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0)
  skipped += Number(/(\d+) skipped/.exec(m[1])?.[1] ?? 0)
}
if (files === 0) {
  console.error('test-summary: no vitest summary found in the output')
  process.exit(1)
}
console.log(`test: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
