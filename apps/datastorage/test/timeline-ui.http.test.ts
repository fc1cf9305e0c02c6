import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Problem } from '@audit-trail/datastorage-client'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/env.js'
import { ConfigError } from '../src/errors.js'
import { createApp } from '../src/http/app.js'
import type { AppEnv } from '../src/http/context.js'
import {
  defaultTimelineDistDir,
  IMMUTABLE,
  renderIndexHtml,
  TIMELINE_CSP,
  timelineUiRoutes,
} from '../src/http/routes/timeline-ui.js'
import { createLogger } from '../src/logger.js'
import { createMetrics } from '../src/metrics/service-metrics.js'
import type { AuditEventStore } from '../src/store/audit-event-store.js'
import { testConfig } from './support/app.js'

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <title>audit-trail timeline</title>
    <script type="module" crossorigin src="/ui/assets/index-BlzlOTdw.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`

let dir: string
let dist: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'timeline-ui-'))
  dist = join(dir, 'dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  writeFileSync(join(dist, 'index.html'), INDEX)
  writeFileSync(join(dist, 'assets', 'index-BlzlOTdw.js'), 'console.log(1)\n')
  writeFileSync(join(dist, 'assets', 'index-C0ffee_1.css'), 'body{margin:0}\n')
  writeFileSync(join(dist, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(join(dist, 'assets', 'notes-12345678.txt'), 'not an asset type')
  mkdirSync(join(dist, 'assets', 'nested-12345678.js'))
  writeFileSync(join(dist, 'assets', '.hidden-12345678.js'), 'hidden')
  writeFileSync(join(dist, 'secret.js'), 'outside assets')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The routes mounted as the app mounts them, with the app's 404 for anything else. */
function mount(options: Parameters<typeof timelineUiRoutes>[0]): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.route('/', timelineUiRoutes(options))
  app.notFound((c) => c.json({ status: 404 }, 404))
  return app
}

function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get('content-security-policy')).toBe(TIMELINE_CSP)
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
}

describe('GET / and /ui', () => {
  it('redirect to /ui/ with 302', async () => {
    const app = mount({ distDir: dist })
    for (const path of ['/', '/ui']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(302)
      expect(res.headers.get('location')).toBe('/ui/')
    }
  })
})

describe('GET /ui/', () => {
  it('serves index.html uncached, with the CSP, nosniff and no-referrer, and no meta tag without a template', async () => {
    const res = await mount({ distDir: dist }).request('/ui/?correlation_id=abc')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expectSecurityHeaders(res)
    const html = await res.text()
    expect(html).toBe(INDEX)
    expect(html).not.toContain('audit-trail-trace-url')
  })

  it('injects the trace URL template as an HTML-escaped meta tag in the head', async () => {
    const template = 'https://tracing.example/t/{trace_id}?a=1&b="x"<y>'
    const res = await mount({ distDir: dist, traceUrlTemplate: template }).request('/ui/')
    const html = await res.text()
    const meta =
      '<meta name="audit-trail-trace-url" content="https://tracing.example/t/{trace_id}?a=1&amp;b=&quot;x&quot;&lt;y&gt;" />'
    expect(html).toContain(meta)
    expect(html.indexOf(meta)).toBeLessThan(html.indexOf('</head>'))
    expect(html.match(/<meta name="audit-trail-trace-url"/g)).toHaveLength(1)
  })

  it('answers HEAD with the headers and no body', async () => {
    const res = await mount({ distDir: dist }).request('/ui/', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await res.text()).toBe('')
  })

  it('answers 503 problem+json saying how to build the page when dist is missing', async () => {
    const missing = join(dir, 'not-built')
    const res = await mount({ distDir: missing }).request('/ui/')
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await res.json()) as Problem
    expect(problem).toMatchObject({ status: 503, title: 'Timeline page not built', instance: '/ui/' })
    expect(problem.detail).toContain('pnpm turbo run build --filter=@audit-trail/timeline-ui')
    expect(problem.detail).toContain(join(missing, 'index.html'))
  })

  it('serves the page once it is built after start-up', async () => {
    const later = join(dir, 'built-later')
    const app = mount({ distDir: later })
    expect((await app.request('/ui/')).status).toBe(503)
    mkdirSync(later, { recursive: true })
    writeFileSync(join(later, 'index.html'), INDEX)
    const res = await app.request('/ui/')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(INDEX)
  })
})

