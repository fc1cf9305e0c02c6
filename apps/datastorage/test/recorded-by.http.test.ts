import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type AuditEvent,
  type AuditEventPage,
  createAuditEventValidator,
  decodeDeadLetterMessage,
} from '@audit-trail/datastorage-client'
import {
  createTestDatabase,
  startThrowawayPostgres,
  type TestDatabase,
  type ThrowawayPostgres,
  waitFor,
} from '@audit-trail/test-infra'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../src/auth/index.js'
import { PRINCIPALS } from '../src/auth/principals.js'
import { auditEventRoutes } from '../src/http/routes/audit-events.js'
import { createMetrics } from '../src/metrics/service-metrics.js'
import type { ServerHandle } from '../src/server.js'
import type { AuditEventStore } from '../src/store/audit-event-store.js'
import type { EventWriter } from '../src/write/event-writer.js'
import { startService } from './dlq/service-support.js'
import {
  addMessages,
  clientMessage,
  makeEvent,
  type TestStreams,
  testRedis,
  testStreams,
} from './dlq/support.js'
import { uniqueCorrelationId, validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

// recorded_by over HTTP, through the real service (startServer) on a real PostgreSQL and Redis:
// the name comes from the credential, never from the body, and survives the DLQ.

const TOKENS = {
  'billing-writer': { token: 'tok-billing-3e1d', scopes: ['audit:write'] },
  'ingest.worker@eu-1': { token: 'tok-ingest-90af', scopes: ['audit:write'] },
  reader: { token: 'tok-reader-77c2', scopes: ['audit:read'] },
} as const
type TokenName = keyof typeof TOKENS

const tokensYaml = `tokens:\n${Object.entries(TOKENS)
  .map(
    ([name, { token, scopes }]) =>
      `  - name: ${name}\n    sha256: ${hashToken(token)}\n    scopes: [${scopes.join(', ')}]\n`,
  )
  .join('')}`

let redis: Redis
const cleanups: Array<() => Promise<unknown>> = []
beforeAll(() => {
  redis = testRedis()
})
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  redis.disconnect()
})

/** A fresh database on `adminUrl` and fresh DLQ streams, both removed after the file. */
async function isolated(adminUrl: string): Promise<{ database: TestDatabase; streams: TestStreams }> {
  const database = await createTestDatabase(adminUrl, 'audit_recorded_by')
  const streams = testStreams()
  cleanups.push(
    () => database.drop(),
    () => streams.cleanup(),
  )
  return { database, streams }
}

