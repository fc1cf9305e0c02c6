import {
  type Accepted,
  type AuditEvent,
  type AuditEventBatchCreated,
  type AuditEventCreated,
  type AuditEventPage,
  type AuditEventRequest,
  type AuditEventValidator,
  type AuditEventWithId,
  type components,
  type FieldError,
  uuidv7,
} from '@audit-trail/datastorage-client'
import { type Context, Hono } from 'hono'
import { primaryOnly, type ReadRouting } from '../../db/read-replica.js'
import { DataStorageError } from '../../errors.js'
import type { DataStorageMetrics } from '../../metrics/service-metrics.js'
import { toRfc3339 } from '../../store/audit-event-row.js'
import type { AuditEventStore } from '../../store/audit-event-store.js'
import { readExportPages } from '../../store/event-export.js'
import { denseHistogram } from '../../store/event-histogram.js'
import { EventsRefusedError, type EventWriter, type WriteOutcome } from '../../write/event-writer.js'
import {
  INTERVAL_MS,
  parseAuditEventQuery,
  parseExportQuery,
  parseHistogramQuery,
} from '../audit-event-query.js'
import type { AppEnv } from '../context.js'
import {
  type ContractParameter,
  checkParameter,
  checkQueryParameters,
  contractParameters,
} from '../contract-parameters.js'
import { findInexactNumbers } from '../exact-numbers.js'
import { EXPORT_CONTENT_TYPES, exportDisposition, exportStream } from '../export-stream.js'
import { parseJsonBody, readJsonText } from '../json-body.js'
import { HttpProblem } from '../problem.js'
import { readConsistency } from '../read-consistency.js'
import { readMetrics } from '../read-metrics.js'

/** Options of {@link auditEventRoutes}. */
export interface AuditEventRoutesOptions {
  store: AuditEventStore
  writer: EventWriter
  /** The contract's validator (`createAuditEventValidator`). */
  validate: AuditEventValidator
  metrics: DataStorageMetrics
  /** Largest request body in bytes (413 beyond). */
  bodyLimitBytes: number
  /** Most events in one batch (413 beyond). */
  maxBatchSize: number
  /** Which store serves the reads (`READ_DATABASE_URL`). Default: `store` for every read. */
  reads?: ReadRouting | undefined
}

const getParameters = contractParameters('/api/v1/audit/events/{event_id}', 'get')
const eventIdParameter = getParameters.get('event_id')!
const writeParameters = contractParameters('/api/v1/audit/events', 'post')
const batchParameters = contractParameters('/api/v1/audit/events/batch', 'post')

/**
 * Every /api/v1 operation refuses a query parameter it does not declare, as the events query does:
 * a misspelt option must not be silently ignored. The writes and the read by id declare none.
 */
function refuseUnknownQuery(url: string, parameters: ReadonlyMap<string, ContractParameter>): void {
  const { errors } = checkQueryParameters(parameters, new URL(url).searchParams)
  if (errors.length > 0) throw invalid(errors, 'This operation takes no such query parameter.')
}

function invalid(errors: FieldError[], detail: string): HttpProblem {
  return new HttpProblem('validation-error', detail, { errors })
}

/**
 * The validator's errors with those of the numbers that would not be stored exactly
 * (`findInexactNumbers` of the body text), in event order; a field both name gets one error, the
 * number's message first (the validator saw only what `JSON.parse` made of the number).
 */
function withInexactNumbers(errors: FieldError[], numbers: FieldError[]): FieldError[] {
  if (numbers.length === 0) return errors
  const key = (e: FieldError) => `${e.index ?? ''}\u0000${e.field}`
  const position = new Map(errors.map((e, i) => [key(e), i]))
  const merged = [...errors]
  for (const number of numbers) {
    const at = position.get(key(number))
    if (at === undefined) {
      merged.push(number)
    } else {
      merged[at] = { ...errors[at]!, message: `${number.message}; ${errors[at]!.message}` }
      position.delete(key(number))
    }
  }
  return merged.sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
}

/** 202 body: the events are safe in the dead-letter queue and will be replayed into PostgreSQL. */
function accepted(events: readonly AuditEventWithId[], outcome: WriteOutcome): Accepted {
  return {
    status: 'accepted',
    message: `audit ${events.length === 1 ? 'event' : 'events'} queued for async processing`,
    event_ids: events.map((e) => e.event_id),
    queued: outcome.queued.length,
  }
}

