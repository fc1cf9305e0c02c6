import { describe, expect, it } from 'vitest'
import { ClientClosedError, HttpError, TransportError } from '../src/errors.js'
import { createRetryPolicy, fullJitterDelay, isRetryable, parseRetryAfter } from '../src/retry-policy.js'

const http = (status: number, retryAfterMs?: number) => new HttpError(status, `${status}`, { retryAfterMs })

describe('isRetryable', () => {
  it.each([500, 502, 503, 504, 599, 408, 429])('retries HTTP %i', (status) => {
    expect(isRetryable(http(status))).toBe(true)
  })

  it.each([400, 401, 403, 404, 409, 413, 415, 422])('never retries HTTP %i', (status) => {
    expect(isRetryable(http(status))).toBe(false)
  })

  it('retries network errors and timeouts, nothing else', () => {
    expect(isRetryable(new TransportError('TRANSPORT_ERROR', 'ECONNRESET'))).toBe(true)
    expect(isRetryable(new TransportError('REQUEST_TIMEOUT', 'slow'))).toBe(true)
    expect(isRetryable(new ClientClosedError())).toBe(false)
    expect(isRetryable(new TypeError('bug'))).toBe(false)
    expect(isRetryable('string')).toBe(false)
  })
})

describe('fullJitterDelay', () => {
  it('is uniform below min(cap, base·2^retry)', () => {
    expect(fullJitterDelay(0, 100, 10_000, () => 0)).toBe(0)
    expect(fullJitterDelay(0, 100, 10_000, () => 0.5)).toBe(50)
    expect(fullJitterDelay(3, 100, 10_000, () => 0.999)).toBe(799)
    expect(fullJitterDelay(10, 100, 10_000, () => 0.999)).toBe(9990)
    expect(fullJitterDelay(2000, 100, 10_000, () => 0.5)).toBe(5000) // no overflow to Infinity/NaN
  })

  it('grows exponentially until the cap', () => {
    const ceilings = [0, 1, 2, 3, 4, 5].map((r) => fullJitterDelay(r, 1000, 30_000, () => 1 - 1e-9) + 1)
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000])
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0)
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000)
  })

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
  })

  it('ignores a missing or malformed value', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })

  it('takes only whole delay-seconds: a fraction or a unit makes the value malformed', () => {
    expect(parseRetryAfter('1.5', now)).toBeUndefined()
    expect(parseRetryAfter('5s', now)).toBeUndefined()
    expect(parseRetryAfter('120 seconds', now)).toBeUndefined()
  })

  it('takes a date only in an HTTP form (with day and month names), not ISO 8601', () => {
    expect(parseRetryAfter('Thursday, 01-Jan-26 00:00:30 GMT', now)).toBe(30_000) // RFC 850, obsolete
    expect(parseRetryAfter('2026-01-01T00:00:30Z', now)).toBeUndefined()
    expect(parseRetryAfter('2026-01-01', now)).toBeUndefined()
  })
})

describe('createRetryPolicy', () => {
  it('retries up to maxRetries, with growing jittered delays', () => {
    const policy = createRetryPolicy({ maxRetries: 3, retryBaseMs: 100, retryMaxMs: 1000, random: () => 0.5 })
    expect(policy.decide(http(503), 0)).toEqual({ retry: true, delayMs: 50 })
    expect(policy.decide(http(503), 1)).toEqual({ retry: true, delayMs: 100 })
    expect(policy.decide(http(503), 2)).toEqual({ retry: true, delayMs: 200 })
    expect(policy.decide(http(503), 3)).toEqual({ retry: false, reason: 'gave up after 3 retries' })
  })

  it('never retries what is not retryable', () => {
    const policy = createRetryPolicy()
    expect(policy.decide(http(400), 0)).toEqual({ retry: false, reason: 'not retryable' })
  })

  it('uses Retry-After instead of the backoff, capped at retryMaxMs', () => {
    const policy = createRetryPolicy({ retryBaseMs: 100, retryMaxMs: 5000, random: () => 0 })
    expect(policy.decide(http(429, 2000), 0)).toEqual({ retry: true, delayMs: 2000 })
    expect(policy.decide(http(503, 3_600_000), 0)).toEqual({ retry: true, delayMs: 5000 })
    expect(policy.decide(http(503, 0), 0)).toEqual({ retry: true, delayMs: 0 })
  })

  it('has the documented defaults', () => {
    const policy = createRetryPolicy({ random: () => 0.9999 })
    expect(policy.maxRetries).toBe(3)
    expect(policy.decide(http(500), 0)).toEqual({ retry: true, delayMs: 999 })
    expect(policy.decide(new TransportError('TRANSPORT_ERROR', 'x'), 10)).toMatchObject({ retry: false })
    const capped = createRetryPolicy({ maxRetries: 20, random: () => 0.9999 })
    expect(capped.decide(http(500), 15)).toEqual({ retry: true, delayMs: 29_997 })
  })
})
