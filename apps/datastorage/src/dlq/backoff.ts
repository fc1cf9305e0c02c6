/** Options of {@link backoffDelay}. */
export interface BackoffOptions {
  /** First delay. */
  baseMs: number
  /** Largest delay. */
  maxMs: number
  /** Random source in [0, 1). Default `Math.random`. */
  random?: () => number
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random. Unlike full
 * jitter it never returns ~0, so a worker facing a dead database cannot spin.
 *
 * @param failures - Consecutive failures so far, from 1.
 * @example
 * backoffDelay(3, { baseMs: 500, maxMs: 30_000 }) // 1000..2000
 */
export function backoffDelay(
  failures: number,
  { baseMs, maxMs, random = Math.random }: BackoffOptions,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, failures - 1)))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
