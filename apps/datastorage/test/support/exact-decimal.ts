/**
 * Exact decimal values of JSON number texts, for tests of what the service stores: an integer
 * without trailing zeros times a power of ten (one form per value), by BigInt and string
 * arithmetic, independent of the service's own code. `null` (JSON.stringify of ±Infinity) and any
 * other text that is not a JSON number have no value.
 */
export function exactDecimal(text: string): { mantissa: bigint; exponent: bigint } | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text)
  if (!m) return undefined
  const [, sign, int, frac = '', exp = '0'] = m
  const all = `${int}${frac}`
  let end = all.length
  while (end > 0 && all[end - 1] === '0') end--
  if (end === 0) return { mantissa: 0n, exponent: 0n }
  const digits = all.slice(0, end)
  return {
    mantissa: BigInt(`${sign}${digits}`),
    exponent: BigInt(exp) - BigInt(frac.length) + BigInt(all.length - end),
  }
}

/** Whether two JSON number texts denote the same decimal value (`1e2` and `100.0` do; `-0` and `0` too). */
export function sameDecimal(a: string, b: string): boolean {
  const x = exactDecimal(a)
  const y = exactDecimal(b)
  return x !== undefined && y !== undefined && x.mantissa === y.mantissa && x.exponent === y.exponent
}

/** The number literal that follows `"key":` in JSON text (the first one), as written. */
export function literalAfterKey(text: string, key: string): string | undefined {
  const at = text.indexOf(`${JSON.stringify(key)}:`)
  if (at < 0) return undefined
  return /^\s*(-?[\d.eE+-]+)/.exec(text.slice(at + JSON.stringify(key).length + 1))?.[1]
}
