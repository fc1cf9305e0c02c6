import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AuditEventBatchCreated, AuditEventPage } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/env.js'
import { createLogger } from '../src/logger.js'
import { type ServerHandle, startServer } from '../src/server.js'
import { logCapture } from './support/app.js'
import { uniqueCorrelationId, validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const baseConfig = { ...loadConfig({}), port: 0, host: '127.0.0.1', logLevel: 'info' as const }

function capturedLogger() {
  const capture = logCapture()
  return { logger: createLogger({ level: 'info', destination: capture.stream }), lines: capture.lines }
}

/** The round trip every engine must pass: a batch over real HTTP, then a query and a read by id. */
async function batchThenQuery(server: ServerHandle) {
  const correlation_id = uniqueCorrelationId('server')
  const events = Array.from({ length: 50 }, (_, i) =>
    validEvent({ correlation_id, event_timestamp: new Date(Date.now() - i * 1000).toISOString() }),
  )
  const res = await fetch(`${server.url}/api/v1/audit/events/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(events),
  })
  expect(res.status).toBe(201)
  const created = (await res.json()) as AuditEventBatchCreated
  expect(created).toMatchObject({ created: 50, duplicates: 0 })

  const page = (await (
    await fetch(`${server.url}/api/v1/audit/events?correlation_id=${correlation_id}&limit=1000`)
  ).json()) as AuditEventPage
  expect(page.data.map((e) => e.event_id)).toEqual(created.event_ids)
  expect(page.pagination).toEqual({ limit: 1000, next_cursor: null, has_more: false })

  const one = await fetch(`${server.url}/api/v1/audit/events/${created.event_ids[7]}`)
  expect(one.status).toBe(200)
  expect(await one.json()).toMatchObject({ event_id: created.event_ids[7], correlation_id })
  return { correlation_id, created }
}

describe('startServer on PGlite (DATABASE_URL unset)', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'datastorage-server-'))
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('serves over real HTTP from a PGlite under DATA_DIR, and closes', async () => {
    const { logger, lines } = capturedLogger()
    const server = await startServer({ ...baseConfig, dataDir }, { logger })
    try {
      expect(server.engine).toBe('pglite')
      expect(server.port).toBeGreaterThan(0)
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
      await batchThenQuery(server)
      expect(lines()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ level: 40, msg: expect.stringContaining('OPEN to anyone') }),
          expect.objectContaining({
            engine: 'pglite',
            url: server.url,
            msg: expect.stringContaining('listening'),
          }),
        ]),
      )
    } finally {
      await server.close()
    }
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
  })
})

describe('startServer on PostgreSQL', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase(ADMIN_URL)
  })
  afterAll(() => database?.drop())

  it('migrates a fresh database and serves over real HTTP', async () => {
    const server = await startServer(
      { ...baseConfig, databaseUrl: database.url },
      { logger: capturedLogger().logger },
    )
    try {
      expect(server.engine).toBe('postgres')
      const { correlation_id } = await batchThenQuery(server)
      const sql = postgres(database.url, { max: 1 })
      try {
        const [row] =
          await sql`select count(*)::int as n from audit_events where correlation_id = ${correlation_id}`
        expect(row?.n).toBe(50)
      } finally {
        await sql.end()
      }
    } finally {
      await server.close()
    }
  })

  it('drains on close: /readyz 503, no new connections, the in-flight request completes', async () => {
    const { logger } = capturedLogger()
    const server = await startServer(
      { ...baseConfig, databaseUrl: database.url, shutdownDrainDelayMs: 2000, shutdownTimeoutMs: 20_000 },
      { logger },
    )
    const correlation_id = uniqueCorrelationId('inflight')
    const body = JSON.stringify([validEvent({ correlation_id })])
    const half = Math.floor(body.length / 2)
    const req = request(`${server.url}/api/v1/audit/events/batch`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        expect: '100-continue',
      },
    })
    const headersRead = once(req, 'continue')
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = ''
        res.on('data', (chunk) => {
          text += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      })
      req.on('error', reject)
    })
    req.flushHeaders()
    await headersRead // the server parsed the headers: the request is in flight
    req.write(body.slice(0, half))

    let closed = false
    const closing = server.close().then(() => {
      closed = true
    })
    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({ status: 'not_ready', reasons: ['draining'] })
    expect(ready.headers.get('connection')).toBe('close')

    // Past the drain delay the listener closes: new connections are refused.
    await waitFor('the listener to close', () =>
      fetch(`${server.url}/healthz`).then(
        () => false,
        () => true,
      ),
    )
    expect(closed).toBe(false)

    req.end(body.slice(half))
    const result = await response
    expect(result.status).toBe(201)
    expect(JSON.parse(result.body)).toMatchObject({ created: 1 })
    await closing
    expect(closed).toBe(true)

    const sql = postgres(database.url, { max: 1 })
    try {
      const [row] =
        await sql`select count(*)::int as n from audit_events where correlation_id = ${correlation_id}`
      expect(row?.n).toBe(1)
    } finally {
      await sql.end()
    }
  })

  it('cuts a request that outlives SHUTDOWN_TIMEOUT_MS, and close() still resolves', async () => {
    const server = await startServer(
      { ...baseConfig, databaseUrl: database.url, shutdownTimeoutMs: 300 },
      { logger: capturedLogger().logger },
    )
    const req = request(`${server.url}/api/v1/audit/events`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': '1000', expect: '100-continue' },
    })
    const headersRead = once(req, 'continue')
    const outcome = new Promise<string>((resolve) => {
      req.on('response', (res) => resolve(`response ${res.statusCode}`))
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    })
    req.flushHeaders()
    await headersRead
    req.write('{"version":')
    const started = Date.now()
    await server.close()
    expect(Date.now() - started).toBeLessThan(3000)
    expect(await outcome).toMatch(/ECONNRESET|socket hang up/)
  })
})

describe('the datastorage CLI', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase(ADMIN_URL)
  })
  afterAll(() => database?.drop())

  function cli(
    args: string[],
    env: Record<string, string>,
  ): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: packageRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout?.on('data', (chunk) => {
      out += chunk
    })
    child.stderr?.on('data', (chunk) => {
      out += chunk
    })
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    return { child, output: () => out, exit }
  }

  it('exits 2 naming the bad variable, without a stack, on invalid configuration', async () => {
    const run = cli(['serve'], { PORT: 'abc' })
    expect(await run.exit).toBe(2)
    expect(run.output()).toBe(
      'datastorage: invalid configuration: PORT: must be an integer 0-65535, got "abc"\n',
    )
  })

  it('exits 2 on an unknown command', async () => {
    const run = cli(['explode'], {})
    expect(await run.exit).toBe(2)
    expect(run.output()).toContain('unknown command "explode"')
  })

  it('migrate applies the migrations; serve starts and exits 0 on SIGTERM', async () => {
    const migrate = cli(['migrate'], { DATABASE_URL: database.url })
    expect(await migrate.exit, migrate.output()).toBe(0)
    expect(migrate.output()).toMatch(/"applied":[1-9]/)

    const serve = cli(['serve'], { DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1' })
    let url: string | undefined
    await waitFor(
      'serve to log its URL',
      async () => {
        url = /"url":"(http:[^"]+)"/.exec(serve.output())?.[1]
        return url !== undefined
      },
      30_000,
      100,
    ).catch((error) => {
      throw new Error(`${error.message}; output: ${serve.output()}`)
    })
    expect(serve.output()).toContain('"engine":"postgres"')
    expect((await fetch(`${url}/readyz`)).status).toBe(200)
    serve.child.kill('SIGTERM')
    expect(await serve.exit, serve.output()).toBe(0)
    expect(serve.output()).toContain('"msg":"stopped"')
  })
})
