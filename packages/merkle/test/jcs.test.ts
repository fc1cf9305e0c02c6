import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CanonicalizationError,
  canonicalBytes,
  canonicalJson,
  eventLeafHash,
  leafHash,
} from '../src/index.js'

const fromBits = (hex: string): number => Buffer.from(hex.padStart(16, '0'), 'hex').readDoubleBE(0)

// RFC 8785 Appendix B, "Number Serialization Samples": IEEE 754 bits and the JSON text.
const RFC_NUMBERS: [string, string][] = [
  ['0000000000000000', '0'],
  ['8000000000000000', '0'],
  ['0000000000000001', '5e-324'],
  ['8000000000000001', '-5e-324'],
  ['7fefffffffffffff', '1.7976931348623157e+308'],
  ['ffefffffffffffff', '-1.7976931348623157e+308'],
  ['4340000000000000', '9007199254740992'],
  ['c340000000000000', '-9007199254740992'],
  ['4430000000000000', '295147905179352830000'],
  ['44b52d02c7e14af5', '9.999999999999997e+22'],
  ['44b52d02c7e14af6', '1e+23'],
  ['44b52d02c7e14af7', '1.0000000000000001e+23'],
  ['444b1ae4d6e2ef4e', '999999999999999700000'],
  ['444b1ae4d6e2ef4f', '999999999999999900000'],
  ['444b1ae4d6e2ef50', '1e+21'],
  ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ['3eb0c6f7a0b5ed8d', '0.000001'],
  ['41b3de4355555553', '333333333.3333332'],
  ['41b3de4355555554', '333333333.33333325'],
  ['41b3de4355555555', '333333333.3333333'],
  ['41b3de4355555556', '333333333.3333334'],
  ['41b3de4355555557', '333333333.33333343'],
  ['becbf647612f3696', '-0.0000033333333333333333'],
  ['43143ff3c1cb0959', '1424953923781206.2'],
]

describe('canonicalJson numbers', () => {
  it.each(RFC_NUMBERS)('serializes the RFC 8785 sample %s as %s', (bits, text) => {
    expect(canonicalJson(fromBits(bits))).toBe(text)
  })

  it.each([
    ['1.0', '1'],
    ['1e21', '1e+21'],
    ['-0', '0'],
    ['1e-7', '1e-7'],
    ['1E30', '1e+30'],
    ['4.50', '4.5'],
    ['2e-3', '0.002'],
    ['0.000000000000000000000000001', '1e-27'],
    ['100', '100'],
  ])('reads %s from JSON and writes %s', (json, text) => {
    expect(canonicalJson(JSON.parse(json))).toBe(text)
  })

  it.each(['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000'])(
    'refuses the non-finite sample %s (NaN, ±Infinity)',
    (bits) => {
      expect(() => canonicalJson({ n: [fromBits(bits)] })).toThrow(CanonicalizationError)
      expect(() => canonicalJson({ n: [fromBits(bits)] })).toThrow('$.n[0]')
    },
  )
})

