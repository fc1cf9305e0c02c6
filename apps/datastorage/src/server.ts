import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { resolveAccess } from './auth/startup.js'
import { watchTokensFile } from './auth/token-registry.js'
import { type DatabaseHandle, openDatabase, openReadDatabase, pgliteDirOf } from './db/client.js'
import { migrateDatabase } from './db/migrate.js'
import { createPartitionManager, startPartitionMaintenance } from './db/partitions.js'
import { type ReadRouting, routeReads } from './db/read-replica.js'
import { type DlqAdminConnection, openDlqAdmin } from './dlq/dlq-admin.js'
import type { ReplayWorkerOptions } from './dlq/replay-worker.js'
import { type ServiceDlq, startServiceDlq } from './dlq/service-dlq.js'
import type { DataStorageConfig } from './env.js'
import { createApp } from './http/app.js'
import { BodyBudget } from './http/body-budget.js'
import { createHttpServer } from './http/node-server.js'
import { ReadinessState } from './http/readiness.js'
import { LogReader } from './log/log-reader.js'
import { type Sequencer, startSequencer } from './log/sequencer.js'
import { startSequencerThread } from './log/sequencer-thread.js'
import { describeKey, loadSigningKey } from './log/signing-key.js'
import { createLogger } from './logger.js'
import { createMetrics, type DataStorageMetrics } from './metrics/service-metrics.js'
import { type RetentionJob, startRetentionJob } from './retention/retention-job.js'
import { createRetentionMetrics } from './retention/retention-metrics.js'
import { accessRecorder, type ServiceSelfAudit, startSelfAudit } from './self-audit/index.js'
import { createAuditEventStore } from './store/postgres-audit-event-store.js'
import { composeServiceStore } from './store/service-store.js'
import { createEventWriter } from './write/event-writer.js'

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** Default: `createLogger({ level: config.logLevel, format: config.logFormat })`. */
  logger?: Logger
  /** Default: a fresh registry with default Node metrics. */
  metrics?: DataStorageMetrics
  /** How often partitions are created ahead. Default 6 hours. */
  partitionIntervalMs?: number
  /** Overrides of the DLQ replay worker (backoff, block time), for tests. */
  dlqWorker?: Partial<ReplayWorkerOptions>
  /**
   * How the tokens file is reloaded besides SIGHUP: `false` does not watch it (tests of SIGHUP);
   * otherwise the quiet time after a change before reloading. Default 200 ms.
   */
  tokensFileWatch?: false | { debounceMs: number }
}

/** A running service. */
export interface ServerHandle {
  /** Base URL to reach it, e.g. `http://127.0.0.1:8080` (loopback when bound to every interface). */
  readonly url: string
  readonly port: number
  /** Which database engine backs it. */
  readonly engine: 'postgres' | 'pglite'
  /**
   * Graceful shutdown: /readyz turns 503 `draining`, then (after `shutdownDrainDelayMs`) the server
   * stops accepting connections, in-flight requests finish within `shutdownTimeoutMs` (the rest are
   * cut) while the DLQ replay worker finishes its round, and the database closes. Idempotent;
   * never rejects.
   */
  close(): Promise<void>
}

function urlOf(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      resolve()
    }
    server.once('listening', onListening)
    server.once('error', onError)
  })
}

/** Stops accepting, waits for in-flight requests up to `timeoutMs`, then cuts what is left. */
function stopServer(server: Server, timeoutMs: number, logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      logger.warn({ timeout_ms: timeoutMs }, 'shutdown timeout reached; closing the remaining connections')
      server.closeAllConnections()
    }, timeoutMs)
    server.close(() => {
      clearTimeout(timer)
      resolve()
    })
    server.closeIdleConnections()
  })
}

/**
 * Starts the service: opens the database (PGlite under `DATA_DIR` when `DATABASE_URL` is unset),
 * applies pending migrations, creates this month's and the next months' partitions (and keeps doing
 * so on an unref'd timer), and serves the API with @hono/node-server's listener on a Node server
 * that answers its own refusals as problem+json too (`http/node-server.ts`), with one budget of
 * request bodies read at once (`BODY_READ_BUDGET_BYTES`). Signals are the caller's business (the
 * CLI maps SIGTERM/SIGINT to `close()`), so tests can start many servers.
 *
 * @throws Error when the database cannot be opened or migrated, or the port is taken; nothing is left open.
 * @example
 * const server = await startServer({ ...loadConfig(), port: 0 })
 * await fetch(`${server.url}/readyz`)
 * await server.close()
 */
