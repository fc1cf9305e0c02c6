import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import postgres from 'postgres'
import { dockerAvailable } from './docker-probe.js'
import { canConnect } from './free-port.js'
import { startThrowawayPostgres } from './throwaway-postgres.js'
import { startThrowawayRedis } from './throwaway-redis.js'

/** Where a service came from, in the order they are tried (README.md#tests). */
export type InfraSource = 'env' | 'testcontainers' | 'local' | 'throwaway'

/** A PostgreSQL server and a Redis server for a test run. */
export interface Infrastructure {
  /** Admin URL of a PostgreSQL server on which the run may create and drop databases. */
  postgresUrl: string
  redisUrl: string
  postgresSource: InfraSource
  redisSource: InfraSource
  /** One line saying which was used, e.g. `postgres: local (127.0.0.1:5432), redis: env`. */
  describe(): string
  /** Stops what this run started (containers, throwaway processes). */
  teardown(): Promise<void>
}

/** Options of {@link resolveInfrastructure}. */
export interface ResolveInfrastructureOptions {
  /** Default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** Budget for the Docker probe. Default 1500 ms: without Docker the suite goes on in under 2 s. */
  dockerProbeMs?: number
  /** Skip testcontainers even when Docker answers. Default: env TEST_NO_TESTCONTAINERS=1. */
  noTestcontainers?: boolean
  log?: (line: string) => void
}

const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres'
const LOCAL_REDIS = 'redis://127.0.0.1:6379'

async function postgresAnswers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} })
  try {
    await sql`select 1`
    return true
  } catch {
    return false
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined)
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  redis.on('error', () => {})
  try {
    await redis.connect()
    return (await redis.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    redis.disconnect()
  }
}

/**
 * Finds PostgreSQL and Redis for a test run, each in this order: `DATABASE_URL`/`REDIS_URL`
 * (for PostgreSQL, `DATABASE_URL_ADMIN` first: it must allow CREATE DATABASE); testcontainers
 * when a Docker engine answers within the probe budget; the services on the default local
 * ports; throwaway processes started here. Logs which it used.
 */
export async function resolveInfrastructure(
  options: ResolveInfrastructureOptions = {},
): Promise<Infrastructure> {
  const env = options.env ?? process.env
  const log = options.log ?? ((line: string) => console.log(`[infra] ${line}`))
  const teardowns: Array<() => Promise<void>> = []
  let docker: boolean | undefined
  const dockerAnswers = async () => {
    if (options.noTestcontainers ?? env.TEST_NO_TESTCONTAINERS === '1') return false
    if (docker === undefined) {
      const started = Date.now()
      docker = await dockerAvailable({ env, timeoutMs: options.dockerProbeMs ?? 1500 })
      log(`docker engine ${docker ? 'answers' : 'absent'} (probe ${Date.now() - started} ms)`)
    }
    return docker
  }

  let postgresUrl: string
  let postgresSource: InfraSource
  const envPg = env.DATABASE_URL_ADMIN ?? env.DATABASE_URL
  if (envPg) {
    postgresUrl = envPg
    postgresSource = 'env'
  } else if (await dockerAnswers()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql')
    const container = await new PostgreSqlContainer('postgres:15-alpine').start()
    teardowns.push(async () => void (await container.stop()))
    postgresUrl = container.getConnectionUri()
    postgresSource = 'testcontainers'
  } else if ((await canConnect('127.0.0.1', 5432)) && (await postgresAnswers(LOCAL_PG))) {
    postgresUrl = LOCAL_PG
    postgresSource = 'local'
  } else {
    const pg = await startThrowawayPostgres()
    teardowns.push(() => pg.destroy())
    postgresUrl = pg.url
    postgresSource = 'throwaway'
  }

  let redisUrl: string
  let redisSource: InfraSource
  if (env.REDIS_URL) {
    redisUrl = env.REDIS_URL
    redisSource = 'env'
  } else if (await dockerAnswers()) {
    const { RedisContainer } = await import('@testcontainers/redis')
    const container = await new RedisContainer('redis:7-alpine').start()
    teardowns.push(async () => void (await container.stop()))
    redisUrl = container.getConnectionUrl()
    redisSource = 'testcontainers'
  } else if ((await canConnect('127.0.0.1', 6379)) && (await redisAnswers(LOCAL_REDIS))) {
    redisUrl = LOCAL_REDIS
    redisSource = 'local'
  } else {
    const redis = await startThrowawayRedis()
    teardowns.push(() => redis.destroy())
    redisUrl = redis.url
    redisSource = 'throwaway'
  }

  const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@')
  const line = `postgres: ${postgresSource} (${redact(postgresUrl)}), redis: ${redisSource} (${redact(redisUrl)})`
  log(line)
  return {
    postgresUrl,
    redisUrl,
    postgresSource,
    redisSource,
    describe: () => line,
    async teardown() {
      for (const t of teardowns.reverse()) await t().catch(() => undefined)
    },
  }
}

/** A unique, lowercase name fragment for one test run: `<pid>_<random>`. */
export function runId(): string {
  return `${process.pid}_${randomBytes(4).toString('hex')}`
}

/** A Redis key prefix for one run, e.g. `test:1234_ab12cd34:`; pair it with {@link deleteKeysWithPrefix}. */
export function redisKeyPrefix(): string {
  return `test:${runId()}:`
}

/** Deletes every key under `prefix` (SCAN, not KEYS). */
export async function deleteKeysWithPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
  let deleted = 0
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
      cursor = next
      if (keys.length > 0) deleted += await redis.del(...keys)
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
  return deleted
}

/** A database created for one run; drop() removes it (with FORCE, closing leftover sessions). */
export interface TestDatabase {
  /** URL of the new, empty database. */
  url: string
  name: string
  /** Drops the database, closing whatever connections are still open on it. Idempotent: later calls return the first call's promise. */
  drop(): Promise<void>
}

/**
 * Creates a fresh database `<prefix>_<pid>_<random>` on the server at `adminUrl`, so test files
 * never share state. Call `drop()` in `afterAll`.
 *
 * @param prefix default `audit_test`.
 * @example
 * let database: TestDatabase
 * beforeAll(async () => { database = await createTestDatabase(adminUrl) })
 * afterAll(() => database.drop())
 */
export async function createTestDatabase(adminUrl: string, prefix = 'audit_test'): Promise<TestDatabase> {
  const name = `${prefix}_${runId()}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end({ timeout: 5 })
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const drop = async () => {
    const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
    try {
      await sql.unsafe(`drop database if exists "${name}" with (force)`)
    } finally {
      await sql.end({ timeout: 5 })
    }
  }
  let dropped: Promise<void> | undefined
  return {
    url: url.toString(),
    name,
    drop() {
      dropped ??= drop()
      return dropped
    },
  }
}
