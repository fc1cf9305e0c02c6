import type { FieldError } from '@audit-trail/datastorage-client'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findInexactNumbers, inexactNumber, mayHaveInexactNumbers } from '../src/http/exact-numbers.js'
import { validEvent } from './support/events.js'
import { sameDecimal } from './support/exact-decimal.js'

describe('inexactNumber', () => {
  // [literal, what JSON.parse then JSON.stringify make of it, stored exactly?]
  const table: Array<[string, string, boolean]> = [
    ['0', '0', true],
    ['-0', '0', true],
    ['-0.0e-5', '0', true],
    ['0e99999999999999999999', '0', true],
    ['1e2', '100', true],
    ['100.0', '100', true],
    ['1.00e2', '100', true],
    ['1E+2', '100', true],
    ['0.1', '0.1', true],
    ['-1.5E-3', '-0.0015', true],
    ['0.30000000000000004', '0.30000000000000004', true],
    ['1234567890123456', '1234567890123456', true],
    ['9007199254740991', '9007199254740991', true],
    ['9007199254740992', '9007199254740992', true],
    ['0.000000000000001', '1e-15', true],
    ['1e21', '1e+21', true],
    ['1.5e300', '1.5e+300', true],
    ['5e-324', '5e-324', true],
    ['1.7976931348623157e308', '1.7976931348623157e+308', true],
    ['123456789012345678901234567890e-10', '12345678901234567000', false],
    ['1e309', 'null', false],
    ['-1e309', 'null', false],
    ['1.7976931348623159e308', 'null', false],
    ['1e99999999999999999999', 'null', false],
    ['1e-400', '0', false],
    ['-1e-400', '0', false],
    ['2e-324', '0', false],
    ['1e-99999999999999999999', '0', false],
    ['123456789012345678901234567890', '1.2345678901234568e+29', false],
    ['9007199254740993', '9007199254740992', false],
    ['12345678901234567', '12345678901234568', false],
    ['123456789.123456789', '123456789.12345679', false],
    ['0.3000000000000000444', '0.30000000000000004', false],
    ['0.1000000000000000000000001', '0.1', false],
    ['4.9406564584124654e-324', '5e-324', false],
    [`1${'0'.repeat(400)}`, 'null', false],
    ['7'.repeat(1_000_000), 'null', false],
    [`0.${'0'.repeat(1_000_000)}1e1000001`, '1', true],
  ]

  const cases = table.map(([literal, becomes, exact]) => ({
    name: literal.length > 40 ? `${literal.slice(0, 12)}… (${literal.length} characters)` : literal,
    literal,
    becomes,
    exact,
  }))

  it.each(cases)('$name becomes $becomes (exact: $exact)', ({ literal, becomes, exact }) => {
    expect(JSON.stringify(JSON.parse(literal))).toBe(becomes)
    expect(sameDecimal(literal, becomes)).toBe(exact)
    expect(inexactNumber(literal)).toBe(exact ? undefined : becomes)
  })
})

