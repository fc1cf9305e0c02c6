import type { FieldError } from '@audit-trail/datastorage-client'

/**
 * Exact numbers: an audit record is evidence, so every number of an event is stored with the
 * decimal value its sender wrote, or the event is refused with the field named.
 *
 * The body is parsed with `JSON.parse` (IEEE doubles) and stored with `JSON.stringify` into jsonb,
 * which keeps numbers as exact numerics: a literal loses nothing iff the text `JSON.stringify`
 * writes for the double `JSON.parse` reads denotes the same decimal value (`1e2` may come back as
 * `100`, `0.1` as `0.1`, `-0` as `0`). `1e309` would become `null`, `1e-400` `0`,
 * `123456789012345678901234567890` `1.2345678901234568e+29` and `9007199254740993`
 * `9007199254740992`: such literals are reported here. Node 20's `JSON.parse` gives no access to
 * the source text of a number, so the check reads the request text itself.
 */

const ZERO = 48

/*
 * The fast path. A literal that may lose its value has an exponent or 16 or more digits: one of at
 * most 15 digits without exponent lies within 1e-15..1e15 and round-trips, since doubles hold 15
 * significant decimal digits. So the text's suspects are
 *   - the runs of 16 or more digits and dots (found by looking at every 16th character only),
 *   - the literals with an exponent, which follow `:`, `,` or `[` and JSON whitespace,
 *   - a number that is the whole text;
 * each is judged by itself. Suspects in strings (`"id": "a:1e999"`) may be judged too: that only
 * costs the full walk, which knows strings from numbers.
 */
