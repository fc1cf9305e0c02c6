/** Settings of the per-token rate limit. */
export interface RateLimitOptions {
  /** Requests a token may make per second, sustained. */
  perSecond: number
  /** Requests a token may make at once after being idle (the bucket's size). */
  burst: number
  /** Clock, epoch ms (tests). Default `Date.now`. */
  now?: () => number
}

interface Bucket {
  tokens: number
  at: number
}

/**
 * A token bucket per key (a token's name): `burst` requests at once, refilled at `perSecond`.
 * Memory is one small record per key that made a request; keys come from the tokens file, so
 * their number is bounded by it.
 */
export class RateLimiter {
  readonly #perMs: number
  readonly #burst: number
  readonly #now: () => number
  readonly #buckets = new Map<string, Bucket>()

  /** @throws RangeError unless `perSecond` > 0 and `burst` ≥ 1. */
  constructor({ perSecond, burst, now = Date.now }: RateLimitOptions) {
    if (!(perSecond > 0) || !(burst >= 1)) {
      throw new RangeError(`rate limit: perSecond must be > 0 and burst >= 1, got ${perSecond} and ${burst}`)
    }
    this.#perMs = perSecond / 1000
    this.#burst = burst
    this.#now = now
  }

  /**
   * Takes one request from `key`'s bucket. Returns 0 when it may proceed, else the milliseconds
   * until one request's worth is back (the bucket is left as it was).
   */
  take(key: string): number {
    const now = this.#now()
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now }
    bucket.tokens = Math.min(this.#burst, bucket.tokens + Math.max(0, now - bucket.at) * this.#perMs)
    bucket.at = now
    this.#buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.ceil((1 - bucket.tokens) / this.#perMs)
  }
}
