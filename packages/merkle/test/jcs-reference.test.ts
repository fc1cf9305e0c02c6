// canonicalJson (a fast writer that hands over to a checked one) against a straight transcription
// of RFC 8785 written here, not taken from ../src: the same text for every JSON value, the same
// refusals for everything else, and the leaf hashes built on it byte for byte.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CanonicalizationError,
  canonicalBytes,
  canonicalJson,
  canonicalString,
  eventLeafHash,
  leafHash,
  textLeafHash,
} from '../src/index.js'

// ---- Reference: RFC 8785 §3.2, word for word ---------------------------------------------------
class Refused extends Error {}
/** Keys ordered by UTF-16 code units (§3.2.3), compared unit by unit, not with sort()'s default. */
function byCodeUnits(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i)
    if (d !== 0) return d
  }
  return a.length - b.length
}
function reference(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Refused('not a JSON number')
    return JSON.stringify(value) // §3.2.2.3: ECMAScript's Number serialization
  }
  if (typeof value === 'string') {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i)
      const next = value.charCodeAt(i + 1)
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++
      else if (c >= 0xd800 && c <= 0xdfff) throw new Refused('lone surrogate')
    }
    return JSON.stringify(value) // §3.2.2.2
  }
  if (Array.isArray(value)) return `[${Array.from(value, reference).join(',')}]`
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) throw new Refused('not plain')
    if (Object.getOwnPropertySymbols(value).length > 0) throw new Refused('symbol key')
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).sort(byCodeUnits)
    return `{${keys.map((k) => `${reference(k)}:${reference(record[k])}`).join(',')}}`
  }
  throw new Refused(`a ${typeof value}`)
}
const outcome = (f: () => string): { text: string } | { refused: true } => {
  try {
    return { text: f() }
  } catch (error) {
    if (error instanceof Refused || error instanceof CanonicalizationError) return { refused: true }
    throw error
  }
}

// ---- Arbitraries -------------------------------------------------------------------------------
const SPECIAL_NUMBERS = [1e21, 1e-7, -0, 1.5e-7, 5e-324, 0.1, 1e20, 123456789012345680000, 2 ** 53, -1.5e-10]
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(...SPECIAL_NUMBERS),
)
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }), // any code point: astral pairs, U+2028, controls
  fc.string({ unit: fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u007f', 'é', '😀', '\u2028', 'a') }),
)
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(text, tie('value'), { maxKeys: 6 }),
  ),
})).value
/** JSON values with, now and then, something JCS refuses somewhere inside. */
const possiblyRefused = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    json,
    fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, undefined, 10n, new Date(0)),
    fc.tuple(fc.string(), loneSurrogate, fc.string()).map((parts) => parts.join('')),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, loneSurrogate), tie('value'), { maxKeys: 4 }),
  ),
})).value

describe('canonicalJson against the reference', () => {
  it('writes the same text for every JSON value (unicode, 1e21, -0, 1.5e-7, nesting, any key order)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(reference(value))
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses exactly what the reference refuses, and writes the same text otherwise', () => {
    fc.assert(
      fc.property(possiblyRefused, (value) => {
        expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => reference(value)))
      }),
      { numRuns: 2000 },
    )
  })

  it('writes values deeper than the fast writer goes, and names the path of a refusal down there', () => {
    let deep: unknown = { leaf: [1e21, -0, 'é'] }
    for (let i = 0; i < 1500; i++) deep = i % 2 ? [deep] : { [`k${i}`]: deep, a: i }
    expect(canonicalJson(deep)).toBe(reference(deep))
    let bad: unknown = { bad: Number.NaN }
    for (let i = 0; i < 1200; i++) bad = [bad]
    expect(() => canonicalJson(bad)).toThrow(`$${'[0]'.repeat(1200)}.bad`)
  })

  it('canonicalString is the JSON text of a string, and refuses a lone surrogate', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(canonicalString(s)).toBe(reference(s))
      }),
      { numRuns: 1000 },
    )
    expect(() => canonicalString('a\udc00')).toThrow(CanonicalizationError)
  })
})

describe('textLeafHash', () => {
  const sha256 = (...parts: Uint8Array[]) => {
    const h = createHash('sha256')
    for (const p of parts) h.update(p)
    return h.digest()
  }

  it('is SHA-256(0x00 ‖ UTF-8 of the text), and eventLeafHash is it over the canonical text', () => {
    fc.assert(
      fc.property(json, (value) => {
        const canonical = canonicalJson(value)
        const expected = sha256(Buffer.from([0]), Buffer.from(reference(value), 'utf8'))
        expect(textLeafHash(canonical)).toEqual(expected)
        expect(eventLeafHash(value)).toEqual(expected)
        expect(leafHash(canonicalBytes(value))).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })
})
