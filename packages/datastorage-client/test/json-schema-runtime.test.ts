import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js'
import { fullFormats } from 'ajv-formats/dist/formats.js'
import { describe, expect, it } from 'vitest'
import { formats, ucs2length } from '../src/json-schema-runtime.js'

// The helpers replace Ajv's runtime and ajv-formats ("full" mode) in the generated validator: they
// must answer exactly as the originals did, but for the strict date-time and uuid.
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

// date-time is strict (what PostgreSQL stores, src/rfc3339.ts): ajv-formats' full mode accepts each
// of these marked false, and PostgreSQL would refuse or change them.
const dateTimes: Array<[string, boolean]> = [
  ['2026-06-01T12:00:00Z', true],
  ['2026-06-01t12:00:00z', true],
  ['2026-06-01 12:00:00Z', true],
  ['2026-06-01T12:00:00.123456+02:00', true],
  ['2026-06-01T12:00:00.123456789+23:59', true],
  ['2026-06-01T12:00:00.1234567890Z', false],
  ['2026-06-01T12:00:00-0530', false],
  ['2026-06-01T12:00:00+05', false],
  ['2026-06-01T12:00:00', false],
  ['2026-06-01T24:00:00Z', false],
  ['2026-06-01T23:60:00Z', false],
  ['2026-06-01T23:59:60Z', false],
  ['2026-06-01T23:59:60.999Z', false],
  ['2026-06-01T22:59:60-01:00', false],
  ['2026-06-01T23:59:60+01:00', false],
  ['2026-06-01T00:59:60+01:00', false],
  ['2026-06-01T23:59:61Z', false],
  ['2026-06-01T12:00:00+24:00', false],
  ['2026-06-01T12:00:00+23:60', false],
  ['2026-06-01\t12:00:00Z', false],
  ['2026-06-01\n12:00:00Z', false],
  ['2026-06-01\u00a012:00:00Z', false],
  ['2026-06-01\u202812:00:00Z', false],
  ['2026-06-01\u300012:00:00Z', false],
  ['2026-06-01\ufeff12:00:00Z', false],
  ['2024-02-29T00:00:00Z', true],
  ['2026-02-29T00:00:00Z', false],
  ['1900-02-29T00:00:00Z', false],
  ['2000-02-29T00:00:00Z', true],
  ['2026-04-31T00:00:00Z', false],
  ['2026-13-01T00:00:00Z', false],
  ['2026-00-10T00:00:00Z', false],
  ['2026-01-00T00:00:00Z', false],
  ['0000-01-01T00:00:00Z', true],
  ['2026-06-01TT12:00:00Z', false],
  ['2026-06-01T12:00:00Z ', false],
  [' 2026-06-01T12:00:00Z', false],
  ['2026-6-01T12:00:00Z', false],
  ['20260601T120000Z', false],
  ['yesterday', false],
  ['', false],
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

  it('checks date exactly as ajv-formats’ full mode', () => {
    const dates = [...new Set(dateTimes.map(([d]) => d.slice(0, 10)))]
    for (const text of dates) {
      expect(formats.date!.validate(text), JSON.stringify(text)).toBe(original('date')(text))
    }
  })

  it('checks date-time strictly, where ajv-formats’ full mode is lax', () => {
    let lax = 0
    for (const [text, valid] of dateTimes) {
      expect(formats['date-time']!.validate(text), JSON.stringify(text)).toBe(valid)
      if (!valid && original('date-time')(text)) lax++
    }
    expect(lax).toBeGreaterThanOrEqual(12)
  })

  it('checks uuid strictly: 8-4-4-4-12 hex digits, either case, nothing around', () => {
    const uuid = formats.uuid!.validate
    expect(uuid('0190a0f0-0000-7000-8000-00000000000a')).toBe(true)
    expect(uuid('0190A0F0-0000-7000-8000-00000000000A')).toBe(true)
    for (const text of [
      'urn:uuid:0190a0f0-0000-7000-8000-000000000000',
      'URN:UUID:0190a0f0-0000-7000-8000-000000000000',
      '{0190a0f0-0000-7000-8000-000000000000}',
      '0190a0f000007000800000000000000a',
      '0190a0f0-0000-7000-8000-00000000000g',
      '0190a0f0-0000-7000-8000-000000000000\n',
      '',
    ]) {
      expect(uuid(text), text).toBe(false)
    }
    // ajv-formats' uuid takes the urn prefix (PostgreSQL too, but as a different text).
    expect((fullFormats.uuid as RegExp).test('urn:uuid:0190a0f0-0000-7000-8000-000000000000')).toBe(true)
  })

  it('provides every format and helper the generated validator uses, and nothing is loaded from elsewhere', () => {
    const used = [...generated.matchAll(/\bformats(?:\.([A-Za-z_$][\w$]*)|\[("[^"]+")\])/g)].map(
      (m) => m[1] ?? (JSON.parse(m[2]!) as string),
    )
    expect(used).toEqual(expect.arrayContaining(['date-time', 'uuid']))
    for (const name of used) expect(formats, name).toHaveProperty([name])
    const imports = [...generated.matchAll(/^import .* from '([^']+)'/gm)].map((m) => m[1])
    expect(imports).toEqual(['../json-schema-runtime.js'])
    expect(generated).not.toMatch(/\brequire\(|\bimport\(/)
  })
})
