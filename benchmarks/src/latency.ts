import { randomUUID } from 'node:crypto'
import { createAuditClient } from '@audit-trail/audit-client'
import { type AuditEventRequest, createDataStorageClient, uuidv7 } from '@audit-trail/datastorage-client'
import type { BenchRun } from './bench-run.js'
import type { DatastorageProcess } from './datastorage-process.js'
import { sampleEvent } from './events.js'
import { QueryableWatcher } from './queryable-watcher.js'
import type { BenchReport, ReportLine } from './report.js'
import { scaled } from './scale.js'
import { type LatencySummary, sleep, summarize } from './stats.js'

const RATE = 200
const POLL_INTERVAL_MS = 10
/** After the last event: how long its events may take to become queryable. */
const DRAIN_MS = 15_000

/**
 * Calls `send(i)` for i = 0..count-1 at `rate` per second (catching up in bursts when a timer fires
 * late), until done or `stopped()` turns true.
 */
async function atFixedRate(
  rate: number,
  count: number,
  send: (i: number) => void,
  stopped: () => boolean,
): Promise<void> {
  const start = performance.now()
  let sent = 0
  while (sent < count && !stopped()) {
    const due = Math.min(count, Math.floor(((performance.now() - start) * rate) / 1000) + 1)
    while (sent < due) send(sent++)
    await sleep(Math.max(0, (sent * 1000) / rate - (performance.now() - start)))
  }
}

/**
 * Runs the sender and the watcher together; when either fails the other stops too (no emits into a
 * closed client, no polls left running), and the first error is thrown.
 */
async function sendAndWatch(
  count: number,
  send: (i: number) => void,
  watcher: QueryableWatcher,
): Promise<void> {
  let finished = false
  let failed = false
  const deadline = performance.now() + (count * 1000) / RATE + DRAIN_MS
  const results = await Promise.allSettled([
    atFixedRate(RATE, count, send, () => failed).finally(() => {
      finished = true
    }),
    watcher
      .watch(() => finished || failed, deadline)
      .catch((error: unknown) => {
        failed = true
        throw error
      }),
  ])
  for (const result of results) if (result.status === 'rejected') throw result.reason
}

interface PhaseResult {
  emitToQueryable: LatencySummary
  polls: number
  /** Direct POST only: request → 201. */
  writeLatency?: LatencySummary
}

/** The query API client of the watcher: it reads with the service's reader token. */
const readerClient = (service: DatastorageProcess) =>
  createDataStorageClient({ baseUrl: service.url, token: service.tokens.reader })

async function clientPhase(
  service: DatastorageProcess,
  count: number,
  flushIntervalMs: number,
): Promise<PhaseResult> {
  const correlationId = `bench-latency-client-${flushIntervalMs}-${randomUUID()}`
  const watcher = new QueryableWatcher(readerClient(service), correlationId, {
    pollIntervalMs: POLL_INTERVAL_MS,
  })
  const audit = createAuditClient({
    baseUrl: service.url,
    token: service.tokens.writer,
    service: 'bench-latency',
    flushIntervalMs,
    batchSize: 1000,
  })
  let stats: Awaited<ReturnType<typeof audit.close>>
  try {
    await sendAndWatch(
      count,
      (i) => {
        const timestamp = new Date().toISOString()
        const sentAt = performance.now()
        const id = audit.emit({ ...sampleEvent(i, correlationId), event_timestamp: timestamp })
        watcher.add({ id, timestamp, sentAt })
      },
      watcher,
    )
  } finally {
    stats = await audit.close({ timeoutMs: 10_000 })
  }
  if (stats.persisted !== count) throw new Error(`latency: client persisted ${stats.persisted} of ${count}`)
  return { emitToQueryable: summarize(watcher.latencies()), polls: watcher.polls }
}

