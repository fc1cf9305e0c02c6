import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../src/auth/index.js'
import { RateLimiter } from '../src/auth/rate-limit.js'
import { loadConfig } from '../src/env.js'
import { createLogger } from '../src/logger.js'
import { type ServerHandle, startServer } from '../src/server.js'
import { ADMIN_URL } from './support/postgres.js'

describe('RateLimiter (a token bucket per key)', () => {
  it('lets a burst through, then one request per 1/perSecond, and says how long to wait', () => {
    let now = 1_000_000
    const limiter = new RateLimiter({ perSecond: 10, burst: 3, now: () => now })
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0])
    expect(limiter.take('a')).toBe(100)
    now += 50
    expect(limiter.take('a')).toBe(50)
    now += 50
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(100)
  })

  it('keeps one bucket per key', () => {
    const now = 0
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, now: () => now })
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(1000)
    expect(limiter.take('b')).toBe(0)
  })

  it('refills no more than burst after a long idle time', () => {
    let now = 0
    const limiter = new RateLimiter({ perSecond: 100, burst: 2, now: () => now })
    limiter.take('a')
    limiter.take('a')
    now += 3_600_000
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 0])
    expect(limiter.take('a')).toBeGreaterThan(0)
  })

  it('refuses settings that would block everything', () => {
    expect(() => new RateLimiter({ perSecond: 0, burst: 1 })).toThrow(RangeError)
    expect(() => new RateLimiter({ perSecond: 1, burst: 0 })).toThrow(RangeError)
  })
})

describe('RATE_LIMIT_PER_SECOND over HTTP (tokens mode)', () => {
  let database: TestDatabase
  let dir: string
  let server: ServerHandle
  const tokens = { a: 'tok-rate-a-0001', b: 'tok-rate-b-0002' }
  beforeAll(async () => {
    database = await createTestDatabase(ADMIN_URL, 'audit_rate')
    dir = await mkdtemp(join(tmpdir(), 'datastorage-rate-'))
    const file = join(dir, 'tokens.yaml')
    await writeFile(
      file,
      `tokens:\n${Object.entries(tokens)
        .map(
          ([name, token]) => `  - name: ${name}\n    sha256: ${hashToken(token)}\n    scopes: [audit:read]\n`,
        )
        .join('')}`,
    )
    server = await startServer(
      {
        ...loadConfig({}),
        port: 0,
        host: '127.0.0.1',
        databaseUrl: database.url,
        authTokensFile: file,
        // One request a minute after a burst of 2: the third request within the test is refused
        // whatever the machine's speed.
        rateLimit: { perSecond: 1 / 60, burst: 2 },
      },
      { logger: createLogger({ level: 'silent' }), tokensFileWatch: { debounceMs: 50 } },
    )
  })
  afterAll(async () => {
    await server?.close()
    await database?.drop()
    await rm(dir, { recursive: true, force: true })
  })

  const get = (token: string) =>
    fetch(`${server.url}/api/v1/audit/events?limit=1`, { headers: { authorization: `Bearer ${token}` } })

  it('answers 429 problem+json with Retry-After past the burst, per token', async () => {
    expect((await get(tokens.a)).status).toBe(200)
    expect((await get(tokens.a)).status).toBe(200)
    const refused = await get(tokens.a)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(50)
    expect(await refused.json()).toMatchObject({
      type: 'https://audit-trail.dev/problems/too-many-requests',
      status: 429,
    })
    expect((await get(tokens.b)).status).toBe(200)
  })
})
