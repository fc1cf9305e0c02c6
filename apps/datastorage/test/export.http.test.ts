import { once } from 'node:events'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AuditEvent, AuditEventPage, AuditEventRequest, Problem } from '@audit-trail/datastorage-client'
import { createTestDatabase, parseCsv, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { CSV_COLUMNS } from '../src/http/csv.js'
import { createHttpServer } from '../src/http/node-server.js'
import { createLogger } from '../src/logger.js'
import { createMetrics } from '../src/metrics/service-metrics.js'
import { SelfAudit } from '../src/self-audit/self-audit.js'
import type { AuditEventFilter, AuditEventStore } from '../src/store/audit-event-store.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import { createEventWriter } from '../src/write/event-writer.js'
import { buildTestApp, logCapture, type TestApp } from './support/app.js'
import { postJson, uniqueCorrelationId, validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

// GET /api/v1/audit/events/export over a real PostgreSQL: the query's events, page by page, as
// NDJSON or CSV; over a real socket, a client that goes away stops the reading and a failure after
// the first byte breaks the response off.

const EVENTS = '/api/v1/audit/events'
const EXPORT = `${EVENTS}/export`

let testDatabase: TestDatabase
let database: DatabaseHandle
let store: AuditEventStore
/** Every store query the apps made, in order. */
const reads: AuditEventFilter[] = []
/** When set, the store query with this number (1-based, counted from the moment it is set) fails. */
let failAt: { from: number; nth: number } | undefined
let test: TestApp

function countingStore(inner: AuditEventStore): AuditEventStore {
  return {
    ...inner,
    query: async (filter) => {
      reads.push(filter)
      if (failAt && reads.length - failAt.from === failAt.nth) {
        throw new Error('the database went away mid-export')
      }
      return inner.query(filter)
    },
  }
}

const correlation_id = uniqueCorrelationId('export')
const SEEDED = 2500
const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)

beforeAll(async () => {
  testDatabase = await createTestDatabase(ADMIN_URL, 'audit_export')
  database = await openDatabase({ url: testDatabase.url })
  await migrateDatabase(database)
  store = createAuditEventStore(database)
  test = buildTestApp(countingStore(store))
  const events: AuditEventRequest[] = Array.from({ length: SEEDED }, (_, i) =>
    validEvent({
      correlation_id,
      event_type: 'export.row.checked',
      // Several events per instant: the keyset order's tie-break on event_id is exercised.
      event_timestamp: `${day}T${String(Math.floor(i / 120)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000${String(i % 7).padStart(3, '0')}Z`,
      event_outcome: i % 3 === 0 ? 'failure' : 'success',
      event_data: { i, note: i === 7 ? '=HYPERLINK("http://evil")' : `row ${i}` },
      ...(i === 11 ? { error_message: '+SUM(A1:A2), "quoted"\r\nsecond line' } : {}),
      ...(i === 13 ? { actor_id: '@admin' } : {}),
    }),
  )
  for (let i = 0; i < events.length; i += 1000) {
    const res = await test.app.request(`${EVENTS}/batch`, postJson(events.slice(i, i + 1000)))
    expect(res.status, await res.clone().text()).toBe(201)
  }
})
afterAll(async () => {
  await database?.close()
  await testDatabase?.drop()
})

/** Every event of the query for `params`, through its cursor pages. */
async function queried(params: Record<string, string>): Promise<AuditEvent[]> {
  const all: AuditEvent[] = []
  let cursor: string | null = null
  do {
    const search = new URLSearchParams({ ...params, limit: '1000', ...(cursor ? { cursor } : {}) })
    const res = await test.app.request(`${EVENTS}?${search}`)
    expect(res.status).toBe(200)
    const page = (await res.json()) as AuditEventPage
    all.push(...page.data)
    cursor = page.pagination.next_cursor
  } while (cursor)
  return all
}

async function exported(params: Record<string, string>): Promise<Response> {
  const res = await test.app.request(`${EXPORT}?${new URLSearchParams(params)}`)
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200)
  return res
}

