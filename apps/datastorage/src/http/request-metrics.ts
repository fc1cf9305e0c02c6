import type { MiddlewareHandler } from 'hono'
import type { DataStorageMetrics } from '../metrics/service-metrics.js'
import { routePattern } from './route-pattern.js'

/**
 * Counts every request in `http_requests_total{route,method,status}` and times it in
 * `http_request_duration_seconds{route,method}`, labelled by route pattern.
 */
export function requestMetrics(metrics: DataStorageMetrics): MiddlewareHandler {
  return async function requestMetrics(c, next) {
    const end = metrics.httpRequestDuration.startTimer()
    await next()
    const route = routePattern(c)
    const method = c.req.method
    end({ route, method })
    metrics.httpRequests.inc({ route, method, status: String(c.res.status) })
  }
}
