/**
 * Raw JSON text of values inside a response body, so that an event can be kept exactly as the
 * service sent it (its numbers as written, not as JavaScript would write them again). The body is
 * also parsed with JSON.parse by the caller, which is what rejects malformed JSON: this scanner only
 * finds boundaries and assumes well-formed input.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])

function skipWhitespace(text: string, at: number): number {
  let i = at
  while (i < text.length && WHITESPACE.has(text[i]!)) i++
  return i
}

/** The index just past the string starting at `at` (which is a `"`). */
function endOfString(text: string, at: number): number {
  let i = at + 1
  while (i < text.length) {
    const c = text[i]
    if (c === '\\') i += 2
    else if (c === '"') return i + 1
    else i++
  }
  throw new SyntaxError('unterminated string in JSON text')
}

/** The index just past the value starting at `at`. */
function endOfValue(text: string, at: number): number {
  const c = text[at]
  if (c === '"') return endOfString(text, at)
  if (c === '{' || c === '[') {
    let depth = 0
    let i = at
    while (i < text.length) {
      const ch = text[i]
      if (ch === '"') {
        i = endOfString(text, i)
        continue
      }
      if (ch === '{' || ch === '[') depth++
      else if (ch === '}' || ch === ']') {
        depth--
        if (depth === 0) return i + 1
      }
      i++
    }
    throw new SyntaxError('unterminated object or array in JSON text')
  }
  // Number or literal: up to the next delimiter.
  let i = at
  while (
    i < text.length &&
    !WHITESPACE.has(text[i]!) &&
    text[i] !== ',' &&
    text[i] !== '}' &&
    text[i] !== ']'
  )
    i++
  if (i === at) throw new SyntaxError(`unexpected ${JSON.stringify(text[at] ?? 'end')} in JSON text`)
  return i
}

/**
 * The texts of the elements of the array under the top-level key `key` of the JSON object `body`,
 * each as it appears in the body. Throws a SyntaxError when the body is not an object holding such
 * an array.
 */
export function arrayElementTexts(body: string, key: string): string[] {
  let i = skipWhitespace(body, 0)
  if (body[i] !== '{') throw new SyntaxError('JSON text is not an object')
  i = skipWhitespace(body, i + 1)
  while (i < body.length && body[i] !== '}') {
    const keyEnd = endOfString(body, i)
    const name = JSON.parse(body.slice(i, keyEnd)) as string
    i = skipWhitespace(body, keyEnd)
    if (body[i] !== ':') throw new SyntaxError('expected ":" in JSON object')
    i = skipWhitespace(body, i + 1)
    const valueEnd = endOfValue(body, i)
    if (name === key) {
      if (body[i] !== '[') throw new SyntaxError(`"${key}" is not an array`)
      return elements(body, i, valueEnd)
    }
    i = skipWhitespace(body, valueEnd)
    if (body[i] === ',') i = skipWhitespace(body, i + 1)
  }
  throw new SyntaxError(`JSON object has no "${key}"`)
}

function elements(body: string, open: number, close: number): string[] {
  const texts: string[] = []
  let i = skipWhitespace(body, open + 1)
  while (i < close - 1) {
    const end = endOfValue(body, i)
    texts.push(body.slice(i, end))
    i = skipWhitespace(body, end)
    if (body[i] === ',') i = skipWhitespace(body, i + 1)
  }
  return texts
}

/**
 * `text` without the whitespace between its tokens (strings, numbers and literals untouched), so a
 * value fits on one line of an NDJSON file whatever layout the service used.
 */
export function compactJson(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|[ \t\n\r]+/g, (match) => (match[0] === '"' ? match : ''))
}
