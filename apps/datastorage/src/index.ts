export { uuidv7 } from '@audit-trail/datastorage-client'
export { type DatabaseHandle, type DatabaseOptions, openDatabase } from './db/client.js'
export { migrateDatabase } from './db/migrate.js'
export * from './dlq/index.js'
export { type DataStorageConfig, loadConfig } from './env.js'
export { ConfigError, DataStorageError, InvalidCursorError, StoreUnavailableError } from './errors.js'
export { type CreateAppOptions, createApp } from './http/app.js'
export type { AppEnv } from './http/context.js'
export { HttpProblem, type ProblemKind, problemTypes, problemTypeUri, toProblem } from './http/problem.js'
export { ReadinessState } from './http/readiness.js'
export { createLogger, type LoggerFactoryOptions } from './logger.js'
export { createMetrics, type DataStorageMetrics, type MetricsOptions } from './metrics/service-metrics.js'
export { type ServerHandle, type StartServerOptions, startServer } from './server.js'
export type {
  AuditEventFilter,
  AuditEventPageResult,
  AuditEventStore,
  InsertResult,
  NewAuditEvent,
} from './store/audit-event-store.js'
export { createAuditEventStore } from './store/postgres-audit-event-store.js'
export { type WriteTimeoutOptions, withWriteTimeout } from './store/write-timeout-store.js'
export {
  createEventWriter,
  type EventWriter,
  type EventWriterOptions,
  type WriteOutcome,
} from './write/event-writer.js'
