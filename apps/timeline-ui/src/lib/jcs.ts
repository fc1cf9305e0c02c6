/** A value that cannot be canonicalized (not parsed JSON); `path` names where, e.g. `$.event_data.n`. */
export class CanonicalizationError extends Error {
  override readonly name = 'CanonicalizationError'
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`)
  }
}

const LONE_SURROGATE = /\p{Cs}/u
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a parsed-JSON value, exactly as the service
 * computes it for a leaf (packages/merkle's jcs.ts, which uses node APIs and so is not imported
 * here): no whitespace, keys sorted by UTF-16 code units, numbers and strings as ECMAScript's
 * JSON.stringify writes them. Refuses what would make the hash ambiguous (non-finite numbers,
 * undefined, lone surrogates, cycles, objects that are not plain) with a {@link CanonicalizationError}.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = []
  write(value, '$', out, new Set())
  return out.join('')
}

/** {@link canonicalJson} as UTF-8 bytes: what a leaf hash is taken over. */
export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(value))
}

function write(value: unknown, path: string, out: string[], open: Set<object>): void {
  switch (typeof value) {
    case 'string':
      out.push(quote(value, path))
      return
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalizationError(path, `${value} is not a JSON number`)
      out.push(JSON.stringify(value))
      return
    case 'boolean':
      out.push(value ? 'true' : 'false')
      return
    case 'object': {
      if (value === null) {
        out.push('null')
        return
      }
      if (open.has(value)) throw new CanonicalizationError(path, 'cyclic reference')
      open.add(value)
      if (Array.isArray(value)) {
        out.push('[')
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out.push(',')
          write(value[i], `${path}[${i}]`, out, open)
        }
        out.push(']')
      } else {
        writeObject(value, path, out, open)
      }
      open.delete(value)
      return
    }
    default:
      throw new CanonicalizationError(path, `a ${typeof value} is not a JSON value`)
  }
}

function writeObject(object: object, path: string, out: string[], open: Set<object>): void {
  const proto = Object.getPrototypeOf(object)
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalizationError(path, 'not a plain object')
  }
  const record = object as Record<string, unknown>
  // sort() without a comparator orders by UTF-16 code units (RFC 8785 §3.2.3).
  const keys = Object.keys(record).sort()
  out.push('{')
  keys.forEach((key, i) => {
    const child = IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
    if (i > 0) out.push(',')
    out.push(quote(key, child), ':')
    write(record[key], child, out, open)
  })
  out.push('}')
}

function quote(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) throw new CanonicalizationError(path, 'string holds a lone surrogate')
  return JSON.stringify(text)
}