/** `message` of a batch's 201, which the seed system's decoders require: what was stored. */
function batchMessage(created: number, duplicates: number): string {
  const stored = `${created} audit ${created === 1 ? 'event' : 'events'} stored`
  return duplicates === 0 ? stored : `${stored}, ${duplicates} already stored`
}

/**
 * Who the request is from, to store as `recorded_by`. Access control sets it for every request it
 * lets through to /api/v1, in every mode: missing means the app was put together without it, and
 * storing events under no name would be worse than refusing them.
 */
function principalOf(c: Context<AppEnv>): string {
  const principal = c.get('principal')
  if (!principal) {
    // A 500 (toProblem): the message is logged, never sent.
    throw new DataStorageError(
      'NO_PRINCIPAL',
      'no principal on the request: access control did not run before the write',
    )
  }
  return principal
}

function withId(event: AuditEventRequest): AuditEventWithId {
  return event.event_id ? (event as AuditEventWithId) : { ...event, event_id: uuidv7() }
}

/** A query's parameters for the self-audit's read record: as sent, but not the cursor (opaque, long). */
function readFilters(params: URLSearchParams): Record<string, string> {
  const filters: Record<string, string> = {}
  for (const [name, value] of params) if (name !== 'cursor') filters[name] = value
  return filters
}

type EventHistogram = components['schemas']['EventHistogram']

/**
 * `first` (already read), then the rest of `iterator`; `return()` is passed on, so stopping the
 * result stops the reading.
 */
function startingWith(
  first: IteratorResult<AuditEvent[], void>,
  iterator: AsyncGenerator<AuditEvent[], void, undefined>,
): AsyncIterator<AuditEvent[], void, undefined> {
  let pending: IteratorResult<AuditEvent[], void> | undefined = first
  return {
    next: async () => {
      if (pending === undefined) return iterator.next()
      const result = pending
      pending = undefined
      return result
    },
    return: async () => iterator.return(undefined),
  }
}

/**
 * `/events` and `/events/batch` writes and the query endpoints, mounted under `/api/v1/audit`.
 * Every body is validated with the contract's validator, and its text for numbers that would not
 * be stored with the value sent (`1e309`, `9007199254740993`: see exact-numbers.ts); all invalid
 * fields (and, for a batch, all invalid events by index) are reported in one 400.
 */
