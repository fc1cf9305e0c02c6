import { generateKeyPairSync } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAuditClient } from '@audit-trail/audit-client'
import type { AuditEvent } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS_DIR, type Browser, chromiumMissing, launchChromium } from '../src/browser.js'
import { type DatastorageProcess, startDatastorage } from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'

// The timeline page (apps/timeline-ui, served at /ui/) in a real chromium against a real service
// behind the suite's validating proxy, so every API call the page makes is held to the contract.
const { postgresUrl } = inject('e2e')
const missing = chromiumMissing()
if (missing) console.warn(`[e2e] skipping the timeline browser test: ${missing}`)

const TRACE_TEMPLATE = 'https://tracing.example/trace/{trace_id}'
const TRACE_ID = '4bf92f3577b34da6a36b8a8b1f0e2a7c'

let dir: string
let db: TestDatabase
let service: DatastorageProcess
let browser: Browser
let page: Page
let publicKey: string
const pageProblems: string[] = []

/** The seeded story: a root, its failed child, and the child's pending child with a trace id. */
const corr = correlationId('timeline')
const other = correlationId('timeline-other')
let root: string
let child: string
let grandchild: string
let otherId: string

async function emit(
  events: Array<Parameters<ReturnType<typeof createAuditClient>['emit']>[0]>,
): Promise<string[]> {
  const audit = createAuditClient({
    baseUrl: service.url,
    token: service.tokens.writer,
    service: 'e2e-timeline',
  })
  const ids = events.map((e) => audit.emit(e))
  expect(await audit.close()).toMatchObject({ persisted: events.length, failed: 0 })
  return ids
}

const rows = (p: Page) => p.locator('tr.event')
const badges = (p: Page) => () =>
  p
    .locator('tr.event [data-integrity]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-integrity')))
const row = (p: Page, id: string) => p.locator(`tr.event[data-event-id="${id}"]`)

async function signIn(p: Page, key = publicKey): Promise<void> {
  await p.getByLabel('Read token').fill(service.tokens.reader)
  await p.getByLabel(/Service public key/).fill(key)
  await p.getByRole('button', { name: 'Sign in' }).click()
  await p.getByRole('form', { name: 'Search events' }).waitFor()
}

async function search(p: Page, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    const field = p.getByLabel(label, { exact: true })
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value)
    else await field.fill(value)
  }
  await p.getByRole('button', { name: 'Search' }).click()
}

async function downloaded(p: Page, button: string): Promise<{ name: string; text: string }> {
  const download = p.waitForEvent('download')
  await p.getByRole('button', { name: button }).click()
  const file = await download
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') }
}