const EXPONENT_LITERAL = /[:,[][ \t\n\r]*(-?\d+(?:\.\d+)?[eE][+-]?\d+)/g
const NUMBER_LITERAL = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/
const RUN = 16

function isDigitOrDot(c: number): boolean {
  return (c >= ZERO && c <= ZERO + 9) || c === 46
}

function isNumberChar(c: number): boolean {
  return isDigitOrDot(c) || c === 101 || c === 69 || c === 43 || c === 45 // e E + -
}

/**
 * Whether the suspect run `[start, end)` with what follows it (an exponent) is a number literal
 * that is not stored exactly (the sign changes nothing to that).
 */
function inexactAround(text: string, start: number, end: number): boolean {
  let to = end
  while (to < text.length && isNumberChar(text.charCodeAt(to))) to++
  const literal = text.slice(start, to)
  return NUMBER_LITERAL.test(literal) && inexactNumber(literal) !== undefined
}

/**
 * Whether `text` (valid JSON) may hold a number literal that cannot be stored exactly; `false`
 * settles it: every literal of the text is stored with its value. Costs a fraction of
 * `JSON.parse` of the same text. `true` calls for {@link findInexactNumbers}.
 */
export function mayHaveInexactNumbers(text: string): boolean {
  const n = text.length
  const root = text.trimStart().charCodeAt(0)
  if (root === 45 || (root >= ZERO && root <= ZERO + 9)) return inexactNumber(text.trim()) !== undefined
  for (let i = RUN - 1; i < n; i += RUN) {
    if (!isDigitOrDot(text.charCodeAt(i))) continue
    let start = i
    while (start > 0 && isDigitOrDot(text.charCodeAt(start - 1))) start--
    let end = i + 1
    while (end < n && isDigitOrDot(text.charCodeAt(end))) end++
    if (end - start >= RUN && inexactAround(text, start, end)) return true
    while (i + RUN < end) i += RUN
  }
  EXPONENT_LITERAL.lastIndex = 0
  for (let m = EXPONENT_LITERAL.exec(text); m !== null; m = EXPONENT_LITERAL.exec(text)) {
    if (inexactNumber(m[1]!) !== undefined) return true
  }
  return false
}

/** A number as sign, significant digits (no leading or trailing zero) and the exponent of the first one. */
interface Decimal {
  negative: boolean
  /** `''` for zero. */
  digits: string
  /** Value = 0.`digits` × 10^(exponent + 1), i.e. the first digit's power of ten. */
  exponent: number
}

const DIGITS_OF_A_DOUBLE = 17

/**
 * Reads a JSON number literal (or `JSON.stringify`'s text of a finite double) as a {@link Decimal};
 * `undefined` when its exponent is out of any double's reach (more than 15 digits) and it is not 0.
 */
function decimalOf(literal: string): Decimal | undefined {
  let i = 0
  const negative = literal.charCodeAt(0) === 45 // '-'
  if (negative) i = 1
  const end = literal.length
  let e = literal.indexOf('e', i)
  if (e < 0) e = literal.indexOf('E', i)
  const mantissaEnd = e < 0 ? end : e
  const dot = literal.indexOf('.', i)
  const pointAt = dot < 0 || dot > mantissaEnd ? mantissaEnd : dot
  // First and last non-zero digit of the mantissa, skipping the point.
  let first = -1
  for (let k = i; k < mantissaEnd; k++) {
    const c = literal.charCodeAt(k)
    if (c > ZERO && c <= ZERO + 9) {
      first = k
      break
    }
  }
  if (first < 0) return { negative, digits: '', exponent: 0 }
  let last = mantissaEnd - 1
  for (; last > first; last--) {
    const c = literal.charCodeAt(last)
    if (c > ZERO && c <= ZERO + 9) break
  }
  const digits =
    first < pointAt && last > pointAt
      ? literal.slice(first, pointAt) + literal.slice(pointAt + 1, last + 1)
      : literal.slice(first, last + 1)
  // The power of ten of the first significant digit, before the literal's own exponent.
  let exponent = first < pointAt ? pointAt - first - 1 : pointAt - first
  if (e >= 0) {
    let k = e + 1
    const sign = literal.charCodeAt(k)
    const expNegative = sign === 45
    if (sign === 45 || sign === 43) k++
    while (k < end - 1 && literal.charCodeAt(k) === ZERO) k++
    if (end - k > 15) return undefined
    const value = Number(literal.slice(k, end))
    exponent += expNegative ? -value : value
  }
  return { negative, digits, exponent }
}

/**
 * What storing the number literal would make of it — the text `JSON.stringify(JSON.parse(literal))`
 * (`null` for a literal beyond the largest double) — when that is not the same decimal value;
 * `undefined` when the literal is stored exactly. `literal` must be a valid JSON number.
 *
 * @example
 * inexactNumber('1e2') // undefined: stored as 100
 * inexactNumber('1e309') // 'null'
 * inexactNumber('9007199254740993') // '9007199254740992'
 */
export function inexactNumber(literal: string): string | undefined {
  // Up to 15 digits without exponent: always exact (see the fast path).
  if (literal.length <= 15 && !/[eE]/.test(literal)) return undefined
  const parsed = Number(literal)
  if (!Number.isFinite(parsed)) return 'null'
  const stored = String(parsed) // JSON.stringify of a finite number, -0 as 0 included
  if (stored === literal) return undefined // what a JavaScript client's JSON.stringify wrote
  const sent = decimalOf(literal)
  if (sent === undefined) return stored
  if (sent.digits === '') return undefined // 0, -0, 0.000e99: JSON.parse reads them all as (-)0
  if (sent.digits.length > DIGITS_OF_A_DOUBLE) return stored
  const back = decimalOf(stored)!
  return back.negative === sent.negative && back.digits === sent.digits && back.exponent === sent.exponent
    ? undefined
    : stored
}

/** Options of {@link findInexactNumbers}. */
export interface FindInexactNumbersOptions {
  /** The text is a batch: a JSON array whose items are events, reported by `index`. */
  batch?: boolean
  /** Most errors listed per event; the rest are counted in one more error. Default 10. */
  maxPerEvent?: number
}

/** How a literal is shown in a message: long ones are cut, with their length. */
function shown(literal: string): string {
  return literal.length <= 40 ? literal : `${literal.slice(0, 24)}… (${literal.length} characters)`
}

interface Frame {
  array: boolean
  /** Array: the current item's index. */
  index: number
  /** Object: the current key's quoted text, as `[start, end)` of the text. */
  keyStart: number
  keyEnd: number
}

const QUOTE = 34
const BACKSLASH = 92

/**
 * Walks JSON `text` (already known to be valid JSON, e.g. `JSON.parse` accepted it) and reports every
 * number literal that cannot be stored exactly (see {@link inexactNumber}), by field: the dotted path
 * within the event (`event_data.metrics.count`, `duration_ms`, array items by position
 * `event_data.items.2`, `(root)` for the event itself) and, for a batch, the event's `index`. The
 * message names the literal and what it would become. Fields appear in text order.
 *
 * Cheap to call on most bodies: unless {@link mayHaveInexactNumbers} finds a number it would
 * report, nothing is walked.
 */
export function findInexactNumbers(text: string, options: FindInexactNumbersOptions = {}): FieldError[] {
  if (!mayHaveInexactNumbers(text)) return []
  const { batch = false, maxPerEvent = 10 } = options
  const errors: FieldError[] = []
  /** The path starts below this depth: the event is the root, or the batch's items. */
  const eventDepth = batch ? 1 : 0
  const frames: Frame[] = []
  let depth = 0
  let expectKey = false
  /** The event whose errors are being listed (`undefined` outside a batch). */
  let eventIndex: number | undefined
  let listed = 0
  let unlisted = 0
  const flushUnlisted = () => {
    if (unlisted === 0) return
    const more = { field: '(root)', message: `${unlisted} more numbers cannot be stored exactly` }
    errors.push(eventIndex === undefined ? more : { index: eventIndex, ...more })
    unlisted = 0
  }
  const fieldAt = (): string => {
    const parts: string[] = []
    for (let d = eventDepth; d < depth; d++) {
      const f = frames[d]!
      parts.push(f.array ? String(f.index) : (JSON.parse(text.slice(f.keyStart, f.keyEnd)) as string))
    }
    return parts.length === 0 ? '(root)' : parts.join('.')
  }
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      // A string: find its closing quote, one not escaped by an odd run of backslashes.
      let close = text.indexOf('"', i + 1)
      for (;;) {
        if (close < 0) throw new SyntaxError('findInexactNumbers: unterminated string')
        let b = close - 1
        while (text.charCodeAt(b) === BACKSLASH) b--
        if ((close - b) % 2 === 1) break
        close = text.indexOf('"', close + 1)
      }
      if (expectKey) {
        const f = frames[depth - 1]!
        f.keyStart = i
        f.keyEnd = close + 1
        expectKey = false
      }
      i = close + 1
      continue
    }
    if (c === 45 || (c >= ZERO && c <= ZERO + 9)) {
      let end = i + 1
      let exponent = false
      for (; end < n; end++) {
        const d = text.charCodeAt(end)
        if (d === 101 || d === 69)
          exponent = true // e E
        else if (!((d >= ZERO && d <= ZERO + 9) || d === 46 || d === 43 || d === 45)) break // digits . + -
      }
      if (exponent || end - i > 15) {
        const literal = text.slice(i, end)
        const becomes = inexactNumber(literal)
        if (becomes !== undefined) {
          const index = batch && depth > 0 ? frames[0]!.index : undefined
          if (index !== eventIndex) {
            flushUnlisted()
            eventIndex = index
            listed = 0
          }
          if (listed < maxPerEvent) {
            listed++
            const message = `number ${shown(literal)} cannot be stored exactly (it would become ${becomes})`
            const field = fieldAt()
            errors.push(index === undefined ? { field, message } : { index, field, message })
          } else {
            unlisted++
          }
        }
      }
      i = end
      continue
    }
    switch (c) {
      case 123: // {
      case 91: {
        // [
        const f = frames[depth] ?? { array: false, index: 0, keyStart: 0, keyEnd: 0 }
        frames[depth] = f
        f.array = c === 91
        f.index = 0
        depth++
        expectKey = c === 123
        break
      }
      case 125: // }
      case 93: // ]
        depth--
        expectKey = false
        break
      case 44: {
        // ,
        const f = frames[depth - 1]!
        if (f.array) f.index++
        else expectKey = true
        break
      }
      default:
        // whitespace, ':', true, false, null
        break
    }
    i++
  }
  flushUnlisted()
  return errors
}
