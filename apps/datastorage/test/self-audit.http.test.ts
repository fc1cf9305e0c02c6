import { randomUUID } from 'node:crypto'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAuditEventValidator } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken, type Scope } from '../src/auth/index.js'
import { type DataStorageConfig, loadConfig } from '../src/env.js'
import { createLogger } from '../src/logger.js'
import { type ServerHandle, startServer } from '../src/server.js'
import { uniqueCorrelationId, validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

const TOKENS: Record<string, { token: string; scopes: Scope[] }> = {
  writer: { token: 'tok-sa-writer-1f2e', scopes: ['audit:write'] },
  reader: { token: 'tok-sa-reader-9a8b', scopes: ['audit:read'] },
  admin: { token: 'tok-sa-admin-77aa', scopes: ['audit:admin', 'audit:read'] },
  extra: { token: 'tok-sa-extra-0c0c', scopes: ['audit:read'] },
}
const WINDOW_MS = 1000
const SELF = 'datastorage:self-audit'

const yamlOf = (entries: Array<[string, Scope[]?]>) =>
  `tokens:\n${entries
    .map(
      ([name, scopes]) =>
        `  - name: ${name}\n    sha256: ${hashToken(TOKENS[name]!.token)}\n    scopes: [${(scopes ?? TOKENS[name]!.scopes).join(', ')}]\n`,
    )
    .join('')}`

interface Row {
  event_id: string
  event_type: string
  event_timestamp: string
  correlation_id: string
  actor_type: string | null
  actor_id: string | null
  actor_ip: string | null
  resource_type: string | null
  resource_id: string | null
  severity: string | null
  event_category: string
  event_action: string
  event_outcome: string
  event_data: Record<string, unknown>
  recorded_by: string | null
  version: string
}

let database: TestDatabase
let sql: postgres.Sql
let dir: string
let tokensFile: string
let server: ServerHandle

/** The service's own events of `type` (every one when undefined), oldest first, straight from PostgreSQL. */
const selfEvents = (type?: string): Promise<Row[]> => sql<Row[]>`
  select event_id, event_type, to_json(event_timestamp) #>> '{}' as event_timestamp, correlation_id,
         actor_type, actor_id, actor_ip, resource_type, resource_id, severity, event_category,
         event_action, event_outcome, event_data, recorded_by, version
  from audit_events
  where event_type like 'datastorage.%' ${type === undefined ? sql`` : sql`and event_type = ${type}`}
  order by event_timestamp, stored_at`

const call = (
  path: string,
  init: { token?: string; authorization?: string; requestId?: string; method?: string; body?: unknown } = {},
  base = server.url,
) =>
  fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.requestId ? { 'x-request-id': init.requestId } : {}),
      ...(init.authorization !== undefined
        ? { authorization: init.authorization }
        : init.token
          ? { authorization: `Bearer ${init.token}` }
          : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })

const configFor = (extra: Partial<DataStorageConfig> = {}): DataStorageConfig => ({
  ...loadConfig({}),
  port: 0,
  host: '127.0.0.1',
  databaseUrl: database.url,
  authTokensFile: tokensFile,
  metricsToken: 'self-audit-metrics-token-0001',
  selfAudit: { enabled: true, failureWindowMs: WINDOW_MS },
  ...extra,
})

/** Replaces the tokens file the way config management does (write aside, rename over). */
async function replaceTokensFile(text: string): Promise<void> {
  const aside = join(dir, `tokens.${randomUUID()}.tmp`)
  await writeFile(aside, text)
  await rename(aside, tokensFile)
}

beforeAll(async () => {
  database = await createTestDatabase(ADMIN_URL, 'audit_self')
  sql = postgres(database.url, { max: 2, onnotice: () => {} })
  dir = await mkdtemp(join(tmpdir(), 'datastorage-self-audit-'))
  tokensFile = join(dir, 'tokens.yaml')
  await writeFile(tokensFile, yamlOf([['writer'], ['reader'], ['admin']]))
  server = await startServer(configFor(), {
    logger: createLogger({ level: 'silent' }),
    tokensFileWatch: { debounceMs: 50 },
  })
})

afterAll(async () => {
  await server?.close()
  await sql?.end()
  await database?.drop()
  await rm(dir, { recursive: true, force: true })
})

