import * as otel from '@opentelemetry/api'
import { context, ROOT_CONTEXT, type SpanContext, TraceFlags, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError } from '../src/index.js'
import { activeTraceIdsFrom, loadTraceApi, type ModuleLoader, sharedTraceApi } from '../src/trace-context.js'
import { useHarness, validEvent } from './helpers/harness.js'

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736'
const SPAN_ID = '00f067aa0ba902b7'

function spanContext(overrides: Partial<SpanContext> = {}): SpanContext {
  return { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: TraceFlags.SAMPLED, ...overrides }
}

/** Runs `fn` with a span of `sc` active (a non-recording span, as a remote parent would be). */
function inSpan<T>(sc: SpanContext, fn: () => T): T {
  return context.with(trace.setSpan(context.active(), trace.wrapSpanContext(sc)), fn)
}

const manager = new AsyncLocalStorageContextManager()
beforeAll(() => {
  expect(context.setGlobalContextManager(manager.enable())).toBe(true)
})
afterAll(() => {
  context.disable()
})

describe('trace context from OpenTelemetry', () => {
  const h = useHarness()

  /** The events the fake service stored, in order. */
  function stored() {
    return h.server.requests.flatMap((r) => r.events)
  }

  it('fills trace_id and span_id from the active span, sampled or not', async () => {
    const client = h.client()
    inSpan(spanContext(), () => client.emit(validEvent(1)))
    const unsampled = spanContext({ spanId: '1111111111111111', traceFlags: TraceFlags.NONE })
    inSpan(unsampled, () => client.emit(validEvent(2)))
    await client.flush()
    expect(stored().map((e) => [e.trace_id, e.span_id])).toEqual([
      [TRACE_ID, SPAN_ID],
      [TRACE_ID, '1111111111111111'],
    ])
  })

  it('emitAsync() reads the span active when it is called, even when it waits for room', async () => {
    const client = h.client({ bufferSize: 1, batchSize: 1 })
    const first = inSpan(spanContext(), () => client.emitAsync(validEvent(1)))
    const waiting = inSpan(spanContext({ spanId: '3333333333333333' }), () => client.emitAsync(validEvent(2)))
    await Promise.all([first, waiting])
    await client.flush()
    expect(stored().map((e) => e.span_id)).toEqual([SPAN_ID, '3333333333333333'])
  })

  it('leaves both out outside a span', async () => {
    const client = h.client()
    client.emit(validEvent(1))
    await client.flush()
    expect(stored()[0]).not.toHaveProperty('trace_id')
    expect(stored()[0]).not.toHaveProperty('span_id')
  })

  it('follows the active span across nested spans and awaits', async () => {
    const client = h.client()
    const outer = spanContext()
    const inner = spanContext({ spanId: '2222222222222222' })
    await inSpan(outer, async () => {
      client.emit(validEvent(1))
      inSpan(inner, () => client.emit(validEvent(2)))
      await new Promise((resolve) => setImmediate(resolve))
      client.emit(validEvent(3))
    })
    client.emit(validEvent(4))
    await client.flush()
    expect(stored().map((e) => e.span_id)).toEqual([SPAN_ID, '2222222222222222', SPAN_ID, undefined])
  })

  it('keeps the ids an event already has: either one given means the event names its span', async () => {
    const client = h.client()
    const own = { trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16) }
    inSpan(spanContext(), () => {
      client.emit(validEvent(1, own))
      client.emit(validEvent(2, { trace_id: own.trace_id }))
      client.emit(validEvent(3, { span_id: own.span_id }))
    })
    await client.flush()
    expect(stored().map((e) => [e.trace_id, e.span_id])).toEqual([
      [own.trace_id, own.span_id],
      [own.trace_id, undefined],
      [undefined, own.span_id],
    ])
  })

  it('uses no invalid span context (all-zero ids, bad hex)', async () => {
    const client = h.client()
    inSpan(spanContext({ traceId: otel.INVALID_TRACEID }), () => client.emit(validEvent(1)))
    inSpan(spanContext({ spanId: otel.INVALID_SPANID }), () => client.emit(validEvent(2)))
    inSpan(spanContext({ traceId: 'not-a-trace-id' }), () => client.emit(validEvent(3)))
    await client.flush()
    expect(stored()).toHaveLength(3)
    for (const event of stored()) {
      expect(event).not.toHaveProperty('trace_id')
      expect(event).not.toHaveProperty('span_id')
    }
  })

  it('lower-cases upper-case hex ids (valid to OpenTelemetry, the contract wants lower case)', async () => {
    const client = h.client()
    inSpan(spanContext({ traceId: TRACE_ID.toUpperCase(), spanId: SPAN_ID.toUpperCase() }), () =>
      client.emit(validEvent(1)),
    )
    await client.flush()
    expect(stored()[0]).toMatchObject({ trace_id: TRACE_ID, span_id: SPAN_ID })
  })

  it('traceContext: false turns it off', async () => {
    const client = h.client({ traceContext: false })
    inSpan(spanContext(), () => client.emit(validEvent(1)))
    await client.flush()
    expect(stored()[0]).not.toHaveProperty('trace_id')
  })

  it('refuses a traceContext that is not a boolean, naming it', () => {
    expect(() => h.client({ traceContext: 'yes' as never })).toThrow(ConfigError)
    expect(() => h.client({ traceContext: 1 as never })).toThrow(
      /traceContext: must be a boolean, got number/,
    )
  })
})

