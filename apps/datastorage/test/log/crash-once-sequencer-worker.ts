/**
 * A sequencer worker entry for test/log/sequencer-thread.postgres.test.ts: the real worker, whose
 * first start (attempt 0) throws an uncaught error a second after it loaded, as a bug would.
 */
import { workerData } from 'node:worker_threads'
import type { SequencerWorkerData } from '../../src/log/sequencer-messages.js'
import '../../src/log/sequencer-worker.js'

if ((workerData as SequencerWorkerData).attempt === 0) {
  setTimeout(() => {
    throw new Error('injected crash of the first sequencer worker')
  }, 1000)
}
