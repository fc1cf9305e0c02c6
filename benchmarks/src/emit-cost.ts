import { randomBytes } from 'node:crypto'
import { type AuditEventInput, BufferFullError, createAuditClient } from '@audit-trail/audit-client'
import { type AuditEventRequest, createAuditEventValidator, uuidv7 } from '@audit-trail/datastorage-client'
import type { BenchRun } from './bench-run.js'
import { sampleEvent } from './events.js'
import { heapAfterGcMiB } from './heap.js'
import type { BenchReport } from './report.js'
import { scaled } from './scale.js'
import { median, nextTurn } from './stats.js'

/** Events emitted per slice before yielding to the event loop, so the batches can leave. */
const SLICE = 1000
/** Distinct input objects, cycled (each emit gets a fresh id and timestamp anyway). */
const DISTINCT = 10_000
const ROUNDS = 3

/** The bearer token the client sends (the injected fetch does not check it). */
const BENCH_TOKEN = `at_${randomBytes(32).toString('base64url')}`

const BATCH_CREATED = JSON.stringify({ event_ids: [], created: 0, duplicates: 0 })

/** A fetch that answers every batch with 201 at once: only the client's own work is measured. */
const noopFetch = (async () =>
  new Response(BATCH_CREATED, {
    status: 201,
    headers: { 'content-type': 'application/json' },
  })) as typeof globalThis.fetch

interface EmitTiming {
  /** Wall time of the whole run (emits, batching, serialisation, the flush), ns per event. */
  totalNs: number
  /** Time inside the `emit()` calls alone, ns per event. */
  callNs: number
  batches: number
  bufferFullWaits: number
}

async function timeEmit(count: number, inputs: AuditEventInput[]): Promise<EmitTiming> {
  // A token, as in production: the cost of its Authorization header is part of the figure.
  const audit = createAuditClient({
    baseUrl: 'http://127.0.0.1:9',
    token: BENCH_TOKEN,
    service: 'bench',
    fetch: noopFetch,
  })
  let inCalls = 0
  let bufferFullWaits = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; ) {
    const end = Math.min(count, i + SLICE)
    const sliceStart = process.hrtime.bigint()
    try {
      for (; i < end; i++) audit.emit(inputs[i % inputs.length]!)
    } catch (error) {
      if (!(error instanceof BufferFullError)) throw error
      bufferFullWaits++
    }
    inCalls += Number(process.hrtime.bigint() - sliceStart)
    await nextTurn()
  }
  await audit.flush({ timeoutMs: 60_000 })
  const total = Number(process.hrtime.bigint() - started)
  const stats = await audit.close()
  // The refused count includes the BufferFullError throws, which were retried.
  if (stats.persisted !== count || stats.emitted !== count || stats.refused !== bufferFullWaits) {
    throw new Error(`emit benchmark: not every event was delivered: ${JSON.stringify(stats)}`)
  }
  return { totalNs: total / count, callNs: inCalls / count, batches: stats.batches, bufferFullWaits }
}

async function timeValidator(count: number, events: AuditEventRequest[]): Promise<number> {
  const validate = createAuditEventValidator()
  let invalid = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; ) {
    const end = Math.min(count, i + SLICE)
    for (; i < end; i++) invalid += validate(events[i % events.length]!).length
    await nextTurn()
  }
  const total = Number(process.hrtime.bigint() - started)
  if (invalid > 0) throw new Error(`emit benchmark: ${invalid} sample events are invalid`)
  return total / count
}

/** What emit() must do at least: complete the event as the client does (copy, UUIDv7, timestamp), then validate. */
async function timeBuildAndValidate(count: number, inputs: AuditEventInput[]): Promise<number> {
  const validate = createAuditEventValidator()
  let invalid = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; ) {
    const end = Math.min(count, i + SLICE)
    for (; i < end; i++) {
      const now = Date.now()
      const input = inputs[i % inputs.length]!
      const event = {
        ...input,
        version: input.version ?? '1.0',
        event_id: input.event_id ?? uuidv7(now),
        event_timestamp: input.event_timestamp ?? new Date(now).toISOString(),
      }
      invalid += validate(event).length
    }
    await nextTurn()
  }
  const total = Number(process.hrtime.bigint() - started)
  if (invalid > 0) throw new Error(`emit benchmark: ${invalid} sample events are invalid`)
  return total / count
}