describe('activeTraceIdsFrom', () => {
  const read = activeTraceIdsFrom(otel)

  it('reads the active span and nothing at the root', () => {
    expect(context.with(ROOT_CONTEXT, read)).toBeUndefined()
    expect(inSpan(spanContext(), read)).toEqual({ trace_id: TRACE_ID, span_id: SPAN_ID })
  })

  it('answers from the last span context it saw without validating again, and reads a new one', () => {
    let validations = 0
    const counted = activeTraceIdsFrom({
      ...otel,
      isSpanContextValid: (sc) => {
        validations++
        return otel.isSpanContextValid(sc)
      },
    })
    const sc = spanContext()
    inSpan(sc, () => {
      for (let i = 0; i < 100; i++) expect(counted()).toEqual({ trace_id: TRACE_ID, span_id: SPAN_ID })
    })
    expect(validations).toBe(1)
    const invalid = spanContext({ traceId: otel.INVALID_TRACEID })
    inSpan(invalid, () => {
      expect(counted()).toBeUndefined()
      expect(counted()).toBeUndefined()
    })
    expect(validations).toBe(2)
    expect(inSpan(sc, counted)).toEqual({ trace_id: TRACE_ID, span_id: SPAN_ID })
    expect(validations).toBe(3)
  })
})

describe('loadTraceApi', () => {
  const missing = (code: string, message: string): ModuleLoader => {
    return () => {
      throw Object.assign(new Error(message), { code })
    }
  }

  it('loads the installed @opentelemetry/api, once for the process', () => {
    expect(loadTraceApi().api?.isSpanContextValid).toBe(otel.isSpanContextValid)
    expect(sharedTraceApi()).toBe(sharedTraceApi())
    expect(sharedTraceApi().api).toBeDefined()
  })

  it('says absent when the package is not installed (require or import)', () => {
    expect(
      loadTraceApi(missing('MODULE_NOT_FOUND', "Cannot find module '@opentelemetry/api'\nRequire stack: x")),
    ).toEqual({ api: undefined, absent: true })
    expect(
      loadTraceApi(
        missing('ERR_MODULE_NOT_FOUND', "Cannot find package '@opentelemetry/api' imported from x"),
      ),
    ).toEqual({ api: undefined, absent: true })
  })

  it('names a problem when the package is there but fails or lacks what the client reads', () => {
    // A module missing inside the package is not the package missing.
    const inner = loadTraceApi(missing('MODULE_NOT_FOUND', "Cannot find module './trace/x'"))
    expect(inner).toMatchObject({ absent: false, problem: expect.stringContaining('./trace/x') })
    const thrown = loadTraceApi(() => {
      throw new Error('boom')
    })
    expect(thrown).toMatchObject({ absent: false, problem: 'loading @opentelemetry/api failed: boom' })
    expect(loadTraceApi(() => 'not a string'.length)).toMatchObject({
      absent: false,
      problem: expect.stringContaining('lacks context.active'),
    })
    expect(loadTraceApi(() => ({ context: otel.context, trace: {} }))).toMatchObject({ absent: false })
  })
})
