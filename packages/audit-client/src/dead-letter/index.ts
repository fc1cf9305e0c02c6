export { type ChainedDeadLetterQueue, chainDeadLetterQueues } from './chain.js'
export type { DeadLetterQueue } from './dead-letter-queue.js'
export {
  type FileDeadLetterQueue,
  type FileDeadLetterQueueOptions,
  fileDeadLetterQueue,
} from './file-dead-letter-queue.js'
export { type ReplaySpoolOptions, type ReplaySpoolResult, replaySpool } from './replay-spool.js'
