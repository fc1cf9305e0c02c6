import { redisDeadLetterQueue } from '@audit-trail/audit-client/redis'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { DataStorageConfig } from '../env.js'
import type { DataStorageMetrics } from '../metrics/service-metrics.js'
import type { EventWriter } from '../write/event-writer.js'
import { SelfAudit, type SelfAuditOptions } from './self-audit.js'

export { DEFAULT_FAILURE_WINDOW_MS, FailureWindows, OVERFLOW_KEY } from './failure-windows.js'
export { accessRecorder, readAuditing, requestInfoOf } from './http.js'
export { createInProcessTransport } from './in-process-transport.js'
export { type AuthFailureReason, type RequestInfo, SelfAudit, type SelfAuditOptions } from './self-audit.js'

/** The service's self-audit and what it holds open. */
export interface ServiceSelfAudit {
  readonly selfAudit: SelfAudit
  /** Stores the last events (the open windows' counts included), then closes its Redis connection. */
  close(): Promise<void>
}

/**
 * Starts the service's self-audit over its write path, or returns undefined with `SELF_AUDIT=false`
 * (said at warn: the service then keeps no record of who read what). With `REDIS_URL` the audit
 * client dead-letters to the service's own DLQ stream (a connection of its own), which the replay
 * worker stores from, so an event the store and the service DLQ both refused is not dropped.
 */
export function startSelfAudit(
  config: Pick<
    DataStorageConfig,
    'selfAudit' | 'redisUrl' | 'dlq' | 'unknownEventTypes' | 'shutdownTimeoutMs'
  >,
  options: Pick<SelfAuditOptions, 'writer' | 'logger' | 'metrics'> & {
    writer: EventWriter
    logger: Logger
    metrics: DataStorageMetrics
  },
): ServiceSelfAudit | undefined {
  if (!config.selfAudit.enabled) {
    options.logger.warn(
      'SELF_AUDIT=false: the service does not record its own security events (authentication failures, ' +
        'refusals, token reloads, reads of audit data)',
    )
    return undefined
  }
  let redis: Redis | undefined
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectionName: 'datastorage-self-audit' })
    // Failures show in the dead-letter write that meets them (counted and logged there).
    redis.on('error', () => {})
  }
  const selfAudit = new SelfAudit({
    ...options,
    failureWindowMs: config.selfAudit.failureWindowMs,
    unknownEventTypes: config.unknownEventTypes,
    // Shutdown waits for it after the requests drained: no longer than they may take, within 1-5 s.
    closeTimeoutMs: Math.max(1000, Math.min(5000, config.shutdownTimeoutMs)),
    deadLetter: redis ? redisDeadLetterQueue({ redis, stream: config.dlq.stream }) : undefined,
  })
  return {
    selfAudit,
    async close() {
      await selfAudit.close()
      redis?.disconnect()
    },
  }
}