describe('the self-audit over HTTP, stored in PostgreSQL', () => {
  it('records the tokens read at start-up', async () => {
    const [startup] = await waitFor('the start-up load', async () => {
      const rows = await selfEvents('datastorage.tokens.reloaded')
      return rows.length > 0 && rows
    })
    expect(startup).toMatchObject({
      event_category: 'security',
      event_action: 'tokens_reloaded',
      event_outcome: 'success',
      severity: 'info',
      resource_type: 'tokens_file',
      recorded_by: SELF,
      event_data: { trigger: 'startup', tokens: 3, added: ['writer', 'reader', 'admin'], removed: [] },
    })
  })

  it('a 401 flood from one source: one event at once, then one counting the rest when the window ends', async () => {
    const ids = Array.from({ length: 6 }, () => randomUUID())
    for (const requestId of ids) {
      expect((await call('/api/v1/audit/events', { requestId })).status).toBe(401)
    }
    const lastAnsweredAt = Date.now()
    const events = await waitFor(
      'the flood summary',
      async () => {
        const rows = (await selfEvents('datastorage.auth.failed')).filter(
          (r) => r.event_data.reason === 'missing_token',
        )
        return rows.length === 2 && rows
      },
      WINDOW_MS + 10_000,
    )
    const [first, summary] = events as [Row, Row]
    expect(first).toMatchObject({
      correlation_id: ids[0],
      event_action: 'auth_failed',
      event_outcome: 'failure',
      severity: 'warning',
      actor_type: 'source',
      actor_id: '127.0.0.1',
      actor_ip: '127.0.0.1',
      resource_type: 'audit_events',
      recorded_by: SELF,
      event_data: {
        source_ip: '127.0.0.1',
        method: 'GET',
        path: '/api/v1/audit/events',
        reason: 'missing_token',
        occurrences: 1,
      },
    })
    expect(summary).toMatchObject({ correlation_id: ids[5], event_data: { occurrences: 5 } })
    // The summary is made when the window ends, not with the request it names: after the last
    // refusal was answered, and a window after the first. (The window's timer starts just before
    // the first event takes its timestamp, so a pause of the process between the two shortens the
    // gap a little: 100 ms of slack, far below the window.)
    const summaryAt = Date.parse(summary.event_timestamp)
    expect(summaryAt).toBeGreaterThanOrEqual(lastAnsweredAt)
    expect(summaryAt - Date.parse(first.event_timestamp)).toBeGreaterThanOrEqual(WINDOW_MS - 100)
  })

  it('names the reason of each kind of 401, /metrics with a bad token included', async () => {
    expect((await call('/api/v1/audit/events', { authorization: 'Basic abc' })).status).toBe(401)
    expect((await call('/api/v1/audit/events', { token: 'tok-nobody-knows' })).status).toBe(401)
    expect((await call('/metrics', { token: 'wrong-metrics-token-000' })).status).toBe(401)
    const rows = await waitFor('three reasons', async () => {
      const found = await selfEvents('datastorage.auth.failed')
      const reasons = new Set(found.map((r) => r.event_data.reason))
      return ['malformed_token', 'unknown_token', 'bad_metrics_token'].every((r) => reasons.has(r)) && found
    })
    expect(rows.find((r) => r.event_data.reason === 'bad_metrics_token')).toMatchObject({
      resource_type: 'metrics',
      event_data: { path: '/metrics', occurrences: 1 },
    })
  })

  it('records a 403 with the principal and the scope it lacked', async () => {
    const requestId = randomUUID()
    const res = await call('/api/v1/audit/events', {
      method: 'POST',
      token: TOKENS.reader!.token,
      requestId,
      body: validEvent(),
    })
    expect(res.status).toBe(403)
    const [denied] = await waitFor('the 403 record', async () => {
      const rows = (await selfEvents('datastorage.auth.denied')).filter((r) => r.correlation_id === requestId)
      return rows.length === 1 && rows
    })
    expect(denied).toMatchObject({
      event_action: 'scope_denied',
      actor_type: 'token',
      actor_id: 'reader',
      event_data: { principal: 'reader', required_scope: 'audit:write', method: 'POST', occurrences: 1 },
    })
  })

  it('records a query and a get with the principal, the filters and the rows returned', async () => {
    const correlation_id = uniqueCorrelationId('self-audit')
    const written = await call('/api/v1/audit/events/batch', {
      method: 'POST',
      token: TOKENS.writer!.token,
      body: [validEvent({ correlation_id }), validEvent({ correlation_id })],
    })
    expect(written.status).toBe(201)
    const { event_ids } = (await written.json()) as { event_ids: string[] }

    const queryId = randomUUID()
    const query = await call(`/api/v1/audit/events?correlation_id=${correlation_id}&limit=5`, {
      token: TOKENS.reader!.token,
      requestId: queryId,
    })
    expect(query.status).toBe(200)
    const getId = randomUUID()
    expect(
      (await call(`/api/v1/audit/events/${event_ids[0]}`, { token: TOKENS.reader!.token, requestId: getId }))
        .status,
    ).toBe(200)
    const missingId = randomUUID()
    const missing = randomUUID()
    expect(
      (await call(`/api/v1/audit/events/${missing}`, { token: TOKENS.admin!.token, requestId: missingId }))
        .status,
    ).toBe(404)

    const reads = await waitFor('three read records', async () => {
      const rows = (await selfEvents('datastorage.audit.read')).filter((r) =>
        ([queryId, getId, missingId] as string[]).includes(r.correlation_id),
      )
      return rows.length === 3 && new Map(rows.map((r) => [r.correlation_id, r]))
    })
    expect(reads.get(queryId)).toMatchObject({
      event_action: 'read',
      event_outcome: 'success',
      severity: 'info',
      actor_type: 'token',
      actor_id: 'reader',
      resource_type: 'audit_events',
      recorded_by: SELF,
      event_data: {
        principal: 'reader',
        operation: 'query',
        filters: { correlation_id, limit: '5' },
        rows: 2,
        status: 200,
      },
    })
    expect(reads.get(getId)).toMatchObject({
      resource_id: event_ids[0],
      event_data: { principal: 'reader', operation: 'get', event_id: event_ids[0], rows: 1, status: 200 },
    })
    expect(reads.get(missingId)).toMatchObject({
      event_outcome: 'failure',
      event_data: { principal: 'admin', operation: 'get', event_id: missing, rows: 0, status: 404 },
    })
    // Writes are never recorded.
    expect((await selfEvents()).some((r) => r.event_type.includes('write'))).toBe(false)
  })

  it('records a replaced tokens file with the names added, removed and changed, and a broken one', async () => {
    const before = (await selfEvents('datastorage.tokens.reloaded')).length
    await replaceTokensFile(yamlOf([['reader', ['audit:read', 'audit:write']], ['admin'], ['extra']]))
    const reloaded = await waitFor('the reload record', async () => {
      const rows = await selfEvents('datastorage.tokens.reloaded')
      return rows.length > before && rows.at(-1)!
    })
    expect(reloaded).toMatchObject({
      resource_type: 'tokens_file',
      event_data: {
        trigger: 'file_change',
        tokens: 3,
        added: ['extra'],
        removed: ['writer'],
        changed: ['reader'],
      },
    })
    await replaceTokensFile('tokens: [this is not: a token list')
    const [rejected] = await waitFor('the rejection record', async () => {
      const rows = await selfEvents('datastorage.tokens.rejected')
      return rows.length > 0 && rows
    })
    expect(rejected).toMatchObject({
      event_action: 'tokens_rejected',
      event_outcome: 'failure',
      severity: 'warning',
      event_data: { trigger: 'file_change' },
    })
    expect(String(rejected!.event_data.reason).length).toBeGreaterThan(0)
    // Back to the first set, for the tests that follow.
    const reloads = (await selfEvents('datastorage.tokens.reloaded')).length
    await replaceTokensFile(yamlOf([['writer'], ['reader'], ['admin']]))
    await waitFor(
      'the restore',
      async () => (await selfEvents('datastorage.tokens.reloaded')).length > reloads,
    )
    // SIGHUP reloads too, an unchanged file included.
    process.kill(process.pid, 'SIGHUP')
    const hup = await waitFor(
      'the SIGHUP record',
      async () =>
        (await selfEvents('datastorage.tokens.reloaded')).find((r) => r.event_data.trigger === 'sighup') ??
        false,
    )
    expect(hup.event_data).toMatchObject({ tokens: 3, added: [], removed: [], changed: [] })
  })

  it('records a 429 of a rate-limited token', async () => {
    const limited = await startServer(configFor({ rateLimit: { perSecond: 1, burst: 1 } }), {
      logger: createLogger({ level: 'silent' }),
      tokensFileWatch: false,
    })
    try {
      const statuses: number[] = []
      const ids: string[] = []
      for (let i = 0; i < 3; i++) {
        const requestId = randomUUID()
        ids.push(requestId)
        statuses.push(
          (await call('/api/v1/audit/events?limit=1', { token: TOKENS.admin!.token, requestId }, limited.url))
            .status,
        )
      }
      expect(statuses[0]).toBe(200)
      const first429 = ids[statuses.indexOf(429)]
      expect(first429).toBeDefined()
      const [row] = await waitFor('the 429 record', async () => {
        const rows = (await selfEvents('datastorage.ratelimit.denied')).filter(
          (r) => r.correlation_id === first429,
        )
        return rows.length === 1 && rows
      })
      expect(row).toMatchObject({
        event_action: 'rate_limited',
        actor_type: 'token',
        actor_id: 'admin',
        recorded_by: SELF,
        event_data: { principal: 'admin', occurrences: 1, path: '/api/v1/audit/events' },
      })
    } finally {
      await limited.close()
    }
  })

  it('N reads of the self-audit add exactly N events, and shutdown stores the pending window counts', async () => {
    // An open window with two uncounted refusals, which only shutdown can store (60 s window).
    await server.close()
    const loads = (await selfEvents('datastorage.tokens.reloaded')).length
    server = await startServer(configFor({ selfAudit: { enabled: true, failureWindowMs: 60_000 } }), {
      logger: createLogger({ level: 'silent' }),
      tokensFileWatch: false,
    })
    await waitFor(
      'the start-up load',
      async () => (await selfEvents('datastorage.tokens.reloaded')).length > loads,
    )
    const bogus = 'tok-not-in-the-file-42'
    const floodIds = [randomUUID(), randomUUID(), randomUUID()]
    for (const requestId of floodIds) {
      expect((await call('/api/v1/audit/events', { token: bogus, requestId })).status).toBe(401)
    }
    await waitFor('the first refusal', async () =>
      (await selfEvents('datastorage.auth.failed')).some((r) => r.correlation_id === floodIds[0]),
    )
    const before = await selfEvents()

    const N = 4
    const readIds = Array.from({ length: N }, () => randomUUID())
    for (const requestId of readIds) {
      const res = await call('/api/v1/audit/events?event_category=security&limit=1000', {
        token: TOKENS.reader!.token,
        requestId,
      })
      expect(res.status).toBe(200)
    }
    // close() stores everything the self-audit holds: nothing can come later.
    await server.close()

    const after = await selfEvents()
    const added = after.filter((r) => !before.some((b) => b.event_id === r.event_id))
    expect(added.map((r) => r.event_type).sort()).toEqual([
      'datastorage.audit.read',
      'datastorage.audit.read',
      'datastorage.audit.read',
      'datastorage.audit.read',
      'datastorage.auth.failed',
    ])
    expect(
      added.filter((r) => r.event_type === 'datastorage.audit.read').map((r) => r.correlation_id),
    ).toEqual(readIds)
    expect(added.find((r) => r.event_type === 'datastorage.auth.failed')).toMatchObject({
      correlation_id: floodIds[2],
      event_data: { reason: 'unknown_token', occurrences: 2 },
    })
    server = await startServer(configFor(), {
      logger: createLogger({ level: 'silent' }),
      tokensFileWatch: false,
    })
  })

  it('every self-audit event is recorded by datastorage:self-audit and satisfies its typed schema', async () => {
    const validate = createAuditEventValidator({ unknownEventTypes: 'reject' })
    const rows = await selfEvents()
    expect(rows.length).toBeGreaterThan(10)
    for (const row of rows) {
      expect(row.recorded_by).toBe(SELF)
      const { recorded_by: _, ...fields } = row
      const event = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null))
      expect(validate(event), `${row.event_type} ${JSON.stringify(row.event_data)}`).toEqual([])
    }
    const types = new Set(rows.map((r) => r.event_type))
    for (const type of [
      'datastorage.auth.failed',
      'datastorage.auth.denied',
      'datastorage.ratelimit.denied',
      'datastorage.tokens.reloaded',
      'datastorage.tokens.rejected',
      'datastorage.audit.read',
    ]) {
      expect(types).toContain(type)
    }
  })
})
