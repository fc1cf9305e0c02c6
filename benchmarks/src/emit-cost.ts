import { randomBytes } from 'node:crypto'
import { type AuditEventInput, BufferFullError, createAuditClient } from '@audit-trail/audit-client'
import { type AuditEventRequest, createAuditEventValidator, uuidv7 } from '@audit-trail/datastorage-client'
import type { BenchRun } from './bench-run.js'
import { sampleEvent } from './events.js'
import { bytesInUseAfterGc, type Holder, heapAfterGcMiB, heldBytesPerEvent } from './heap.js'
import { timeNaive } from './peers/naive.js'
import { heldOtel, type OtelRecord, timeOtel, toOtelRecord } from './peers/otel.js'
import type { BenchReport } from './report.js'
import { scaled } from './scale.js'
import { median, nextTurn } from './stats.js'
import { inActiveSpan } from './trace-span.js'

/** Events emitted per slice before yielding to the event loop, so the batches can leave. */
const SLICE = 1000
/** Distinct input objects, cycled (each emit gets a fresh id and timestamp anyway). */
const DISTINCT = 10_000
const ROUNDS = 3
const BATCH_SIZE = 1000
const BUFFER_SIZE = 10_000
/** Events held for the heap measure: a full buffer (issue 14's 10,000). */
const HELD = BUFFER_SIZE

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
  /** CPU time of the process over the same span as `totalNs` (user + system, every thread), ns per event. */
  cpuNs: number
  batches: number
  bufferFullWaits: number
}

/**
 * CPU time the process used since `start` (user + system, all threads), ns. Steadier than wall
 * time on a machine shared with other work: time spent waiting for a core is not counted.
 */
function cpuNsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return (used.user + used.system) * 1000
}

/** OpenTelemetry's peer ({@link timeOtel}), with the CPU time of the run beside its wall time, ns per event. */
async function timeOtelWithCpu(
  count: number,
  records: readonly OtelRecord[],
  peer: { batchSize: number; slice: number },
): Promise<{ totalNs: number; cpuNs: number }> {
  const start = process.cpuUsage()
  const totalNs = await timeOtel(count, records, peer)
  return { totalNs, cpuNs: cpuNsSince(start) / count }
}

/** How {@link timeEmit} runs the client: gzip bodies, trace context off, or every emit in a span. */
interface EmitMode {
  gzip?: boolean
  traceContext?: false
  inSpan?: boolean
}

/** The ids {@link inActiveSpan} makes active, as the client sends them. */
const TRACE_IDS = '"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7"'

/**
 * A fetch that answers 201 at once, after checking that the first and the last event of the first
 * batch carry the active span's ids (one body read per run, so the check costs next to nothing).
 */
function tracingFetch(check: { bodies: number; traced: boolean }): typeof globalThis.fetch {
  return (async (input: Request | string, init?: RequestInit) => {
    if (check.bodies++ === 0) {
      const body = input instanceof Request ? await input.text() : String(init?.body)
      // The client appends the ids after the caller's fields: each event's text ends with them.
      const second = body.indexOf('},{"version":"1.0"')
      const firstEnds = second < 0 ? body.length - 2 : second
      check.traced =
        body.startsWith(TRACE_IDS, firstEnds - TRACE_IDS.length) && body.endsWith(`${TRACE_IDS}}]`)
    }
    return noopFetch(input, init)
  }) as typeof globalThis.fetch
}

/**
 * The client's own work on `count` events. Bodies are sent as they are (`compression: 'none'`)
 * unless `gzip`: the peers encode nothing, and gzip (the client's default, off the main thread)
 * is the transport's trade of CPU for bytes on the wire, measured in benchmark 5. `inSpan` emits
 * every event inside an active OpenTelemetry span (the client fills trace_id and span_id);
 * `traceContext: false` turns the lookup off.
 */
function timeEmit(count: number, inputs: AuditEventInput[], mode: EmitMode = {}): Promise<EmitTiming> {
  return mode.inSpan ? inActiveSpan(() => runEmit(count, inputs, mode)) : runEmit(count, inputs, mode)
}

