import { CanonicalizationError } from './errors.js'

// A lone (unpaired) surrogate: with the `u` flag a well-formed pair is one code point, so only
// unpaired halves match the Surrogate category.
const LONE_SURROGATE = /\p{Cs}/u
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
// A character that JSON.stringify escapes (`"`, `\`, C0 controls) or a surrogate half (paired or
// not). A string without one is its own JSON text between quotes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const NEEDS_CARE = /["\\\u0000-\u001f\ud800-\udfff]/
// Past this depth the fast writer hands over to the checked one, which detects cycles.
const FAST_DEPTH = 1000

/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a parsed-JSON value: no whitespace, object
 * keys sorted by UTF-16 code units, numbers and strings serialized as ECMAScript's JSON.stringify
 * does (1.0 → `1`, 1e21 → `1e+21`, -0 → `0`). This text is what every leaf hash is taken over, so
 * it refuses, with a {@link CanonicalizationError} naming the path, anything whose hash would be
 * ambiguous: NaN and ±Infinity, `undefined` (JSON.stringify would drop it silently), functions,
 * symbols, bigints, lone surrogates (RFC 8785 §3.2.2.2), cycles, and objects that are not plain
 * (a Date, Map or Buffer would otherwise hash as `{}` or through a `toJSON` it must not call).
 *
 * Two writers, one text: a fast one (string concatenation, no path bookkeeping, a depth bound
 * instead of a set of open objects; the sequencer's leaf hashing spends most of its time here,
 * issue 14) and, only when the fast one meets something it would refuse or a very deep value, the
 * checked one, which writes the same text or throws the error with its path.
 */
export function canonicalJson(value: unknown): string {
  try {
    return fast(value, 0)
  } catch (error) {
    if (error !== HAND_OVER) throw error
  }
  const parts: string[] = []
  write(value, '$', parts, new Set())
  return parts.join('')
}

/** {@link canonicalJson} as UTF-8 bytes: the input of `leafHash` for an event. */
export function canonicalBytes(value: unknown): Uint8Array {
  return Buffer.from(canonicalJson(value), 'utf8')
}

/**
 * The RFC 8785 text of a string (a JSON string literal), for callers that assemble an object of
 * known, pre-sorted keys themselves; a lone surrogate throws a {@link CanonicalizationError} at `$`.
 */
export function canonicalString(text: string): string {
  if (!NEEDS_CARE.test(text)) return `"${text}"`
  return quote(text, '$')
}

/** Thrown by the fast writer, never out of this module: "let the checked writer do this value". */
const HAND_OVER: unique symbol = Symbol('hand over to the checked writer')

function fast(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      if (!NEEDS_CARE.test(value)) return `"${value}"`
      if (!isWellFormed(value)) throw HAND_OVER
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw HAND_OVER
      // Number::toString, as JSON.stringify writes numbers (-0 as "0").
      return String(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object': {
      if (value === null) return 'null'
      if (depth >= FAST_DEPTH) throw HAND_OVER
      if (Array.isArray(value)) {
        let out = '['
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ','
          out += fast(value[i], depth + 1)
        }
        return `${out}]`
      }
      const proto = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== null) throw HAND_OVER
      if (Object.getOwnPropertySymbols(value).length > 0) throw HAND_OVER
      const keys = Object.keys(value).sort()
      const record = value as Record<string, unknown>
      let out = '{'
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!
        if (i > 0) out += ','
        out += fast(key, depth)
        out += ':'
        out += fast(record[key], depth + 1)
      }
      return `${out}}`
    }
    default:
      throw HAND_OVER
  }
}

// String.prototype.isWellFormed (ES2024, in every Node this package supports) is not in the ES2023
// lib the package compiles against.
const isWellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed()

function write(value: unknown, path: string, out: string[], open: Set<object>): void {
  switch (typeof value) {
    case 'string':
      out.push(quote(value, path))
      return
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalizationError(path, `${value} is not a JSON number`)
      // ECMAScript Number::toString, which RFC 8785 §3.2.2.3 adopts; JSON.stringify maps -0 to "0".
      out.push(JSON.stringify(value))
      return
    case 'boolean':
      out.push(value ? 'true' : 'false')
      return
    case 'object':
      if (value === null) {
        out.push('null')
        return
      }
      if (open.has(value)) throw new CanonicalizationError(path, 'cyclic reference')
      open.add(value)
      if (Array.isArray(value)) writeArray(value, path, out, open)
      else writeObject(value, path, out, open)
      open.delete(value)
      return
    default:
      // undefined, function, bigint, symbol.
      throw new CanonicalizationError(path, `a ${typeof value} is not a JSON value`)
  }
}

function writeArray(array: readonly unknown[], path: string, out: string[], open: Set<object>): void {
  out.push('[')
  for (let i = 0; i < array.length; i++) {
    if (i > 0) out.push(',')
    // A hole reads as undefined and is refused like one.
    write(array[i], `${path}[${i}]`, out, open)
  }
  out.push(']')
}

function writeObject(object: object, path: string, out: string[], open: Set<object>): void {
  const proto = Object.getPrototypeOf(object)
  if (proto !== Object.prototype && proto !== null) {
    const kind = (proto as { constructor?: { name?: unknown } }).constructor?.name
    throw new CanonicalizationError(
      path,
      `a ${typeof kind === 'string' ? kind : 'non-plain object'} is not parsed JSON`,
    )
  }
  if (Object.getOwnPropertySymbols(object).length > 0) {
    throw new CanonicalizationError(path, 'symbol keys are not JSON')
  }
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units (RFC 8785 §3.2.3).
  const keys = Object.keys(object).sort()
  const record = object as Record<string, unknown>
  out.push('{')
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const childPath = IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
    if (i > 0) out.push(',')
    out.push(quote(key, childPath))
    out.push(':')
    write(record[key], childPath, out, open)
  }
  out.push('}')
}

function quote(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) throw new CanonicalizationError(path, 'string holds a lone surrogate')
  // ECMAScript QuoteJSONString: escapes `"`, `\` and C0 controls (\b \t \n \f \r, else \u00xx in
  // lowercase), nothing else; RFC 8785 §3.2.2.2 prescribes exactly that.
  return JSON.stringify(text)
}
