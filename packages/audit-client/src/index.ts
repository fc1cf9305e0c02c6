/** A UUIDv7 as the client makes `event_id`s; the implementation lives in `@audit-trail/datastorage-client`. */
export { uuidv7 } from '@audit-trail/datastorage-client'
export {
  type AuditClient,
  type AuditClientOptions,
  type AuditEventInput,
  type AuditEventWithId,
  createAuditClient,
  DEFAULT_CLOSE_TIMEOUT_MS,
} from './client.js'
export { type Clock, systemClock } from './clock.js'
export {
  type AuditClientConfig,
  type LoadAuditClientConfigOptions,
  loadAuditClientConfig,
  parseDuration,
} from './config.js'
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
export { DEFAULTS, type OnFull } from './options.js'
export {
  createRetryPolicy,
  fullJitterDelay,
  isRetryable,
  parseRetryAfter,
  type RetryDecision,
  type RetryPolicy,
  type RetryPolicyOptions,
} from './retry-policy.js'
export { installShutdownHooks, type ShutdownHooksOptions, type ShutdownProcess } from './shutdown.js'
export { type AuditClientStats, statsReconcile } from './stats.js'
export type { TokenSource } from './transport.js'
