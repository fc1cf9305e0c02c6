import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { AppEnv } from './context.js'
import { routePattern } from './route-pattern.js'

// Probes and scrapes arrive every few seconds; at info they would drown the audit traffic.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics'])

/**
 * Binds a per-request child logger (`req_id`) to `c.var.logger` and logs one line per request:
 * method, path, route, status, duration and the token's name (error for a 5xx, warn for a 503).
 * Needs the requestId middleware before it.
 */
export function requestLogging(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLogging(c, next) {
    const started = performance.now()
    const log = logger.child({ req_id: c.get('requestId') })
    c.set('logger', log)
    await next()
    const status = c.res.status
    const line = {
      method: c.req.method,
      path: c.req.path,
      route: routePattern(c),
      status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      // Who called: the token's name (never the token), when access control authenticated one.
      ...(c.get('principal') === undefined ? {} : { principal: c.get('principal') }),
    }
    // 503 is the service protecting itself or waiting for PostgreSQL (store unavailable, DLQ
    // full, body budget): expected under load or an outage, and retried by clients. A flood of them
    // must not bury the real failures at error level.
    if (status === 503) log.warn(line, 'request refused for now (503)')
    else if (status >= 500) log.error(line, 'request failed')
    else if (QUIET_PATHS.has(c.req.path)) log.debug(line, 'request completed')
    else log.info(line, 'request completed')
  }
}
