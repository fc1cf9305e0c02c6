import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import type { HttpBindings } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken, isLoopbackAddress, isLoopbackHost, resolveAccess } from '../src/auth/index.js'
import { loadConfig } from '../src/env.js'
import { ConfigError } from '../src/errors.js'
import { createLogger } from '../src/logger.js'
import { startServer } from '../src/server.js'
import type { AuditEventStore } from '../src/store/audit-event-store.js'
import { buildTestApp, logCapture } from './support/app.js'
import { validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const capturedLogger = () => {
  const capture = logCapture()
  return { logger: createLogger({ level: 'info', destination: capture.stream }), lines: capture.lines }
}
const access = { authDisabled: false, authTokensFile: undefined, metricsToken: undefined }

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datastorage-auth-startup-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

function refusal(config: Parameters<typeof resolveAccess>[0]): string {
  try {
    resolveAccess(config, createLogger({ level: 'silent' }))
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error(`resolveAccess accepted ${JSON.stringify(config)}`)
}

describe('start-up decision', () => {
  it.each(['0.0.0.0', '::', '10.1.2.3', 'example.internal'])(
    'refuses HOST=%s without tokens, naming AUTH_TOKENS_FILE and AUTH_DISABLED',
    (host) => {
      const message = refusal({ ...access, host })
      expect(message).toContain('AUTH_TOKENS_FILE')
      expect(message).toContain('AUTH_DISABLED=true')
      expect(message).toContain(JSON.stringify(host))
    },
  )

  it.each(['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost'])(
    'runs HOST=%s without tokens in protected mode, and says so',
    (host) => {
      const { logger, lines } = capturedLogger()
      expect(resolveAccess({ ...access, host }, logger).access.mode).toEqual({ kind: 'protected' })
      expect(lines()).toEqual([
        expect.objectContaining({ level: 40, msg: expect.stringContaining('protected mode') }),
      ])
    },
  )

  it('AUTH_DISABLED=true is the explicit way out, logged loudly', () => {
    const { logger, lines } = capturedLogger()
    expect(resolveAccess({ ...access, host: '0.0.0.0', authDisabled: true }, logger).access.mode).toEqual({
      kind: 'disabled',
    })
    expect(lines()).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringContaining('ACCESS CONTROL IS OFF') }),
    ])
  })

  it('refuses a tokens file that does not parse or read, naming AUTH_TOKENS_FILE and the problem', async () => {
    const broken = join(dir, 'broken.yaml')
    await writeFile(broken, 'tokens: [{ name: a, sha256: 12, scopes: [audit:read] }]')
    const message = refusal({ ...access, host: '0.0.0.0', authTokensFile: broken })
    expect(message).toMatch(
      /^AUTH_TOKENS_FILE: tokens file .*broken\.yaml: tokens\[0\]\.sha256 must be 64 hex/,
    )
    expect(refusal({ ...access, host: '127.0.0.1', authTokensFile: join(dir, 'absent.yaml') })).toBe(
      'AUTH_TOKENS_FILE: cannot read the file (ENOENT)',
    )
  })

  it('a tokens file allows any HOST', async () => {
    const file = join(dir, 'ok.yaml')
    await writeFile(file, `tokens: [{ name: a, sha256: ${hashToken('t')}, scopes: [audit:read] }]`)
    const { access: options } = resolveAccess(
      { ...access, host: '0.0.0.0', authTokensFile: file },
      createLogger({ level: 'silent' }),
    )
    expect(options.mode.kind).toBe('tokens')
  })

  it('knows loopback hosts and addresses', () => {
    expect(
      ['127.0.0.1', '127.255.0.9', '::1', '::ffff:127.0.0.1', '::FFFF:127.3.4.5'].every(isLoopbackAddress),
    ).toBe(true)
    for (const address of ['10.0.0.1', '::ffff:10.0.0.1', '::2', '128.0.0.1', '0.0.0.0', '', undefined]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false)
    }
    expect(isLoopbackHost('0.0.0.0')).toBe(false)
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false)
  })

  it.each<[Record<string, string>, string[]]>([
    [{ HOST: '0.0.0.0' }, ['AUTH_TOKENS_FILE', 'AUTH_DISABLED']],
    [{ HOST: '127.0.0.1', AUTH_TOKENS_FILE: 'broken' }, ['AUTH_TOKENS_FILE: tokens file', 'not valid YAML']],
  ])('the CLI exits 2 before opening anything: %j', async (env, words) => {
    await writeFile(join(dir, 'broken'), 'tokens: [')
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      cwd: packageRoot,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        // Would fail later if the refusal came too late: nothing listens there.
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
        ...env,
        ...(env.AUTH_TOKENS_FILE ? { AUTH_TOKENS_FILE: join(dir, env.AUTH_TOKENS_FILE) } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const [code] = await once(child, 'exit')
    expect(code).toBe(2)
    expect(stderr).toMatch(/^datastorage: invalid configuration: /)
    for (const word of words) expect(stderr).toContain(word)
  })
})

