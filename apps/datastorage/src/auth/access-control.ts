import { timingSafeEqual } from 'node:crypto'
import type { HttpBindings } from '@hono/node-server'
import type { Context, Hono, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/context.js'
import { forbidden, problemResponse, tooManyRequests, toProblem, unauthorized } from '../http/problem.js'
import { PRINCIPALS } from './principals.js'
import type { RateLimiter } from './rate-limit.js'
import type { TokenRegistry } from './token-registry.js'
import { hashToken, type Scope } from './tokens-file.js'

/**
 * How the app decides who may call `/api/v1`:
 * - `tokens`: every request needs `Authorization: Bearer <token>` whose hash is in the registry
 *   and whose scopes include the route's, loopback callers included;
 * - `protected` (no tokens file): only callers whose socket is loopback are served;
 * - `disabled` (`AUTH_DISABLED=true`): anyone.
 */
export type AccessMode =
  | { kind: 'tokens'; registry: TokenRegistry }
  | { kind: 'protected' }
  | { kind: 'disabled' }

/** Options of the app's access control. */
export interface AccessControlOptions {
  mode: AccessMode
  /**
   * `METRICS_TOKEN`: with it `/metrics` answers whoever sends it as bearer token; without it
   * `/metrics` answers loopback callers only.
   */
  metricsToken?: string | undefined
  /**
   * Whether a request with no socket (`app.request()`, in-process) counts as a loopback caller.
   * Only tests set it; the server never does (its requests always come with one).
   */
  inProcessIsLoopback?: boolean
  /** Per-token rate limit (`RATE_LIMIT_PER_SECOND`, tokens mode only): 429 with Retry-After beyond it. */
  rateLimit?: RateLimiter | undefined
  /** Told of every refusal (the self-audit, `self-audit/http.ts`). Default none. */
  recorder?: AccessRecorder | undefined
}

/** Why a request got 401: `datastorage.auth.failed`'s `reason`. */
export type AuthFailureReason =
  | 'missing_token'
  | 'malformed_token'
  | 'unknown_token'
  | 'not_loopback'
  | 'bad_metrics_token'

/** What access control tells about the requests it refuses; each call must return at once. */
export interface AccessRecorder {
  /** 401. */
  authFailed(c: Context, reason: AuthFailureReason): void
  /** 403: `principal`'s token lacks `scope`. */
  denied(c: Context, principal: string, scope: Scope): void
  /** 429: `principal`'s token is over its rate limit. */
  rateLimited(c: Context, principal: string): void
}

/** Method and route pattern (as registered on the app) → the scope it requires. */
export const ROUTE_SCOPES: ReadonlyArray<{ method: string; path: string; scope: Scope }> = [
  { method: 'POST', path: '/api/v1/audit/events', scope: 'audit:write' },
  { method: 'POST', path: '/api/v1/audit/events/batch', scope: 'audit:write' },
  { method: 'GET', path: '/api/v1/audit/events', scope: 'audit:read' },
  { method: 'GET', path: '/api/v1/audit/events/export', scope: 'audit:read' },
  { method: 'GET', path: '/api/v1/audit/events/histogram', scope: 'audit:read' },
  { method: 'GET', path: '/api/v1/audit/events/:event_id', scope: 'audit:read' },
  { method: 'GET', path: '/api/v1/audit/dlq', scope: 'audit:admin' },
  { method: 'GET', path: '/api/v1/audit/dlq/messages', scope: 'audit:admin' },
  { method: 'POST', path: '/api/v1/audit/dlq/replay', scope: 'audit:admin' },
  { method: 'GET', path: '/api/v1/audit/checkpoints/latest', scope: 'audit:read' },
  { method: 'GET', path: '/api/v1/audit/checkpoints', scope: 'audit:read' },
  { method: 'GET', path: '/api/v1/audit/checkpoints/consistency', scope: 'audit:read' },
  { method: 'GET', path: '/api/v1/audit/events/:event_id/proof', scope: 'audit:read' },
  { method: 'GET', path: '/api/v1/audit/log/leaves', scope: 'audit:read' },
  { method: 'POST', path: '/api/v1/audit/verify', scope: 'audit:read' },
  { method: 'POST', path: '/api/v1/audit/verify-chain', scope: 'audit:read' },
  { method: 'POST', path: '/api/v1/audit/legal-holds', scope: 'audit:admin' },
  { method: 'GET', path: '/api/v1/audit/legal-holds', scope: 'audit:admin' },
  { method: 'DELETE', path: '/api/v1/audit/legal-holds/:hold_id', scope: 'audit:admin' },
  { method: 'POST', path: '/api/v1/audit/legal-hold', scope: 'audit:admin' },
  { method: 'GET', path: '/api/v1/audit/legal-hold', scope: 'audit:admin' },
  { method: 'DELETE', path: '/api/v1/audit/legal-hold/:correlation_id', scope: 'audit:admin' },
]

/** True for 127.0.0.0/8, ::1 and IPv4-mapped 127.x (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)) return true
  return address === '::1' || address === '0:0:0:0:0:0:0:1'
}

/** The remote address of the request's socket; undefined for an in-process request. */
function remoteAddress(c: Context): string | undefined {
  const env = c.env as Partial<HttpBindings> | undefined
  return env?.incoming?.socket?.remoteAddress
}

function fromLoopback(c: Context, inProcessIsLoopback: boolean): boolean {
  const env = c.env as Partial<HttpBindings> | undefined
  if (env?.incoming === undefined) return inProcessIsLoopback
  return isLoopbackAddress(remoteAddress(c))
}

/** The bearer token of the request, or undefined when missing or malformed. */
function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization')
  if (header === undefined) return undefined
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header)
  return match?.[1]
}

