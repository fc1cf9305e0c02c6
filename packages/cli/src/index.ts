// The verification core as a library: what `audit-trail verify` and `log download` run, for
// programs that audit the log themselves.
export { type CliIo, loadPublicKey } from './context.js'
export {
  CliError,
  ExitCode,
  type ExitStatus,
  InputError,
  ServiceError,
  TransferError,
  UsageError,
} from './errors.js'
export { runCli } from './program.js'
export { createProgress, type Progress, type ProgressStream, silentProgress } from './progress.js'
export {
  ApiLogSource,
  type ApiLogSourceOptions,
  decodeEventPage,
  EVENT_PAGE_LIMIT,
  LEAF_PAGE_LIMIT,
} from './source/api-source.js'
export {
  BUNDLE_FILES,
  BundleLogSource,
  type BundleSummary,
  type WriteBundleOptions,
  writeBundle,
} from './source/bundle.js'
export type { LogSource, ReceivedEvent } from './source/log-source.js'
export { formatReport } from './verify/format.js'
export type {
  ConsistencyStatus,
  Failure,
  FailureReason,
  RemovedEvent,
  VerifyReport,
} from './verify/report.js'
export { ALL_EVENTS, makeSelection, type Selection } from './verify/selection.js'
export { readState, writeState } from './verify/state.js'
export { acceptedCheckpoint, type VerifyLogOptions, verifyLog } from './verify/verify-log.js'
export type { AuditEvent, Checkpoint, ConsistencyProof, InclusionProof, LogLeaf } from './wire.js'
