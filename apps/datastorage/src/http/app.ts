import { createAuditEventValidator } from '@audit-trail/datastorage-client'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { requestId } from 'hono/request-id'
import type { Logger } from 'pino'
import { type AccessControlOptions, mountAccessControl } from '../auth/access-control.js'
import type { Database } from '../db/client.js'
import type { ReadRouting } from '../db/read-replica.js'
import type { CapacityMonitor } from '../dlq/capacity-monitor.js'
import type { DeadLetterWriter } from '../dlq/dead-letter-writer.js'
import type { DlqAdminOptions } from '../dlq/dlq-admin.js'
import { type DataStorageConfig, DEFAULT_BODY_READ_BUDGET_BYTES } from '../env.js'
import { LegalHoldStore } from '../integrity/legal-holds.js'
import type { LogReader } from '../log/log-reader.js'
import type { DataStorageMetrics } from '../metrics/service-metrics.js'
import { readAuditing } from '../self-audit/http.js'
import type { SelfAudit } from '../self-audit/self-audit.js'
import type { AuditEventStore } from '../store/audit-event-store.js'
import { createEventWriter, type EventWriter } from '../write/event-writer.js'
import { BodyBudget, bodyBudget } from './body-budget.js'
import type { AppEnv } from './context.js'
import { HttpProblem, problemResponse, toProblem } from './problem.js'
import { ReadinessState } from './readiness.js'
import { requestLogging } from './request-logging.js'
import { requestMetrics } from './request-metrics.js'
import { auditEventRoutes } from './routes/audit-events.js'
import { dlqAdminRoutes } from './routes/dlq-admin.js'
import { healthRoutes } from './routes/health.js'
import { integrityRoutes } from './routes/integrity.js'
import { legalHoldRoutes } from './routes/legal-holds.js'
import { timelineUiRoutes } from './routes/timeline-ui.js'
import { verifyRoutes } from './routes/verify.js'

/**
 * A path the app serves as written (`/api/v1/audit/events/batch`) is that resource and no other,
 * though a templated route (`/events/:event_id`) matches its text too: a method it does not serve
 * is answered 405 with its own `Allow`, instead of running the templated route's handler (which
 * answered `GET /events/batch` with 400 "event_id must be a UUID"). The table is built from the
 * app's routes at the first request, when every route is registered.
 */
function concretePathsFirst(
  app: Hono<AppEnv>,
  notAllowed: (c: Context<AppEnv>, methods: readonly string[]) => Response,
): MiddlewareHandler<AppEnv> {
  let methodsByPath: Map<string, Set<string>> | undefined
  return async function concretePathsFirst(c, next) {
    if (!methodsByPath) {
      methodsByPath = new Map()
      for (const route of app.routes) {
        // Middleware (ALL) and paths with parameters or wildcards are not resources of their own.
        if (route.method === 'ALL' || /[:*]/.test(route.path)) continue
        const methods = methodsByPath.get(route.path) ?? new Set<string>()
        methods.add(route.method)
        if (route.method === 'GET') methods.add('HEAD')
        methodsByPath.set(route.path, methods)
      }
    }
    const methods = methodsByPath.get(c.req.path)
    if (methods && !methods.has(c.req.method)) return notAllowed(c, [...methods])
    await next()
  }
}

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  /**
   * The store as the service composed it (`composeServiceStore(…).requests`: write timeout, error
   * counting); the app uses it as it is.
   */
  store: AuditEventStore
  logger: Logger
  /** Limits and validation policy. `bodyReadBudgetBytes` defaults to `BODY_READ_BUDGET_BYTES`' default. */
  config: Pick<DataStorageConfig, 'bodyLimitBytes' | 'maxBatchSize' | 'unknownEventTypes'> &
    Partial<Pick<DataStorageConfig, 'bodyReadBudgetBytes' | 'ui' | 'dlq'>>
  /** The metrics the store was composed with: `/metrics` exposes their registry. */
  metrics: DataStorageMetrics
  /**
   * The bytes of request bodies read at once, shared by every request of the app. Default: one of
   * `config.bodyReadBudgetBytes`.
   */
  bodyBudget?: BodyBudget
  /** Default: a new, non-draining state. The server keeps a reference to flip it on shutdown. */
  readiness?: ReadinessState
  /** The write path. Default: `createEventWriter` over the store, with `deadLetters` as fallback. */
  writer?: EventWriter
  /** The dead-letter queue and its monitor (REDIS_URL set); /readyz and the write path use them. Default none. */
  dlq?: { deadLetters: DeadLetterWriter; monitor: CapacityMonitor } | undefined
  /**
   * What `GET /api/v1/audit/dlq` and `/dlq/messages` read (REDIS_URL set; the server gives it a
   * connection of its own, `openDlqAdmin`). Default none: stats answer `{enabled:false}`, messages 404.
   */
  dlqAdmin?: DlqAdminOptions | undefined
  /**
   * Who may call `/api/v1` and `/metrics` (see `auth/access-control.ts`); the server always passes
   * it. Default, for apps built in tests: protected mode (loopback callers only) in which a request
   * without a socket (`app.request()`) counts as loopback.
   */
  access?: AccessControlOptions
  /** Records every read of audit data (`datastorage.audit.read`). Default none (`SELF_AUDIT=false`, tests). */
  selfAudit?: SelfAudit | undefined
  /**
   * The transparency log's tables, for the checkpoint, proof and leaf routes. Default none
   * (`TRANSPARENCY_LOG=off`, apps over a fake store): they answer 404 `no-checkpoint`.
   */
  log?: LogReader | undefined
  /**
   * The database behind the store, for legal holds and `POST /verify`. Default none (apps built
   * over a fake store): the legal-hold routes then fail (500) and verify answers 404 no-checkpoint.
   */
  database?: Database | undefined
  /**
   * Which store serves `GET /events` and `GET /events/{event_id}`: a read replica behind
   * `READ_DATABASE_URL` (`routeReads`). Default: `store` for every read.
   */
  reads?: ReadRouting | undefined
}

