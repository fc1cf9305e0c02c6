import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { DatabaseOptions } from '../db/client.js'
import { backoffDelay } from '../dlq/backoff.js'
import type { Sequencer, SequencerOptions } from './sequencer.js'
import {
  applyMetricsUpdate,
  type FromSequencerWorker,
  type SequencerWorkerData,
  type ToSequencerWorker,
} from './sequencer-messages.js'
import { relayLogLine } from './thread-log.js'

/** Options of {@link startSequencerThread}: those of `startSequencer`, the database as settings. */
export interface SequencerThreadOptions extends Omit<SequencerOptions, 'database'> {
  /** The PostgreSQL database the worker opens a handle of its own on (PGlite cannot be shared). */
  database: Pick<DatabaseOptions, 'maxConnections' | 'connectTimeoutSeconds' | 'idleTimeoutSeconds'> & {
    url: string
  }
  /** First and largest wait before a crashed worker is started again (doubling, with jitter). [500, 30000] */
  restartBackoff?: { baseMs: number; maxMs: number }
  /** How long past `stopTimeoutMs` {@link Sequencer.stop} waits for the worker to exit before terminating it. [2000] */
  exitMarginMs?: number
  /** The worker's entry module. [log/sequencer-worker.js beside this module; .ts when run from source] */
  entry?: URL
}

/** A {@link Sequencer} in a worker thread; see {@link startSequencerThread}. */
export interface SequencerThread extends Sequencer {
  /** Workers started after a crash so far. */
  readonly restarts: number
}

/** A worker that ran this long before it crashed counts as healthy: the next restart waits the least. */
const HEALTHY_RUN_MS = 60_000

/**
 * The default entry: `sequencer-worker.js` beside this module in `dist/`, `sequencer-worker.ts`
 * when this module itself runs from source (vitest, tsx).
 */
function defaultEntry(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./sequencer-worker${extension}`, import.meta.url)
}

/**
 * The URL of tsx's ESM API (`tsx/esm/api` under the `import` condition). Resolved here, where tsx
 * is a dependency, from its package.json: `require.resolve` would pick the CommonJS build, which
 * cannot register the ESM loader from a worker.
 */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>
  }
  const api = manifest.exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs'
  return new URL(api, pathToFileURL(manifestPath)).href
}

/**
 * Starts a worker on `entry`. Compiled JS runs as is; a TypeScript entry (tests run the sources)
 * goes through tsx's loader, registered inside the thread first: `--import tsx` in a worker's
 * `execArgv` does not reach the worker's own entry module on Node 20.
 */
function spawn(entry: URL, workerData: SequencerWorkerData): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData })
  const tsx = tsxEsmApi()
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}) })`
  return new Worker(bootstrap, { eval: true, workerData })
}

/**
 * Runs the transparency log's sequencer (`startSequencer`) in a `worker_threads` Worker, so that
 * sealing (reading the batch back, canonical text, SHA-256, tree nodes, signatures) runs beside the
 * HTTP path instead of on its thread (docs/integrity.md#where-the-sequencer-runs). The worker opens
 * its own database handle from `database` and its own key from `key`'s private half; its log lines
 * are written through `logger` (`component: 'sequencer'`, `thread: 'worker'`) and its metrics
 * update `metrics` from messages (a round's seal delays in one message).
 *
 * A worker that crashes (an uncaught error, an exit) is logged at error and started again after a
 * backoff; the advisory lock keeps a restarted or concurrent sequencer safe (one leader per
 * database). {@link Sequencer.leader} mirrors the worker's last word, false while none runs.
 *
 * @example
 * const sequencer = startSequencerThread({ database: { url, maxConnections: 10 }, key, origin: 'audit-trail', batchSize: 5000, intervalMs: 200, checkpointIntervalMs: 10_000, logger, metrics: metrics.log })
 * await sequencer.stop()
 */