export function auditEventRoutes(options: AuditEventRoutesOptions): Hono<AppEnv> {
  const { store, writer, validate, metrics, bodyLimitBytes, maxBatchSize } = options
  const reads = options.reads ?? primaryOnly(store)
  const exportMetrics = readMetrics(metrics.registry)
  const app = new Hono<AppEnv>()

  app.post('/events', async (c) => {
    refuseUnknownQuery(c.req.url, writeParameters)
    const text = await readJsonText(c, { limitBytes: bodyLimitBytes })
    const body = parseJsonBody(text)
    const errors = withInexactNumbers(validate(body), findInexactNumbers(text))
    if (errors.length > 0) throw invalid(errors, 'The event is invalid.')
    const event = withId(body as AuditEventRequest)
    const outcome = await writer.write([event], { recordedBy: principalOf(c) }).catch((error: unknown) => {
      // A single event has no index (the contract's errors[].index is for batch items).
      if (!(error instanceof EventsRefusedError)) throw error
      const fields = (error.errors ?? []).map(({ index: _, ...field }) => field)
      throw invalid(fields, 'PostgreSQL refused the event; nothing was stored.')
    })
    if (outcome.queued.length > 0) return c.json(accepted([event], outcome), 202)
    const duplicate = outcome.duplicates.length > 0
    const created: AuditEventCreated = {
      event_id: event.event_id,
      event_timestamp: event.event_timestamp,
      duplicate,
      message: duplicate ? 'audit event already stored' : 'audit event stored',
    }
    return c.json(created, 201)
  })

  app.post('/events/batch', async (c) => {
    refuseUnknownQuery(c.req.url, batchParameters)
    const text = await readJsonText(c, { limitBytes: bodyLimitBytes })
    const body = parseJsonBody(text)
    if (!Array.isArray(body)) {
      throw invalid([{ field: '(root)', message: 'must be a JSON array of events' }], 'The batch is invalid.')
    }
    if (body.length === 0) {
      throw invalid([{ field: '(root)', message: 'must contain at least 1 event' }], 'The batch is empty.')
    }
    if (body.length > maxBatchSize) {
      throw new HttpProblem(
        'batch-too-large',
        `The batch has ${body.length} events; at most ${maxBatchSize} are accepted per request.`,
      )
    }
    const found: FieldError[] = []
    body.forEach((item, index) => {
      found.push(...validate(item, index))
    })
    const errors = withInexactNumbers(found, findInexactNumbers(text, { batch: true }))
    if (errors.length > 0) {
      const invalidEvents = new Set(errors.map((e) => e.index)).size
      throw invalid(errors, `${invalidEvents} of ${body.length} events are invalid; nothing was stored.`)
    }
    const events = (body as AuditEventRequest[]).map(withId)
    metrics.batchSize.observe(events.length)
    const outcome = await writer.write(events, { recordedBy: principalOf(c) })
    if (outcome.queued.length > 0) return c.json(accepted(events, outcome), 202)
    const created: AuditEventBatchCreated = {
      event_ids: events.map((e) => e.event_id),
      created: outcome.created.length,
      duplicates: outcome.duplicates.length,
      duplicate_ids: outcome.duplicates,
      message: batchMessage(outcome.created.length, outcome.duplicates.length),
    }
    return c.json(created, 201)
  })

  app.get('/events', async (c) => {
    const params = new URL(c.req.url).searchParams
    const filter = parseAuditEventQuery(params)
    const page = await reads.reader(readConsistency(c)).query(filter)
    c.set('auditRead', { operation: 'query', filters: readFilters(params), rows: page.events.length })
    const body: AuditEventPage = {
      data: page.events,
      pagination: {
        limit: filter.limit,
        // Echoed only when asked for: keyset readers see the page shape they always had.
        ...(filter.offset === undefined ? {} : { offset: filter.offset }),
        next_cursor: page.nextCursor,
        has_more: page.hasMore,
      },
    }
    return c.json(body)
  })

  // Before `/events/:event_id`, which would take `export` and `histogram` for ids.
  app.get('/events/export', async (c) => {
    const params = new URL(c.req.url).searchParams
    const { filters, format, limit } = parseExportQuery(params)
    const iterator = readExportPages(reads.reader(readConsistency(c)), filters, { limit })
    // The first page before the first byte: a database that is down or a refused query still gets
    // its problem (503, 500) instead of a 200 that breaks off at once.
    const first = await iterator.next()
    const started = Date.now()
    const log = c.get('logger')
    let reportSent: (rows: number) => void = () => {}
    const sent = new Promise<number>((resolve) => {
      reportSent = resolve
    })
    c.set('auditRead', { operation: 'export', filters: readFilters(params), rows: 0, sent })
    const body = exportStream({
      format,
      pages: startingWith(first, iterator),
      onEnd(end) {
        const fields = { format, rows: end.rows, duration_ms: Date.now() - started, outcome: end.outcome }
        if (end.outcome === 'failed') {
          log.error({ ...fields, err: end.error }, 'export failed after its first byte: response broken off')
        } else log.info(fields, 'export ended')
        exportMetrics.exports.inc({ format, outcome: end.outcome })
        exportMetrics.exportedEvents.inc({ format, outcome: end.outcome }, end.rows)
        reportSent(end.rows)
      },
    })
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': EXPORT_CONTENT_TYPES[format],
        'Content-Disposition': exportDisposition(format, new Date(started)),
        'Cache-Control': 'no-store',
      },
    })
  })

  app.get('/events/histogram', async (c) => {
    const params = new URL(c.req.url).searchParams
    const { filters, interval, firstBucketMs, buckets } = parseHistogramQuery(params)
    const intervalMs = INTERVAL_MS[interval]
    const counts = await reads.reader(readConsistency(c)).histogram(filters, intervalMs)
    const dense = denseHistogram(counts, { firstBucketMs, buckets, intervalMs })
    const rows = dense.reduce((sum, b) => sum + b.success + b.failure + b.pending, 0)
    c.set('auditRead', { operation: 'histogram', filters: readFilters(params), rows })
    const body: EventHistogram = {
      interval,
      since: toRfc3339(filters.since),
      until: toRfc3339(filters.until),
      buckets: dense,
    }
    return c.json(body)
  })

  app.get('/events/:event_id', async (c) => {
    refuseUnknownQuery(c.req.url, getParameters)
    const eventId = c.req.param('event_id')
    const error = checkParameter(eventIdParameter, eventId)
    if (error) throw invalid([error], 'event_id must be a UUID.')
    const event = await reads.reader(readConsistency(c)).get(eventId)
    c.set('auditRead', { operation: 'get', eventId, rows: event ? 1 : 0 })
    if (!event) throw new HttpProblem('not-found', `No audit event with event_id ${eventId}.`)
    return c.json(event)
  })

  return app
}
