/**
 * Exact decimal values of JSON number literals, for the hostile-input oracle: a number sent is
 * stored correctly when the stored literal denotes the same decimal value, compared here as text
 * (no double involved), so `1e2`, `100` and `100.000` are equal and `0.1` is not
 * `0.1000000000000000055511151231257827`.
 */

/** `sign digits e exponent`: value = digits × 10^exponent, digits without leading or trailing zeros; `0` for zero. */
export type DecimalKey = string

const LITERAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

/**
 * The exact value of a JSON number literal (or of PostgreSQL's numeric text, or of
 * `JSON.stringify`'s text of a double) as a {@link DecimalKey}. `-0` and `0.0e5` are `0`.
 *
 * @throws SyntaxError when the text is no number literal.
 */
export function decimalKey(literal: string): DecimalKey {
  const m = LITERAL.exec(literal)
  if (!m) throw new SyntaxError(`decimalKey: not a number literal: ${literal.slice(0, 40)}`)
  const [, sign, int = '', frac = '', exp = '0'] = m
  let digits = int + frac
  let exponent = BigInt(exp) - BigInt(frac.length)
  let start = 0
  while (start < digits.length && digits.charCodeAt(start) === 48) start++
  digits = digits.slice(start)
  if (digits === '') return '0'
  let end = digits.length
  while (digits.charCodeAt(end - 1) === 48) end--
  exponent += BigInt(digits.length - end)
  digits = digits.slice(0, end)
  return `${sign}${digits}e${exponent}`
}

/** Parts of a non-zero {@link DecimalKey}. */
export function decimalParts(key: DecimalKey): { negative: boolean; digits: string; exponent: bigint } {
  const m = /^(-?)(\d+)e(-?\d+)$/.exec(key)
  if (!m) return { negative: false, digits: '', exponent: 0n }
  return { negative: m[1] === '-', digits: m[2]!, exponent: BigInt(m[3]!) }
}

/**
 * Whether a literal keeps its value through `JSON.parse` and `JSON.stringify` — the rule of what
 * the service may store. Computed from the literal and the double's shortest text only: used to
 * check the generators themselves (a "valid" number must be one), never to judge the service.
 */
export function survivesDoubles(literal: string): boolean {
  const parsed = Number(literal)
  if (!Number.isFinite(parsed)) return false
  return decimalKey(literal) === decimalKey(JSON.stringify(parsed))
}

/** Literal spellings of the value `digits × 10^exponent` (digits as {@link decimalParts} gives them). */
export type LiteralForm =
  | { kind: 'plain'; extraZeros: number }
  | { kind: 'sci'; e: 'e' | 'E'; plus: boolean; expZeros: number; extraZeros: number }
  | { kind: 'int-mantissa'; e: 'e' | 'E'; plus: boolean }
  | { kind: 'shifted'; shift: number }

/**
 * Writes a decimal value in one of the JSON spellings of it. Spellings that would be longer than
 * `maxLength` characters fall back to the scientific one.
 */
export function writeDecimal(key: DecimalKey, form: LiteralForm, maxLength = 400): string {
  if (key === '0') {
    switch (form.kind) {
      case 'plain':
        return form.extraZeros > 0 ? `0.${'0'.repeat(form.extraZeros)}` : '0'
      case 'sci':
        return `0${form.e}${form.plus ? '+' : ''}${'0'.repeat(form.expZeros)}0`
      default:
        return '0'
    }
  }
  const { negative, digits, exponent } = decimalParts(key)
  const sign = negative ? '-' : ''
  const n = digits.length
  const sci = (e: 'e' | 'E', plus: boolean, expZeros: number, extraZeros: number) => {
    const exp = exponent + BigInt(n - 1)
    const mantissa =
      n === 1 && extraZeros === 0 ? digits : `${digits[0]}.${digits.slice(1)}${'0'.repeat(extraZeros)}`
    const expText = `${exp < 0n ? '-' : plus ? '+' : ''}${'0'.repeat(expZeros)}${exp < 0n ? -exp : exp}`
    return `${sign}${mantissa}${e}${expText}`
  }
  const fallback = () => sci('e', false, 0, 0)
  switch (form.kind) {
    case 'sci':
      return sci(form.e, form.plus, form.expZeros, form.extraZeros)
    case 'int-mantissa':
      return `${sign}${digits}${form.e}${exponent < 0n ? '-' : form.plus ? '+' : ''}${exponent < 0n ? -exponent : exponent}`
    case 'plain': {
      if (exponent >= 0n) {
        if (exponent > BigInt(maxLength)) return fallback()
        const int = digits + '0'.repeat(Number(exponent))
        return form.extraZeros > 0 ? `${sign}${int}.${'0'.repeat(form.extraZeros)}` : `${sign}${int}`
      }
      const point = n + Number(exponent) // digits before the point
      if (-point > maxLength) return fallback()
      const body =
        point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`
      return `${sign}${body}${'0'.repeat(form.extraZeros)}`
    }
    case 'shifted': {
      // 0.000ddd e(exp + k): the mantissa below 1 with `shift` leading zeros after the point.
      const exp = exponent + BigInt(n + form.shift)
      return `${sign}0.${'0'.repeat(form.shift)}${digits}e${exp}`
    }
  }
}