describe('protected mode: loopback callers only', () => {
  // No route reaches the store here: unknown /api/v1 paths answer 404 once let through.
  const store = {} as AuditEventStore
  const socketOf = (remoteAddress: string) =>
    ({ incoming: { socket: { remoteAddress } }, outgoing: {} }) as unknown as HttpBindings

  it.each([
    ['127.0.0.1', 404],
    ['127.9.8.7', 404],
    ['::1', 404],
    ['::ffff:127.0.0.1', 404],
    ['10.0.0.5', 401],
    ['::ffff:192.168.1.4', 401],
    ['2001:db8::1', 401],
  ])('a request from %s gets %d on /api/v1', async (address, status) => {
    const { app } = buildTestApp(store, { access: { mode: { kind: 'protected' } } })
    const res = await app.fetch(new Request('http://service/api/v1/nothing'), socketOf(address))
    expect(res.status).toBe(status)
    const metrics = await app.fetch(new Request('http://service/metrics'), socketOf(address))
    expect(metrics.status).toBe(status === 401 ? 401 : 200)
    const health = await app.fetch(new Request('http://service/healthz'), socketOf(address))
    expect(health.status).toBe(200)
  })

  it('an in-process request (no socket) is refused unless the app was built to allow it', async () => {
    const strict = buildTestApp(store, { access: { mode: { kind: 'protected' } } }).app
    expect((await strict.request('/api/v1/nothing')).status).toBe(401)
    const lenient = buildTestApp(store, {
      access: { mode: { kind: 'protected' }, inProcessIsLoopback: true },
    }).app
    expect((await lenient.request('/api/v1/nothing')).status).toBe(404)
  })

  it('AUTH_DISABLED serves anyone; /metrics stays loopback only', async () => {
    const { app } = buildTestApp(store, { access: { mode: { kind: 'disabled' } } })
    expect((await app.fetch(new Request('http://service/api/v1/nothing'), socketOf('10.0.0.5'))).status).toBe(
      404,
    )
    expect((await app.fetch(new Request('http://service/metrics'), socketOf('10.0.0.5'))).status).toBe(401)
  })
})

describe('the running service', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase(ADMIN_URL, 'audit_auth_start')
  })
  afterAll(() => database?.drop())
  const base = () => ({ ...loadConfig({}), port: 0, databaseUrl: database.url })

  it('AUTH_DISABLED=true binds every interface and serves without a token, with a warning', async () => {
    const { logger, lines } = capturedLogger()
    const server = await startServer({ ...base(), host: '0.0.0.0', authDisabled: true }, { logger })
    try {
      const res = await fetch(`${server.url}/api/v1/audit/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(validEvent()),
      })
      expect(res.status).toBe(201)
      expect(lines()).toContainEqual(
        expect.objectContaining({ level: 40, msg: expect.stringContaining('AUTH_DISABLED=true') }),
      )
    } finally {
      await server.close()
    }
  })

  it('reloads the tokens file on SIGHUP; a broken file keeps the last good set', async () => {
    const file = join(dir, 'hup.yaml')
    const entry = (name: string) =>
      `  - { name: ${name}, sha256: ${hashToken(`token-${name}`)}, scopes: [audit:read] }\n`
    await writeFile(file, `tokens:\n${entry('first')}`)
    const { logger, lines } = capturedLogger()
    const server = await startServer(
      { ...base(), host: '127.0.0.1', authTokensFile: file },
      { logger, tokensFileWatch: false },
    )
    const status = async (name: string) =>
      (
        await fetch(`${server.url}/api/v1/audit/events?limit=1`, {
          headers: { authorization: `Bearer token-${name}` },
        })
      ).status
    try {
      expect(await status('first')).toBe(200)
      expect(await status('second')).toBe(401)
      await writeFile(file, `tokens:\n${entry('second')}`)
      // Not watched here: nothing changes until the signal.
      expect(await status('second')).toBe(401)
      process.kill(process.pid, 'SIGHUP')
      await waitFor('SIGHUP to load the second token', async () => (await status('second')) === 200)
      expect(await status('first')).toBe(401)

      await writeFile(file, 'tokens: nope')
      process.kill(process.pid, 'SIGHUP')
      await waitFor('the broken file to be logged', () =>
        lines().some(
          (l) =>
            l.level === 50 &&
            l.reason === 'SIGHUP' &&
            l.problem === `tokens file ${file}: "tokens" must be a list`,
        ),
      )
      expect(await status('second')).toBe(200)
    } finally {
      await server.close()
    }
    expect(process.listenerCount('SIGHUP')).toBe(0)
  })
})
