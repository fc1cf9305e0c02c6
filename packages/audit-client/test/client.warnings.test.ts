import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WARNING_TYPE } from '../src/index.js'
import { MemoryDeadLetterQueue, useHarness, validEvent } from './helpers/harness.js'

/** The client's warnings as `process.on('warning')` sees them. */
function captureWarnings() {
  const seen: { code: string | undefined; message: string; detail: string | undefined }[] = []
  const listener = (w: Error & { code?: string; detail?: string }) => {
    if (w.name === WARNING_TYPE) seen.push({ code: w.code, message: w.message, detail: w.detail })
  }
  process.on('warning', listener)
  return { seen, stop: () => process.off('warning', listener) }
}

/** process.emitWarning delivers on the next tick; fake timers do not hold it back. */
const nextTick = () => new Promise((resolve) => process.nextTick(resolve))

describe('warnings on stderr when neither a logger nor onError is set', () => {
  const h = useHarness()
  let warnings: ReturnType<typeof captureWarnings>
  beforeEach(() => {
    vi.useFakeTimers()
    warnings = captureWarnings()
  })
  afterEach(() => warnings.stop())

  it('warns about failed events, naming the service, the URL and the cause, then at most once a minute', async () => {
    h.server.defaultFault = { kind: 'status', status: 503 }
    const client = h.client({ onError: undefined, maxRetries: 0, batchSize: 1 })
    client.emit(validEvent(1))
    await vi.advanceTimersByTimeAsync(10)
    await nextTick()
    expect(warnings.seen).toHaveLength(1)
    expect(warnings.seen[0]).toMatchObject({ code: 'AUDIT_EVENTS_FAILED' })
    expect(warnings.seen[0]!.message).toMatch(
      /^audit client \(service test-service, http:\/\/datastorage\.test\): 1 audit event\(s\) neither delivered nor dead-lettered: .*503/,
    )
    expect(warnings.seen[0]!.detail).toMatch(/Pass `logger` or `onError`/)

    client.emit(validEvent(2))
    client.emit(validEvent(3))
    await vi.advanceTimersByTimeAsync(30_000)
    await nextTick()
    expect(warnings.seen).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(30_000)
    client.emit(validEvent(4))
    await vi.advanceTimersByTimeAsync(10)
    await nextTick()
    expect(warnings.seen).toHaveLength(2)
    expect(warnings.seen[1]!.message).toMatch(
      /\(and 2 more event\(s\) in 2 batch\(es\) since the last warning 60 s ago\)$/,
    )
    expect(client.stats()).toMatchObject({ failed: 4 })
  })

  it('warns about dead-lettered events, with the queue and the reason', async () => {
    h.server.defaultFault = { kind: 'status', status: 503 }
    const dlq = new MemoryDeadLetterQueue()
    const client = h.client({ onError: undefined, maxRetries: 0, deadLetter: dlq })
    client.emit(validEvent(1))
    client.emit(validEvent(2))
    await client.flush()
    await nextTick()
    expect(warnings.seen.map((w) => w.code)).toEqual(['AUDIT_EVENTS_DEAD_LETTERED'])
    expect(warnings.seen[0]!.message).toMatch(/2 audit event\(s\) dead-lettered to memory: .*503/)
  })

  it('says nothing on stderr when a logger or an onError handler is given', async () => {
    h.server.defaultFault = { kind: 'status', status: 503 }
    const logged: string[] = []
    const log = (_fields: Record<string, unknown>, message: string) => logged.push(message)
    const withLogger = h.client({
      onError: undefined,
      maxRetries: 0,
      logger: { debug: log, info: log, warn: log, error: log },
    })
    const withOnError = h.client({ maxRetries: 0 })
    withLogger.emit(validEvent(1))
    withOnError.emit(validEvent(2))
    await withLogger.flush()
    await withOnError.flush()
    await nextTick()
    expect(warnings.seen).toEqual([])
    expect(logged.some((m) => m.startsWith('audit events lost from the pipeline'))).toBe(true)
    expect(h.errors).toHaveLength(1)
  })

  it('says nothing when every event is delivered', async () => {
    const client = h.client({ onError: undefined })
    client.emit(validEvent(1))
    await client.flush()
    await nextTick()
    expect(warnings.seen).toEqual([])
  })
})
