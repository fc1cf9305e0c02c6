import type { Context } from 'hono'
import { matchedRoutes } from 'hono/route'

/**
 * The route pattern that handled a request (`/api/v1/audit/events/:event_id`), or `unmatched`
 * when no route did (404, 405). Metrics use this rather than the raw path so that ids in URLs
 * cannot explode label cardinality.
 */
export function routePattern(c: Context): string {
  // A 405 ran no route's handler, though the router may have matched a templated one
  // (`GET /events/batch` matches `/events/:event_id`).
  if (c.res.status === 405) return 'unmatched'
  const routes = matchedRoutes(c)
  for (let i = routes.length - 1; i >= 0; i--) {
    // Middleware registered with `use` has method ALL; the handler carries the real method.
    if (routes[i]!.method !== 'ALL') return routes[i]!.path
  }
  return 'unmatched'
}