describe('NDJSON', () => {
  it('streams every event the query finds, exactly as it returns them, one store page at a time', async () => {
    const before = reads.length
    const res = await exported({ correlation_id })
    expect(res.headers.get('content-type')).toBe('application/x-ndjson')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-events-\d{8}T\d{6}Z\.ndjson"$/,
    )
    const text = await res.text()
    const pageReads = reads.slice(before)
    expect(text.endsWith('\n')).toBe(true)
    const lines = text.slice(0, -1).split('\n')
    expect(lines).toHaveLength(SEEDED)
    const events = lines.map((line) => JSON.parse(line) as AuditEvent)
    expect(events).toEqual(await queried({ correlation_id }))
    // 2500 events in pages of 1000: three reads, each after the previous one's cursor.
    expect(pageReads.map((r) => r.limit)).toEqual([1000, 1000, 1000])
    expect(pageReads[0]!.cursor).toBeUndefined()
    expect(pageReads[1]!.cursor).toBeDefined()
    expect(pageReads[2]!.cursor).not.toBe(pageReads[1]!.cursor)
  })

  it('applies the filters and limit (the newest first), reading no more than the limit needs', async () => {
    const before = reads.length
    const res = await exported({ correlation_id, event_outcome: 'failure', limit: '500' })
    const events = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEvent)
    expect(reads.slice(before).map((r) => r.limit)).toEqual([500])
    const failures = await queried({ correlation_id, event_outcome: 'failure' })
    expect(failures).toHaveLength(834)
    expect(events).toEqual(failures.slice(0, 500))

    const at = reads.length
    const limited = await exported({ correlation_id, limit: '1001' })
    const ids = (await limited.text())
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as AuditEvent).event_id)
    // The second page asks for the one event left.
    expect(reads.slice(at).map((r) => r.limit)).toEqual([1000, 1])
    expect(ids).toEqual((await queried({ correlation_id })).slice(0, 1001).map((e) => e.event_id))
  })

  it('answers an empty body when nothing matches', async () => {
    const res = await exported({ correlation_id: uniqueCorrelationId('nothing') })
    expect(await res.text()).toBe('')
  })
})

describe('CSV', () => {
  it('has the header row, one CRLF record per event, RFC 4180 quoting and no formula cells', async () => {
    const res = await exported({ correlation_id, format: 'csv' })
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(/filename="audit-events-\d{8}T\d{6}Z\.csv"$/)
    const records = parseCsv(await res.text())
    expect(records[0]).toEqual([...CSV_COLUMNS])
    const rows = records.slice(1)
    const events = await queried({ correlation_id })
    expect(rows).toHaveLength(events.length)
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
    rows.forEach((row, i) => {
      expect(row).toHaveLength(CSV_COLUMNS.length)
      expect(row[column('event_id')]).toBe(events[i]!.event_id)
      expect(row[column('event_timestamp')]).toBe(events[i]!.event_timestamp)
      expect(row[column('stored_at')]).toBe(events[i]!.stored_at)
      // Absent fields are empty cells.
      expect(row[column('parent_event_id')]).toBe('')
    })
    const byI = new Map(rows.map((row) => [(JSON.parse(row[column('event_data')]!) as { i: number }).i, row]))
    // event_data is its JSON text, starting with `{`: no prefix needed.
    expect(byI.get(7)![column('event_data')]).toBe('{"i":7,"note":"=HYPERLINK(\\"http://evil\\")"}')
    expect(byI.get(11)![column('error_message')]).toBe(`'+SUM(A1:A2), "quoted"\r\nsecond line`)
    expect(byI.get(13)![column('actor_id')]).toBe(`'@admin`)
    expect(byI.get(0)![column('event_outcome')]).toBe('failure')
  })
})

describe('refusals', () => {
  it('answers 400 with every bad parameter at once, as the query does', async () => {
    const res = await test.app.request(
      `${EXPORT}?format=xml&limit=0&trace_id=XYZ&since=2020-02-30T00:00:00Z&detail_key=a&cursor=abc`,
    )
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem & { errors: { field: string }[] }
    expect(problem.errors.map((e) => e.field).sort()).toEqual(
      ['cursor', 'detail_value', 'format', 'limit', 'since', 'trace_id'].sort(),
    )
  })

  it('answers 400 for since not before until, and a bad Consistency header', async () => {
    const res = await test.app.request(`${EXPORT}?since=2025-01-02T00:00:00Z&until=2025-01-01T00:00:00Z`)
    expect(res.status).toBe(400)
    const bad = await test.app.request(EXPORT, { headers: { Consistency: 'strong' } })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('Consistency')
  })
})

