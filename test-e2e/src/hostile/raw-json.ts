/**
 * JSON values whose numbers are kept as the literal text written: the hostile-input test writes
 * request bodies from them (so `1e2`, `100.000` or `-0` reach the service exactly as chosen) and
 * reads PostgreSQL's and the API's JSON back with {@link parseRawJson}, so no number is compared
 * after a round trip through a double.
 */

/** A JSON value with its number literals as text. */
export type Raw =
  | { t: 'num'; text: string }
  | { t: 'str'; value: string; escape?: StringEscape }
  | { t: 'bool'; value: boolean }
  | { t: 'null' }
  | { t: 'arr'; items: Raw[] }
  | { t: 'obj'; entries: Array<[key: string, value: Raw]>; keyEscape?: StringEscape }

/**
 * How a string is written: `plain` as `JSON.stringify` writes it, `ascii` with every non-ASCII
 * UTF-16 unit as `\uXXXX` (surrogate pairs as two escapes), `all` with every character escaped
 * (`\/` and `\uXXXX`, the short escapes where JSON has one).
 */
export type StringEscape = 'plain' | 'ascii' | 'all'

export const num = (text: string): Raw => ({ t: 'num', text })
export const str = (value: string, how: StringEscape = 'plain'): Raw => ({ t: 'str', value, escape: how })
export const obj = (entries: Array<[string, Raw]>): Raw => ({ t: 'obj', entries })

const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}

const hex4 = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`

/**
 * A string literal. Lone surrogates are written as escapes (a raw one cannot be encoded as UTF-8):
 * that is how a sender puts one into JSON text.
 */
export function writeString(value: string, how: StringEscape = 'plain'): string {
  if (how === 'plain') {
    // JSON.stringify escapes lone surrogates (well-formed JSON.stringify) and control characters.
    return JSON.stringify(value)
  }
  let out = '"'
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!
    const unit = value.charCodeAt(i)
    if (how === 'all') {
      if (ch === '/') out += '\\/'
      else out += SHORT[ch] ?? hex4(unit)
    } else if (SHORT[ch] !== undefined) out += SHORT[ch]
    else if (unit < 0x20 || unit > 0x7e) out += hex4(unit)
    else out += ch
  }
  return `${out}"`
}

/** Options of {@link writeRaw}. */
export interface WriteOptions {
  /** Whitespace written around structural characters, chosen per position (JSON allows space, TAB, LF, CR). */
  ws?: () => string
}

/** The JSON text of a value. */
export function writeRaw(value: Raw, options: WriteOptions = {}): string {
  const ws = options.ws ?? (() => '')
  const write = (v: Raw): string => {
    switch (v.t) {
      case 'num':
        return v.text
      case 'str':
        return writeString(v.value, v.escape)
      case 'bool':
        return v.value ? 'true' : 'false'
      case 'null':
        return 'null'
      case 'arr':
        return `[${ws()}${v.items.map((item) => write(item)).join(`${ws()},${ws()}`)}${ws()}]`
      case 'obj':
        return `{${ws()}${v.entries
          .map(([k, item]) => `${writeString(k, v.keyEscape)}${ws()}:${ws()}${write(item)}`)
          .join(`${ws()},${ws()}`)}${ws()}}`
    }
  }
  return write(value)
}

/**
 * Parses JSON text keeping every number literal's text (`{ t: 'num', text }`) and every object's
 * entries in order, duplicates included.
 *
 * @throws SyntaxError on text that is not JSON.
 */
export function parseRawJson(text: string): Raw {
  let i = 0
  const fail = (what: string): never => {
    throw new SyntaxError(`parseRawJson: ${what} at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`)
  }
  const skip = () => {
    for (;;) {
      const c = text.charCodeAt(i)
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++
      else return
    }
  }
  const stringAt = (): string => {
    if (text[i] !== '"') fail('a string expected')
    const end = findStringEnd(text, i)
    if (end < 0) fail('unterminated string')
    const literal = text.slice(i, end + 1)
    i = end + 1
    return JSON.parse(literal) as string
  }
  const value = (): Raw => {
    skip()
    const c = text[i]
    if (c === '{') {
      i++
      const entries: Array<[string, Raw]> = []
      skip()
      if (text[i] === '}') {
        i++
        return { t: 'obj', entries }
      }
      for (;;) {
        skip()
        const key = stringAt()
        skip()
        if (text[i] !== ':') fail('":" expected')
        i++
        entries.push([key, value()])
        skip()
        if (text[i] === ',') i++
        else if (text[i] === '}') {
          i++
          return { t: 'obj', entries }
        } else fail('"," or "}" expected')
      }
    }
    if (c === '[') {
      i++
      const items: Raw[] = []
      skip()
      if (text[i] === ']') {
        i++
        return { t: 'arr', items }
      }
      for (;;) {
        items.push(value())
        skip()
        if (text[i] === ',') i++
        else if (text[i] === ']') {
          i++
          return { t: 'arr', items }
        } else fail('"," or "]" expected')
      }
    }
    if (c === '"') return { t: 'str', value: stringAt() }
    if (text.startsWith('true', i)) {
      i += 4
      return { t: 'bool', value: true }
    }
    if (text.startsWith('false', i)) {
      i += 5
      return { t: 'bool', value: false }
    }
    if (text.startsWith('null', i)) {
      i += 4
      return { t: 'null' }
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
    m.lastIndex = i
    const found = m.exec(text)
    if (!found || found[0] === '' || found[0] === '-') fail('a value expected')
    i += found![0].length
    return { t: 'num', text: found![0] }
  }
  const result = value()
  skip()
  if (i !== text.length) fail('end of text expected')
  return result
}

/** Index of the quote closing the string literal whose opening quote is at `start`; -1 if none. */
function findStringEnd(text: string, start: number): number {
  let close = text.indexOf('"', start + 1)
  for (;;) {
    if (close < 0) return -1
    let b = close - 1
    while (text.charCodeAt(b) === 0x5c) b--
    if ((close - b) % 2 === 1) return close
    close = text.indexOf('"', close + 1)
  }
}

/** The value as `JSON.parse` would make it (numbers become doubles): for sizes and checks, not for comparing. */
export function toPlain(value: Raw): unknown {
  switch (value.t) {
    case 'num':
      return Number(value.text)
    case 'str':
    case 'bool':
      return value.value
    case 'null':
      return null
    case 'arr':
      return value.items.map(toPlain)
    case 'obj': {
      const out: Record<string, unknown> = {}
      for (const [k, v] of value.entries)
        Object.defineProperty(out, k, {
          value: toPlain(v),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      return out
    }
  }
}