describe.skipIf(missing !== undefined)('the timeline page at /ui/ in chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'e2e-timeline-'))
    // The service signs with a key of ours, so the page can be handed its public half out of band.
    const keys = generateKeyPairSync('ed25519')
    const keyFile = join(dir, 'signing-key.pem')
    writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
      mode: 0o600,
    })
    publicKey = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64')
    db = await createTestDatabase(postgresUrl, 'audit_timeline')
    service = await startDatastorage({
      databaseUrl: db.url,
      env: {
        SIGNING_KEY_FILE: keyFile,
        CHECKPOINT_INTERVAL_MS: '300',
        SEQUENCER_INTERVAL_MS: '50',
        UI_TRACE_URL_TEMPLATE: TRACE_TEMPLATE,
      },
    })
    root = (
      await emit([{ ...makeEvent(corr, 0), resource_type: 'deployment', resource_id: 'payments/api' }])
    )[0]!
    child = (
      await emit([
        { ...makeEvent(corr, 1), event_outcome: 'failure', parent_event_id: root, error_code: 'E42' },
      ])
    )[0]!
    const last = await emit([
      { ...makeEvent(corr, 2), event_outcome: 'pending', parent_event_id: child, trace_id: TRACE_ID },
      makeEvent(other, 3),
    ])
    grandchild = last[0]!
    otherId = last[1]!
    browser = await launchChromium()
    page = await browser.context.newPage()
    // Failed loads are recorded with their URL below; a CSP refusal or a script error is a console error.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageProblems.push(m.text())
    })
    page.on('pageerror', (e) => pageProblems.push(e.message))
    page.on('response', (r) => {
      // A proof answers 404 while its event waits for the next checkpoint: the badge's "unsealed yet".
      const unsealed = r.status() === 404 && /\/api\/v1\/audit\/events\/[^/]+\/proof\?/.test(r.url())
      if (r.status() >= 400 && !unsealed) pageProblems.push(`${r.status()} ${r.url()}`)
    })
  })

  afterAll(async () => {
    await browser?.close()
    await service?.stop()
    await db?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('redirects / to /ui/, serves the page under its CSP and keeps the token out of the URL', async () => {
    const response = await page.goto(`${service.url}/`)
    expect(new URL(page.url()).pathname).toBe('/ui/')
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await signIn(page)
    expect(page.url()).not.toContain(service.tokens.reader)
    const stored = await page.evaluate<string>('JSON.stringify(sessionStorage)')
    expect(stored).toContain(service.tokens.reader)
    expect(await page.evaluate<string>('JSON.stringify(localStorage)')).not.toContain(service.tokens.reader)
  })

  it('searches by correlation id, grouped, each row labelled and coloured by its outcome', async () => {
    await search(page, { 'Correlation id': corr })
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(3)
    expect(new URL(page.url()).searchParams.get('correlation_id')).toBe(corr)
    await expect
      .poll(() => page.locator('section.group h2').allTextContents())
      .toEqual([expect.stringContaining(corr)])
    expect(await row(page, child).locator('.outcome').textContent()).toContain('failure')
    expect(await row(page, child).getAttribute('class')).toContain('outcome-row-failure')
    expect(await row(page, grandchild).locator('.outcome').textContent()).toContain('pending')
    expect(await row(page, otherId).count()).toBe(0)
  })

  it('expands a row from the keyboard to its whole event_data and its children', async () => {
    await row(page, child).focus()
    await page.keyboard.press('Enter')
    expect(await row(page, child).getAttribute('aria-expanded')).toBe('true')
    const detail = page.locator(`#detail-${child}`)
    const shown = JSON.parse((await detail.locator('pre.event-data').textContent()) ?? 'null')
    expect(shown).toEqual({ ...makeEvent(corr, 1).event_data })
    expect(await detail.locator('pre.event-data').textContent()).toContain('\n  "seq": 1')
    expect(await detail.locator('.children').textContent()).toContain(grandchild)
    await page.keyboard.press(' ')
    expect(await row(page, child).getAttribute('aria-expanded')).toBe('false')
  })

  it('links an event with a trace_id to the configured tracing URL', async () => {
    const link = row(page, grandchild).getByRole('link', { name: 'trace' })
    expect(await link.getAttribute('href')).toBe(`https://tracing.example/trace/${TRACE_ID}`)
    expect(await row(page, root).getByRole('link', { name: 'trace' }).count()).toBe(0)
  })

  it('verifies every sealed event in the browser (leaf, inclusion proof, signed checkpoint)', async () => {
    await expect.poll(badges(page), { timeout: 30_000, interval: 250 }).toEqual(Array(3).fill('verified'))
    expect(await row(page, root).locator('.badge').getAttribute('title')).toMatch(
      /^leaf \d+ of the tree of \d+ signed by key [0-9a-f]{16}/,
    )
  })

  it('follows a parent link outside the filter: loads the parent by id and shows it', async () => {
    await search(page, { Outcome: 'failure' })
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(1)
    await row(page, child).getByRole('button', { name: 'parent' }).click()
    await row(page, root).waitFor()
    expect(await row(page, root).getAttribute('aria-expanded')).toBe('true')
    await expect
      .poll(() =>
        page.evaluate<string | null>("document.activeElement?.getAttribute('data-event-id') ?? null"),
      )
      .toBe(root)
    expect(await page.getByRole('status').filter({ hasText: 'outside the current filter' }).count()).toBe(1)
  })

  it('draws the events-per-minute chart by outcome for the window', async () => {
    await search(page, { Outcome: 'any' })
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(3)
    await page.locator('[data-testid="chart"] canvas').waitFor({ timeout: 15_000 })
    await expect
      .poll(() => page.locator('figure.chart figcaption').textContent(), { timeout: 15_000 })
      .toBe('Events per 1m by outcome: 1 success, 1 failure, 1 pending.')
  })

  it('exports the current filter as NDJSON and CSV downloads', async () => {
    const ndjson = await downloaded(page, 'Export NDJSON')
    expect(ndjson.name).toMatch(/^audit-events-.+\.ndjson$/)
    const events = ndjson.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEvent)
    expect(events.map((e) => e.event_id).sort()).toEqual([root, child, grandchild].sort())
    expect(events.find((e) => e.event_id === grandchild)).toMatchObject({
      parent_event_id: child,
      trace_id: TRACE_ID,
    })

    const csv = await downloaded(page, 'Export CSV')
    expect(csv.name).toMatch(/^audit-events-.+\.csv$/)
    const lines = csv.text.trimEnd().split('\r\n')
    const header = lines[0]!.split(',')
    expect(header.slice(0, 3)).toEqual(['event_id', 'event_timestamp', 'event_type'])
    const idColumn = lines.slice(1).map((l) => l.split(',')[0])
    expect(idColumn.sort()).toEqual([root, child, grandchild].sort())
    const outcome = header.indexOf('event_outcome')
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[outcome])
        .sort(),
    ).toEqual(['failure', 'pending', 'success'])
  })

  it('live tail shows a newly written event of the filter without a reload', async () => {
    await page.getByLabel('Live tail').check()
    const navigations: string[] = []
    page.on('framenavigated', (f) => navigations.push(f.url()))
    const [late] = await emit([{ ...makeEvent(corr, 4), parent_event_id: root }])
    const [elsewhere] = await emit([makeEvent(other, 5)])
    await row(page, late!).waitFor({ timeout: 20_000 })
    expect(await rows(page).count()).toBe(4)
    expect(await row(page, elsewhere!).count()).toBe(0)
    expect(navigations).toEqual([])
    await expect.poll(badges(page), { timeout: 30_000, interval: 250 }).toEqual(Array(4).fill('verified'))
    mkdirSync(ARTIFACTS_DIR, { recursive: true })
    await row(page, child).click()
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'timeline.png'), fullPage: true })
    await page.getByLabel('Live tail').uncheck()
  })

  it('a pasted link opens the same view in a new tab (after signing in there)', async () => {
    await search(page, { Since: '2h', Outcome: 'success' })
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(2)
    const link = page.url()
    expect(Object.fromEntries(new URL(link).searchParams)).toEqual({
      correlation_id: corr,
      event_outcome: 'success',
      since: '2h',
    })
    const tab = await browser.context.newPage()
    try {
      await tab.goto(link)
      // A new tab has its own session storage: the token is asked for again, never carried by the link.
      await signIn(tab)
      await expect.poll(() => rows(tab).count(), { timeout: 15_000 }).toBe(2)
      expect(await tab.getByLabel('Correlation id', { exact: true }).inputValue()).toBe(corr)
      expect(await tab.getByLabel('Outcome', { exact: true }).inputValue()).toBe('success')
      expect(await tab.getByLabel('Since', { exact: true }).inputValue()).toBe('2h')
      const ids = (p: Page) => rows(p).evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')))
      expect(await ids(tab)).toEqual(await ids(page))
    } finally {
      await tab.close()
    }
  })

  it('turns the badges red, saying why, when the public key given is not the signing key', async () => {
    const tab = await browser.context.newPage()
    try {
      await tab.goto(`${service.url}/ui/?correlation_id=${encodeURIComponent(corr)}`)
      const stranger = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!
      await signIn(tab, Buffer.from(stranger, 'base64url').toString('base64'))
      await expect.poll(() => rows(tab).count(), { timeout: 15_000 }).toBe(4)
      await expect.poll(badges(tab), { timeout: 15_000 }).toEqual(Array(4).fill('failed'))
      expect(await row(tab, root).locator('.badge').getAttribute('title')).toMatch(
        /^the checkpoint names key [0-9a-f]{16}, the public key given is [0-9a-f]{16}$/,
      )
      expect(await row(tab, root).locator('.badge').textContent()).toContain('failed')
    } finally {
      await tab.close()
    }
  })

  it('says key needed, not verified and not failed, when no public key is given', async () => {
    const tab = await browser.context.newPage()
    try {
      await tab.goto(`${service.url}/ui/?correlation_id=${encodeURIComponent(corr)}`)
      await signIn(tab, '')
      await expect.poll(() => rows(tab).count(), { timeout: 15_000 }).toBe(4)
      await expect.poll(badges(tab), { timeout: 15_000 }).toEqual(Array(4).fill('unsigned'))
      expect(await row(tab, root).locator('.badge').getAttribute('title')).toMatch(/no public key/)
    } finally {
      await tab.close()
    }
  })

  it('ran without script errors or CSP violations', () => {
    expect(pageProblems).toEqual([])
  })
})