export function startSequencerThread(options: SequencerThreadOptions): SequencerThread {
  const {
    database,
    key,
    logger,
    metrics,
    restartBackoff = { baseMs: 500, maxMs: 30_000 },
    stopTimeoutMs = 5000,
    exitMarginMs = 2000,
    entry = defaultEntry(),
  } = options
  const log = logger.child({ component: 'sequencer', thread: 'worker' })
  const relay = logger.child({ thread: 'worker' })
  const privateKeyPem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

  let leader = false
  let stopping = false
  let attempt = 0
  let failures = 0
  let worker: Worker | undefined
  let exited: Promise<void> = Promise.resolve()
  let restartTimer: NodeJS.Timeout | undefined

  const setLeader = (value: boolean) => {
    leader = value
    metrics.leader.set(value ? 1 : 0)
  }

  const start = () => {
    restartTimer = undefined
    const startedAt = performance.now()
    const current = spawn(entry, {
      database,
      privateKeyPem,
      logLevel: logger.level,
      attempt,
      origin: options.origin,
      batchSize: options.batchSize,
      intervalMs: options.intervalMs,
      checkpointIntervalMs: options.checkpointIntervalMs,
      electionIntervalMs: options.electionIntervalMs,
      backoff: options.backoff,
      stopTimeoutMs,
      roundTimeoutMs: options.roundTimeoutMs,
    })
    attempt++
    worker = current
    current.on('message', (message: FromSequencerWorker) => {
      if (message.type === 'log') relayLogLine(relay, message.line)
      else if (message.type === 'metrics') {
        applyMetricsUpdate(metrics, message.update)
        if (message.update.leader !== undefined) leader = message.update.leader === 1
      } else if (message.type === 'stopped') log.debug('sequencer worker stopped')
    })
    current.on('error', (error) => log.error({ err: error }, 'the sequencer worker crashed'))
    current.on('messageerror', (error) =>
      log.error({ err: error }, 'a sequencer worker message could not be read'),
    )
    exited = new Promise<void>((resolve) => {
      current.once('exit', (code) => {
        if (worker === current) worker = undefined
        setLeader(false)
        resolve()
        if (stopping) return
        failures = performance.now() - startedAt >= HEALTHY_RUN_MS ? 1 : failures + 1
        const retryInMs = backoffDelay(failures, restartBackoff)
        log.error(
          { exit_code: code, restart_in_ms: retryInMs, failures },
          'the sequencer worker exited; starting another',
        )
        restartTimer = setTimeout(restart, retryInMs)
      })
    })
  }

  /** {@link start} from a timer: a worker that cannot even be created is retried like a crashed one. */
  const restart = () => {
    if (stopping) return
    try {
      start()
    } catch (error) {
      failures++
      const retryInMs = backoffDelay(failures, restartBackoff)
      log.error(
        { err: error, restart_in_ms: retryInMs, failures },
        'the sequencer worker could not be started',
      )
      restartTimer = setTimeout(restart, retryInMs)
    }
  }

  start()

  let stopped: Promise<void> | undefined
  const finish = async () => {
    stopping = true
    clearTimeout(restartTimer)
    const current = worker
    if (!current) return
    current.postMessage({ type: 'stop' } satisfies ToSequencerWorker)
    const waitMs = stopTimeoutMs + exitMarginMs
    let timer: NodeJS.Timeout | undefined
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), waitMs)
    })
    const outcome = await Promise.race([exited.then(() => 'exited' as const), gaveUp])
    clearTimeout(timer)
    if (outcome === 'timeout') {
      log.error({ wait_ms: waitMs }, `the sequencer worker did not exit within ${waitMs} ms: terminated`)
      await current.terminate().catch(() => {})
      await exited
    }
  }

  return {
    get leader() {
      return leader
    },
    get restarts() {
      return Math.max(0, attempt - 1)
    },
    stop() {
      stopped ??= finish().catch((error) => log.error({ err: error }, 'stopping the sequencer worker failed'))
      return stopped
    },
  }
}