async function directPostPhase(service: DatastorageProcess, count: number): Promise<PhaseResult> {
  const correlationId = `bench-latency-direct-${randomUUID()}`
  const ds = createDataStorageClient({ baseUrl: service.url, token: service.tokens.writer })
  const watcher = new QueryableWatcher(readerClient(service), correlationId, {
    pollIntervalMs: POLL_INTERVAL_MS,
  })
  const writes: Promise<number | Error>[] = []
  await sendAndWatch(
    count,
    (i) => {
      const timestamp = new Date().toISOString()
      const event = {
        ...sampleEvent(i, correlationId),
        version: '1.0',
        event_id: uuidv7(),
        event_timestamp: timestamp,
      } as AuditEventRequest
      const sentAt = performance.now()
      watcher.add({ id: event.event_id!, timestamp, sentAt })
      writes.push(
        ds.POST('/api/v1/audit/events', { body: event }).then(
          ({ response }) =>
            response.status === 201
              ? performance.now() - sentAt
              : new Error(`latency: POST answered ${response.status}`),
          (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
        ),
      )
    },
    watcher,
  )
  const writeTimes = await Promise.all(writes)
  const writeError = writeTimes.find((w) => w instanceof Error)
  if (writeError) throw writeError
  return {
    emitToQueryable: summarize(watcher.latencies()),
    polls: watcher.polls,
    writeLatency: summarize(writeTimes as number[]),
  }
}

/** Wakes the service's single-event, batch and query paths (JIT, pool) before anything is timed. */
async function warmUp(service: DatastorageProcess): Promise<void> {
  const ds = createDataStorageClient({ baseUrl: service.url, token: service.tokens.writer })
  const reader = readerClient(service)
  const correlation_id = `bench-latency-warmup-${randomUUID()}`
  const complete = (i: number) =>
    ({
      ...sampleEvent(i, correlation_id),
      version: '1.0',
      event_id: uuidv7(),
      event_timestamp: new Date().toISOString(),
    }) as AuditEventRequest
  // A refused warm-up (a wrong token, say) would warm nothing: every answer must be a success.
  const ok = ({ response }: { response: Response }) => {
    if (!response.ok) throw new Error(`latency: warm-up ${response.url} answered ${response.status}`)
  }
  for (let i = 0; i < 100; i++) ok(await ds.POST('/api/v1/audit/events', { body: complete(i) }))
  for (let b = 0; b < 5; b++) {
    ok(
      await ds.POST('/api/v1/audit/events/batch', {
        body: Array.from({ length: 100 }, (_, i) => complete(i)),
      }),
    )
  }
  for (let i = 0; i < 20; i++) {
    ok(await reader.GET('/api/v1/audit/events', { params: { query: { correlation_id, limit: 1000 } } }))
  }
}

const ms = (s: LatencySummary) => `${s.p50.toFixed(1)} / ${s.p99.toFixed(1)}`
const ratio = (a: LatencySummary, b: LatencySummary) =>
  `${(a.p50 / b.p50).toFixed(1)} / ${(a.p99 / b.p99).toFixed(1)}`

/**
 * Benchmark 3: emit→queryable latency at a fixed rate through the real client (flushIntervalMs
 * 1000 and 100), against the same events POSTed one by one to `/api/v1/audit/events` (write →
 * queryable without the client's buffering). Both found by polling the query API.
 */
export async function latencyBenchmark(run: BenchRun): Promise<BenchReport> {
  const durationMs = scaled(10_000, run.scale, 500)
  const count = Math.round((RATE * durationMs) / 1000)
  const db = await run.freshDatabase('latency')
  const service = await run.startService(db.url, 'latency')
  await warmUp(service)

  const slow = await clientPhase(service, count, 1000)
  const fast = await clientPhase(service, count, 100)
  const direct = await directPostPhase(service, count)

  const lines: ReportLine[] = [
    {
      kind: 'figure',
      label: 'client, flushIntervalMs 1000',
      value: ms(slow.emitToQueryable),
      unit: 'ms p50 / p99',
    },
    {
      kind: 'figure',
      label: 'client, flushIntervalMs 100',
      value: ms(fast.emitToQueryable),
      unit: 'ms p50 / p99',
    },
    {
      kind: 'baseline',
      label: 'POST /audit/events one by one',
      value: ms(direct.emitToQueryable),
      unit: 'ms p50 / p99',
    },
    {
      kind: 'ratio',
      label: 'client 1000 / one by one',
      value: ratio(slow.emitToQueryable, direct.emitToQueryable),
      unit: '× p50 / p99',
    },
    {
      kind: 'ratio',
      label: 'client 100 / one by one',
      value: ratio(fast.emitToQueryable, direct.emitToQueryable),
      unit: '× p50 / p99',
    },
    { kind: 'info', label: 'one by one: POST → 201', value: ms(direct.writeLatency!), unit: 'ms p50 / p99' },
    {
      kind: 'info',
      label: 'max: client 1000 / client 100 / one by one',
      value: `${slow.emitToQueryable.max.toFixed(0)} / ${fast.emitToQueryable.max.toFixed(0)} / ${direct.emitToQueryable.max.toFixed(0)}`,
      unit: 'ms',
    },
    {
      kind: 'info',
      label: 'query polls per phase',
      value: `${slow.polls} / ${fast.polls} / ${direct.polls}`,
    },
  ]
  return {
    title: '3. emit → queryable latency',
    parameters: {
      rate: `${RATE} events/s`,
      duration: `${durationMs / 1000} s per phase`,
      'events per phase': count,
      batchSize: 1000,
      'query poll': `every ${POLL_INTERVAL_MS} ms, since the oldest unseen event`,
      'warm-up': '100 single POSTs, 5 batches, 20 queries',
      auth: 'tokens (writes audit:write, polls audit:read)',
    },
    lines,
    notes: [
      'latency = first poll that returned the event − just before emit()/POST; includes up to one poll period',
      'expected: a partial batch leaves ≤ flushIntervalMs after its first event, so p50 ≈ interval/2 + write',
    ],
  }
}
