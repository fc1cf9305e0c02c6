// The public API. Internals (retry policy, defaults, the real clock, stats arithmetic) are not
// exported; the package's tests import them by relative path. The Redis dead-letter queue is in
// `./redis.ts` (the subpath `@audit-trail/audit-client/redis`), so that this entry's types name
// neither ioredis nor prom-client, both optional peers.
export {
  type AuditClient,
  type AuditClientCommonOptions,
  type AuditClientOptions,
  type AuditEventInput,
  createAuditClient,
  type EventDataOf,
  type EventType,
  type HttpAuditClientOptions,
  type TransportAuditClientOptions,
} from './client.js'
export type { Clock } from './clock.js'
export { type AuditClientConfig, type LoadAuditClientConfigOptions, loadAuditClientConfig } from './config.js'
export * from './dead-letter/index.js'
export {
  AuditClientError,
  BufferFullError,
  ClientClosedError,
  ConfigError,
  DeadLetterWriteError,
  DeliveryFailedError,
  FlushTimeoutError,
  HttpError,
  type ProblemDetails,
  TransportError,
  ValidationError,
} from './errors.js'
export type { AuditLogger } from './logger.js'
export type { PrometheusRegistry } from './metrics.js'
export type { Compression, OnFull } from './options.js'
export type { SerializedBody } from './packed-batch.js'
export { type AuditWarningCode, WARNING_TYPE } from './process-warnings.js'
export { installShutdownHooks, type ShutdownHooksOptions, type ShutdownProcess } from './shutdown.js'
export type { AuditClientStats } from './stats.js'
export type { SendResult, TokenSource, Transport } from './transport.js'
