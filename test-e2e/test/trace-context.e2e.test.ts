import { randomBytes } from 'node:crypto'
import { createAuditClient } from '@audit-trail/audit-client'
import { type AuditEvent, createDataStorageClient } from '@audit-trail/datastorage-client'
import { context, type SpanContext, TraceFlags, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { validatingFetch } from '../src/contract/validating-fetch.js'
import { correlationId, makeEvent } from '../src/events.js'
import { waitQueryable } from '../src/query.js'

const { serviceUrl, tokens } = inject('e2e')
const reader = { url: serviceUrl, token: tokens.reader }

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

function spanContext(traceId: string): SpanContext {
  return { traceId, spanId: hex(8), traceFlags: TraceFlags.SAMPLED }
}

/** Runs `fn` with a span of `sc` active, as instrumentation that received a traceparent would. */
function inSpan<T>(sc: SpanContext, fn: () => T): T {
  return context.with(trace.setSpan(context.active(), trace.wrapSpanContext(sc)), fn)
}

/** Every event of a trace through GET /api/v1/audit/events?trace_id=…, following the cursor. */
async function queryTrace(trace_id: string): Promise<AuditEvent[]> {
  const client = createDataStorageClient({
    baseUrl: reader.url,
    token: reader.token,
    fetch: validatingFetch(),
  })
  const events: AuditEvent[] = []
  let cursor: string | undefined
  for (;;) {
    const { data, error, response } = await client.GET('/api/v1/audit/events', {
      params: { query: { trace_id, limit: 100, ...(cursor ? { cursor } : {}) } },
    })
    if (error || !data) throw new Error(`query failed: ${response.status} ${JSON.stringify(error)}`)
    events.push(...data.data)
    if (!data.pagination.has_more || !data.pagination.next_cursor) return events
    cursor = data.pagination.next_cursor
  }
}

const manager = new AsyncLocalStorageContextManager()
beforeAll(() => {
  expect(context.setGlobalContextManager(manager.enable())).toBe(true)
})
afterAll(() => {
  context.disable()
})

describe('trace context: client in an OpenTelemetry span → service → query by trace_id', () => {
  it('the events emitted in a trace, and only they, are found by its trace_id, each with its span_id', async () => {
    const corr = correlationId('trace')
    const traceA = spanContext(hex(16))
    const childA = { ...spanContext(traceA.traceId) }
    const traceB = spanContext(hex(16))
    const audit = createAuditClient({ baseUrl: serviceUrl, token: tokens.writer, service: 'e2e-trace' })
    const expected = new Map<string, string>()
    let i = 0
    await inSpan(traceA, async () => {
      for (let n = 0; n < 3; n++) expected.set(audit.emit(makeEvent(corr, i++)), traceA.spanId)
      // Across an await and in a child span, as a request handler's work goes on.
      await new Promise((resolve) => setImmediate(resolve))
      inSpan(childA, () => {
        for (let n = 0; n < 2; n++) expected.set(audit.emit(makeEvent(corr, i++)), childA.spanId)
      })
    })
    // The same correlation, other traces: none of them may answer the query.
    const outside = audit.emit(makeEvent(corr, i++))
    const inB = inSpan(traceB, () => audit.emit(makeEvent(corr, i++)))
    const own = hex(16)
    const given = inSpan(traceA, () =>
      audit.emit({ ...makeEvent(corr, i++), trace_id: own, span_id: hex(8) }),
    )
    const stats = await audit.close()
    expect(stats).toMatchObject({ emitted: i, persisted: i, failed: 0, deadLettered: 0 })

    const { events: stored } = await waitQueryable(reader, corr, i)
    const byId = new Map(stored.map((e) => [e.event_id, e]))
    expect(byId.get(outside)).not.toHaveProperty('trace_id')
    expect(byId.get(inB)).toMatchObject({ trace_id: traceB.traceId, span_id: expect.any(String) })
    expect(byId.get(given)).toMatchObject({ trace_id: own })

    const found = await queryTrace(traceA.traceId)
    expect(new Set(found.map((e) => e.event_id))).toEqual(new Set(expected.keys()))
    expect(found).toHaveLength(expected.size)
    for (const event of found) {
      expect(event).toMatchObject({ trace_id: traceA.traceId, span_id: expected.get(event.event_id) })
    }
    expect((await queryTrace(traceB.traceId)).map((e) => e.event_id)).toEqual([inB])
    expect(await queryTrace(hex(16))).toEqual([])
  })
})
