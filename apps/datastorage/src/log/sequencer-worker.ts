/**
 * The entry module of the sequencer's worker thread (log/sequencer-thread.ts starts it): runs
 * {@link startSequencer} on a database handle and a signing key of its own, made from
 * {@link SequencerWorkerData}; its metrics and log lines go to the main thread as messages. On a
 * `stop` message it stops the sequencer (which seals what is pending and signs a checkpoint),
 * closes the database, says `stopped` and exits.
 */
import { createPublicKey } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import { keyId, parsePrivateKey } from '@audit-trail/merkle'
import { openDatabase } from '../db/client.js'
import { type Sequencer, startSequencer } from './sequencer.js'
import {
  createMetricsProxy,
  type FromSequencerWorker,
  type SequencerWorkerData,
  type ToSequencerWorker,
} from './sequencer-messages.js'
import { threadLogger } from './thread-log.js'

const port = parentPort
if (!port) throw new Error('log/sequencer-worker.ts runs in a worker thread only')
const data = workerData as SequencerWorkerData
const post = (message: FromSequencerWorker) => port.postMessage(message)

const logger = threadLogger(data.logLevel, (line) => post({ type: 'log', line }))
const proxy = createMetricsProxy((update) => post({ type: 'metrics', update }))

let stopRequested = false
port.on('message', (message: ToSequencerWorker) => {
  if (message.type !== 'stop' || stopRequested) return
  stopRequested = true
  // A failure here leaves the thread running: the main thread terminates it past its deadline.
  stop().catch((error) =>
    logger.error({ err: error, component: 'sequencer' }, 'the sequencer worker could not stop'),
  )
})

const started = (async () => {
  const privateKey = parsePrivateKey(data.privateKeyPem)
  const publicKey = createPublicKey(privateKey)
  const database = await openDatabase({
    url: data.database.url,
    maxConnections: data.database.maxConnections,
    connectTimeoutSeconds: data.database.connectTimeoutSeconds,
    idleTimeoutSeconds: data.database.idleTimeoutSeconds,
    onNotice: (message) => logger.debug({ notice: message }, 'database notice'),
  })
  const sequencer: Sequencer = startSequencer({
    database,
    key: { privateKey, publicKey, keyId: keyId(publicKey), file: undefined, created: false },
    origin: data.origin,
    batchSize: data.batchSize,
    intervalMs: data.intervalMs,
    checkpointIntervalMs: data.checkpointIntervalMs,
    logger,
    metrics: proxy.metrics,
    electionIntervalMs: data.electionIntervalMs,
    backoff: data.backoff,
    stopTimeoutMs: data.stopTimeoutMs,
    roundTimeoutMs: data.roundTimeoutMs,
  })
  logger.debug({ component: 'sequencer', attempt: data.attempt }, 'sequencer worker started')
  return { database, sequencer }
})()

/** Stops the sequencer (sealing and signing the rest), closes the database, says so, and lets the thread end. */
async function stop(): Promise<void> {
  const { database, sequencer } = await started
  await sequencer.stop()
  await database.close().catch((error) => logger.warn({ err: error }, 'closing the worker database failed'))
  proxy.flush()
  post({ type: 'stopped' })
  port?.close()
  // Nothing should be left to keep the thread alive; if something is, it is not worth waiting for.
  setTimeout(() => process.exit(0), 1000).unref()
}
