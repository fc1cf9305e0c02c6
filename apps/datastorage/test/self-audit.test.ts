import type { AuditEventWithId } from '@audit-trail/datastorage-client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StoreUnavailableError } from '../src/errors.js'
import { createLogger } from '../src/logger.js'
import { createMetrics } from '../src/metrics/service-metrics.js'
import { FailureWindows, OVERFLOW_KEY } from '../src/self-audit/failure-windows.js'
import { createInProcessTransport } from '../src/self-audit/in-process-transport.js'
import { type RequestInfo, SelfAudit } from '../src/self-audit/self-audit.js'
import type { EventWriter, WriteOutcome } from '../src/write/event-writer.js'
import { logCapture } from './support/app.js'

/** A write path in memory: what was written, by whom; `failing` makes writes throw it. */
class MemoryWriter implements EventWriter {
  readonly events: AuditEventWithId[] = []
  readonly recordedBy: string[] = []
  failing: unknown
  queue = false

  async write(events: readonly AuditEventWithId[], options: { recordedBy: string }): Promise<WriteOutcome> {
    if (this.failing !== undefined) throw this.failing
    this.recordedBy.push(options.recordedBy)
    if (this.queue) return { created: [], duplicates: [], queued: events.map((e) => e.event_id) }
    this.events.push(...events)
    return { created: events.map((e) => e.event_id), duplicates: [], queued: [] }
  }
}

const request = (n: number, sourceIp = '10.0.0.7'): RequestInfo => ({
  requestId: `req-${n}`,
  sourceIp,
  method: 'GET',
  path: '/api/v1/audit/events',
})

