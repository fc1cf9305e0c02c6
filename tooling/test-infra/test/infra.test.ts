import { Redis } from 'ioredis'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import {
  canConnect,
  createTestDatabase,
  deleteKeysWithPrefix,
  redisKeyPrefix,
  resolveInfrastructure,
  startThrowawayPostgres,
  startThrowawayRedis,
} from '../src/index.js'

const cleanups: Array<() => Promise<unknown>> = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

describe('test infrastructure', () => {
  it('resolves PostgreSQL and Redis, says which it used, and both answer', async () => {
    const lines: string[] = []
    const infra = await resolveInfrastructure({ log: (l) => lines.push(l) })
    cleanups.push(() => infra.teardown())
    expect(lines.at(-1)).toBe(infra.describe())
    expect(infra.describe()).toMatch(
      /^postgres: (env|testcontainers|local|throwaway) .*redis: (env|testcontainers|local|throwaway)/,
    )
    const db = await createTestDatabase(infra.postgresUrl)
    const sql = postgres(db.url, { max: 1 })
    expect((await sql`select current_database() as name`)[0]?.name).toBe(db.name)
    await sql.end()
    const drops = [db.drop(), db.drop()]
    expect(drops[1]).toBe(drops[0])
    await Promise.all(drops)
    await db.drop()
    const admin = postgres(infra.postgresUrl, { max: 1 })
    expect(await admin`select 1 from pg_database where datname = ${db.name}`).toHaveLength(0)
    await admin.end()

    const prefix = redisKeyPrefix()
    const redis = new Redis(infra.redisUrl)
    await redis.set(`${prefix}a`, '1')
    await redis.xadd(`${prefix}stream`, '*', 'f', 'v')
    await redis.set('unrelated:key:of:someone:else', '1', 'EX', 5)
    expect(await deleteKeysWithPrefix(infra.redisUrl, prefix)).toBe(2)
    expect(await redis.exists(`${prefix}a`, `${prefix}stream`, 'unrelated:key:of:someone:else')).toBe(1)
    redis.disconnect()
  })

  it('starts, stops, kills and restarts a throwaway PostgreSQL', async () => {
    const pg = await startThrowawayPostgres()
    cleanups.push(() => pg.destroy())
    const query = async () => {
      const sql = postgres(pg.url, { max: 1, connect_timeout: 2 })
      try {
        return (await sql`select 41 + 1 as n`)[0]?.n
      } finally {
        await sql.end({ timeout: 1 })
      }
    }
    expect(await query()).toBe(42)
    await pg.stop()
    expect(await canConnect('127.0.0.1', pg.port)).toBe(false)
    await pg.start()
    expect(await query()).toBe(42)
    await pg.kill()
    await expect(query()).rejects.toThrow()
    await pg.start()
    expect(await query()).toBe(42)
  })

  it('kills and restarts a throwaway Redis by PID', async () => {
    const server = await startThrowawayRedis()
    cleanups.push(() => server.destroy())
    const redis = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null })
    redis.on('error', () => {})
    expect(await redis.ping()).toBe('PONG')
    await server.kill()
    expect(await canConnect('127.0.0.1', server.port)).toBe(false)
    await server.start()
    const again = new Redis(server.url)
    expect(await again.ping()).toBe('PONG')
    again.disconnect()
    redis.disconnect()
  })
})