/**
 * Builds the HTTP API as a Hono app, with no server attached: `app.request()` exercises it in
 * tests, `@hono/node-server` serves it in production.
 *
 * @example
 * const metrics = createMetrics()
 * const { requests: store } = composeServiceStore(createAuditEventStore(database), { metrics })
 * const app = createApp({ store, logger, metrics, config: { bodyLimitBytes: 5 << 20, maxBatchSize: 5000, unknownEventTypes: 'accept' } })
 * const res = await app.request('/healthz')
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const { store, logger, config, metrics, readiness = new ReadinessState() } = options
  const writer =
    options.writer ?? createEventWriter({ store, metrics, deadLetters: options.dlq?.deadLetters, logger })
  const validate = createAuditEventValidator({ unknownEventTypes: config.unknownEventTypes })

  const app = new Hono<AppEnv>()
  app.use(requestId())
  app.use(requestLogging(logger))
  app.use(requestMetrics(metrics))
  // Bodies read at once are bounded (503 beyond); an early answer on a body not received in full
  // closes the connection.
  app.use(
    bodyBudget(
      options.bodyBudget ??
        new BodyBudget(
          config.bodyReadBudgetBytes ?? Math.max(DEFAULT_BODY_READ_BUDGET_BYTES, config.bodyLimitBytes),
        ),
    ),
  )
  app.use(async (c, next) => {
    await next()
    // Keep-alive connections would otherwise hold a draining server open until they time out.
    if (readiness.draining) c.header('Connection', 'close')
  })
  // Before routing: an unauthenticated /api/v1 request gets 401, never a 404 or 405 that would map
  // the API for it.
  mountAccessControl(app, options.access ?? { mode: { kind: 'protected' }, inProcessIsLoopback: true })
  if (options.selfAudit) app.use('/api/v1/*', readAuditing(options.selfAudit))
  const notAllowed = (c: Context<AppEnv>, methods: readonly string[]) =>
    problemResponse(
      c,
      toProblem(
        new HttpProblem('method-not-allowed', `${c.req.method} is not allowed on ${c.req.path}.`, {
          headers: { Allow: methods.join(', ') },
        }),
        c.req.path,
      ),
    )
  app.use(concretePathsFirst(app, notAllowed))
  app.use(methodNotAllowed({ app, onMethodNotAllowed: notAllowed }))

  app.route(
    '/api/v1/audit',
    auditEventRoutes({
      store,
      writer,
      validate,
      metrics,
      bodyLimitBytes: config.bodyLimitBytes,
      maxBatchSize: config.maxBatchSize,
      reads: options.reads,
    }),
  )
  app.route(
    '/api/v1/audit',
    dlqAdminRoutes({
      admin: options.dlqAdmin,
      replay: {
        store,
        selfAudit: options.selfAudit,
        bodyLimitBytes: config.bodyLimitBytes,
        dlq: config.dlq,
      },
    }),
  )
  app.route('/api/v1/audit', integrityRoutes({ log: options.log, store }))
  const { database, selfAudit } = options
  const bodyLimitBytes = config.bodyLimitBytes
  app.route('/api/v1/audit', verifyRoutes({ database, bodyLimitBytes }))
  const holds = database && new LegalHoldStore(database)
  app.route('/api/v1/audit', legalHoldRoutes({ holds, selfAudit, bodyLimitBytes }))
  app.route('/', healthRoutes({ store, metrics, readiness, dlq: options.dlq?.monitor }))
  // The timeline page (UI_ENABLED, default on): static files, no token; it calls /api/v1 with one.
  app.route('/', timelineUiRoutes(config.ui))

  app.notFound((c) =>
    problemResponse(c, toProblem(new HttpProblem('not-found', `No route for ${c.req.path}.`), c.req.path)),
  )
  app.onError((error, c) => {
    const problem = toProblem(error, c.req.path)
    const log = c.get('logger') ?? logger
    if (problem.unexpected) log.error({ err: error }, 'unhandled error')
    // A full body budget is load, not a fault: the request's own log line (503) records it, and a
    // flood of them must not add a stack trace each.
    else if (
      problem.status >= 500 &&
      !(error instanceof HttpProblem && error.kind === 'body-budget-exhausted')
    )
      log.warn({ err: error }, problem.body.title)
    return problemResponse(c, problem)
  })
  return app
}