function client(service: ServerHandle) {
  const headers = (token?: TokenName) => ({
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${TOKENS[token].token}` } : {}),
  })
  return {
    post: (path: 'events' | 'events/batch', body: unknown, token?: TokenName) =>
      fetch(`${service.url}/api/v1/audit/${path}`, {
        method: 'POST',
        headers: headers(token),
        body: JSON.stringify(body),
      }),
    query: async (params: Record<string, string>, token?: TokenName): Promise<Response> =>
      fetch(`${service.url}/api/v1/audit/events?${new URLSearchParams(params)}`, { headers: headers(token) }),
    /** Every event of a correlation id (newest first), optionally of one `recorded_by`. */
    async events(correlation_id: string, token?: TokenName, recorded_by?: string): Promise<AuditEvent[]> {
      const res = await this.query(
        { correlation_id, limit: '1000', ...(recorded_by === undefined ? {} : { recorded_by }) },
        token,
      )
      expect(res.status, await res.clone().text()).toBe(200)
      return ((await res.json()) as AuditEventPage).data
    },
  }
}

const namesById = (events: readonly AuditEvent[]) =>
  Object.fromEntries(events.map((e) => [e.event_id, e.recorded_by]))

describe('recorded_by with AUTH_TOKENS_FILE', () => {
  let pgServer: ThrowawayPostgres
  let service: ServerHandle
  let streams: TestStreams
  let api: ReturnType<typeof client>

  beforeAll(async () => {
    // A PostgreSQL of this file's own: one test stops it to send writes to the DLQ.
    pgServer = await startThrowawayPostgres()
    cleanups.push(() => pgServer.destroy())
    const dir = await mkdtemp(join(tmpdir(), 'datastorage-recorded-by-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    const tokensFile = join(dir, 'tokens.yaml')
    await writeFile(tokensFile, tokensYaml)
    const fixture = await isolated(pgServer.url)
    streams = fixture.streams
    service = await startService(fixture.database.url, streams, { AUTH_TOKENS_FILE: tokensFile })
    cleanups.push(() => service.close())
    api = client(service)
  }, 60_000)

  it('stores each event under the name of the token that wrote it, whatever actor the body claims', async () => {
    const correlation_id = uniqueCorrelationId('recorded-by')
    const single = await api.post(
      'events',
      validEvent({ correlation_id, actor_id: 'reader' }),
      'billing-writer',
    )
    expect(single.status).toBe(201)
    const { event_id: singleId } = (await single.json()) as { event_id: string }
    const batch = await api.post(
      'events/batch',
      [validEvent({ correlation_id }), validEvent({ correlation_id, actor_id: 'billing-writer' })],
      'ingest.worker@eu-1',
    )
    expect(batch.status).toBe(201)
    const { event_ids: batchIds } = (await batch.json()) as { event_ids: string[] }

    const events = await api.events(correlation_id, 'reader')
    expect(namesById(events)).toEqual({
      [singleId]: 'billing-writer',
      [batchIds[0]!]: 'ingest.worker@eu-1',
      [batchIds[1]!]: 'ingest.worker@eu-1',
    })
    // The actor is what the body says; recorded_by is who said it.
    expect(events.find((e) => e.event_id === singleId)).toMatchObject({
      actor_id: 'reader',
      recorded_by: 'billing-writer',
    })
    const one = await fetch(`${service.url}/api/v1/audit/events/${batchIds[1]}`, {
      headers: { authorization: `Bearer ${TOKENS.reader.token}` },
    })
    expect(await one.json()).toMatchObject({ actor_id: 'billing-writer', recorded_by: 'ingest.worker@eu-1' })
  })

  it('filters a query on recorded_by, exactly', async () => {
    const correlation_id = uniqueCorrelationId('recorded-by-filter')
    const writes = [
      await api.post(
        'events/batch',
        [validEvent({ correlation_id }), validEvent({ correlation_id })],
        'billing-writer',
      ),
      await api.post('events', validEvent({ correlation_id }), 'ingest.worker@eu-1'),
    ]
    expect(writes.map((r) => r.status)).toEqual([201, 201])
    const billing = (await writes[0]!.json()) as { event_ids: string[] }

    const ids = async (recordedBy: string) =>
      (await api.events(correlation_id, 'reader', recordedBy)).map((e) => e.event_id).sort()
    expect(await ids('billing-writer')).toEqual([...billing.event_ids].sort())
    expect(await ids('ingest.worker@eu-1')).toHaveLength(1)
    expect(await ids('billing')).toEqual([])
    expect(await ids('BILLING-WRITER')).toEqual([])
    expect(await ids('reader')).toEqual([])

    // Outside the contract's 1..255 characters, or repeated: 400 naming the parameter.
    for (const params of [
      new URLSearchParams({ recorded_by: '' }),
      new URLSearchParams({ recorded_by: 'x'.repeat(256) }),
      new URLSearchParams([
        ['recorded_by', 'a'],
        ['recorded_by', 'b'],
      ]),
    ]) {
      const res = await fetch(`${service.url}/api/v1/audit/events?${params}`, {
        headers: { authorization: `Bearer ${TOKENS.reader.token}` },
      })
      expect(res.status, params.toString().slice(0, 40)).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(((await res.json()) as { errors: Array<{ field: string }> }).errors).toEqual([
        expect.objectContaining({ field: 'recorded_by' }),
      ])
    }
  })

  it('refuses a body that names its own recorded_by (400, nothing stored), single and batch', async () => {
    const correlation_id = uniqueCorrelationId('recorded-by-forged')
    const forged = { ...validEvent({ correlation_id }), recorded_by: PRINCIPALS.selfAudit }
    const single = await api.post('events', forged, 'billing-writer')
    expect(single.status).toBe(400)
    const problem = (await single.json()) as { type: string; errors: Array<{ field: string }> }
    expect(problem.type).toMatch(/validation-error$/)
    expect(JSON.stringify(problem.errors)).toContain('recorded_by')

    const batch = await api.post('events/batch', [validEvent({ correlation_id }), forged], 'billing-writer')
    expect(batch.status).toBe(400)
    expect(((await batch.json()) as { errors: Array<{ index?: number }> }).errors).toEqual([
      expect.objectContaining({ index: 1 }),
    ])
    expect(await api.events(correlation_id, 'reader')).toEqual([])
  })

  it('keeps the writer’s name through the DLQ while PostgreSQL is down; a client’s own DLQ message replays as redis:dead-letter-queue', async () => {
    const correlation_id = uniqueCorrelationId('recorded-by-dlq')
    const batch = [makeEvent({ correlation_id }), makeEvent({ correlation_id })]
    const fromClient = makeEvent({ correlation_id })
    try {
      await pgServer.stop()
      // Sent again until the service answers 202: the same ids, so a retry stores nothing twice.
      await waitFor(
        'a 202 while PostgreSQL is down',
        async () => (await api.post('events/batch', batch, 'ingest.worker@eu-1')).status === 202,
        30_000,
      )
      // The service's messages carry the writer's name while they wait.
      const queued = (await redis.xrange(streams.stream, '-', '+')).map(([, fields]) =>
        decodeDeadLetterMessage(fields),
      )
      const mine = queued.filter((m) => m.event.correlation_id === correlation_id)
      expect(mine.length).toBeGreaterThanOrEqual(2)
      expect(new Set(mine.map((m) => `${m.source}/${m.recordedBy}`))).toEqual(
        new Set(['server/ingest.worker@eu-1']),
      )
      // An audit client that could not reach the service wrote this one to Redis itself.
      await addMessages(redis, streams.stream, [clientMessage(fromClient)])
    } finally {
      await pgServer.start()
    }
    await waitFor(
      'the DLQ replayed',
      async () => (await api.events(correlation_id, 'reader')).length === 3,
      30_000,
    )
    expect(namesById(await api.events(correlation_id, 'reader'))).toEqual({
      [batch[0]!.event_id]: 'ingest.worker@eu-1',
      [batch[1]!.event_id]: 'ingest.worker@eu-1',
      [fromClient.event_id]: 'redis:dead-letter-queue',
    })
    expect(
      (await api.events(correlation_id, 'reader', PRINCIPALS.deadLetterQueue)).map((e) => e.event_id),
    ).toEqual([fromClient.event_id])
  })
})

describe.each([
  ['protected mode (no tokens file)', {}, PRINCIPALS.loopback],
  ['AUTH_DISABLED=true', { AUTH_DISABLED: 'true' }, PRINCIPALS.authDisabled],
] as const)('recorded_by in %s', (_, env, expected) => {
  let service: ServerHandle
  let api: ReturnType<typeof client>
  beforeAll(async () => {
    const { database, streams } = await isolated(ADMIN_URL)
    service = await startService(database.url, streams, { ...env })
    cleanups.push(() => service.close())
    api = client(service)
  })

  it(`stores a loopback caller's events as ${expected}, and filters on it`, async () => {
    const correlation_id = uniqueCorrelationId('recorded-by-anonymous')
    expect((await api.post('events', validEvent({ correlation_id }))).status).toBe(201)
    expect((await api.post('events/batch', [validEvent({ correlation_id })])).status).toBe(201)
    const events = await api.events(correlation_id)
    expect(events.map((e) => e.recorded_by)).toEqual([expected, expected])
    expect(await api.events(correlation_id, undefined, expected)).toHaveLength(2)
    expect(await api.events(correlation_id, undefined, 'billing-writer')).toHaveLength(0)
  })
})

describe('the write routes without a principal', () => {
  it('refuse to store rather than store events under no name (500, nothing written)', async () => {
    const written: unknown[] = []
    const writer: EventWriter = {
      write: async (events, options) => {
        written.push({ events, options })
        return { created: events.map((e) => e.event_id), duplicates: [], queued: [] }
      },
    }
    // Routes mounted without access control, which is what sets the principal.
    const routes = auditEventRoutes({
      store: {} as AuditEventStore,
      writer,
      validate: createAuditEventValidator(),
      metrics: createMetrics({ defaultMetrics: false }),
      bodyLimitBytes: 1 << 20,
      maxBatchSize: 10,
    })
    let thrown: unknown
    routes.onError((error, c) => {
      thrown = error
      return c.text('failed', 500)
    })
    for (const [path, body] of [
      ['/events', validEvent()],
      ['/events/batch', [validEvent()]],
    ] as const) {
      thrown = undefined
      const res = await routes.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(res.status, path).toBe(500)
      expect(thrown).toMatchObject({ code: 'NO_PRINCIPAL' })
    }
    expect(written).toEqual([])
  })
})