describe('FailureWindows', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('records the first refusal at once and the rest of the window as one count when it ends', () => {
    const records: Array<[string, string, number]> = []
    const windows = new FailureWindows<string>({
      windowMs: 1000,
      record: (key, detail, n) => records.push([key, detail, n]),
    })
    windows.hit('a', 'first')
    expect(records).toEqual([['a', 'first', 1]])
    windows.hit('a', 'second')
    windows.hit('a', 'third')
    vi.advanceTimersByTime(999)
    expect(records).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(records).toEqual([
      ['a', 'first', 1],
      ['a', 'third', 2],
    ])
    expect(windows.size).toBe(0)
    // A new window: the next refusal is recorded at once again.
    windows.hit('a', 'fourth')
    expect(records.at(-1)).toEqual(['a', 'fourth', 1])
  })

  it('records nothing more at the end of a window with a single refusal', () => {
    const records: unknown[] = []
    const windows = new FailureWindows<string>({ windowMs: 1000, record: (...r) => records.push(r) })
    windows.hit('a', 'only')
    vi.advanceTimersByTime(5000)
    expect(records).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('keeps the keys bounded: beyond maxKeys they are counted under *', () => {
    const records: Array<[string, string, number]> = []
    const windows = new FailureWindows<string>({
      windowMs: 1000,
      maxKeys: 3,
      record: (key, detail, n) => records.push([key, detail, n]),
    })
    for (const key of ['a', 'b', 'c', 'd', 'e']) windows.hit(key, key)
    windows.hit('a', 'a again')
    expect(windows.size).toBe(3)
    expect(records).toEqual([
      ['a', 'a', 1],
      ['b', 'b', 1],
      [OVERFLOW_KEY, 'c', 1],
    ])
    vi.advanceTimersByTime(1000)
    expect(records.slice(3)).toEqual([
      ['a', 'a again', 1],
      [OVERFLOW_KEY, 'e', 2],
    ])
  })

  it('close() records the open counts and leaves no timer', () => {
    const records: Array<[string, string, number]> = []
    const windows = new FailureWindows<string>({
      windowMs: 60_000,
      record: (key, detail, n) => records.push([key, detail, n]),
    })
    windows.hit('a', '1')
    windows.hit('a', '2')
    windows.hit('b', '1')
    windows.close()
    expect(records).toEqual([
      ['a', '1', 1],
      ['b', '1', 1],
      ['a', '2', 1],
    ])
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('SelfAudit over a writer in memory', () => {
  let writer: MemoryWriter
  let metrics: ReturnType<typeof createMetrics>
  let logs: () => Array<Record<string, unknown>>
  let selfAudit: SelfAudit

  const make = (extra: Partial<ConstructorParameters<typeof SelfAudit>[0]> = {}) => {
    const capture = logCapture()
    logs = capture.lines
    selfAudit = new SelfAudit({
      writer,
      metrics,
      logger: createLogger({ level: 'info', destination: capture.stream }),
      failureWindowMs: 1000,
      flushIntervalMs: 10,
      ...extra,
    })
    return selfAudit
  }
  const dropped = async (reason: string) =>
    (await metrics.selfAuditDropped.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0

  beforeEach(() => {
    vi.useFakeTimers()
    writer = new MemoryWriter()
    metrics = createMetrics({ defaultMetrics: false })
  })
  afterEach(async () => {
    const closing = selfAudit.close()
    await vi.advanceTimersByTimeAsync(20_000)
    await closing
    vi.useRealTimers()
  })

  it('a flood of 401s from one source: one event at once, one with the count when the window ends', async () => {
    const audit = make()
    for (let i = 0; i < 5; i++) audit.authFailed(request(i, '::ffff:10.0.0.7'), 'missing_token')
    await vi.advanceTimersByTimeAsync(50)
    expect(writer.events).toHaveLength(1)
    expect(writer.events[0]).toMatchObject({
      version: '1.0',
      event_type: 'datastorage.auth.failed',
      event_category: 'security',
      event_action: 'auth_failed',
      event_outcome: 'failure',
      severity: 'warning',
      correlation_id: 'req-0',
      actor_type: 'source',
      actor_id: '10.0.0.7',
      actor_ip: '10.0.0.7',
      resource_type: 'audit_events',
      event_data: {
        source_ip: '10.0.0.7',
        method: 'GET',
        path: '/api/v1/audit/events',
        reason: 'missing_token',
        occurrences: 1,
      },
    })
    await vi.advanceTimersByTimeAsync(1000)
    expect(writer.events).toHaveLength(2)
    expect(writer.events[1]).toMatchObject({ correlation_id: 'req-4', event_data: { occurrences: 4 } })
    expect(writer.recordedBy.every((by) => by === 'datastorage:self-audit')).toBe(true)
  })

  it('counts 403 and 429 per token, and reads one event each, never windowed', async () => {
    const audit = make()
    audit.authDenied(request(1), 'reader', 'audit:write')
    audit.authDenied(request(2), 'reader', 'audit:write')
    audit.rateLimited(request(3), 'writer')
    audit.auditRead(request(4), 'reader', { operation: 'query', filters: { limit: '5' }, rows: 5 }, 200)
    audit.auditRead(request(5), 'reader', { operation: 'get', eventId: 'x', rows: 0 }, 404)
    await vi.advanceTimersByTimeAsync(50)
    expect(writer.events.map((e) => [e.event_type, e.event_action, e.actor_id])).toEqual([
      ['datastorage.auth.denied', 'scope_denied', 'reader'],
      ['datastorage.ratelimit.denied', 'rate_limited', 'writer'],
      ['datastorage.audit.read', 'read', 'reader'],
      ['datastorage.audit.read', 'read', 'reader'],
    ])
    expect(writer.events[3]).toMatchObject({
      event_outcome: 'failure',
      severity: 'warning',
      resource_id: 'x',
      event_data: { operation: 'get', event_id: 'x', rows: 0, status: 404 },
    })
    await vi.advanceTimersByTimeAsync(1000)
    expect(writer.events.at(-1)).toMatchObject({
      event_type: 'datastorage.auth.denied',
      event_data: { occurrences: 1, required_scope: 'audit:write', principal: 'reader' },
    })
  })

  it('close() stores the counts of the open windows', async () => {
    const audit = make({ failureWindowMs: 60_000 })
    audit.authFailed(request(1), 'unknown_token')
    audit.authFailed(request(2), 'unknown_token')
    audit.authFailed(request(3), 'unknown_token')
    const closing = audit.close()
    await vi.advanceTimersByTimeAsync(100)
    await closing
    expect(writer.events.map((e) => (e.event_data as { occurrences: number }).occurrences)).toEqual([1, 2])
  })

  it('an event queued to the service DLQ counts as delivered, not dropped', async () => {
    writer.queue = true
    const audit = make()
    audit.tokensReloaded({
      file: '/etc/tokens.yaml',
      trigger: 'sighup',
      tokens: 1,
      added: [],
      removed: [],
      changed: [],
    })
    await audit.flush()
    expect(writer.recordedBy).toEqual(['datastorage:self-audit'])
    expect(await dropped('not_stored')).toBe(0)
  })

  it('a store that stays down without a DLQ: the events are dropped, counted and logged at warn', async () => {
    writer.failing = new StoreUnavailableError('PostgreSQL is down')
    const audit = make({ maxRetries: 2, retryBaseMs: 100, retryMaxMs: 100 })
    audit.authDenied(request(1), 'reader', 'audit:read')
    audit.tokensRejected({ file: '/etc/tokens.yaml', trigger: 'file_change', reason: 'not YAML' })
    const flushed = audit.flush()
    await vi.advanceTimersByTimeAsync(1000)
    await flushed
    expect(await dropped('not_stored')).toBe(2)
    const warning = logs().find((l) =>
      String(l.msg).startsWith('self-audit: 2 event(s) dropped (not_stored)'),
    )
    expect(warning).toMatchObject({ level: 40, dropped: 2 })
  })

  it('a full buffer never throws into the caller: the event is dropped and counted', async () => {
    writer.failing = new StoreUnavailableError('PostgreSQL is down')
    const audit = make({ bufferSize: 2, maxRetries: 100, retryBaseMs: 10_000, retryMaxMs: 10_000 })
    for (let i = 0; i < 5; i++) {
      expect(() =>
        audit.auditRead(request(i), 'reader', { operation: 'query', filters: {}, rows: 0 }, 200),
      ).not.toThrow()
    }
    expect(await dropped('refused')).toBe(3)
    writer.failing = undefined
  })

  it('after close(), recording is dropped with reason closed, not thrown', async () => {
    const audit = make()
    const closing = audit.close()
    await vi.advanceTimersByTimeAsync(10)
    await closing
    expect(() => audit.authFailed(request(1), 'missing_token')).not.toThrow()
    audit.close()
    // The window's first event is emitted at once, into the closed client.
    expect(await dropped('closed')).toBe(1)
  })
})

describe('createInProcessTransport', () => {
  it('maps a store refusal naming an event to a 400 with its index, and an unavailable store to a 503', async () => {
    const writer = new MemoryWriter()
    const transport = createInProcessTransport({ writer, validate: () => [] })
    writer.failing = new StoreUnavailableError('down')
    await expect(transport.send([])).rejects.toMatchObject({ name: 'HttpError', status: 503 })
    writer.failing = new Error('unexpected')
    await expect(transport.send([])).rejects.toMatchObject({ name: 'HttpError', status: 500 })
  })

  it('refuses invalid events with the validator’s errors by index', async () => {
    const transport = createInProcessTransport({
      writer: new MemoryWriter(),
      validate: (_event, index) => (index === 1 ? [{ index, field: 'event_data', message: 'bad' }] : []),
    })
    const error = await transport.send([{}, {}] as never).catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 400,
      problem: { errors: [{ index: 1, field: 'event_data', message: 'bad' }] },
    })
  })
})
