import { createAuditEventValidator } from '@audit-trail/datastorage-client'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import { createDlqMetrics } from '../metrics/dlq-metrics.js'
import type { AuditEventStore } from '../store/audit-event-store.js'
import { type CapacityMonitor, createCapacityMonitor } from './capacity-monitor.js'
import { createDeadLetterWriter, type DeadLetterWriter } from './dead-letter-writer.js'
import type { DlqConfig } from './dlq-config.js'
import { createReplayWorker, type ReplayWorker, type ReplayWorkerOptions } from './replay-worker.js'

/** Options of {@link startServiceDlq}. */
export interface ServiceDlqOptions {
  redisUrl: string
  config: DlqConfig
  /** The store the replay worker writes into (the same one the HTTP path uses). */
  store: AuditEventStore
  logger: Logger
  /** The service's metrics registry. */
  registry: Registry
  /** Validation policy of the replayed events, as for the HTTP path. Default `accept`. */
  unknownEventTypes?: 'accept' | 'reject'
  /** How often the depth is polled. Default 5000. */
  monitorIntervalMs?: number
  /** Overrides of the replay worker (backoff, block time), for tests. */
  worker?: Partial<ReplayWorkerOptions>
}

/** The DLQ parts of a running service. */
export interface ServiceDlq {
  readonly deadLetters: DeadLetterWriter
  readonly monitor: CapacityMonitor
  readonly worker: ReplayWorker
  /** Stops reading the DLQ; resolves once the round in progress is stored and acknowledged. */
  stopWorker(): Promise<void>
  /** Stops the worker and the monitor and closes the Redis connections. Idempotent. */
  close(): Promise<void>
}

/**
 * Wires the service's dead-letter queue: the producer the write path falls back to, the capacity
 * monitor (polling, gauges, threshold logs) and the replay worker, on two Redis connections (the
 * worker's blocking reads get their own). Redis being down at start-up is not fatal: writes go to
 * PostgreSQL as usual and /readyz reports the DLQ as failing until it answers.
 *
 * @example
 * const dlq = startServiceDlq({ redisUrl, config: config.dlq, store, logger, registry: metrics.registry })
 * // shutdown: after the HTTP server stopped, before the store closes
 * await dlq.close()
 */
export function startServiceDlq(options: ServiceDlqOptions): ServiceDlq {
  const { redisUrl, config, store, logger, registry } = options
  const log = logger.child({ component: 'dlq' })
  // One retry per command: a request waiting on a dead Redis should fail fast into a 503.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectionName: 'datastorage-dlq' })
  const workerRedis = new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    connectionName: 'datastorage-dlq-replay',
  })
  let redisDown = false
  for (const connection of [redis, workerRedis]) {
    // ioredis reconnects by itself; log the first error of an outage, not every reconnect attempt.
    connection.on('error', (err) => {
      if (!redisDown) log.warn({ err }, 'Redis connection error; the dead-letter queue is unavailable')
      redisDown = true
    })
    connection.on('ready', () => {
      if (redisDown) log.info('Redis reachable again')
      redisDown = false
    })
  }
  const metrics = createDlqMetrics(registry)
  const monitor = createCapacityMonitor({
    redis,
    logger: log,
    stream: config.stream,
    deadLetterStream: config.deadLetterStream,
    capacity: config.capacity,
    metrics,
    ...(options.monitorIntervalMs === undefined ? {} : { intervalMs: options.monitorIntervalMs }),
  })
  const deadLetters = createDeadLetterWriter({
    redis,
    stream: config.stream,
    capacity: config.capacity,
    monitor,
    metrics,
  })
  const worker = createReplayWorker({
    redis: workerRedis,
    store,
    logger: log,
    stream: config.stream,
    deadLetterStream: config.deadLetterStream,
    group: config.consumerGroup,
    consumer: config.consumerName,
    batchSize: config.replayBatch,
    maxAttempts: config.maxAttempts,
    claimIdleMs: config.claimIdleMs,
    validate: createAuditEventValidator({ unknownEventTypes: options.unknownEventTypes ?? 'accept' }),
    metrics,
    ...options.worker,
  })
  monitor.start()
  worker.start()
  log.info(
    {
      stream: config.stream,
      group: config.consumerGroup,
      consumer: config.consumerName,
      capacity: config.capacity,
    },
    'dead-letter queue enabled',
  )

  let closing: Promise<void> | undefined
  return {
    deadLetters,
    monitor,
    worker,
    stopWorker: () => worker.stop(),
    close() {
      closing ??= (async () => {
        await worker.stop()
        monitor.stop()
        await Promise.all([redis.quit(), workerRedis.quit()]).catch(() => {
          redis.disconnect()
          workerRedis.disconnect()
        })
      })()
      return closing
    },
  }
}