async function runEmit(count: number, inputs: AuditEventInput[], mode: EmitMode): Promise<EmitTiming> {
  const check = { bodies: 0, traced: false }
  const traced = mode.inSpan === true && mode.traceContext !== false
  // A token, as in production: the cost of its Authorization header is part of the figure.
  const audit = createAuditClient({
    baseUrl: 'http://127.0.0.1:9',
    token: BENCH_TOKEN,
    service: 'bench',
    // Only the traced runs read the body (to check the ids went out): the others measure as before.
    fetch: traced ? tracingFetch(check) : noopFetch,
    compression: mode.gzip ? 'gzip' : 'none',
    ...(mode.traceContext === false ? { traceContext: false } : {}),
  })
  let inCalls = 0
  let bufferFullWaits = 0
  const cpuStarted = process.cpuUsage()
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
  const cpu = cpuNsSince(cpuStarted)
  const stats = await audit.close()
  // The refused count includes the BufferFullError throws, which were retried.
  if (stats.persisted !== count || stats.emitted !== count || stats.refused !== bufferFullWaits) {
    throw new Error(`emit benchmark: not every event was delivered: ${JSON.stringify(stats)}`)
  }
  if (traced && !check.traced) {
    throw new Error('emit benchmark: the events emitted in a span were sent without its trace ids')
  }
  return {
    totalNs: total / count,
    callNs: inCalls / count,
    cpuNs: cpu / count,
    batches: stats.batches,
    bufferFullWaits,
  }
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

/** JSON.stringify of each pre-built event alone: the serialisation every client that sends JSON pays, and the peer skips. */
async function timeStringify(count: number, events: AuditEventRequest[]): Promise<number> {
  let chars = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; ) {
    const end = Math.min(count, i + SLICE)
    for (; i < end; i++) chars += JSON.stringify(events[i % events.length]!).length
    await nextTurn()
  }
  const total = Number(process.hrtime.bigint() - started)
  if (chars === 0) throw new Error('emit benchmark: nothing serialised')
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
      // As emit() copies (Object.assign onto a literal; see packages/audit-client/src/client.ts).
      const event: Partial<AuditEventRequest> = Object.assign(
        { version: undefined, event_id: undefined, event_timestamp: undefined },
        input,
      )
      event.version ??= '1.0'
      event.event_id ??= uuidv7(now)
      event.event_timestamp ??= new Date(now).toISOString()
      invalid += validate(event).length
    }
    await nextTurn()
  }
  const total = Number(process.hrtime.bigint() - started)
  if (invalid > 0) throw new Error(`emit benchmark: ${invalid} sample events are invalid`)
  return total / count
}

/** A fetch that never answers (but gives up when the client aborts): every batch stays in flight. */
function hangingFetch(calls: { n: number }): typeof globalThis.fetch {
  return ((_url: unknown, init?: RequestInit) => {
    calls.n++
    return new Promise<Response>((_, reject) => {
      const signal = init?.signal
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
    })
  }) as typeof globalThis.fetch
}

/** Waits for `done()` to hold, one event-loop turn at a time, for at most `ms`. */
async function until(done: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`emit benchmark: ${what} not reached within ${ms} ms`)
    await nextTurn()
  }
}

