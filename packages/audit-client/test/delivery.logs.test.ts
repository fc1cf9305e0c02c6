import { Writable } from 'node:stream'
import { type Logger, pino } from 'pino'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryDeadLetterQueue, settle, useHarness, validEvent } from './helpers/harness.js'

/** One JSON line as pino writes it. */
type LogLine = Record<string, unknown> & { level: number; msg: string }

const DEBUG = 20
const WARN = 40
const ERROR = 50
const BATCH_PATH = '/api/v1/audit/events/batch'

/** A pino logger at `debug` whose lines land, parsed, in `lines` (pino writes synchronously). */
function captureLogs(): { logger: Logger; lines: LogLine[]; withMsg: (msg: string) => LogLine[] } {
  const lines: LogLine[] = []
  const sink = new Writable({
    write(chunk, _, done) {
      lines.push(JSON.parse(String(chunk)) as LogLine)
      done()
    },
  })
  return {
    logger: pino({ level: 'debug' }, sink),
    lines,
    withMsg: (msg) => lines.filter((l) => l.msg === msg),
  }
}

// Operators read these lines: each test pins the level, the message and the fields of one of them.
describe('delivery log lines', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('logs a delivered batch at debug with its size, attempts and the service’s answer', async () => {
    const logs = captureLogs()
    const client = h.client({ batchSize: 2, logger: logs.logger })
    client.emit(validEvent(1))
    client.emit(validEvent(2))
    await settle()
    expect(logs.withMsg('audit batch delivered')).toEqual([
      expect.objectContaining({
        level: DEBUG,
        component: 'audit-client',
        service: 'test-service',
        events: 2,
        attempts: 1,
        result: { status: 'created', created: 2, duplicates: 0 },
      }),
    ])
  })

  it('logs each retry at warn with the attempt, the delay and the error', async () => {
    h.server.fail({ kind: 'status', status: 503 })
    const logs = captureLogs()
    // random 0.5 × retryBaseMs 100: the first retry waits 50 ms.
    const client = h.client({ batchSize: 3, retryBaseMs: 100, logger: logs.logger })
    for (let i = 0; i < 3; i++) client.emit(validEvent(i))
    await vi.advanceTimersByTimeAsync(100)
    expect(client.stats()).toMatchObject({ persisted: 3, retries: 1 })
    expect(logs.withMsg('audit batch send failed; retrying')).toEqual([
      expect.objectContaining({
        level: WARN,
        events: 3,
        attempt: 1,
        delayMs: 50,
        err: expect.objectContaining({ type: 'HttpError', message: `503 from ${BATCH_PATH}: fault` }),
      }),
    ])
  })

  it('logs a batch given up on at warn, then its dead-lettering at warn with the queue and reason', async () => {
    h.server.fail({ kind: 'status', status: 503 }, { kind: 'status', status: 503 })
    const logs = captureLogs()
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({
      batchSize: 2,
      maxRetries: 1,
      retryBaseMs: 10,
      deadLetter: dlq,
      logger: logs.logger,
    })
    client.emit(validEvent(1))
    client.emit(validEvent(2))
    await vi.advanceTimersByTimeAsync(100)
    expect(client.stats()).toMatchObject({ deadLettered: 2, pending: 0 })
    const notDelivered = logs.withMsg('audit batch not delivered')
    expect(notDelivered).toEqual([
      expect.objectContaining({
        level: WARN,
        events: 2,
        attempts: 2,
        err: expect.objectContaining({ type: 'HttpError', message: `503 from ${BATCH_PATH}: fault` }),
      }),
    ])
    expect(logs.withMsg('audit events dead-lettered')).toEqual([
      expect.objectContaining({
        level: WARN,
        events: 2,
        dlq: 'memory',
        reason: `503 from ${BATCH_PATH}: fault (2 attempts; gave up after 1 retries)`,
      }),
    ])
    // Given up on first, then dead-lettered.
    expect(logs.lines.indexOf(notDelivered[0]!)).toBeLessThan(
      logs.lines.indexOf(logs.withMsg('audit events dead-lettered')[0]!),
    )
  })

  it('logs a 400 that names some events at warn: how many were refused, how many go again', async () => {
    h.server.fail({ kind: 'invalid', indexes: [0, 3] })
    const logs = captureLogs()
    const client = h.client({ batchSize: 5, deadLetter: new MemoryDeadLetterQueue(), logger: logs.logger })
    for (let i = 0; i < 5; i++) client.emit(validEvent(i))
    await settle()
    expect(client.stats()).toMatchObject({ persisted: 3, deadLettered: 2 })
    expect(logs.withMsg('audit batch: service refused some events')).toEqual([
      expect.objectContaining({ level: WARN, invalid: 2, resent: 3 }),
    ])
  })

  it('logs a 413 split at warn with the size of the batch split', async () => {
    h.server.fail({ kind: 'status', status: 413 })
    const logs = captureLogs()
    const client = h.client({ batchSize: 4, logger: logs.logger })
    for (let i = 0; i < 4; i++) client.emit(validEvent(i))
    await settle()
    expect(client.stats()).toMatchObject({ persisted: 4 })
    expect(logs.withMsg('audit batch too large: split in halves')).toEqual([
      expect.objectContaining({ level: WARN, events: 4 }),
    ])
  })

  it('logs events lost from the pipeline at error, with the events, the reason and the error', async () => {
    h.server.fail({ kind: 'status', status: 422 })
    const logs = captureLogs()
    const client = h.client({ batchSize: 2, logger: logs.logger })
    const ids = [client.emit(validEvent(1)), client.emit(validEvent(2))]
    await settle()
    expect(client.stats()).toMatchObject({ failed: 2, pending: 0 })
    const reason = `422 from ${BATCH_PATH}: fault (1 attempt; not retryable)`
    const lost = logs.lines.filter((l) => l.level === ERROR)
    expect(lost).toEqual([
      expect.objectContaining({
        msg: `audit events lost from the pipeline: ${reason}`,
        reason,
        events: [
          expect.objectContaining({ event_id: ids[0] }),
          expect.objectContaining({ event_id: ids[1] }),
        ],
        err: expect.objectContaining({ type: 'HttpError' }),
      }),
    ])
  })

  it('logs events whose dead-letter write failed at error, with both reasons', async () => {
    h.server.fail({ kind: 'status', status: 422 })
    const logs = captureLogs()
    const dlq = new MemoryDeadLetterQueue()
    dlq.failing = true
    const client = h.client({ batchSize: 1, deadLetter: dlq, logger: logs.logger })
    client.emit(validEvent(1))
    await settle()
    expect(client.stats()).toMatchObject({ failed: 1, pending: 0 })
    const reason = `422 from ${BATCH_PATH}: fault (1 attempt; not retryable); then memory DLQ is failing`
    expect(logs.lines.filter((l) => l.level === ERROR)).toEqual([
      expect.objectContaining({
        msg: `audit events lost from the pipeline: ${reason}`,
        reason,
        err: expect.objectContaining({ type: 'DeadLetterWriteError', message: 'memory DLQ is failing' }),
      }),
    ])
    expect(logs.withMsg('audit events dead-lettered')).toEqual([])
  })
})
