import type { Readiness } from '@audit-trail/datastorage-client'
import { Hono } from 'hono'
import type { CapacityMonitor } from '../../dlq/capacity-monitor.js'
import type { DataStorageMetrics } from '../../metrics/service-metrics.js'
import type { AuditEventStore } from '../../store/audit-event-store.js'
import type { AppEnv } from '../context.js'
import type { NotReadyReason, ReadinessState } from '../readiness.js'

/** Options of {@link healthRoutes}. */
export interface HealthRoutesOptions {
  store: AuditEventStore
  metrics: DataStorageMetrics
  readiness: ReadinessState
  /** How long /readyz waits for the database to answer before calling it failing. Default 2000. */
  pingTimeoutMs?: number
  /** The dead-letter queue's monitor; absent when there is no DLQ (REDIS_URL unset). */
  dlq?: CapacityMonitor | undefined
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
  const { store, metrics, readiness, pingTimeoutMs = 2000, dlq } = options
  const app = new Hono<AppEnv>()

  app.get('/healthz', (c) => c.json({ status: 'ok' as const }))

  app.get('/readyz', async (c) => {
    const reasons: NotReadyReason[] = []
    if (readiness.draining) reasons.push('draining')
    const [databaseOk, dlqState] = await Promise.all([pingWithin(store, pingTimeoutMs), dlq?.check()])
    const database = databaseOk ? 'ok' : 'failing'
    const dlqCheck = !dlqState ? 'disabled' : dlqState.reachable && !dlqState.full ? 'ok' : 'failing'
    // Writes are accepted while either PostgreSQL or the DLQ can take them. A full DLQ alone does
    // not make the service unready: taking every replica out of rotation while PostgreSQL is fine
    // would turn a warning into an outage.
    if (database === 'failing') {
      if (!dlqState?.reachable) reasons.push('database_unreachable_no_dlq')
      else if (dlqState.full) reasons.push('dlq_full')
    }
    const body: Readiness = {
      status: reasons.length === 0 ? 'ready' : 'not_ready',
      checks: { database, dlq: dlqCheck },
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
