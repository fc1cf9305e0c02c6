/** Largest accepted `BENCH_SCALE`: keeps a run bounded in count and time. */
export const MAX_SCALE = 5

/**
 * `BENCH_SCALE` [1]: multiplies every count and duration of the benchmarks (0.02 for a smoke run).
 *
 * @throws RangeError when the value is not a number in (0, MAX_SCALE].
 */
export function benchScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_SCALE
  if (raw === undefined || raw.trim() === '') return 1
  const scale = Number(raw)
  if (!(scale > 0 && scale <= MAX_SCALE)) {
    throw new RangeError(`BENCH_SCALE must be a number in (0, ${MAX_SCALE}], got ${JSON.stringify(raw)}`)
  }
  return scale
}

/** `value × scale`, rounded, and never below `min` (a smoke run must still measure something). */
export function scaled(value: number, scale: number, min: number): number {
  return Math.max(min, Math.round(value * scale))
}
