import type { Readiness } from '@audit-trail/datastorage-client'
import { Hono } from 'hono'
import type { AuditEventStore } from '../../store/audit-event-store.js'
import type { AppEnv } from '../context.js'
import type { DataStorageMetrics } from '../metrics.js'
import type { NotReadyReason, ReadinessState } from '../readiness.js'

/** Options of {@link healthRoutes}. */
export interface HealthRoutesOptions {
  store: AuditEventStore
  metrics: DataStorageMetrics
  readiness: ReadinessState
  /** How long /readyz waits for the database to answer before calling it failing. Default 2000. */
  pingTimeoutMs?: number
}

async function pingWithin(store: AuditEventStore, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  try {
    return await Promise.race([
      store.ping().then(
        () => true,
        () => false,
      ),
      timeout,
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * `/healthz` (the process answers), `/readyz` (it can take writes now) and `/metrics`.
 * Open even once access control lands: probes and scrapers carry no tokens.
 */
export function healthRoutes(options: HealthRoutesOptions): Hono<AppEnv> {
  const { store, metrics, readiness, pingTimeoutMs = 2000 } = options
  const app = new Hono<AppEnv>()

  app.get('/healthz', (c) => c.json({ status: 'ok' as const }))

  app.get('/readyz', async (c) => {
    const reasons: NotReadyReason[] = []
    if (readiness.draining) reasons.push('draining')
    // No dead-letter queue yet: a database that does not answer means writes would fail.
    const database = (await pingWithin(store, pingTimeoutMs)) ? 'ok' : 'failing'
    if (database === 'failing') reasons.push('database_unreachable_no_dlq')
    const body: Readiness = {
      status: reasons.length === 0 ? 'ready' : 'not_ready',
      checks: { database, dlq: 'disabled' },
    }
    if (reasons.length > 0) body.reasons = reasons
    return c.json(body, reasons.length === 0 ? 200 : 503)
  })

  app.get('/metrics', async (c) => {
    const text = await metrics.registry.metrics()
    return c.body(text, 200, { 'Content-Type': metrics.registry.contentType })
  })

  return app
}
