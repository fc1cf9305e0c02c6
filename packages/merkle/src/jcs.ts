import { CanonicalizationError } from './errors.js'

// A lone (unpaired) surrogate: with the `u` flag a well-formed pair is one code point, so only
// unpaired halves match the Surrogate category.
const LONE_SURROGATE = /\p{Cs}/u
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a parsed-JSON value: no whitespace, object
 * keys sorted by UTF-16 code units, numbers and strings serialized as ECMAScript's JSON.stringify
 * does (1.0 → `1`, 1e21 → `1e+21`, -0 → `0`). This text is what every leaf hash is taken over, so
 * it refuses, with a {@link CanonicalizationError} naming the path, anything whose hash would be
 * ambiguous: NaN and ±Infinity, `undefined` (JSON.stringify would drop it silently), functions,
 * symbols, bigints, lone surrogates (RFC 8785 §3.2.2.2), cycles, and objects that are not plain
 * (a Date, Map or Buffer would otherwise hash as `{}` or through a `toJSON` it must not call).
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = []
  write(value, '$', parts, new Set())
  return parts.join('')
}

/** {@link canonicalJson} as UTF-8 bytes: the input of `leafHash` for an event. */
export function canonicalBytes(value: unknown): Uint8Array {
  return Buffer.from(canonicalJson(value), 'utf8')
}

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
