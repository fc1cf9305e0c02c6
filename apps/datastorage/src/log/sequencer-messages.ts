import type { TransparencyLogMetrics } from '../metrics/service-metrics.js'

/**
 * What the main thread gives the sequencer's worker (log/sequencer-worker.ts) as `workerData`:
 * plain data only, so that it survives the structured clone. The worker opens its own database
 * handle and signing key from it.
 */
export interface SequencerWorkerData {
  /** The PostgreSQL URL and pool settings of the main thread's `openDatabase`. */
  readonly database: {
    readonly url: string
    readonly maxConnections?: number | undefined
    readonly connectTimeoutSeconds?: number | undefined
    readonly idleTimeoutSeconds?: number | undefined
  }
  /** The checkpoint key's private half, PKCS#8 PEM (the public half and key id are derived). */
  readonly privateKeyPem: string
  /** The main logger's level; the worker's lines are relayed to that logger. */
  readonly logLevel: string
  /** How many workers were started before this one (0 for the first). */
  readonly attempt: number
  readonly origin: string
  readonly batchSize: number
  readonly intervalMs: number
  readonly checkpointIntervalMs: number
  readonly electionIntervalMs?: number | undefined
  readonly backoff?: { readonly baseMs: number; readonly maxMs: number } | undefined
  readonly stopTimeoutMs?: number | undefined
  readonly roundTimeoutMs?: number | undefined
}

/**
 * The changes of {@link TransparencyLogMetrics} since the worker's last message: the last value of
 * each gauge that was set, every seal delay observed (seconds), the checkpoints counted.
 */
export interface MetricsUpdate {
  treeSize?: number
  pending?: number
  leader?: number
  checkpoints?: number
  sealDelays?: number[]
}

/** A message of the main thread to the worker. */
export type ToSequencerWorker = { readonly type: 'stop' }

/** A message of the worker to the main thread. */
export type FromSequencerWorker =
  | { readonly type: 'metrics'; readonly update: MetricsUpdate }
  /** One JSON line of the worker's pino logger. */
  | { readonly type: 'log'; readonly line: string }
  /** The worker's sequencer stopped (sealed, signed, closed); the thread exits next. */
  | { readonly type: 'stopped' }

/** Applies a worker's {@link MetricsUpdate} to the main thread's metrics. */
export function applyMetricsUpdate(metrics: TransparencyLogMetrics, update: MetricsUpdate): void {
  if (update.sealDelays) for (const seconds of update.sealDelays) metrics.sealDelay.observe(seconds)
  if (update.treeSize !== undefined) metrics.treeSize.set(update.treeSize)
  if (update.pending !== undefined) metrics.pending.set(update.pending)
  if (update.checkpoints !== undefined) metrics.checkpoints.inc(update.checkpoints)
  if (update.leader !== undefined) metrics.leader.set(update.leader)
}

/** What a metrics proxy holds until it is flushed. */
export interface MetricsProxy {
  /** Metrics for `startSequencer` that record their changes instead of exporting them. */
  readonly metrics: TransparencyLogMetrics
  /** Sends what changed since the last flush, if anything did. */
  flush(): void
}

/**
 * A {@link TransparencyLogMetrics} for the worker: the sequencer sets and observes as usual, and
 * the changes go to `send` as one {@link MetricsUpdate}, on the next turn of the event loop (a
 * round's seal delays, one per event, travel in one message) or on {@link MetricsProxy.flush}.
 * Only the methods the sequencer calls (`set`, `observe`, `inc`) exist.
 */
export function createMetricsProxy(send: (update: MetricsUpdate) => void): MetricsProxy {
  let update: MetricsUpdate = {}
  let changed = false
  let scheduled: NodeJS.Immediate | undefined
  const flush = () => {
    if (scheduled) clearImmediate(scheduled)
    scheduled = undefined
    if (!changed) return
    const sent = update
    update = {}
    changed = false
    send(sent)
  }
  const touch = () => {
    changed = true
    scheduled ??= setImmediate(flush)
  }
  const gauge = (name: 'treeSize' | 'pending' | 'leader') => ({
    set(value: number) {
      update[name] = value
      touch()
    },
  })
  const proxy = {
    treeSize: gauge('treeSize'),
    pending: gauge('pending'),
    leader: gauge('leader'),
    sealDelay: {
      observe(seconds: number) {
        if (update.sealDelays) update.sealDelays.push(seconds)
        else update.sealDelays = [seconds]
        touch()
      },
    },
    checkpoints: {
      inc(by = 1) {
        update.checkpoints = (update.checkpoints ?? 0) + by
        touch()
      },
    },
  }
  // The sequencer calls only these methods of prom-client's types; the rest of their surface
  // (labels, reset, collect) has no meaning in a thread without a registry.
  return { metrics: proxy as unknown as TransparencyLogMetrics, flush }
}