/**
 * Benchmark 1: the cost of `audit.emit()` on a client whose `fetch` answers 201 at once, against
 * the contract validator alone on the same events (the floor: emit validates every event).
 */
export async function emitCostBenchmark(run: BenchRun): Promise<BenchReport> {
  const count = scaled(100_000, run.scale, 2_000)
  const inputs = Array.from({ length: Math.min(DISTINCT, count) }, (_, i) =>
    sampleEvent(i, `bench-emit-${i % 1000}`),
  )
  // What emit() validates: the same events with version, event_id and event_timestamp filled in.
  const complete = inputs.map(
    (e) =>
      ({
        ...e,
        version: '1.0',
        event_id: uuidv7(),
        event_timestamp: new Date().toISOString(),
      }) as AuditEventRequest,
  )

  const heapBefore = heapAfterGcMiB()
  // Warm-up: let the JIT settle on both paths before timing.
  await timeValidator(Math.min(count, 20_000), complete)
  await timeBuildAndValidate(Math.min(count, 20_000), inputs)
  await timeEmit(Math.min(count, 20_000), inputs)

  const validatorNs: number[] = []
  const floorNs: number[] = []
  const emits: EmitTiming[] = []
  for (let round = 0; round < ROUNDS; round++) {
    validatorNs.push(await timeValidator(count, complete))
    floorNs.push(await timeBuildAndValidate(count, inputs))
    emits.push(await timeEmit(count, inputs))
  }
  const heapAfter = heapAfterGcMiB()

  const validator = median(validatorNs)
  const total = median(emits.map((e) => e.totalNs))
  const call = median(emits.map((e) => e.callNs))
  const floor = median(floorNs)
  return {
    title: '1. client emit() cost',
    parameters: {
      events: count,
      rounds: `${ROUNDS} (median)`,
      fetch: 'injected, answers 201 at once',
      auth: 'tokens (a bearer token on every batch)',
      batchSize: 1000,
      bufferSize: 10_000,
      'yield every': `${SLICE} emits`,
    },
    lines: [
      {
        kind: 'figure',
        label: 'emit(), whole client (batching, JSON, flush)',
        value: total,
        unit: 'ns/event',
      },
      { kind: 'figure', label: 'emit() call alone', value: call, unit: 'ns/event' },
      { kind: 'baseline', label: 'createAuditEventValidator() alone', value: validator, unit: 'ns/event' },
      { kind: 'ratio', label: 'whole client / validator', value: total / validator },
      { kind: 'ratio', label: 'emit() call / validator', value: call / validator },
      { kind: 'info', label: "emit's floor: build event + validate", value: floor, unit: 'ns/event' },
      { kind: 'ratio', label: 'whole client / floor', value: total / floor },
      { kind: 'info', label: 'heap after GC, before', value: heapBefore, unit: 'MiB', digits: 1 },
      { kind: 'info', label: 'heap after GC, after', value: heapAfter, unit: 'MiB', digits: 1 },
      {
        kind: 'info',
        label: 'batches per round / buffer-full waits',
        value: `${emits[0]!.batches} / ${Math.max(...emits.map((e) => e.bufferFullWaits))}`,
      },
    ],
    notes: [
      `rounds (ns/event): client ${emits.map((e) => Math.round(e.totalNs)).join(', ')}; validator ${validatorNs.map(Math.round).join(', ')}; floor ${floorNs.map(Math.round).join(', ')}`,
      'validator alone runs on pre-built events; the floor builds each event as emit() does (copy, UUIDv7,',
      'ISO timestamp) and validates the fresh object. Expected: emit = validator + a little.',
    ],
  }
}