describe('canonicalJson structure and strings', () => {
  it('canonicalizes the RFC 8785 §3.2.2 example', () => {
    const input =
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
      ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}'
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    )
  })

  it('sorts keys by UTF-16 code units (the RFC 8785 §3.2.3 sorting sample)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    }
    // The emoji (a surrogate pair, 0xD83D…) sorts before U+FB33 although its code point is larger.
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    )
  })

  it('orders nested keys at every depth and keeps array order', () => {
    const input = JSON.parse(
      '{"1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0}, "10": { }, "": "empty", "a": { },' +
        ' "111": [ {"e": "yes","E": "no" } ], "A": { }}',
    )
    expect(canonicalJson(input)).toBe(
      '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"E":"no","e":"yes"}],"A":{},"a":{}}',
    )
    expect(canonicalJson([56, { d: true, '10': null, '1': [] }])).toBe('[56,{"1":[],"10":null,"d":true}]')
  })

  it('escapes only what JCS escapes and leaves other characters as UTF-8', () => {
    expect(canonicalJson('</script>\u007f\u2028é😂\t\u0001')).toBe('"</script>\u007f\u2028é😂\\t\\u0001"')
    expect(Buffer.from(canonicalBytes({ a: 'é' })).toString('hex')).toBe('7b2261223a22c3a9227d')
    // No Unicode normalization: "A" + combining ring stays two code points.
    expect(canonicalJson('A\u030a')).toBe('"A\u030a"')
  })

  it('round-trips: JSON.parse of the canonical text equals the input, and canonicalizes to itself', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value)
        const reparsed = JSON.parse(text)
        // -0 is written "0": compare with JSON's own equality of numbers.
        expect(reparsed).toEqual(JSON.parse(JSON.stringify(value)))
        expect(canonicalJson(reparsed)).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse())
        expect(canonicalJson(reversed)).toBe(canonicalJson(object))
      }),
      { numRuns: 200 },
    )
  })
})

describe('canonicalJson refusals', () => {
  it.each([
    ['NaN', { a: Number.NaN }, '$.a'],
    ['Infinity', { a: [1, Number.POSITIVE_INFINITY] }, '$.a[1]'],
    ['undefined in an object', { a: { b: undefined } }, '$.a.b'],
    ['undefined at the top', undefined, '$'],
    ['a hole in an array', { a: new Array(2) }, '$.a[0]'],
    ['a function', { 'odd key': () => 1 }, '$["odd key"]'],
    ['a bigint', { n: 10n }, '$.n'],
    ['a symbol', { s: Symbol('x') }, '$.s'],
    ['a lone high surrogate in a value', { s: 'a\ud800b' }, '$.s'],
    ['a lone low surrogate in a key', { ['\udc00']: 1 }, '$["\\udc00"]'],
    ['a Date (toJSON is not called)', { at: new Date(0) }, '$.at'],
    ['a Map', { m: new Map() }, '$.m'],
    ['a Buffer', { b: Buffer.from('x') }, '$.b'],
    ['a symbol key', { [Symbol('k')]: 1 }, '$'],
  ])('refuses %s, naming %s', (_what, value, path) => {
    let caught: unknown
    try {
      canonicalJson(value)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(TypeError)
    expect(caught).toBeInstanceOf(CanonicalizationError)
    expect((caught as CanonicalizationError).path).toBe(path)
    expect((caught as CanonicalizationError).code).toBe('NOT_CANONICALIZABLE')
  })

  it('refuses a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 }
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}')
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => canonicalJson(cyclic)).toThrow('$.self')
  })

  it('never calls toJSON: an object holding one is refused as a function', () => {
    let called = false
    const value = {
      toJSON: () => {
        called = true
        return 1
      },
    }
    expect(() => canonicalJson(value)).toThrow('$.toJSON')
    expect(called).toBe(false)
  })

  it('accepts objects without a prototype (as some parsers make them)', () => {
    const bare = Object.assign(Object.create(null), { b: 1, a: 2 })
    expect(canonicalJson(bare)).toBe('{"a":2,"b":1}')
  })
})

describe('eventLeafHash', () => {
  it('is the leaf hash of the canonical bytes, whatever the key order', () => {
    const event = { event_id: 'e1', event_data: { b: 1.0, a: 'x' } }
    const reordered = JSON.parse('{"event_data":{"a":"x","b":1},"event_id":"e1"}')
    expect(eventLeafHash(event)).toEqual(
      leafHash(Buffer.from('{"event_data":{"a":"x","b":1},"event_id":"e1"}')),
    )
    expect(eventLeafHash(reordered)).toEqual(eventLeafHash(event))
    expect(eventLeafHash({ ...event, event_id: 'e2' })).not.toEqual(eventLeafHash(event))
  })
})