export async function startServer(
  config: DataStorageConfig,
  options: StartServerOptions = {},
): Promise<ServerHandle> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat })
  const metrics = options.metrics ?? createMetrics()
  // Before anything opens: a tokens file that does not parse, or a non-loopback HOST without
  // tokens, refuses to start (ConfigError, exit 2).
  const { access, registry } = resolveAccess(config, logger)
  // The checkpoint key too: a bad SIGNING_KEY_FILE refuses to start (ConfigError, exit 2).
  const transparencyLog = config.transparencyLog
  const signingKey = transparencyLog.enabled
    ? await loadSigningKey(
        { signingKeyFile: transparencyLog.signingKeyFile, dataDir: config.dataDir },
        logger,
      )
    : undefined
  if (signingKey) {
    const { key_id, public_key } = describeKey(signingKey)
    logger.info(
      { key_id, public_key, file: signingKey.file, created: signingKey.created },
      'transparency log signing key (give verifiers the public key out of band: datastorage log public-key)',
    )
  } else {
    logger.warn('TRANSPARENCY_LOG=off: stored events are not sealed into the transparency log')
  }

  const database = await openDatabase({
    url: config.databaseUrl,
    maxConnections: config.databasePoolMax,
    pgliteDataDir: pgliteDirOf(config.dataDir),
    onNotice: (message) => logger.debug({ notice: message }, 'database notice'),
  })
  let maintenance: { stop(): void } | undefined
  let server: Server | undefined
  let dlq: ServiceDlq | undefined
  let dlqAdmin: DlqAdminConnection | undefined
  let stopTokenReload: (() => void) | undefined
  let selfAudit: ServiceSelfAudit | undefined
  let sequencer: Sequencer | undefined
  let retention: RetentionJob | undefined
  let readDatabase: DatabaseHandle | undefined
  try {
    const migrations = await migrateDatabase(database)
    logger.info({ engine: database.kind, applied: migrations }, 'database migrated')
    const partitions = createPartitionManager(database.db)
    const months = await partitions.ensureAhead()
    logger.info({ months }, 'partitions ready')
    maintenance = startPartitionMaintenance(partitions, {
      intervalMs: options.partitionIntervalMs,
      onError: (error) =>
        logger.error({ err: error }, 'creating partitions ahead failed; retrying next tick'),
    })

    // postgres.js queues writes while the pool is busy (a burst on a small pool succeeds); the
    // timeout bounds that wait, after which the events go to the DLQ.
    const store = composeServiceStore(
      createAuditEventStore(database, {
        partitions,
        maxNewPartitionsPerWrite: config.maxNewPartitions,
        transparencyLog: transparencyLog.enabled,
      }),
      {
        metrics,
        writeTimeoutMs: config.databaseWriteTimeoutMs,
      },
    )
    if (config.redisUrl) {
      dlq = startServiceDlq({
        redisUrl: config.redisUrl,
        config: config.dlq,
        store: store.replay,
        logger,
        registry: metrics.registry,
        unknownEventTypes: config.unknownEventTypes,
        ...(options.dlqWorker ? { worker: options.dlqWorker } : {}),
      })
      dlqAdmin = openDlqAdmin(config.redisUrl, config.dlq)
    } else {
      logger.warn('REDIS_URL is not set: no dead-letter queue; writes answer 503 while PostgreSQL is down')
    }
    // READ_DATABASE_URL: the events query and the read by id go to the replica (and fall back to
    // the primary when it does not answer); everything else stays on the primary.
    let reads: ReadRouting | undefined
    if (config.readDatabaseUrl) {
      readDatabase = await openReadDatabase(config.readDatabaseUrl, {
        maxConnections: config.databasePoolMax,
        onNotice: (message) => logger.debug({ notice: message }, 'read replica notice'),
      })
      reads = routeReads({
        primary: store.requests,
        replica: createAuditEventStore(readDatabase, { transparencyLog: transparencyLog.enabled }),
        replicaDb: readDatabase.db,
        registry: metrics.registry,
        logger,
      })
      logger.info('READ_DATABASE_URL set: event queries are served by the read replica')
    }
    const writer = createEventWriter({
      store: store.requests,
      metrics,
      deadLetters: dlq?.deadLetters,
      logger,
    })
    // The service's own security events go through the same write path, in-process; the access
    // control tells it of refusals, the registry of reloads (the start-up load included).
    selfAudit = startSelfAudit(config, { writer, logger, metrics })
    const recorder = selfAudit ? accessRecorder(selfAudit.selfAudit) : undefined
    const auditing = selfAudit?.selfAudit
    if (auditing && registry) {
      registry.listen({
        reloaded: (change) => auditing.tokensReloaded(change),
        rejected: (rejection) => auditing.tokensRejected(rejection),
      })
    }
    const readiness = new ReadinessState()
    // One budget for the process: every request's body counts against it while being read and
    // handled (503 beyond; see readJsonText).
    const bodyBudget = new BodyBudget(config.bodyReadBudgetBytes)
    const app = createApp({
      store: store.requests,
      logger,
      metrics,
      config,
      readiness,
      dlq,
      dlqAdmin,
      bodyBudget,
      access: { ...access, recorder },
      log: signingKey ? new LogReader(database.db) : undefined,
      writer,
      selfAudit: auditing,
      database: database.db,
      reads,
    })
    server = createHttpServer({ fetch: app.fetch, logger })
    const listening = listen(server)
    server.listen(config.port, config.host)
    await listening
    // Errors of the listening socket after start-up (e.g. EMFILE) are logged, not fatal.
    server.on('error', (error) => logger.error({ err: error }, 'HTTP server error'))
    const { port } = server.address() as AddressInfo
    const url = urlOf(config.host, port)
    logger.info({ url, host: config.host, port, engine: database.kind }, `datastorage listening on ${url}`)
    if (registry) {
      // A broken file keeps the last good set (logged); SIGHUP and file changes both reload.
      const onHangup = () => registry.reload('sighup')
      process.on('SIGHUP', onHangup)
      const stopWatching =
        options.tokensFileWatch === false
          ? () => {}
          : watchTokensFile(registry, { logger, debounceMs: options.tokensFileWatch?.debounceMs })
      stopTokenReload = () => {
        process.off('SIGHUP', onHangup)
        stopWatching()
      }
    }

    if (config.retention.enabled) {
      retention = startRetentionJob({
        db: database.db,
        logger,
        transparencyLog: config.transparencyLog.enabled,
        selfAudit: auditing,
        metrics: createRetentionMetrics(metrics.registry),
        partitions,
        intervalMs: config.retention.intervalMs,
      })
    }

    if (signingKey) {
      const sequencing = {
        key: signingKey,
        origin: transparencyLog.origin,
        batchSize: transparencyLog.sequencerBatchSize,
        intervalMs: transparencyLog.sequencerIntervalMs,
        checkpointIntervalMs: transparencyLog.checkpointIntervalMs,
        logger,
        metrics: metrics.log,
      }
      // SEQUENCER_THREAD: sealing runs beside the HTTP path in a worker of its own, except with
      // PGlite (one connection, this thread's) or when asked to stay here.
      const databaseUrl = transparencyLog.sequencerThread === 'main' ? undefined : config.databaseUrl
      sequencer = databaseUrl
        ? startSequencerThread({
            ...sequencing,
            database: { url: databaseUrl, maxConnections: config.databasePoolMax },
          })
        : startSequencer({ ...sequencing, database })
      logger.info({ thread: databaseUrl ? 'worker' : 'main' }, 'transparency log sequencer started')
    }

    const running = server
    const runningMaintenance = maintenance
    const runningDlq = dlq
    const runningDlqAdmin = dlqAdmin
    const runningTokenReload = stopTokenReload
    const runningSelfAudit = selfAudit
    const runningSequencer = sequencer
    const runningRetention = retention
    const runningReadDatabase = readDatabase
    let closing: Promise<void> | undefined
    const shutdown = async (): Promise<void> => {
      readiness.startDraining()
      logger.info({ drain_delay_ms: config.shutdownDrainDelayMs }, 'shutting down: draining')
      if (config.shutdownDrainDelayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainDelayMs))
      }
      runningMaintenance.stop()
      runningTokenReload?.()
      await runningRetention?.stop()
      // The replay worker stops reading now and finishes its round while requests drain; the DLQ
      // connections close after the last request (it may still need to queue events), and all of
      // it before the pool closes, so nothing is acknowledged that was not stored.
      await Promise.all([stopServer(running, config.shutdownTimeoutMs, logger), runningDlq?.stopWorker()])
      // After the last request (it may have recorded a read or a refusal) and while the store and the
      // DLQ are still open: the last events, and the counts of the open windows, are stored.
      await runningSelfAudit?.close()
      // After the last write of the process: what it stored is sealed and signed before it goes.
      await runningSequencer?.stop()
      await Promise.all([runningDlq?.close(), runningDlqAdmin?.close()])
      await store.requests.close().catch((error) => logger.error({ err: error }, 'closing the store failed'))
      await runningReadDatabase
        ?.close()
        .catch((error) => logger.error({ err: error }, 'closing the read replica pool failed'))
      logger.info('stopped')
    }
    return {
      url,
      port,
      engine: database.kind,
      close: () => {
        closing ??= shutdown()
        return closing
      },
    }
  } catch (error) {
    maintenance?.stop()
    await retention?.stop()
    stopTokenReload?.()
    await selfAudit?.close()
    await Promise.all([dlq?.close(), dlqAdmin?.close()])
    server?.close()
    await sequencer?.stop()
    await database.close().catch(() => {})
    await readDatabase?.close().catch(() => {})
    throw error
  }
}
