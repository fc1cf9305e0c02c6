/**
 * A sequencer worker entry for test/log/sequencer-thread.postgres.test.ts that never stops: it
 * ignores the `stop` message and keeps the thread alive, like a worker stuck in a query.
 */
import { parentPort } from 'node:worker_threads'

parentPort?.on('message', () => {})
setInterval(() => {}, 1000)
