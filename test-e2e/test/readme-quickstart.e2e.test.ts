import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, inject, it } from 'vitest'

/**
 * The root README's "Try it" step, as a new user copies it: its curl body must be an event the
 * service stores and its query must find. (The typed catalog once made that example a 400 without
 * any test noticing.) The shared service runs with tokens, so the writer token is added; the
 * correlation id is made unique so that runs do not see each other's events.
 */
const { serviceUrl, tokens } = inject('e2e')
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The JSON body of the README's `curl … -XPOST … -d '…'` command. */
function quickStartBody(): unknown {
  const match = /curl -s -XPOST localhost:8080\/api\/v1\/audit\/events\/batch [^\n]*? -d '([^']+)'/.exec(
    README,
  )
  if (!match) throw new Error('README.md has no quick-start curl POST to /api/v1/audit/events/batch')
  return JSON.parse(match[1]!)
}

describe('the README quick start', () => {
  it('stores the event its curl command sends, and its query finds it', async () => {
    const events = quickStartBody() as Array<Record<string, unknown>>
    expect(events).toHaveLength(1)
    expect(README).toContain(
      `curl -s 'localhost:8080/api/v1/audit/events?correlation_id=${events[0]!.correlation_id}'`,
    )
    const correlationId = `readme-${randomUUID()}`
    const body = events.map((e) => ({ ...e, correlation_id: correlationId }))
    const res = await fetch(`${serviceUrl}/api/v1/audit/events/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.writer}` },
      body: JSON.stringify(body),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const query = await fetch(`${serviceUrl}/api/v1/audit/events?correlation_id=${correlationId}`, {
      headers: { authorization: `Bearer ${tokens.reader}` },
    })
    expect(query.status).toBe(200)
    const page = (await query.json()) as { data: Array<Record<string, unknown>> }
    expect(page.data).toHaveLength(1)
    expect(page.data[0]).toMatchObject({ ...body[0], event_timestamp: '2026-11-26T10:00:00.000Z' })
  })
  it('opens the timeline page at the address it names', async () => {
    expect(README).toContain('then open http://127.0.0.1:8080/')
    const root = await fetch(`${serviceUrl}/`, { redirect: 'manual' })
    expect(root.status).toBe(302)
    expect(root.headers.get('location')).toBe('/ui/')
    const page = await fetch(new URL('/ui/', serviceUrl))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await page.text()
    const script = /<script[^>]+src="(\/ui\/assets\/[^"]+\.js)"/.exec(html)
    expect(script, html.slice(0, 500)).not.toBeNull()
    const asset = await fetch(new URL(script![1]!, serviceUrl))
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)
  })
})