describe('GET /ui/assets/{file}', () => {
  const app = () => mount({ distDir: dist })

  it.each([
    ['index-BlzlOTdw.js', 'text/javascript; charset=utf-8', IMMUTABLE, 'console.log(1)\n'],
    ['index-C0ffee_1.css', 'text/css; charset=utf-8', IMMUTABLE, 'body{margin:0}\n'],
    ['logo.svg', 'image/svg+xml', 'no-cache', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('serves %s as %s, cached %s', async (file, type, cache, body) => {
    const res = await app().request(`/ui/assets/${file}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect(res.headers.get('cache-control')).toBe(cache)
    expectSecurityHeaders(res)
    expect(await res.text()).toBe(body)
  })

  it.each([
    ['a file that does not exist', 'index-00000000.js'],
    ['an extension outside js, css and svg', 'notes-12345678.txt'],
    ['a directory', 'nested-12345678.js'],
    ['a hidden file', '.hidden-12345678.js'],
    ['an encoded path outside assets', '..%2Fsecret.js'],
    ['an encoded backslash', '..%5Csecret.js'],
  ])('answers 404 problem+json for %s', async (_what, file) => {
    const res = await app().request(`/ui/assets/${file}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(((await res.json()) as Problem).status).toBe(404)
  })

  it('never serves a file of dist outside assets/', async () => {
    for (const path of ['/ui/secret.js', '/ui/assets/../secret.js', '/ui/index.html']) {
      const res = await app().request(path)
      expect(res.status, path).toBe(404)
    }
  })
})

describe('UI_ENABLED=false', () => {
  it('makes /, /ui, /ui/ and its assets 404 problems like any unserved path, through the app', async () => {
    const store = {} as AuditEventStore
    const app = createApp({
      store,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics({ defaultMetrics: false }),
      config: { ...testConfig, ui: { enabled: false, traceUrlTemplate: undefined } },
    })
    for (const path of ['/', '/ui', '/ui/', '/ui/assets/index-BlzlOTdw.js']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(((await res.json()) as Problem).detail).toBe(`No route for ${path}.`)
    }
  })

  it('serves the page through the app by default, without a token, where /api/v1 refuses the caller', async () => {
    const app = createApp({
      store: {} as AuditEventStore,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics({ defaultMetrics: false }),
      config: testConfig,
      // Protected mode with a caller that is not loopback: every /api/v1 request is refused.
      access: { mode: { kind: 'protected' }, inProcessIsLoopback: false },
    })
    expect((await app.request('/api/v1/audit/events')).status).toBeGreaterThanOrEqual(401)
    const res = await app.request('/')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/ui/')
    // The workspace build of @audit-trail/timeline-ui, or the 503 saying to build it.
    const page = await app.request('/ui/')
    expect(existsSync(join(defaultTimelineDistDir(), 'index.html')) ? 200 : 503).toBe(page.status)
    expectSecurityHeaders(page)
  })
})

describe('renderIndexHtml', () => {
  it('leaves the page unchanged without a template', () => {
    expect(renderIndexHtml(INDEX, undefined)).toBe(INDEX)
  })
})

describe('config: UI_ENABLED and UI_TRACE_URL_TEMPLATE', () => {
  it('default to enabled without a template', () => {
    expect(loadConfig({}).ui).toEqual({ enabled: true, traceUrlTemplate: undefined })
  })

  it('read UI_ENABLED=false and an http(s) template with {trace_id}', () => {
    const template = 'https://tracing.example/trace/{trace_id}'
    expect(loadConfig({ UI_ENABLED: 'false', UI_TRACE_URL_TEMPLATE: template }).ui).toEqual({
      enabled: false,
      traceUrlTemplate: template,
    })
  })

  it.each([
    ['ftp://tracing.example/{trace_id}', 'must be a URL with scheme http:// or https://'],
    ['tracing.example/{trace_id}', 'must be a URL with scheme http:// or https://'],
    ['https://tracing.example/trace/', 'must contain the placeholder {trace_id}'],
  ])('refuse UI_TRACE_URL_TEMPLATE=%s naming the variable', (value, message) => {
    expect(() => loadConfig({ UI_TRACE_URL_TEMPLATE: value })).toThrow(ConfigError)
    expect(() => loadConfig({ UI_TRACE_URL_TEMPLATE: value })).toThrow(
      `UI_TRACE_URL_TEMPLATE: ${message}, got ${JSON.stringify(value)}`,
    )
  })

  it('refuses UI_ENABLED other than true or false', () => {
    expect(() => loadConfig({ UI_ENABLED: 'yes' })).toThrow('UI_ENABLED: must be true or false, got "yes"')
  })
})