describe('findInexactNumbers', () => {
  it('names each field of an event, at any depth, top-level fields included, with what the number becomes', () => {
    const text = `{
      "duration_ms": 9007199254740993,
      "event_data": {"metrics": {"count": 1e309, "ok": 1e2, "ratio": 0.1},
                     "items": [1, 2, {"tiny": 1e-400}], "a.b": 123456789012345678901234567890,
                     "note": "1e999 and \\"12345678901234567890\\" \\\\", "q\\"k": -1E400}
    }`
    expect(findInexactNumbers(text)).toEqual<FieldError[]>([
      {
        field: 'duration_ms',
        message: 'number 9007199254740993 cannot be stored exactly (it would become 9007199254740992)',
      },
      {
        field: 'event_data.metrics.count',
        message: 'number 1e309 cannot be stored exactly (it would become null)',
      },
      {
        field: 'event_data.items.2.tiny',
        message: 'number 1e-400 cannot be stored exactly (it would become 0)',
      },
      {
        field: 'event_data.a.b',
        message:
          'number 123456789012345678901234567890 cannot be stored exactly (it would become 1.2345678901234568e+29)',
      },
      { field: 'event_data.q"k', message: 'number -1E400 cannot be stored exactly (it would become null)' },
    ])
  })

  it('names the index of each event of a batch, and shortens a long literal', () => {
    const text = JSON.stringify([validEvent(), validEvent(), validEvent()])
      .replace(/"fp-1"/, '"fp-1","n":1e999')
      .replace(/}}]$/, `,"big":${'9'.repeat(100_000)}}}]`)
    expect(findInexactNumbers(text, { batch: true })).toEqual<FieldError[]>([
      {
        index: 0,
        field: 'event_data.n',
        message: 'number 1e999 cannot be stored exactly (it would become null)',
      },
      {
        index: 2,
        field: 'event_data.big',
        message: `number ${'9'.repeat(24)}… (100000 characters) cannot be stored exactly (it would become null)`,
      },
    ])
  })

  it('names a number where an event should be, and a number that is the whole body', () => {
    expect(findInexactNumbers('[{}, 1e400]', { batch: true })).toEqual([
      { index: 1, field: '(root)', message: 'number 1e400 cannot be stored exactly (it would become null)' },
    ])
    expect(findInexactNumbers(' 1e400 ')).toEqual([
      { field: '(root)', message: 'number 1e400 cannot be stored exactly (it would become null)' },
    ])
  })

  it('lists at most maxPerEvent numbers of one event and counts the rest', () => {
    const event = `{"event_data":{"xs":[${Array(13).fill('1e999').join(',')}]}}`
    const errors = findInexactNumbers(`[${event},{"y":1e-999},${event}]`, { batch: true, maxPerEvent: 4 })
    expect(errors.map((e) => [e.index, e.field])).toEqual([
      [0, 'event_data.xs.0'],
      [0, 'event_data.xs.1'],
      [0, 'event_data.xs.2'],
      [0, 'event_data.xs.3'],
      [0, '(root)'],
      [1, 'y'],
      [2, 'event_data.xs.0'],
      [2, 'event_data.xs.1'],
      [2, 'event_data.xs.2'],
      [2, 'event_data.xs.3'],
      [2, '(root)'],
    ])
    expect(errors[4]?.message).toBe('9 more numbers cannot be stored exactly')
  })

  it('takes the fast path on a batch of ordinary events: UUIDs, timestamps, hex and small numbers', () => {
    const events = Array.from({ length: 5000 }, (_, i) =>
      validEvent({
        event_id: `01890a5d-ac96-7${String(i).padStart(3, '0')}-8cce-b302099a8e1e`,
        duration_ms: i,
        event_data: {
          signal_name: 'HighMemory',
          fingerprint: `e1e2e3e4${i.toString(16)}e5e6`,
          value: i / 8,
          ratio: 0.25,
          count: 123456789012345,
          at: Date.now(),
        },
      }),
    )
    const text = JSON.stringify(events)
    expect(mayHaveInexactNumbers(text)).toBe(false)
    expect(findInexactNumbers(text, { batch: true })).toEqual([])
  })

  it('finds a 16-digit literal at every position, also right after a long run of digits', () => {
    for (let pad = 0; pad < 48; pad++) {
      const alone = `{"a":${' '.repeat(pad)}-9007199254740993}`
      const afterRun = `{"id":"${'1'.repeat(40)}",${' '.repeat(pad)}"b":[9007199254740993]}`
      expect(mayHaveInexactNumbers(alone), alone).toBe(true)
      expect(mayHaveInexactNumbers(afterRun), afterRun).toBe(true)
      expect(findInexactNumbers(afterRun)).toEqual([
        {
          field: 'b.0',
          message: 'number 9007199254740993 cannot be stored exactly (it would become 9007199254740992)',
        },
      ])
    }
  })

  it('looks at a long run of digits and dots once (a quadratic scan would not end)', () => {
    const text = JSON.stringify({ id: '1.'.repeat(1_000_000), n: 1.5 })
    expect(mayHaveInexactNumbers(text)).toBe(false)
    expect(findInexactNumbers(`${text.slice(0, -1)},"m":1e-999}`)).toEqual([
      { field: 'm', message: 'number 1e-999 cannot be stored exactly (it would become 0)' },
    ])
  })

  it('finds nothing where the suspects are in strings or the numbers round-trip', () => {
    const text = JSON.stringify({
      a: 'x:1e999',
      b: '12345678901234567890',
      c: 0.1 + 0.2,
      d: 1e300,
      e: -5e-324,
    })
    expect(mayHaveInexactNumbers(text)).toBe(true)
    expect(findInexactNumbers(text)).toEqual([])
  })
})

// A JSON document with its number literals as written, to compare the verdict with the oracle.
type Node =
  | { kind: 'number'; literal: string }
  | { kind: 'string'; value: string }
  | { kind: 'atom'; text: 'true' | 'false' | 'null' }
  | { kind: 'array'; items: Node[] }
  | { kind: 'object'; entries: Array<[string, Node]> }

const digits = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength })

/** Random literals, weighted toward the edges: 15-17 digits, exponents near ±308 and ±324, doubles' own text. */
const numberLiteral: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.oneof(
          fc.constant('0'),
          fc.tuple(fc.constantFrom(...'123456789'), digits(0, 24)).map(([a, b]) => a + b),
        ),
        fc.option(digits(1, 24), { nil: '' }),
        fc.option(
          fc.tuple(
            fc.constantFrom('e', 'E'),
            fc.constantFrom('', '+', '-'),
            fc.oneof(digits(1, 2), fc.integer({ min: 280, max: 345 }).map(String), digits(3, 4)),
          ),
          { nil: undefined },
        ),
      )
      .map(([sign, int, frac, exp]) => `${sign}${int}${frac ? `.${frac}` : ''}${exp ? exp.join('') : ''}`),
  },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '9007199254740993',
      '1e309',
      '1e-400',
      '2.4703282292062327e-324',
      '2.4703282292062328e-324',
      '1.7976931348623158e308',
      '0.1e1',
      '-0',
    ),
  },
)

