import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openapiDocument } from '@audit-trail/datastorage-client/openapi'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken, ROUTE_SCOPES, SCOPES, type Scope } from '../src/auth/index.js'
import { loadConfig } from '../src/env.js'
import { createLogger } from '../src/logger.js'
import { type ServerHandle, startServer } from '../src/server.js'
import { REDIS_URL, type TestStreams, testStreams } from './dlq/support.js'
import { logCapture } from './support/app.js'
import { uniqueCorrelationId, validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

const TOKENS: Record<string, { token: string; scopes: Scope[] }> = {
  writer: { token: 'tok-writer-7f3a9c', scopes: ['audit:write'] },
  reader: { token: 'tok-reader-51be02', scopes: ['audit:read'] },
  admin: { token: 'tok-admin-c0ffee', scopes: ['audit:admin'] },
  all: { token: 'tok-all-4242', scopes: ['audit:write', 'audit:read', 'audit:admin'] },
}
const METRICS_TOKEN = 'metrics-scraper-token-0001'

const yamlOf = (names: string[]) =>
  `tokens:\n${names
    .map(
      (name) =>
        `  - name: ${name}\n    sha256: ${hashToken(TOKENS[name]!.token)}\n    scopes: [${TOKENS[name]!.scopes.join(', ')}]\n`,
    )
    .join('')}`

interface Call {
  method: string
  path: string
  body?: unknown
}

let database: TestDatabase
let dir: string
let tokensFile: string
let server: ServerHandle
let logs: () => Array<Record<string, unknown>>
let eventId: string
/** The correlation id of {@link eventId}, sealed in a checkpoint of size {@link sealedTreeSize}. */
let sealedCorrelationId: string
let sealedTreeSize: number
let streams: TestStreams

const call = (c: Call, token?: string, authorization?: string) =>
  fetch(`${server.url}${c.path}`, {
    method: c.method,
    headers: {
      'content-type': 'application/json',
      ...(authorization !== undefined
        ? { authorization }
        : token !== undefined
          ? { authorization: `Bearer ${token}` }
          : {}),
    },
    body: c.body === undefined ? undefined : JSON.stringify(c.body),
  })

type RouteCall = Call & {
  scope: Scope
  ok: number
  /** Makes the state the call needs (a hold to release), with the all-scopes token; gives the path. */
  prepare?: () => Promise<string>
}

/** Sends `body` with the all-scopes token and returns the parsed answer, failing on a non-2xx. */
async function asAll(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await call({ method, path, body }, TOKENS.all!.token)
  const text = await res.text()
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`)
  return JSON.parse(text) as Record<string, unknown>
}

/** One call per route of the table, with a body, id or state that the route accepts. */
function routeCalls(): RouteCall[] {
  const correlation_id = uniqueCorrelationId('auth')
  const hold = { correlation_id: sealedCorrelationId, reason: 'access-control test' }
  return ROUTE_SCOPES.map(({ method, path, scope }): RouteCall => {
    switch (`${method} ${path}`) {
      case 'POST /api/v1/audit/events/batch':
        return { method, path, scope, ok: 201, body: [validEvent({ correlation_id })] }
      case 'POST /api/v1/audit/events':
        return { method, path, scope, ok: 201, body: validEvent({ correlation_id }) }
      // The DLQ routes read the streams of this file's run (empty: 200 all the same).
      case 'GET /api/v1/audit/dlq':
        return { method, path, scope, ok: 200 }
      case 'GET /api/v1/audit/dlq/messages':
        return { method, path: `${path}?count=1`, scope, ok: 200 }
      case 'POST /api/v1/audit/dlq/replay':
        return { method, path, scope, ok: 200, body: { max_wait_ms: 0 } }
      case 'GET /api/v1/audit/events/export':
        return { method, path: `${path}?limit=1`, scope, ok: 200 }
      case 'GET /api/v1/audit/events/histogram':
        return { method, path, scope, ok: 200 }
      case 'GET /api/v1/audit/events/:event_id':
      case 'GET /api/v1/audit/events/:event_id/proof':
        return { method, path: path.replace(':event_id', eventId), scope, ok: 200 }
      case 'GET /api/v1/audit/checkpoints':
        return { method, path: `${path}?tree_size=${sealedTreeSize}`, scope, ok: 200 }
      case 'GET /api/v1/audit/checkpoints/consistency':
        return { method, path: `${path}?from=1&to=${sealedTreeSize}`, scope, ok: 200 }
      case 'GET /api/v1/audit/checkpoints/latest':
      case 'GET /api/v1/audit/log/leaves':
      case 'GET /api/v1/audit/legal-holds':
      case 'GET /api/v1/audit/legal-hold':
        return { method, path, scope, ok: 200 }
      case 'POST /api/v1/audit/verify':
      case 'POST /api/v1/audit/verify-chain':
        return { method, path, scope, ok: 200, body: { correlation_id: sealedCorrelationId } }
      case 'POST /api/v1/audit/legal-holds':
        return { method, path, scope, ok: 201, body: hold }
      case 'POST /api/v1/audit/legal-hold':
        return { method, path, scope, ok: 200, body: hold }
      case 'DELETE /api/v1/audit/legal-holds/:hold_id':
        return {
          method,
          path,
          scope,
          ok: 200,
          prepare: async () => {
            const placed = await asAll('POST', '/api/v1/audit/legal-holds', hold)
            return path.replace(':hold_id', String(placed.id))
          },
        }
      case 'DELETE /api/v1/audit/legal-hold/:correlation_id':
        return {
          method,
          path,
          scope,
          ok: 200,
          body: { release_reason: 'access-control test' },
          prepare: async () => {
            await asAll('POST', '/api/v1/audit/legal-holds', hold)
            return path.replace(':correlation_id', encodeURIComponent(sealedCorrelationId))
          },
        }
      case 'GET /api/v1/audit/events':
        return { method, path: `${path}?correlation_id=${correlation_id}`, scope, ok: 200 }
      default:
        throw new Error(`no call for ${method} ${path}: add one`)
    }
  })
}

beforeAll(async () => {
  database = await createTestDatabase(ADMIN_URL, 'audit_auth')
  dir = await mkdtemp(join(tmpdir(), 'datastorage-auth-'))
  tokensFile = join(dir, 'tokens.yaml')
  await writeFile(tokensFile, yamlOf(['writer', 'reader', 'admin', 'all']))
  const capture = logCapture()
  logs = capture.lines
  streams = testStreams()
  server = await startServer(
    {
      ...loadConfig({
        REDIS_URL,
        DLQ_STREAM: streams.stream,
        DEAD_LETTER_STREAM: streams.deadLetterStream,
        // The integrity routes need a checkpoint: signed soon after the first event.
        CHECKPOINT_INTERVAL_MS: '100',
        DATA_DIR: dir,
      }),
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      authTokensFile: tokensFile,
      metricsToken: METRICS_TOKEN,
    },
    {
      logger: createLogger({ level: 'info', destination: capture.stream }),
      tokensFileWatch: { debounceMs: 50 },
    },
  )
  sealedCorrelationId = uniqueCorrelationId('auth-sealed')
  const res = await call(
    {
      method: 'POST',
      path: '/api/v1/audit/events',
      body: validEvent({ correlation_id: sealedCorrelationId }),
    },
    TOKENS.writer!.token,
  )
  expect(res.status).toBe(201)
  eventId = ((await res.json()) as { event_id: string }).event_id
  sealedTreeSize = await waitFor('a checkpoint sealing the first event', async () => {
    const proof = await call(
      { method: 'GET', path: `/api/v1/audit/events/${eventId}/proof` },
      TOKENS.reader!.token,
    )
    if (proof.status !== 200) return false
    return ((await proof.json()) as { tree_size: number }).tree_size
  })
})

afterAll(async () => {
  await server?.close()
  await streams?.cleanup()
  await database?.drop()
  await rm(dir, { recursive: true, force: true })
})

describe('access control with AUTH_TOKENS_FILE, over HTTP', () => {
  it('logs the tokens in force by name and scopes, never a token or hash', () => {
    const line = logs().find((l) => String(l.msg).startsWith('access control: 4 token(s)'))
    expect(line).toBeDefined()
    const text = JSON.stringify(logs())
    for (const { token } of Object.values(TOKENS)) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(hashToken(token))
    }
  })

  it("names the token's holder (never the token) in the request's log line", async () => {
    const res = await call({ method: 'GET', path: '/api/v1/audit/events?limit=1' }, TOKENS.reader!.token)
    expect(res.status).toBe(200)
    const requestId = res.headers.get('x-request-id')
    await waitFor('the request log line', () =>
      logs().some((l) => l.req_id === requestId && l.msg === 'request completed'),
    )
    expect(logs().find((l) => l.req_id === requestId && l.msg === 'request completed')).toMatchObject({
      principal: 'reader',
      status: 200,
    })
  })

  it('the table gives every /api/v1 operation of the contract the scope the contract names', () => {
    const declared: string[] = []
    for (const [path, item] of Object.entries(
      openapiDocument.paths as Record<string, Record<string, unknown>>,
    )) {
      if (!path.startsWith('/api/v1/')) continue
      for (const [method, op] of Object.entries(item)) {
        const security = (op as { security?: Array<{ bearerAuth?: string[] }> }).security
        const scope = security?.[0]?.bearerAuth?.[0]
        declared.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')} ${scope}`)
      }
    }
    expect(ROUTE_SCOPES.map((r) => `${r.method} ${r.path} ${r.scope}`).sort()).toEqual(declared.sort())
  })

  it('answers every scope × route pair: 2xx with the scope, 403 naming it without', async () => {
    const results: string[] = []
    const expected: string[] = []
    for (const name of Object.keys(TOKENS)) {
      const { token, scopes } = TOKENS[name]!
      for (const route of routeCalls()) {
        if (route.prepare) route.path = await route.prepare()
        const res = await call(route, token)
        const body = await res.text()
        results.push(`${name} ${route.method} ${route.path.split('?')[0]} ${res.status}`)
        const allowed = scopes.includes(route.scope)
        expected.push(`${name} ${route.method} ${route.path.split('?')[0]} ${allowed ? route.ok : 403}`)
        if (!allowed) {
          expect(res.headers.get('content-type')).toBe('application/problem+json')
          const problem = JSON.parse(body) as Record<string, unknown>
          expect(problem).toMatchObject({
            type: 'https://audit-trail.dev/problems/forbidden',
            status: 403,
            title: 'Forbidden',
          })
          expect(problem.detail).toContain(`lacks the scope ${route.scope}`)
        }
      }
    }
    expect(results).toEqual(expected)
  })

  it('serves the DLQ routes from REDIS_URL and the configured streams to an admin token', async () => {
    const stats = await call({ method: 'GET', path: '/api/v1/audit/dlq' }, TOKENS.admin!.token)
    expect(await stats.json()).toMatchObject({
      enabled: true,
      stream: streams.stream,
      dead_letter: { stream: streams.deadLetterStream },
    })
    const messages = await call(
      { method: 'GET', path: '/api/v1/audit/dlq/messages?stream=dead-letter' },
      TOKENS.admin!.token,
    )
    expect(await messages.json()).toEqual({ stream: streams.deadLetterStream, messages: [] })
    // The read is in the self-audit, by the request's id, under the admin's name.
    const requestId = messages.headers.get('x-request-id')
    const recorded = await waitFor('the DLQ read in the self-audit', async () => {
      const res = await call(
        {
          method: 'GET',
          path: `/api/v1/audit/events?event_type=datastorage.audit.read&correlation_id=${requestId}`,
        },
        TOKENS.reader!.token,
      )
      const page = (await res.json()) as { data: Array<{ event_data: unknown; resource_type: string }> }
      return page.data[0] ?? false
    })
    expect(recorded).toMatchObject({
      resource_type: 'dlq',
      event_data: {
        principal: 'admin',
        operation: 'dlq_messages',
        filters: { count: '10', stream: 'dead-letter' },
        rows: 0,
        status: 200,
      },
    })
    // A 403 names the scope and the route as the contract spells it.
    const denied = await call({ method: 'GET', path: '/api/v1/audit/dlq/messages' }, TOKENS.reader!.token)
    expect(((await denied.json()) as { detail: string }).detail).toBe(
      'This token lacks the scope audit:admin, which GET /api/v1/audit/dlq/messages requires.',
    )
  })

  it('answers 401 with one identical body for a missing, malformed or unknown token', async () => {
    const route = { method: 'GET', path: '/api/v1/audit/events' }
    const answers = await Promise.all(
      [
        undefined,
        '',
        'Bearer',
        'Bearer ',
        `Basic ${Buffer.from('a:b').toString('base64')}`,
        `Token ${TOKENS.all!.token}`,
        `Bearer ${TOKENS.all!.token} extra`,
        `Bearer ${hashToken(TOKENS.all!.token)}`,
        'Bearer not-a-token-we-know',
        `Bearer ${TOKENS.all!.token}x`,
      ].map(async (authorization) => {
        const res = await call(route, undefined, authorization)
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          challenge: res.headers.get('www-authenticate'),
          body: await res.text(),
        }
      }),
    )
    for (const answer of answers) expect(answer).toEqual(answers[0])
    expect(answers[0]!.status).toBe(401)
    expect(answers[0]!.type).toBe('application/problem+json')
    expect(answers[0]!.challenge).toBe('Bearer realm="audit-trail"')
    expect(JSON.parse(answers[0]!.body)).toEqual({
      type: 'https://audit-trail.dev/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'A valid bearer token is required (Authorization: Bearer <token>).',
      instance: '/api/v1/audit/events',
    })
  })

  it('accepts the scheme in any case', async () => {
    const res = await call(
      { method: 'GET', path: `/api/v1/audit/events/${eventId}` },
      undefined,
      `bearer ${TOKENS.reader!.token}`,
    )
    expect(res.status).toBe(200)
  })

  it('answers 401 before 404 or 405 for unauthenticated callers, and 404/405 to known tokens', async () => {
    for (const c of [
      { method: 'GET', path: '/api/v1/nothing-here' },
      { method: 'GET', path: '/api/v1' },
      { method: 'DELETE', path: `/api/v1/audit/events/${eventId}` },
      { method: 'GET', path: '/api/v1/audit/%65vents' },
    ]) {
      expect((await call(c)).status, `${c.method} ${c.path}`).toBe(401)
    }
    expect((await call({ method: 'GET', path: '/api/v1/nothing-here' }, TOKENS.admin!.token)).status).toBe(
      404,
    )
    expect(
      (await call({ method: 'DELETE', path: `/api/v1/audit/events/${eventId}` }, TOKENS.all!.token)).status,
    ).toBe(405)
  })

  it('no spelling of a path escapes its scope', async () => {
    for (const path of ['/api/v1/audit/%65vents', '/api/v1/audit//events', '/api/v1/audit/events/']) {
      const res = await call({ method: 'GET', path }, TOKENS.writer!.token)
      expect([403, 404], path).toContain(res.status)
    }
  })

  it('keeps /healthz and /readyz open, /metrics behind METRICS_TOKEN', async () => {
    expect((await call({ method: 'GET', path: '/healthz' })).status).toBe(200)
    expect((await call({ method: 'GET', path: '/readyz' })).status).toBe(200)
    expect((await call({ method: 'GET', path: '/metrics' })).status).toBe(401)
    expect((await call({ method: 'GET', path: '/metrics' }, TOKENS.all!.token)).status).toBe(401)
    const res = await call({ method: 'GET', path: '/metrics' }, METRICS_TOKEN)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('http_request')
  })

  describe('reload', () => {
    const canRead = async (name: string) =>
      (await call({ method: 'GET', path: `/api/v1/audit/events/${eventId}` }, TOKENS[name]!.token)).status

    it('picks up a replaced file without a restart, and keeps the last good set when it breaks', async () => {
      expect(await canRead('reader')).toBe(200)
      // Replaced as editors do: a new file renamed over the old one.
      await writeFile(join(dir, 'tokens.yaml.tmp'), yamlOf(['writer', 'all']))
      await rename(join(dir, 'tokens.yaml.tmp'), tokensFile)
      await waitFor('the reader token to be revoked', async () => (await canRead('reader')) === 401)
      expect(await canRead('all')).toBe(200)

      await writeFile(tokensFile, 'tokens: [{ name: broken, sha256: nothex, scopes: [audit:read] }]\n')
      await waitFor('the broken file to be logged', () =>
        logs().some(
          (l) =>
            l.level === 50 &&
            String(l.msg).includes(tokensFile) &&
            String(l.msg).includes('tokens[0].sha256 must be 64 hex digits') &&
            String(l.msg).includes('keeping the last good set of 2 token(s)'),
        ),
      )
      expect(await canRead('all')).toBe(200)
      expect(await canRead('reader')).toBe(401)

      await writeFile(tokensFile, yamlOf(['writer', 'reader', 'admin', 'all']))
      await waitFor('the reader token to come back', async () => (await canRead('reader')) === 200)
    })
  })
})

describe('scopes', () => {
  it('are the three of the issue', () => {
    expect([...SCOPES]).toEqual(['audit:write', 'audit:read', 'audit:admin'])
  })
})
