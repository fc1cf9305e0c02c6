import { HttpError, TransportError } from './errors.js'

/** Options of {@link createRetryPolicy}. */
export interface RetryPolicyOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number
  /** Base of the exponential backoff, ms. Default 1000. */
  retryBaseMs?: number
  /** Cap of every delay, including one asked for by `Retry-After`, ms. Default 30000. */
  retryMaxMs?: number
  /** Source of the jitter, uniform in [0, 1). Default `Math.random`; inject one in tests. */
  random?: () => number
}

/** What to do after a failed attempt. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string }

/** Decides whether and when a failed send is tried again. */
export interface RetryPolicy {
  readonly maxRetries: number
  /** Whether `error` is worth another attempt at all (whatever the attempt count). */
  isRetryable(error: unknown): boolean
  /**
   * The decision after `retriesSoFar` retries have failed (0 after the first attempt).
   * Retries stop after `maxRetries`.
   */
  decide(error: unknown, retriesSoFar: number): RetryDecision
}

/**
 * Whether a failure is transient: network errors and timeouts, 408, 429 and every 5xx are; every
 * other 4xx is not (sending the same request again cannot fix it). Anything that is not a
 * {@link TransportError} is a bug, not a transient condition, and is not retried either.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof HttpError) {
    return error.status === 408 || error.status === 429 || error.status >= 500
  }
  return error instanceof TransportError
}

/**
 * "Full jitter" backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"): a uniform
 * delay in [0, min(cap, base * 2^retry)), which spreads clients that failed together.
 */
export function fullJitterDelay(retry: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(retry, 52))
  return Math.floor(random() * ceiling)
}

/**
 * Parses a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 §10.2.3), as ms from
 * `nowMs`. Returns `undefined` for a missing or malformed value; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null) return undefined
  const text = value.trim()
  if (text === '') return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // An HTTP date names its weekday and month; this also keeps Date.parse from reading '-5' as a year.
  if (!/[A-Za-z]{3}/.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - nowMs)
}

/**
 * The client's retry policy: exponential backoff with full jitter, capped at `retryMaxMs`. A
 * `Retry-After` from the service replaces the computed delay (the server knows when it will
 * recover) but is capped at `retryMaxMs` too, so a misconfigured server cannot park the client.
 *
 * @example
 * const policy = createRetryPolicy({ maxRetries: 3, retryBaseMs: 100 })
 * policy.decide(new HttpError(503, 'down'), 0) // { retry: true, delayMs: 0..99 }
 */
export function createRetryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const { maxRetries = 3, retryBaseMs = 1000, retryMaxMs = 30_000, random = Math.random } = options
  return {
    maxRetries,
    isRetryable,
    decide(error, retriesSoFar) {
      if (!isRetryable(error)) return { retry: false, reason: 'not retryable' }
      if (retriesSoFar >= maxRetries) return { retry: false, reason: `gave up after ${maxRetries} retries` }
      const retryAfterMs = error instanceof HttpError ? error.retryAfterMs : undefined
      const delayMs =
        retryAfterMs === undefined
          ? fullJitterDelay(retriesSoFar, retryBaseMs, retryMaxMs, random)
          : Math.min(retryAfterMs, retryMaxMs)
      return { retry: true, delayMs }
    },
  }
}