/** Why a request without a known token is refused: no header, a header that is no bearer token, or an unknown one. */
function tokenFailure(c: Context, token: string | undefined): AuthFailureReason {
  if (token !== undefined) return 'unknown_token'
  return c.req.header('authorization') === undefined ? 'missing_token' : 'malformed_token'
}

/** The scopes of the token each authenticated request carried. */
const scopesOf = new WeakMap<Request, readonly Scope[]>()

/**
 * Mounts access control on `app`, before its routes: `/api/v1/*` authenticates every request (401
 * before any 404 or 405), then each route of {@link ROUTE_SCOPES} checks its scope (403 naming it)
 * with the same path matching as the handlers, so no spelling of a path escapes its check; a
 * `/metrics` guard. `/healthz` and `/readyz` stay open.
 */
export function mountAccessControl(app: Hono<AppEnv>, options: AccessControlOptions): void {
  const { mode, metricsToken } = options
  const inProcessIsLoopback = options.inProcessIsLoopback ?? false
  const metricsHash = metricsToken === undefined ? undefined : Buffer.from(hashToken(metricsToken), 'hex')
  const { recorder } = options
  const deny401 = (c: Context, reason: AuthFailureReason): Response => {
    recorder?.authFailed(c, reason)
    return problemResponse(c, toProblem(unauthorized(), c.req.path))
  }

  app.use('/metrics', async (c, next) => {
    if (metricsHash === undefined) {
      if (!fromLoopback(c, inProcessIsLoopback)) return deny401(c, 'not_loopback')
      return next()
    }
    const token = bearerToken(c)
    const sent = Buffer.from(hashToken(token ?? ''), 'hex')
    if (token === undefined || !timingSafeEqual(sent, metricsHash)) return deny401(c, 'bad_metrics_token')
    return next()
  })

  if (mode.kind === 'disabled') {
    app.use('/api/v1/*', async (c, next) => {
      c.set('principal', PRINCIPALS.authDisabled)
      return next()
    })
    return
  }

  const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (mode.kind === 'protected') {
      if (!fromLoopback(c, inProcessIsLoopback)) return deny401(c, 'not_loopback')
      c.set('principal', PRINCIPALS.loopback)
      return next()
    }
    const token = bearerToken(c)
    const entry = token === undefined ? undefined : mode.registry.lookup(hashToken(token))
    if (entry === undefined) return deny401(c, tokenFailure(c, token))
    scopesOf.set(c.req.raw, entry.scopes)
    c.set('principal', entry.name)
    const waitMs = options.rateLimit?.take(entry.name) ?? 0
    if (waitMs > 0) {
      recorder?.rateLimited(c, entry.name)
      return problemResponse(c, toProblem(tooManyRequests(waitMs), c.req.path))
    }
    return next()
  }
  // `/api/v1/*` matches `/api/v1` itself too.
  app.use('/api/v1/*', authenticate)

  if (mode.kind !== 'tokens') return
  for (const { method, path, scope } of ROUTE_SCOPES) {
    app.on(method, path, async (c, next) => {
      const scopes = scopesOf.get(c.req.raw)
      if (!scopes?.includes(scope)) {
        recorder?.denied(c, c.get('principal') ?? '(unknown)', scope)
        return problemResponse(
          c,
          toProblem(forbidden(scope, `${method} ${path.replace(/:([a-z_]+)/g, '{$1}')}`), c.req.path),
        )
      }
      return next()
    })
  }
}
