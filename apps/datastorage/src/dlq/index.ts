export { createDlqMetrics, type DlqMetrics } from '../metrics/dlq-metrics.js'
export { classifyStoreError, type StoreFailureKind } from '../store/store-errors.js'
export {
  type CapacityMonitor,
  type CapacityMonitorOptions,
  type CapacityState,
  createCapacityMonitor,
} from './capacity-monitor.js'
export {
  createDeadLetterWriter,
  type DeadLetterWriteResult,
  type DeadLetterWriter,
  type DeadLetterWriterOptions,
} from './dead-letter-writer.js'
export {
  type DlqAdminOptions,
  type DlqConsumerStats,
  type DlqStats,
  dlqStats,
  type InspectedEntry,
  inspectDlq,
  type ReplayDlqOptions,
  type ReplayProgress,
  type ReplaySummary,
  replayDlq,
} from './dlq-admin.js'
export {
  type DlqConfig,
  type DlqEnv,
  dlqConfigFromEnv,
  dlqEnvShape,
  dlqStreamsDiffer,
  dlqStreamsIssue,
  loadDlqConfig,
} from './dlq-config.js'
export { DlqFullError, DlqUnavailableError } from './errors.js'
export {
  createReplayWorker,
  type ReplayTotals,
  type ReplayWorker,
  type ReplayWorkerOptions,
  type RoundResult,
} from './replay-worker.js'
export { type ServiceDlq, type ServiceDlqOptions, startServiceDlq } from './service-dlq.js'
