import { readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, extname, join } from 'node:path'
import type { Problem } from '@audit-trail/datastorage-client'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../context.js'
import { HttpProblem, problemResponse, problemTypes, problemTypeUri, toProblem } from '../problem.js'

/**
 * The Content-Security-Policy of every timeline answer: this origin's scripts, styles and API
 * only, no framing, no `<base>`, no form posts. The page has no inline script or style (Vite
 * emits files), so nothing needs `'unsafe-inline'`.
 */
export const TIMELINE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/** `Cache-Control` of a content-hashed asset: its name changes with its bytes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** The asset names served (the contract's `file` pattern); a leading dot is refused too. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/
/** Vite's content hash: `-` and 8 base64url characters before the extension (`index-BlzlOTdw.js`). */
const HASHED_NAME = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/

/** Content types by extension: the three the contract declares for `/ui/assets/{file}`. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': TIMELINE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

/** Options of {@link timelineUiRoutes}. */
export interface TimelineUiOptions {
  /** `UI_ENABLED`. False: no route at all, so `/`, `/ui` and `/ui/…` get the app's 404. Default true. */
  enabled?: boolean
  /** `UI_TRACE_URL_TEMPLATE`, injected into the page as `<meta name="audit-trail-trace-url">`. */
  traceUrlTemplate?: string | undefined
  /** The built page (index.html and assets/). Default: `dist/` of `@audit-trail/timeline-ui`. */
  distDir?: string
}

/** Where the workspace dependency `@audit-trail/timeline-ui` keeps its build. */
export function defaultTimelineDistDir(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@audit-trail/timeline-ui/package.json')), 'dist')
}

/** HTML attribute escaping for the injected meta tag's content. */
export function escapeHtmlAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}

/**
 * index.html as served: the trace URL template (when configured) as a meta tag before `</head>`,
 * where the page reads it; the page holds no other server-side value.
 */
export function renderIndexHtml(html: string, traceUrlTemplate: string | undefined): string {
  if (traceUrlTemplate === undefined) return html
  const meta = `<meta name="audit-trail-trace-url" content="${escapeHtmlAttribute(traceUrlTemplate)}" />`
  const at = html.indexOf('</head>')
  return at < 0 ? `${meta}\n${html}` : `${html.slice(0, at)}  ${meta}\n  ${html.slice(at)}`
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** 503 while the page is not built: says how to build it. */
function notBuilt(c: Context<AppEnv>, distDir: string): Response {
  const body: Problem = {
    type: problemTypeUri('timeline-not-built'),
    title: problemTypes['timeline-not-built'].title,
    status: problemTypes['timeline-not-built'].status,
    detail: `The timeline page is not built (no ${join(distDir, 'index.html')}): run \`pnpm turbo run build --filter=@audit-trail/timeline-ui\` (or \`pnpm build\`), or set UI_ENABLED=false.`,
    instance: c.req.path,
  }
  return c.newResponse(JSON.stringify(body), 503, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-cache',
  })
}

/**
 * The timeline page (apps/timeline-ui, built by Vite): `GET /` and `GET /ui` redirect to `/ui/`,
 * which serves index.html (`no-cache`, the trace URL template injected); `GET /ui/assets/{file}`
 * serves only files that exist directly in `dist/assets` with a name of the contract's pattern, as
 * JavaScript, CSS or SVG, content-hashed ones cached immutable. Every answer carries the page's
 * CSP, `nosniff` and `no-referrer`. No token: the page and its scripts hold no audit data; the page
 * asks the reader for a token and calls `/api/v1` with it.
 */
export function timelineUiRoutes(options: TimelineUiOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  if (options.enabled === false) return app
  const distDir = options.distDir ?? defaultTimelineDistDir()
  const assetsDir = join(distDir, 'assets')
  let page: string | undefined

  app.get('/', (c) => c.redirect('/ui/', 302))
  app.get('/ui', (c) => c.redirect('/ui/', 302))
  app.get('/ui/', async (c) => {
    if (page === undefined) {
      let html: string
      try {
        html = await readFile(join(distDir, 'index.html'), 'utf8')
      } catch {
        return notBuilt(c, distDir)
      }
      // Built once per process: the build does not change under a running service.
      page = renderIndexHtml(html, options.traceUrlTemplate)
    }
    return c.body(page, 200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
    })
  })
  app.get('/ui/assets/:file', async (c) => {
    const file = c.req.param('file')
    const type = CONTENT_TYPES[extname(file)]
    const path = join(assetsDir, file)
    if (!ASSET_NAME.test(file) || type === undefined || !(await isFile(path))) {
      return problemResponse(
        c,
        toProblem(new HttpProblem('not-found', `No timeline asset ${file}.`), c.req.path),
      )
    }
    const bytes = await readFile(path)
    return c.body(bytes, 200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Cache-Control': HASHED_NAME.test(file) ? IMMUTABLE : 'no-cache',
    })
  })
  return app
}
