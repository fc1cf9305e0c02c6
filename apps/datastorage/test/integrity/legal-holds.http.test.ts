import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { components } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken, type Scope } from '../../src/auth/index.js'
import { loadConfig } from '../../src/env.js'
import { createLogger } from '../../src/logger.js'
import { type ServerHandle, startServer } from '../../src/server.js'
import { uniqueCorrelationId, validEvent } from '../support/events.js'
import { ADMIN_URL } from '../support/postgres.js'

type LegalHold = components['schemas']['LegalHold']
type LegalHoldList = components['schemas']['LegalHoldList']
type Problem = components['schemas']['Problem']

const TOKENS: Record<string, { token: string; scopes: Scope[] }> = {
  admin: { token: 'tok-lh-admin-5b1c', scopes: ['audit:admin'] },
  reader: { token: 'tok-lh-reader-7d2e', scopes: ['audit:read'] },
  writer: { token: 'tok-lh-writer-3a9f', scopes: ['audit:write'] },
}
const BASE = '/api/v1/audit'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let database: TestDatabase
let sql: postgres.Sql
let dir: string
let server: ServerHandle

const call = async (
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; contentType?: string } = {},
) => {
  const hasBody = options.body !== undefined || options.raw !== undefined
  const res = await fetch(`${server.url}${BASE}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.token ?? TOKENS.admin!.token}`,
      ...(hasBody ? { 'content-type': options.contentType ?? 'application/json' } : {}),
    },
    ...(hasBody ? { body: options.raw ?? JSON.stringify(options.body) } : {}),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
}

/** Stores `count` events of a correlation id through the API. */
async function store(correlationId: string, count: number): Promise<void> {
  const events = Array.from({ length: count }, () => validEvent({ correlation_id: correlationId }))
  const res = await call('POST', '/events/batch', { token: TOKENS.writer!.token, body: events })
  expect(res.status).toBe(201)
}

const selfEvents = (type: string) => sql<
  Array<{
    event_data: Record<string, unknown>
    actor_id: string
    resource_id: string
    correlation_id: string
  }>
>`
  SELECT event_data, actor_id, resource_id, correlation_id FROM audit_events WHERE event_type = ${type}
  ORDER BY stored_at`

beforeAll(async () => {
  database = await createTestDatabase(ADMIN_URL, 'audit_holds')
  sql = postgres(database.url, { max: 1, onnotice: () => {} })
  dir = await mkdtemp(join(tmpdir(), 'datastorage-holds-'))
  const tokensFile = join(dir, 'tokens.yaml')
  await writeFile(
    tokensFile,
    `tokens:\n${Object.entries(TOKENS)
      .map(
        ([name, t]) =>
          `  - name: ${name}\n    sha256: ${hashToken(t.token)}\n    scopes: [${t.scopes.join(', ')}]\n`,
      )
      .join('')}`,
  )
  server = await startServer(
    {
      ...loadConfig({ DATA_DIR: dir }),
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      authTokensFile: tokensFile,
      bodyLimitBytes: 8192,
      selfAudit: { enabled: true, failureWindowMs: 1000 },
    },
    { logger: createLogger({ level: 'silent' }), tokensFileWatch: false },
  )
})

afterAll(async () => {
  await server?.close()
  await sql?.end()
  await database?.drop()
  await rm(dir, { recursive: true, force: true })
})

