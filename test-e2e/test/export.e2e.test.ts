import { randomBytes, randomUUID } from 'node:crypto'
import type { AuditEvent } from '@audit-trail/datastorage-client'
import { parseCsv, waitFor } from '@audit-trail/test-infra'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { validatingFetch } from '../src/contract/validating-fetch.js'
import { correlationId, makeEvent } from '../src/events.js'
import { queryAll } from '../src/query.js'

// GET /api/v1/audit/events/export against the suite's shared service (behind the validating proxy,
// which holds every exchange to the contract): 2,500 events, more than two store pages, exported as
// NDJSON and CSV equal what the query returns, with the filters, the limit, a formula cell made
// inert, and the export recorded in the self-audit with the rows it sent.

const { serviceUrl, tokens } = inject('e2e')
const fetchChecked = validatingFetch()
const EXPORT = `${serviceUrl}/api/v1/audit/events/export`
const SEEDED = 2500
const corr = correlationId('export')
const trace = randomBytes(16).toString('hex')
const base = Date.now() - 3_600_000

const csvColumns =
  'event_id,event_timestamp,event_type,event_category,event_action,event_outcome,severity,correlation_id,parent_event_id,actor_type,actor_id,actor_ip,resource_type,resource_id,resource_name,namespace,cluster_id,trace_id,span_id,duration_ms,error_code,error_message,recorded_by,stored_at,event_data'.split(
    ',',
  )

/** The export as text, its status and headers checked. */
async function exportText(
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ text: string; response: Response }> {
  const response = await fetchChecked(`${EXPORT}?${new URLSearchParams(params)}`, {
    headers: { authorization: `Bearer ${tokens.reader}`, ...headers },
  })
  const text = await response.text()
  expect(response.status, text.slice(0, 300)).toBe(200)
  return { text, response }
}

const ndjson = (text: string): AuditEvent[] =>
  text === ''
    ? []
    : text
        .slice(0, -1)
        .split('\n')
        .map((line) => JSON.parse(line) as AuditEvent)

beforeAll(async () => {
  const events = Array.from({ length: SEEDED }, (_, i) => ({
    version: '1.0',
    event_id: randomUUID(),
    event_timestamp: new Date(base + i * 1000).toISOString(),
    ...makeEvent(corr, i),
    event_outcome: i % 4 === 0 ? ('failure' as const) : ('success' as const),
    ...(i % 10 === 0 ? { trace_id: trace, span_id: randomBytes(8).toString('hex') } : {}),
    ...(i === 42 ? { error_message: '=cmd|" /C calc"!A0' } : {}),
  }))
  for (let i = 0; i < events.length; i += 500) {
    const res = await fetchChecked(`${serviceUrl}/api/v1/audit/events/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.writer}`, 'content-type': 'application/json' },
      body: JSON.stringify(events.slice(i, i + 500)),
    })
    expect(res.status, await res.clone().text()).toBe(201)
  }
}, 60_000)

describe('GET /api/v1/audit/events/export', () => {
  it('NDJSON: every event the query finds, as it returns them, newest first, across store pages', async () => {
    const { text, response } = await exportText({ correlation_id: corr })
    expect(response.headers.get('content-type')).toBe('application/x-ndjson')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-events-\d{8}T\d{6}Z\.ndjson"$/,
    )
    const exported = ndjson(text)
    expect(exported).toHaveLength(SEEDED)
    expect(exported).toEqual(await queryAll({ url: serviceUrl, token: tokens.reader }, corr))
  })

  it('CSV: the header, a CRLF record per event equal to the query, a formula cell made inert', async () => {
    const { text, response } = await exportText({ correlation_id: corr, format: 'csv' })
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(response.headers.get('content-disposition')).toMatch(/\.csv"$/)
    const [header, ...rows] = parseCsv(text)
    expect(header).toEqual(csvColumns)
    const queried = await queryAll({ url: serviceUrl, token: tokens.reader }, corr)
    expect(rows).toHaveLength(queried.length)
    const at = (name: string) => csvColumns.indexOf(name)
    rows.forEach((row, i) => {
      const event = queried[i]!
      expect(row[at('event_id')]).toBe(event.event_id)
      expect(row[at('event_timestamp')]).toBe(event.event_timestamp)
      expect(row[at('event_outcome')]).toBe(event.event_outcome)
      expect(row[at('trace_id')]).toBe(event.trace_id ?? '')
      expect(row[at('recorded_by')]).toBe(event.recorded_by ?? '')
      expect(JSON.parse(row[at('event_data')]!)).toEqual(event.event_data)
    })
    const formula = rows.find((row) => row[at('error_message')] !== '')!
    // A spreadsheet would run `=cmd|…`: the cell starts with `'` instead; the NDJSON keeps it exact.
    expect(formula[at('error_message')]).toBe(`'=cmd|" /C calc"!A0`)
  })

  it('applies the filters and the limit (the newest), as the query does', async () => {
    const queried = await queryAll({ url: serviceUrl, token: tokens.reader }, corr)
    const failures = ndjson((await exportText({ correlation_id: corr, event_outcome: 'failure' })).text)
    expect(failures).toEqual(queried.filter((e) => e.event_outcome === 'failure'))
    const traced = ndjson((await exportText({ trace_id: trace })).text)
    expect(traced.map((e) => e.event_id)).toEqual(
      queried.filter((e) => e.trace_id === trace).map((e) => e.event_id),
    )
    expect(traced).toHaveLength(SEEDED / 10)
    const limited = ndjson((await exportText({ correlation_id: corr, limit: '1234' })).text)
    expect(limited).toEqual(queried.slice(0, 1234))
    const since = new Date(base + 2000 * 1000).toISOString()
    const window = ndjson((await exportText({ correlation_id: corr, since, format: 'ndjson' })).text)
    expect(window).toEqual(queried.filter((e) => Date.parse(e.event_timestamp) >= Date.parse(since)))
    expect(window).toHaveLength(500)
  })

  it('is recorded in the self-audit (operation export) with the rows sent', async () => {
    const requestId = randomUUID()
    await exportText({ correlation_id: corr, limit: '1500', format: 'csv' }, { 'x-request-id': requestId })
    const recorded = await waitFor('the export in the self-audit', async () => {
      const response = await fetchChecked(
        `${serviceUrl}/api/v1/audit/events?${new URLSearchParams({ event_type: 'datastorage.audit.read', correlation_id: requestId })}`,
        { headers: { authorization: `Bearer ${tokens.reader}` } },
      )
      const page = (await response.json()) as { data: AuditEvent[] }
      return page.data[0] ?? false
    })
    expect(recorded.event_data).toMatchObject({
      principal: 'e2e-reader',
      operation: 'export',
      rows: 1500,
      status: 200,
      filters: { correlation_id: corr, limit: '1500', format: 'csv' },
    })
  })

  it('refuses bad parameters with every error at once, and a token without audit:read', async () => {
    const response = await fetchChecked(`${EXPORT}?format=xlsx&limit=0&trace_id=ABC&cursor=x`, {
      headers: { authorization: `Bearer ${tokens.reader}` },
    })
    expect(response.status).toBe(400)
    const problem = (await response.json()) as { errors: Array<{ field: string }> }
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['cursor', 'format', 'limit', 'trace_id'])
    const writer = await fetchChecked(EXPORT, { headers: { authorization: `Bearer ${tokens.writer}` } })
    expect(writer.status).toBe(403)
  })
})
