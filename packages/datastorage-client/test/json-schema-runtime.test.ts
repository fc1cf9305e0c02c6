import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js'
import { fullFormats } from 'ajv-formats/dist/formats.js'
import { describe, expect, it } from 'vitest'
import { formats, ucs2length } from '../src/json-schema-runtime.js'

// The helpers replace Ajv's runtime and ajv-formats ("full" mode) in the generated validator: they
// must answer exactly as the originals did.
const generatedPath = fileURLToPath(new URL('../src/generated/audit-event-validator.ts', import.meta.url))
const generated = readFileSync(generatedPath, 'utf8')

// A CommonJS module with `exports.default`: NodeNext types it as the exports object, loaders may unwrap it.
const ajvUcs2length: (text: string) => number =
  typeof ucs2lengthModule === 'function' ? ucs2lengthModule : ucs2lengthModule.default

type FormatCheck = (text: string) => boolean
function original(name: string): FormatCheck {
  const definition = (fullFormats as Record<string, unknown>)[name]
  if (typeof definition === 'object' && definition !== null && 'validate' in definition) {
    return (definition as { validate: FormatCheck }).validate
  }
  throw new Error(`ajv-formats has no function format ${name}`)
}

const dateTimes = [
  '2026-06-01T12:00:00Z',
  '2026-06-01t12:00:00z',
  '2026-06-01 12:00:00Z',
  '2026-06-01T12:00:00.123456+02:00',
  '2026-06-01T12:00:00-0530',
  '2026-06-01T12:00:00+05',
  '2026-06-01T12:00:00',
  '2026-06-01T24:00:00Z',
  '2026-06-01T23:60:00Z',
  '2026-06-01T23:59:60Z',
  '2026-06-01T23:59:60.999Z',
  '2026-06-01T22:59:60-01:00',
  '2026-06-01T23:59:60+01:00',
  '2026-06-01T00:59:60+01:00',
  '2026-06-01T23:59:61Z',
  '2026-06-01T12:00:00+24:00',
  '2026-06-01T12:00:00+23:60',
  '2024-02-29T00:00:00Z',
  '2026-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-00-10T00:00:00Z',
  '2026-01-00T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '2026-06-01TT12:00:00Z',
  '2026-06-01T12:00:00Z ',
  ' 2026-06-01T12:00:00Z',
  '2026-6-01T12:00:00Z',
  '20260601T120000Z',
  'yesterday',
  '',
]

describe('json-schema-runtime', () => {
  it('counts code points like ajv (a surrogate pair is one, a lone surrogate is one)', () => {
    const samples = [
      '',
      'abc',
      '😀',
      'a😀b',
      '\ud800',
      '\udc00',
      '\ud800a',
      'a\ud800',
      '\udc00\ud800',
      '\udc00\udc00',
      '\ud800\ud800\udc00',
      '😀'.repeat(50),
    ]
    for (const text of samples) expect(ucs2length(text), JSON.stringify(text)).toBe(ajvUcs2length(text))
    expect(ucs2length('😀'.repeat(45))).toBe(45)
  })

  it('checks date-time, date and time exactly as ajv-formats’ full mode', () => {
    const dates = [...new Set(dateTimes.map((d) => d.slice(0, 10)))]
    const times = [...new Set(dateTimes.map((d) => d.slice(11)))]
    for (const [name, samples] of [
      ['date-time', dateTimes],
      ['date', dates],
      ['time', times],
    ] as const) {
      const ours = formats[name]!.validate
      for (const text of samples)
        expect(ours(text), `${name} ${JSON.stringify(text)}`).toBe(original(name)(text))
    }
  })

  it('provides every format and helper the generated validator uses, and nothing is loaded from elsewhere', () => {
    const used = [...generated.matchAll(/\bformats\[("[^"]+")\]/g)].map((m) => JSON.parse(m[1]!) as string)
    expect(used).toContain('date-time')
    for (const name of used) expect(formats, name).toHaveProperty([name])
    const imports = [...generated.matchAll(/^import .* from '([^']+)'/gm)].map((m) => m[1])
    expect(imports).toEqual(['../json-schema-runtime.js'])
    expect(generated).not.toMatch(/\brequire\(|\bimport\(/)
  })
})