describe('legal holds over HTTP', () => {
  it('POST /legal-holds: 201, Location, placed_by the caller, the events of its correlation id counted', async () => {
    const correlation_id = uniqueCorrelationId('hold')
    await store(correlation_id, 3)
    const res = await call('POST', '/legal-holds', { body: { correlation_id, reason: 'litigation 42' } })
    expect(res.status).toBe(201)
    const hold = res.body as LegalHold
    expect(hold).toEqual({
      id: expect.stringMatching(UUID),
      correlation_id,
      reason: 'litigation 42',
      placed_by: 'admin',
      placed_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      status: 'active',
      events_affected: 3,
      released_by: null,
      released_at: null,
      release_reason: null,
    })
    expect(res.headers.get('location')).toBe(`${BASE}/legal-holds/${hold.id}`)
    // A hold may name a correlation id with nothing stored yet: later events are held too.
    const early = await call('POST', '/legal-holds', {
      body: { correlation_id: uniqueCorrelationId('none'), reason: 'r' },
    })
    expect(early.status).toBe(201)
    expect(early.body.events_affected).toBe(0)
  })

  it('GET /legal-holds: active by default, released, all, by correlation id; active first, newest first', async () => {
    const correlation_id = uniqueCorrelationId('list')
    const first = (await call('POST', '/legal-holds', { body: { correlation_id, reason: 'one' } }))
      .body as LegalHold
    const second = (await call('POST', '/legal-holds', { body: { correlation_id, reason: 'two' } }))
      .body as LegalHold
    const third = (await call('POST', '/legal-holds', { body: { correlation_id, reason: 'three' } }))
      .body as LegalHold
    expect((await call('DELETE', `/legal-holds/${second.id}`)).status).toBe(200)

    const ids = async (query: string) => {
      const res = await call('GET', `/legal-holds${query}`)
      expect(res.status).toBe(200)
      const list = res.body as LegalHoldList
      expect(list.total).toBe(list.holds.length)
      return list.holds.map((h) => h.id)
    }
    const q = `correlation_id=${encodeURIComponent(correlation_id)}`
    expect(await ids(`?${q}`)).toEqual([third.id, first.id])
    expect(await ids(`?status=active&${q}`)).toEqual([third.id, first.id])
    expect(await ids(`?status=released&${q}`)).toEqual([second.id])
    expect(await ids(`?status=all&${q}`)).toEqual([third.id, first.id, second.id])
    expect(await ids('')).toEqual(expect.arrayContaining([third.id, first.id]))
    expect(await ids('')).not.toContain(second.id)
  })

  it('DELETE /legal-holds/{id}: 200 released (with or without a reason), 409 already-released, 404, 400', async () => {
    const correlation_id = uniqueCorrelationId('release')
    const hold = (await call('POST', '/legal-holds', { body: { correlation_id, reason: 'audit' } }))
      .body as LegalHold
    const released = await call('DELETE', `/legal-holds/${hold.id}`, { body: { reason: 'case closed' } })
    expect(released.status).toBe(200)
    expect(released.body).toMatchObject({
      id: hold.id,
      status: 'released',
      released_by: 'admin',
      release_reason: 'case closed',
      placed_at: hold.placed_at,
    })
    expect(Date.parse(released.body.released_at)).toBeGreaterThanOrEqual(Date.parse(hold.placed_at))

    const again = await call('DELETE', `/legal-holds/${hold.id}`)
    expect(again.status).toBe(409)
    expect((again.body as Problem).type).toBe('https://audit-trail.dev/problems/already-released')

    const other = (await call('POST', '/legal-holds', { body: { correlation_id, reason: 'again' } }))
      .body as LegalHold
    const bare = await call('DELETE', `/legal-holds/${other.id}`)
    expect(bare.status).toBe(200)
    expect(bare.body.release_reason).toBeNull()

    const unknown = await call('DELETE', '/legal-holds/0192f1c2-7a3b-7c4d-8e5f-0123456789ab')
    expect(unknown.status).toBe(404)
    const notUuid = await call('DELETE', '/legal-holds/not-a-uuid')
    expect(notUuid.status).toBe(400)
    expect((notUuid.body as Problem).errors?.[0]?.field).toBe('hold_id')
    const badReason = await call('DELETE', `/legal-holds/${other.id}`, { body: { reason: '' } })
    expect(badReason.status).toBe(400)
    expect((badReason.body as Problem).errors?.[0]?.field).toBe('reason')
  })

  it('refuses invalid holds with 400 naming the fields, 415 and 413', async () => {
    const fields = async (body: unknown) => {
      const res = await call('POST', '/legal-holds', { body })
      expect(res.status).toBe(400)
      return ((res.body as Problem).errors ?? []).map((e) => e.field).sort()
    }
    expect(await fields({})).toEqual(['correlation_id', 'reason'])
    expect(await fields({ correlation_id: 'x'.repeat(256), reason: 'r' })).toEqual(['correlation_id'])
    expect(await fields({ correlation_id: 'a\u0000b', reason: 'r'.repeat(1001) })).toEqual([
      'correlation_id',
      'reason',
    ])
    expect(await fields({ correlation_id: 7, reason: 'r' })).toEqual(['correlation_id'])
    expect(await fields('a string')).toEqual(['(root)'])
    const text = await call('POST', '/legal-holds', { raw: '{}', contentType: 'text/plain' })
    expect(text.status).toBe(415)
    const large = await call('POST', '/legal-holds', {
      body: { correlation_id: 'c', reason: 'r', pad: 'x'.repeat(9000) },
    })
    expect(large.status).toBe(413)
    const query = await call('GET', '/legal-holds?status=gone&limit=1')
    expect(query.status).toBe(400)
    expect(((query.body as Problem).errors ?? []).map((e) => e.field).sort()).toEqual(['limit', 'status'])
  })

  it('needs audit:admin: 403 for the other scopes, on every legal-hold route', async () => {
    for (const name of ['reader', 'writer']) {
      const token = TOKENS[name]!.token
      const body = { correlation_id: 'c', reason: 'r' }
      expect((await call('POST', '/legal-holds', { token, body })).status).toBe(403)
      expect((await call('GET', '/legal-holds', { token })).status).toBe(403)
      expect(
        (await call('DELETE', '/legal-holds/0192f1c2-7a3b-7c4d-8e5f-0123456789ab', { token })).status,
      ).toBe(403)
      expect((await call('POST', '/legal-hold', { token, body })).status).toBe(403)
      expect((await call('GET', '/legal-hold', { token })).status).toBe(403)
      expect((await call('DELETE', '/legal-hold/c', { token, body: { release_reason: 'r' } })).status).toBe(
        403,
      )
    }
  })

  it('the seed’s paths: POST/GET /legal-hold, DELETE /legal-hold/{correlation_id}', async () => {
    const correlation_id = uniqueCorrelationId('seed')
    const none = await call('POST', '/legal-hold', { body: { correlation_id, reason: 'investigation' } })
    expect(none.status).toBe(404)

    await store(correlation_id, 2)
    const placed = await call('POST', '/legal-hold', { body: { correlation_id, reason: 'investigation' } })
    expect(placed.status).toBe(200)
    expect(placed.body).toEqual({
      correlation_id,
      events_affected: 2,
      placed_by: 'admin',
      placed_at: expect.any(String),
      reason: 'investigation',
    })
    expect((await call('POST', '/legal-hold', { body: { correlation_id, reason: 'second' } })).status).toBe(
      200,
    )

    const list = await call('GET', '/legal-hold')
    expect(list.status).toBe(200)
    const mine = list.body.holds.filter(
      (h: { correlation_id: string }) => h.correlation_id === correlation_id,
    )
    expect(mine).toHaveLength(2)
    expect(Object.keys(mine[0]).sort()).toEqual([
      'correlation_id',
      'events_affected',
      'placed_at',
      'placed_by',
      'reason',
    ])
    expect(list.body.total).toBe(list.body.holds.length)

    const missingReason = await call('DELETE', `/legal-hold/${encodeURIComponent(correlation_id)}`, {
      body: {},
    })
    expect(missingReason.status).toBe(400)
    expect((missingReason.body as Problem).errors).toEqual([
      { field: 'release_reason', message: 'is required' },
    ])

    const released = await call('DELETE', `/legal-hold/${encodeURIComponent(correlation_id)}`, {
      body: { release_reason: 'closed' },
    })
    expect(released.status).toBe(200)
    expect(released.body).toEqual({
      correlation_id,
      events_released: 2,
      released_by: 'admin',
      released_at: expect.any(String),
    })
    const holds = await call(
      'GET',
      `/legal-holds?status=released&correlation_id=${encodeURIComponent(correlation_id)}`,
    )
    expect(holds.body.holds.map((h: LegalHold) => h.release_reason)).toEqual(['closed', 'closed'])
    const again = await call('DELETE', `/legal-hold/${encodeURIComponent(correlation_id)}`, {
      body: { release_reason: 'closed' },
    })
    expect(again.status).toBe(404)
  })

  it('records each placement and release as a self-audit event', async () => {
    const correlation_id = uniqueCorrelationId('self')
    await store(correlation_id, 1)
    const hold = (await call('POST', '/legal-holds', { body: { correlation_id, reason: 'keep' } }))
      .body as LegalHold
    await call('DELETE', `/legal-holds/${hold.id}`, { body: { reason: 'done' } })
    const placed = await waitFor('the placed event', async () => {
      const rows = (await selfEvents('datastorage.legal_hold.placed')).filter(
        (r) => r.resource_id === hold.id,
      )
      return rows.length === 1 && rows[0]!
    })
    expect(placed.event_data).toEqual({
      hold_id: hold.id,
      correlation_id,
      principal: 'admin',
      reason: 'keep',
      events_affected: 1,
    })
    expect(placed.actor_id).toBe('admin')
    // The record is not an event of the held correlation id.
    expect(placed.correlation_id).not.toBe(correlation_id)
    const released = await waitFor('the released event', async () => {
      const rows = (await selfEvents('datastorage.legal_hold.released')).filter(
        (r) => r.resource_id === hold.id,
      )
      return rows.length === 1 && rows[0]!
    })
    expect(released.event_data).toMatchObject({ hold_id: hold.id, principal: 'admin', reason: 'done' })
  })
})