/** Waits, for at most `ms`, until the bytes in use after a GC stop changing (within 0.5 % twice running). */
async function heapSteady(ms: number): Promise<void> {
  const deadline = performance.now() + ms
  let last = bytesInUseAfterGc()
  let steady = 0
  while (steady < 2) {
    if (performance.now() > deadline)
      throw new Error(`emit benchmark: the heap did not settle within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const now = bytesInUseAfterGc()
    steady = Math.abs(now - last) < last * 0.005 ? steady + 1 : 0
    last = now
  }
}

/**
 * The audit client as a holder: a full buffer of events behind a service that never answers, so
 * `concurrency` batches are in flight (their request bodies held) and the rest queued.
 */
function clientHolder(): Holder {
  const calls = { n: 0 }
  let failed = 0
  const audit = createAuditClient({
    baseUrl: 'http://127.0.0.1:9',
    token: BENCH_TOKEN,
    service: 'bench',
    fetch: hangingFetch(calls),
    bufferSize: BUFFER_SIZE,
    batchSize: BATCH_SIZE,
    requestTimeoutMs: 600_000,
    onError: () => {
      failed++
    },
  })
  return {
    hold: (i) => {
      audit.emit(sampleEvent(i, `bench-held-${i % 1000}`))
    },
    // Two requests in flight, then the waiting batches packed (off the event loop): the heap steady.
    settled: async () => {
      await until(() => calls.n === 2, 10_000, 'two requests in flight')
      await heapSteady(10_000)
    },
    release: async () => {
      const stats = await audit.close({ timeoutMs: 10 })
      if (stats.emitted !== HELD || stats.failed !== HELD || failed === 0) {
        throw new Error(`emit benchmark: the held events did not end as expected: ${JSON.stringify(stats)}`)
      }
    },
  }
}

/** OpenTelemetry's processor as a holder: an exporter that never answers. */
function otelHolder(): Holder {
  const otel = heldOtel(HELD, BATCH_SIZE)
  return {
    hold: (i) => otel.emit(toOtelRecord(sampleEvent(i, `bench-held-${i % 1000}`))),
    settled: () => nextTurn(),
    release: async () => otel.stop(),
  }
}

/** The events as what emit() completes them into, each held as its JSON text: the size of the data itself. */
function jsonHolder(): Holder {
  let held: string[] = []
  return {
    hold: (i) => {
      const json = JSON.stringify({
        ...sampleEvent(i, `bench-held-${i % 1000}`),
        version: '1.0',
        event_id: uuidv7(),
        event_timestamp: new Date().toISOString(),
      })
      // Flattened (JSON.stringify returns a rope of chunks, ~200 B more): the text itself.
      json.charCodeAt(0)
      held.push(json)
    },
    settled: () => nextTurn(),
    release: async () => {
      held = []
    },
  }
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
      Object.assign(
        { version: '1.0', event_id: uuidv7(), event_timestamp: new Date().toISOString() },
        e,
      ) as AuditEventRequest,
  )

  const records: OtelRecord[] = inputs.map(toOtelRecord)
  const peer = { batchSize: BATCH_SIZE, slice: SLICE }

  const heapBefore = heapAfterGcMiB()
  // Warm-up: let the JIT settle on every path before timing.
  const warm = Math.min(count, 20_000)
  await timeValidator(warm, complete)
  await timeBuildAndValidate(warm, inputs)
  await timeEmit(warm, inputs)
  await timeEmit(warm, inputs, { traceContext: false })
  await timeEmit(warm, inputs, { inSpan: true })
  await timeEmit(warm, inputs, { inSpan: true, traceContext: false })
  await timeOtel(warm, records, peer)
  await timeNaive(warm, inputs, peer)

  const validatorNs: number[] = []
  const floorNs: number[] = []
  const stringifyNs: number[] = []
  const emits: EmitTiming[] = []
  const otelCpuNs: number[] = []
  const untraced: EmitTiming[] = []
  const inSpan: EmitTiming[] = []
  const inSpanUntraced: EmitTiming[] = []
  const otelNs: number[] = []
  const naiveNs: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so that every path sees the same machine noise.
    // Trace context on and off in turns, first one then the other: the first run of a round pays
    // for what the previous round left (its garbage), which would otherwise count as the lookup.
    const offFirst = round % 2 === 1
    if (offFirst) untraced.push(await timeEmit(count, inputs, { traceContext: false }))
    emits.push(await timeEmit(count, inputs))
    if (!offFirst) untraced.push(await timeEmit(count, inputs, { traceContext: false }))
    if (offFirst) inSpanUntraced.push(await timeEmit(count, inputs, { inSpan: true, traceContext: false }))
    inSpan.push(await timeEmit(count, inputs, { inSpan: true }))
    if (!offFirst) inSpanUntraced.push(await timeEmit(count, inputs, { inSpan: true, traceContext: false }))
    const otelRun = await timeOtelWithCpu(count, records, peer)
    otelNs.push(otelRun.totalNs)
    otelCpuNs.push(otelRun.cpuNs)
    naiveNs.push(await timeNaive(count, inputs, peer))
    validatorNs.push(await timeValidator(count, complete))
    floorNs.push(await timeBuildAndValidate(count, inputs))
    stringifyNs.push(await timeStringify(count, complete))
  }
  // Context: the client as configured by default, gzip-compressing its bodies (one round).
  const gzipped = await timeEmit(count, inputs, { gzip: true })
  const heapAfter = heapAfterGcMiB()
  // Heap per held event, each measure in a clean state (after a GC) and after the timings.
  const heldClient = await heldBytesPerEvent(HELD, clientHolder)
  const heldOtelBytes = await heldBytesPerEvent(HELD, otelHolder)
  const heldJson = await heldBytesPerEvent(HELD, jsonHolder)

  const validator = median(validatorNs)
  const total = median(emits.map((e) => e.totalNs))
  const call = median(emits.map((e) => e.callNs))
  const floor = median(floorNs)
  const otel = median(otelNs)
  const naive = median(naiveNs)
  const stringify = median(stringifyNs)
  const cpu = median(emits.map((e) => e.cpuNs))
  const otelCpu = median(otelCpuNs)
  const wall = (runs: EmitTiming[]) => median(runs.map((e) => e.totalNs))
  const cpuOf = (runs: EmitTiming[]) => median(runs.map((e) => e.cpuNs))
  // The trace context's cost in CPU time: the wall-time differences drown in a shared machine's noise.
  const lookupCpu = cpu - cpuOf(untraced)
  const inSpanCpu = cpuOf(inSpan) - cpuOf(inSpanUntraced)
  return {
    title: '1. client emit() cost',
    parameters: {
      events: count,
      rounds: `${ROUNDS} (median)`,
      fetch: 'injected, answers 201 at once',
      compression: "'none' (the peers encode nothing)",
      auth: 'tokens (a bearer token on every batch)',
      batchSize: BATCH_SIZE,
      bufferSize: BUFFER_SIZE,
      'yield every': `${SLICE} emits`,
      peers: `OpenTelemetry sdk-logs BatchLogRecordProcessor (queue ${count}, batch ${BATCH_SIZE}) + in-memory exporter; naive array + JSON.stringify per batch`,
      'held events': `${HELD} (fetch never answers)`,
    },
    lines: [
      {
        kind: 'figure',
        label: 'emit(), whole client (batching, JSON, flush)',
        value: total,
        unit: 'ns/event',
      },
      { kind: 'baseline', label: 'OpenTelemetry BatchLogRecordProcessor', value: otel, unit: 'ns/event' },
      { kind: 'ratio', label: 'whole client / OpenTelemetry', value: total / otel },
      { kind: 'info', label: 'whole client, CPU time', value: cpu, unit: 'ns/event' },
      { kind: 'info', label: 'OpenTelemetry, CPU time', value: otelCpu, unit: 'ns/event' },
      { kind: 'ratio', label: 'CPU: whole client / OpenTelemetry', value: cpu / otelCpu },
      {
        kind: 'info',
        label: "whole client, compression 'gzip' (default; 1 round)",
        value: gzipped.totalNs,
        unit: 'ns/event',
      },
      {
        kind: 'info',
        label: 'whole client, traceContext: false',
        value: wall(untraced),
        unit: 'ns/event',
      },
      {
        kind: 'info',
        label: 'whole client, every emit in an active span',
        value: wall(inSpan),
        unit: 'ns/event',
      },
      {
        kind: 'info',
        label: 'the same in a span, traceContext: false',
        value: wall(inSpanUntraced),
        unit: 'ns/event',
      },
      {
        kind: 'info',
        label: 'trace context on minus off, CPU: no span / in a span',
        value: `${Math.round(lookupCpu)} / ${Math.round(inSpanCpu)} ns/event`,
      },
      { kind: 'info', label: 'naive array + JSON.stringify (no checks)', value: naive, unit: 'ns/event' },
      { kind: 'ratio', label: 'whole client / naive', value: total / naive },
      { kind: 'info', label: 'JSON.stringify alone, same events', value: stringify, unit: 'ns/event' },
      { kind: 'ratio', label: 'JSON.stringify alone / OpenTelemetry', value: stringify / otel },
      { kind: 'figure', label: 'heap held per buffered event', value: heldClient, unit: 'B' },
      { kind: 'baseline', label: 'OpenTelemetry, per queued record', value: heldOtelBytes, unit: 'B' },
      { kind: 'ratio', label: 'held: client / OpenTelemetry', value: heldClient / heldOtelBytes },
      { kind: 'info', label: 'the event as its JSON text', value: heldJson, unit: 'B' },
      { kind: 'figure', label: 'emit() call alone', value: call, unit: 'ns/event' },
      { kind: 'info', label: 'createAuditEventValidator() alone', value: validator, unit: 'ns/event' },
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
    metrics: {
      emit_ns: total,
      emit_call_ns: call,
      emit_gzip_ns: gzipped.totalNs,
      emit_untraced_ns: wall(untraced),
      emit_in_span_ns: wall(inSpan),
      emit_in_span_untraced_ns: wall(inSpanUntraced),
      trace_lookup_cpu_ns: lookupCpu,
      trace_in_span_cpu_ns: inSpanCpu,
      otel_ns: otel,
      emit_vs_otel: total / otel,
      emit_cpu_ns: cpu,
      otel_cpu_ns: otelCpu,
      emit_vs_otel_cpu: cpu / otelCpu,
      naive_ns: naive,
      validator_ns: validator,
      stringify_ns: stringify,
      held_bytes_per_event: heldClient,
      otel_held_bytes_per_event: heldOtelBytes,
      json_held_bytes_per_event: heldJson,
    },
    notes: [
      `CPU rounds (ns/event): client ${emits.map((e) => Math.round(e.cpuNs)).join(', ')}; OpenTelemetry ${otelCpuNs.map(Math.round).join(', ')}`,
      `CPU rounds, trace context (ns/event): off ${untraced.map((e) => Math.round(e.cpuNs)).join(', ')}; in a span ${inSpan.map((e) => Math.round(e.cpuNs)).join(', ')}, off ${inSpanUntraced.map((e) => Math.round(e.cpuNs)).join(', ')}`,
      `rounds (ns/event): client ${emits.map((e) => Math.round(e.totalNs)).join(', ')}; OpenTelemetry ${otelNs.map(Math.round).join(', ')}; naive ${naiveNs.map(Math.round).join(', ')}`,
      `validator ${validatorNs.map(Math.round).join(', ')}; floor ${floorNs.map(Math.round).join(', ')}; JSON.stringify ${stringifyNs.map(Math.round).join(', ')}`,
      'validator alone runs on pre-built events; the floor builds each event as emit() does (copy, UUIDv7,',
      'ISO timestamp) and validates the fresh object. OpenTelemetry keeps records as objects and its in-memory',
      'exporter encodes nothing; the client serialises every event (the JSON.stringify line). Held bytes: V8 heap + ArrayBuffers after a full GC,',
      'with the events held minus before them, per event (each event built fresh, shared with nothing).',
      'Trace context, in CPU time: "on minus off" outside a span is the lookup that finds no span; in a span it is the lookup',
      'plus the two ids each event then carries (validated, serialised, sent). The span runs register an',
      'AsyncLocalStorage context manager for their duration, which costs every async step of the run its own share.',
    ],
  }
}