/** Strings that look like numbers, and quotes and backslashes that must not end them early. */
const stringValue = fc.oneof(
  fc.string(),
  fc.constantFrom('x:1e999', ',1e-999', '12345678901234567890', '\\', '"', '\\"', '[1e400]'),
)

const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: numberLiteral.map((literal) => ({ kind: 'number' as const, literal })) },
    { weight: 1, arbitrary: stringValue.map((value) => ({ kind: 'string' as const, value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('true', 'false', 'null').map((text) => ({ kind: 'atom' as const, text })),
    },
    {
      weight: 1,
      arbitrary: fc.array(tie('node'), { maxLength: 4 }).map((items) => ({ kind: 'array' as const, items })),
    },
    {
      weight: 2,
      arbitrary: fc
        .uniqueArray(fc.tuple(fc.oneof(stringValue, fc.constantFrom('a.b', 'event_data')), tie('node')), {
          maxLength: 4,
          selector: ([key]) => key,
        })
        .map((entries) => ({ kind: 'object' as const, entries })),
    },
  ),
}))

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), maxLength: 2 })

/** Writes the document with the whitespace drawn, one piece per token gap. */
function render(root: Node, gaps: string[]): string {
  let g = 0
  const ws = () => gaps[g++ % gaps.length] ?? ''
  const write = (n: Node): string => {
    switch (n.kind) {
      case 'number':
        return n.literal
      case 'string':
        return JSON.stringify(n.value)
      case 'atom':
        return n.text
      case 'array':
        return `[${ws()}${n.items.map((item) => `${write(item)}${ws()}`).join(`,${ws()}`)}]`
      case 'object':
        return `{${ws()}${n.entries.map(([k, v]) => `${JSON.stringify(k)}${ws()}:${ws()}${write(v)}${ws()}`).join(`,${ws()}`)}}`
    }
  }
  return `${ws()}${write(root)}${ws()}`
}

/** What the oracle expects: each literal whose parsed-then-stringified value is another decimal. */
function expected(
  root: Node,
  parsed: unknown,
  batch: boolean,
): Array<{ index?: number; field: string; literal: string; becomes: string }> {
  const out: Array<{ index?: number; field: string; literal: string; becomes: string }> = []
  const walk = (n: Node, value: unknown, path: string[]) => {
    if (n.kind === 'number') {
      const becomes = JSON.stringify(value)
      if (sameDecimal(n.literal, becomes)) return
      const [first, ...rest] = path
      const within = batch ? rest : path
      const field = within.length === 0 ? '(root)' : within.join('.')
      out.push({
        ...(batch && first !== undefined ? { index: Number(first) } : {}),
        field,
        literal: n.literal,
        becomes,
      })
    } else if (n.kind === 'array') {
      n.items.forEach((item, i) => {
        walk(item, (value as unknown[])[i], [...path, String(i)])
      })
    } else if (n.kind === 'object') {
      for (const [k, v] of n.entries) walk(v, (value as Record<string, unknown>)[k], [...path, k])
    }
  }
  walk(root, parsed, [])
  return out
}

describe('findInexactNumbers against JSON.parse then JSON.stringify', () => {
  it('reports exactly the literals whose stored value is another decimal, by field and event', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          node.map((root) => ({ root, batch: false })),
          fc.array(node, { minLength: 1, maxLength: 4 }).map((items) => ({
            root: { kind: 'array', items } as Node,
            batch: true,
          })),
        ),
        fc.array(whitespace, { minLength: 1, maxLength: 8 }),
        ({ root, batch }, gaps) => {
          const text = render(root, gaps)
          const want = expected(root, JSON.parse(text), batch)
          const got = findInexactNumbers(text, { batch, maxPerEvent: Number.POSITIVE_INFINITY })
          expect(got.map(({ index, field }) => ({ index, field }))).toEqual(
            want.map(({ index, field }) => ({ index, field })),
          )
          got.forEach((error, i) => {
            const { literal, becomes } = want[i]!
            expect(error.message.startsWith(`number ${literal.slice(0, 24)}`)).toBe(true)
            expect(error.message.endsWith(`cannot be stored exactly (it would become ${becomes})`)).toBe(true)
          })
          if (!mayHaveInexactNumbers(text)) expect(want).toEqual([])
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('judges single literals as the oracle does', () => {
    fc.assert(
      fc.property(numberLiteral, (literal) => {
        const becomes = JSON.stringify(JSON.parse(literal))
        expect(inexactNumber(literal)).toBe(sameDecimal(literal, becomes) ? undefined : becomes)
      }),
      { numRuns: 20_000 },
    )
  })
})