describe('self-audit', () => {
  it('records the export once its stream ended, with the rows sent, and the histogram with the rows counted', async () => {
    const metrics = createMetrics({ defaultMetrics: false })
    const selfAudit = new SelfAudit({
      writer: createEventWriter({ store, metrics }),
      logger: createLogger({ level: 'silent', destination: logCapture().stream }),
      metrics,
      flushIntervalMs: 10,
    })
    try {
      const audited = buildTestApp(store, { selfAudit })
      const res = await audited.app.request(
        `${EXPORT}?correlation_id=${correlation_id}&limit=1500&format=csv`,
        {
          headers: { 'x-request-id': 'export-self-audit-1' },
        },
      )
      expect(res.status).toBe(200)
      // Nothing is recorded before the stream ended: its rows are not known yet.
      await selfAudit.flush()
      const recorded = () =>
        queried({ event_type: 'datastorage.audit.read', correlation_id: 'export-self-audit-1' })
      expect(await recorded()).toEqual([])
      await res.text()
      await waitFor('the export in the self-audit', async () => {
        await selfAudit.flush()
        return (await recorded()).length === 1
      })
      const [event] = await recorded()
      expect(event!.event_data).toMatchObject({
        operation: 'export',
        rows: 1500,
        status: 200,
        filters: { correlation_id, limit: '1500', format: 'csv' },
      })

      const histogram = await audited.app.request(
        `/api/v1/audit/events/histogram?correlation_id=${correlation_id}&since=${day}T00:00:00Z&until=${day}T23:59:00Z&interval=1h`,
        { headers: { 'x-request-id': 'histogram-self-audit-1' } },
      )
      expect(histogram.status).toBe(200)
      await waitFor('the histogram in the self-audit', async () => {
        await selfAudit.flush()
        const [read] = await queried({
          event_type: 'datastorage.audit.read',
          correlation_id: 'histogram-self-audit-1',
        })
        return read ? expect(read.event_data).toMatchObject({ operation: 'histogram', rows: SEEDED }) : false
      })
    } finally {
      await selfAudit.close()
    }
  })
})

describe('over a real socket', () => {
  let server: Server
  let url: string
  beforeAll(async () => {
    server = createHttpServer({
      fetch: test.app.fetch,
      logger: createLogger({ level: 'silent', destination: logCapture().stream }),
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  const exportsEnded = async (outcome: string) =>
    (await test.metrics.registry.getSingleMetricAsString('audit_exports_total'))
      .split('\n')
      .filter((l) => l.includes(`outcome="${outcome}"`))
      .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0)

  it('stops reading pages when the client goes away', async () => {
    // Pages of 1000 events of about 600 bytes do not fit the socket's buffers at once, so the
    // response waits for the client; the client reads a little and leaves.
    const aborted = await exportsEnded('aborted')
    const before = reads.length
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${url}${EXPORT}?correlation_id=${correlation_id}&limit=2500`, (res) => {
        expect(res.statusCode).toBe(200)
        res.once('data', () => {
          req.destroy()
          resolve()
        })
      })
      req.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error)
      })
      req.end()
    })
    await waitFor('the export to end as aborted', async () => (await exportsEnded('aborted')) === aborted + 1)
    const readsAtAbort = reads.length - before
    // The first page was read before answering; at most the page in flight follows.
    expect(readsAtAbort).toBeLessThan(3)
    const logs = test.logs().filter((l) => l['msg'] === 'export ended' && l['outcome'] === 'aborted')
    expect(logs.at(-1)?.['rows']).toBeLessThan(SEEDED)
  })

  it('breaks the response off (no last chunk) and logs when a page fails after the first byte', async () => {
    failAt = { from: reads.length, nth: 2 }
    try {
      const res = await fetch(`${url}${EXPORT}?correlation_id=${correlation_id}`)
      expect(res.status).toBe(200)
      await expect(res.text()).rejects.toThrow()
    } finally {
      failAt = undefined
    }
    await waitFor('the failure to be logged', () =>
      test.logs().some((l) => l['msg'] === 'export failed after its first byte: response broken off'),
    )
    const failed = test.logs().find((l) => l['outcome'] === 'failed')!
    expect(failed['rows']).toBe(1000)
    expect(failed['level']).toBe(50)
  })

  it('answers a problem, not a broken 200, when the first page already fails', async () => {
    failAt = { from: reads.length, nth: 1 }
    try {
      const res = await fetch(`${url}${EXPORT}?correlation_id=${correlation_id}`)
      expect(res.status).toBe(500)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    } finally {
      failAt = undefined
    }
  })
})
