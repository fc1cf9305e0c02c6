import { Agent, request } from 'node:http'
import { gzipSync } from 'node:zlib'
import { contractLimits, type Problem } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/env.js'
import type { AppEnv } from '../src/http/context.js'
import { createLogger } from '../src/logger.js'
import { type ServerHandle, startServer } from '../src/server.js'
import { buildTestApp, logCapture } from './support/app.js'
import { nested, postJson, uniqueCorrelationId, validEvent, without } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'
import { rawExchange } from './support/raw-exchange.js'
import { openPgliteStore, type TestStore } from './support/store.js'

const EVENTS = '/api/v1/audit/events'
const BATCH = '/api/v1/audit/events/batch'
const P = 'https://audit-trail.dev/problems/'
const BODY_LIMIT = 5 * 1024 * 1024

interface Case {
  name: string
  path: string
  init?: RequestInit
  status: number
  type: string
  /** A field the `errors` array must name (with `index` when given). */
  field?: string
  index?: number
  /** Response headers that must be present. */
  headers?: Record<string, string | RegExp>
}

const hourFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()
const ABSENT_ID = '01890a5d-ac96-774b-bcce-b302099a8057'

const cases: Case[] = [
  // --- body framing ---
  {
    name: 'malformed JSON',
    path: EVENTS,
    init: postJson('{"version": "1.0",'),
    status: 400,
    type: 'malformed-json',
  },
  {
    name: 'JSON with trailing comma (batch)',
    path: BATCH,
    init: postJson('[{},]'),
    status: 400,
    type: 'malformed-json',
  },
  { name: 'empty body', path: EVENTS, init: postJson(''), status: 400, type: 'malformed-json' },
  {
    name: 'invalid UTF-8',
    path: EVENTS,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    },
    status: 400,
    type: 'malformed-json',
  },
  {
    name: 'JSON null',
    path: EVENTS,
    init: postJson('null'),
    status: 400,
    type: 'validation-error',
    field: '(root)',
  },
  {
    name: 'array sent to the single endpoint',
    path: EVENTS,
    init: postJson([validEvent()]),
    status: 400,
    type: 'validation-error',
    field: '(root)',
  },
  {
    name: 'text/plain content type',
    path: EVENTS,
    init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(validEvent()) },
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'missing content type',
    path: EVENTS,
    init: { method: 'POST', body: new TextEncoder().encode(JSON.stringify(validEvent())) },
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'non-UTF-8 charset',
    path: EVENTS,
    init: postJson(validEvent(), { 'content-type': 'application/json; charset=latin1' }),
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'form content type on batch',
    path: BATCH,
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' },
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'body over BODY_LIMIT_BYTES',
    path: EVENTS,
    init: postJson(' '.repeat(BODY_LIMIT + 1)),
    status: 413,
    type: 'payload-too-large',
  },
  {
    name: 'batch body over BODY_LIMIT_BYTES without Content-Length (streamed)',
    path: BATCH,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit,
    status: 413,
    type: 'payload-too-large',
  },
  // --- batch shape ---
  {
    name: 'batch over MAX_BATCH_SIZE',
    path: BATCH,
    init: postJson(Array.from({ length: 5001 }, () => ({}))),
    status: 413,
    type: 'batch-too-large',
  },
  {
    name: 'empty batch',
    path: BATCH,
    init: postJson([]),
    status: 400,
    type: 'validation-error',
    field: '(root)',
  },
  {
    name: 'batch that is an object',
    path: BATCH,
    init: postJson(validEvent()),
    status: 400,
    type: 'validation-error',
    field: '(root)',
  },
  {
    name: 'batch item that is not an object',
    path: BATCH,
    init: postJson([validEvent(), 42]),
    status: 400,
    type: 'validation-error',
    field: '(root)',
    index: 1,
  },
  // --- required fields ---
  ...(
    [
      'version',
      'event_type',
      'event_timestamp',
      'event_category',
      'event_action',
      'event_outcome',
      'correlation_id',
      'event_data',
    ] as const
  ).map((field) => ({
    name: `missing ${field}`,
    path: EVENTS,
    init: postJson(without(field)),
    status: 400,
    type: 'validation-error',
    field,
  })),
  // --- field values ---
  {
    name: 'bad event_category enum',
    path: EVENTS,
    init: postJson(validEvent({ event_category: 'kitchen' as never })),
    status: 400,
    type: 'validation-error',
    field: 'event_category',
  },
  {
    name: 'bad event_outcome enum',
    path: EVENTS,
    init: postJson(validEvent({ event_outcome: 'maybe' as never })),
    status: 400,
    type: 'validation-error',
    field: 'event_outcome',
  },
  {
    // Any word is a severity (the seed system's emitters send `high`), up to 20 characters.
    name: 'severity over 20 chars',
    path: EVENTS,
    init: postJson(validEvent({ severity: 'x'.repeat(21) as never })),
    status: 400,
    type: 'validation-error',
    field: 'severity',
  },
  {
    name: 'version 2.0',
    path: EVENTS,
    init: postJson(validEvent({ version: '2.0' as never })),
    status: 400,
    type: 'validation-error',
    field: 'version',
  },
  {
    name: 'event_type over 100 chars',
    path: EVENTS,
    init: postJson(validEvent({ event_type: `svc.cat.${'a'.repeat(100)}` })),
    status: 400,
    type: 'validation-error',
    field: 'event_type',
  },
  {
    name: 'uppercase event_type',
    path: EVENTS,
    init: postJson(validEvent({ event_type: 'Gateway.Signal.Received' })),
    status: 400,
    type: 'validation-error',
    field: 'event_type',
  },
  {
    // Two segments are enough (`remediation.workflow_created`), one is not.
    name: 'event_type with one segment',
    path: EVENTS,
    init: postJson(validEvent({ event_type: 'gateway_received' })),
    status: 400,
    type: 'validation-error',
    field: 'event_type',
  },
  {
    name: 'event_action over 50 chars',
    path: EVENTS,
    init: postJson(validEvent({ event_action: 'x'.repeat(51) })),
    status: 400,
    type: 'validation-error',
    field: 'event_action',
  },
  {
    name: 'empty correlation_id',
    path: EVENTS,
    init: postJson(validEvent({ correlation_id: '' })),
    status: 400,
    type: 'validation-error',
    field: 'correlation_id',
  },
  {
    name: 'timestamp 2 h in the future',
    path: EVENTS,
    init: postJson(validEvent({ event_timestamp: hourFromNow(2) })),
    status: 400,
    type: 'validation-error',
    field: 'event_timestamp',
  },
  {
    name: 'timestamp not RFC 3339',
    path: EVENTS,
    init: postJson(validEvent({ event_timestamp: '26/11/2025 10:00' })),
    status: 400,
    type: 'validation-error',
    field: 'event_timestamp',
  },
  {
    name: 'event_data too deep',
    path: EVENTS,
    init: postJson(
      validEvent({
        event_type: 'custom.thing.happened',
        event_data: nested(contractLimits.eventDataMaxDepth + 1),
      }),
    ),
    status: 400,
    type: 'validation-error',
    field: 'event_data',
  },
  {
    name: 'event_data too big',
    path: EVENTS,
    init: postJson(
      validEvent({
        event_type: 'custom.thing.happened',
        event_data: { blob: 'x'.repeat(contractLimits.eventDataMaxBytes) },
      }),
    ),
    status: 400,
    type: 'validation-error',
    field: 'event_data',
  },
  {
    name: 'event_data an array',
    path: EVENTS,
    init: postJson(validEvent({ event_data: [] as never })),
    status: 400,
    type: 'validation-error',
    field: 'event_data',
  },
  {
    name: 'event_id not a UUID',
    path: EVENTS,
    init: postJson(validEvent({ event_id: 'not-a-uuid' })),
    status: 400,
    type: 'validation-error',
    field: 'event_id',
  },
  {
    name: 'unknown field',
    path: EVENTS,
    init: postJson(validEvent({ colour: 'blue' })),
    status: 400,
    type: 'validation-error',
    field: 'colour',
  },
  {
    name: 'typed catalog: gateway.signal.received without signal_name',
    path: EVENTS,
    init: postJson(
      validEvent({
        event_data: {
          event_type: 'gateway.signal.received',
          signal_type: 'alert',
          namespace: 'ns',
          fingerprint: 'fp',
        },
      }),
    ),
    status: 400,
    type: 'validation-error',
    field: 'event_data.signal_name',
  },
  {
    name: 'typed catalog: workflowexecution.workflow.started with a phase outside its enum',
    path: EVENTS,
    init: postJson(
      validEvent({
        event_type: 'workflowexecution.workflow.started',
        event_category: 'workflowexecution',
        event_data: {
          event_type: 'workflowexecution.workflow.started',
          workflow_id: 'wf-1',
          workflow_version: 'v1',
          target_resource: 'payments/deployment/api',
          phase: 'Sleeping',
          container_image: 'registry.local/restart:1',
          execution_name: 'we-1',
        },
      }),
    ),
    status: 400,
    type: 'validation-error',
    field: 'event_data.phase',
  },
  {
    name: 'retention_days 0',
    path: EVENTS,
    init: postJson(validEvent({ retention_days: 0 })),
    status: 400,
    type: 'validation-error',
    field: 'retention_days',
  },
  {
    name: 'actor_ip not an IP',
    path: EVENTS,
    init: postJson(validEvent({ actor_ip: '999.1.1.1' })),
    status: 400,
    type: 'validation-error',
    field: 'actor_ip',
  },
  {
    name: 'uppercase trace_id',
    path: EVENTS,
    init: postJson(validEvent({ trace_id: 'A'.repeat(32) })),
    status: 400,
    type: 'validation-error',
    field: 'trace_id',
  },
  {
    name: 'negative duration_ms',
    path: EVENTS,
    init: postJson(validEvent({ duration_ms: -1 })),
    status: 400,
    type: 'validation-error',
    field: 'duration_ms',
  },
  ...[
    ['parent_event_date not RFC 3339', '2025-06-01 12:00'],
    ['parent_event_date without offset', '2025-06-01T12:00:00'],
    ['parent_event_date a leap second', '2016-12-31T23:59:60Z'],
    ['parent_event_date in year 0000 in UTC', '0001-01-01T00:00:00+01:00'],
    ['parent_event_date of 30 February', '2025-02-30T00:00:00Z'],
  ].map(
    ([name, parent_event_date]): Case => ({
      name: name!,
      path: EVENTS,
      init: postJson({ ...validEvent(), parent_event_date }),
      status: 400,
      type: 'validation-error',
      field: 'parent_event_date',
    }),
  ),
  {
    name: 'parent_event_date null (omit it instead)',
    path: EVENTS,
    init: postJson({ ...validEvent(), parent_event_date: null }),
    status: 400,
    type: 'validation-error',
    field: 'parent_event_date',
  },
  {
    name: 'timestamp in year 0000 (RFC 3339, but not storable)',
    path: EVENTS,
    init: postJson(validEvent({ event_timestamp: '0000-06-01T00:00:00Z' })),
    status: 400,
    type: 'validation-error',
    field: 'event_timestamp',
  },
  // --- query parameters ---
  {
    name: 'unknown query parameter',
    path: `${EVENTS}?colour=blue`,
    status: 400,
    type: 'validation-error',
    field: 'colour',
  },
  { name: 'limit=0', path: `${EVENTS}?limit=0`, status: 400, type: 'validation-error', field: 'limit' },
  { name: 'limit=1001', path: `${EVENTS}?limit=1001`, status: 400, type: 'validation-error', field: 'limit' },
  { name: 'limit=ten', path: `${EVENTS}?limit=ten`, status: 400, type: 'validation-error', field: 'limit' },
  {
    name: 'limit given twice',
    path: `${EVENTS}?limit=5&limit=6`,
    status: 400,
    type: 'validation-error',
    field: 'limit',
  },
  {
    name: 'since=yesterday',
    path: `${EVENTS}?since=yesterday`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'since=5y (unknown unit)',
    path: `${EVENTS}?since=5y`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'until on 30 February',
    path: `${EVENTS}?until=2025-02-30T00:00:00Z`,
    status: 400,
    type: 'validation-error',
    field: 'until',
  },
  {
    name: 'since in year 0000',
    path: `${EVENTS}?since=0000-01-01T00:00:00Z`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'since=99999999d (before year 1)',
    path: `${EVENTS}?since=99999999d`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'since after until',
    path: `${EVENTS}?since=2025-03-01T00:00:00Z&until=2025-02-01T00:00:00Z`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  {
    name: 'bad event_category filter',
    path: `${EVENTS}?event_category=kitchen`,
    status: 400,
    type: 'validation-error',
    field: 'event_category',
  },
  {
    name: 'uppercase event_type filter',
    path: `${EVENTS}?event_type=A.B.C`,
    status: 400,
    type: 'validation-error',
    field: 'event_type',
  },
  {
    name: 'empty correlation_id filter',
    path: `${EVENTS}?correlation_id=`,
    status: 400,
    type: 'validation-error',
    field: 'correlation_id',
  },
  {
    name: 'cursor not issued by the service',
    path: `${EVENTS}?cursor=bm90LWEtY3Vyc29y`,
    status: 400,
    type: 'invalid-cursor',
    field: 'cursor',
  },
  {
    name: 'cursor over 512 chars',
    path: `${EVENTS}?cursor=${'a'.repeat(513)}`,
    status: 400,
    type: 'validation-error',
    field: 'cursor',
  },
  // Issue 17: the contract's cursor schema (base64url, at most 200 characters) is the service's rule.
  {
    name: 'cursor with characters outside base64url',
    path: `${EVENTS}?cursor=${encodeURIComponent('a+b/c=')}`,
    status: 400,
    type: 'validation-error',
    field: 'cursor',
  },
  {
    name: 'cursor of 201 base64url chars',
    path: `${EVENTS}?cursor=${'a'.repeat(201)}`,
    status: 400,
    type: 'validation-error',
    field: 'cursor',
  },
  {
    name: 'since equal to until',
    path: `${EVENTS}?since=2025-03-01T00:00:00Z&until=2025-03-01T00:00:00.000Z`,
    status: 400,
    type: 'validation-error',
    field: 'since',
  },
  // Offset paging and the detail filter (what clients of the system this one replaces send).
  ...[
    ['offset=-1', 'offset=-1', 'offset'],
    ['offset=10001', 'offset=10001', 'offset'],
    ['offset=1.5', 'offset=1.5', 'offset'],
    ['offset=ten', 'offset=ten', 'offset'],
    ['offset with cursor (names offset)', `offset=10&cursor=${'a'.repeat(20)}`, 'offset'],
    ['offset with cursor (names cursor)', `offset=0&cursor=${'a'.repeat(20)}`, 'cursor'],
    ['detail_key without detail_value', 'detail_key=task_id', 'detail_value'],
    ['detail_value without detail_key', 'detail_value=42', 'detail_key'],
    ['detail_key with a quote', `detail_key=${encodeURIComponent("a'b")}&detail_value=1`, 'detail_key'],
    ['detail_key as SQL', `detail_key=${encodeURIComponent("x' OR 1=1 --")}&detail_value=1`, 'detail_key'],
    ['detail_key with a dot (no nested paths)', 'detail_key=a.b&detail_value=1', 'detail_key'],
    ['detail_key empty', 'detail_key=&detail_value=1', 'detail_key'],
    ['detail_key of 101 chars', `detail_key=${'k'.repeat(101)}&detail_value=1`, 'detail_key'],
    ['detail_value of 1025 chars', `detail_key=k&detail_value=${'v'.repeat(1025)}`, 'detail_value'],
    ['detail_value with NUL', 'detail_key=k&detail_value=a%00b', 'detail_value'],
  ].map(
    ([name, query, field]): Case => ({
      name: name!,
      path: `${EVENTS}?${query}`,
      status: 400,
      type: 'validation-error',
      field: field!,
    }),
  ),
  // --- paths and methods ---
  {
    name: 'GET by a non-UUID id',
    path: `${EVENTS}/not-a-uuid`,
    status: 400,
    type: 'validation-error',
    field: 'event_id',
  },
  { name: 'GET by an absent id', path: `${EVENTS}/${ABSENT_ID}`, status: 404, type: 'not-found' },
  // Every /api/v1 operation refuses a query parameter it does not declare (a misspelt option).
  {
    name: 'POST one event with an unknown query parameter',
    path: `${EVENTS}?dry_run=true`,
    init: postJson(validEvent()),
    status: 400,
    type: 'validation-error',
    field: 'dry_run',
  },
  {
    name: 'POST a batch with an unknown query parameter',
    path: `${BATCH}?async=1`,
    init: postJson([validEvent()]),
    status: 400,
    type: 'validation-error',
    field: 'async',
  },
  {
    name: 'GET by id with an unknown query parameter',
    path: `${EVENTS}/${ABSENT_ID}?fields=all`,
    status: 400,
    type: 'validation-error',
    field: 'fields',
  },
  { name: 'unknown route', path: '/api/v2/audit/events', status: 404, type: 'not-found' },
  { name: 'unknown route under the prefix', path: '/api/v1/audit/things', status: 404, type: 'not-found' },
  {
    name: 'DELETE on the collection',
    path: EVENTS,
    init: { method: 'DELETE' },
    status: 405,
    type: 'method-not-allowed',
    headers: { allow: /^(?=.*GET)(?=.*POST)/ },
  },
  {
    name: 'PUT on an event (append-only)',
    path: `${EVENTS}/${ABSENT_ID}`,
    init: postJson(validEvent(), {}),
    status: 405,
    type: 'method-not-allowed',
    headers: { allow: 'GET, HEAD' },
  },
  {
    name: 'POST /healthz',
    path: '/healthz',
    init: { method: 'POST' },
    status: 405,
    type: 'method-not-allowed',
    headers: { allow: 'GET, HEAD' },
  },
  // Issue 17: a path served as written wins over a templated route matching its text.
  ...(['GET', 'PUT', 'DELETE', 'PATCH'] as const).map(
    (method): Case => ({
      name: `${method} /events/batch (not the event "batch")`,
      path: BATCH,
      init: { method },
      status: 405,
      type: 'method-not-allowed',
      headers: { allow: /^POST$/ },
    }),
  ),
]
// PUT rather than POST for the "PUT on an event" case.
cases.find((c) => c.name.startsWith('PUT'))!.init!.method = 'PUT'

// --- issue 11: every example of the hostile-input run that must be refused ---

/** The default valid event as JSON text with `key` added first (an object literal would set __proto__). */
const withTopLevelKey = (key: string) =>
  `{${JSON.stringify(key)}:"x",${JSON.stringify(validEvent()).slice(1)}`
/** A generic event whose event_data.x is the number literal `literal`, written as is. */
const withNumber = (literal: string) =>
  JSON.stringify(validEvent({ event_type: 'custom.thing.happened', event_data: { x: 0 } })).replace(
    '"x":0',
    `"x":${literal}`,
  )
const timestampCase = (name: string, event_timestamp: string): Case => ({
  name,
  path: EVENTS,
  init: postJson(validEvent({ event_timestamp })),
  status: 400,
  type: 'validation-error',
  field: 'event_timestamp',
})
/** A cursor as the service makes one: base64url of `timestamp|uuid`. */
const cursorOf = (timestamp: string) => Buffer.from(`${timestamp}|${ABSENT_ID}`).toString('base64url')
const UUID = '01890a5d-ac96-774b-bcce-b302099a8057'

const issue11: Case[] = [
  ...(['correlation_id', 'actor_id', 'namespace', 'resource_type', 'resource_id'] as const).map(
    (field): Case => ({
      name: `NUL in the ${field} filter`,
      path: `${EVENTS}?${field}=%00`,
      status: 400,
      type: 'validation-error',
      field,
    }),
  ),
  {
    name: 'a well-formed cursor of year 0000',
    path: `${EVENTS}?cursor=${cursorOf('0000-06-01T00:00:00.000000Z')}`,
    status: 400,
    type: 'invalid-cursor',
    field: 'cursor',
  },
  timestampCase('leap second 2016-12-31T23:59:60.5Z', '2016-12-31T23:59:60.5Z'),
  timestampCase('a 400-digit fraction', `2024-06-01T12:00:00.${'1'.repeat(400)}Z`),
  ...(
    [
      ['NBSP', '\u00A0'],
      ['U+1680', '\u1680'],
      ['U+2000', '\u2000'],
      ['U+202F', '\u202F'],
      ['U+3000', '\u3000'],
      ['U+FEFF', '\uFEFF'],
      ['U+2028', '\u2028'],
      ['U+2029', '\u2029'],
      ['TAB', '\t'],
      ['LF', '\n'],
      ['CR', '\r'],
      ['VT', '\u000B'],
      ['FF', '\u000C'],
    ] as const
  ).map(([label, sep]) => timestampCase(`${label} as the date-time separator`, `2024-06-01${sep}12:00:00Z`)),
  ...['+01', '+16', '+0100', '-0530'].map((offset) =>
    timestampCase(`offset ${offset}`, `2024-06-01T12:00:00${offset}`),
  ),
  ...(['event_id', 'parent_event_id'] as const).map(
    (field): Case => ({
      name: `${field} as urn:uuid:<uuid>`,
      path: EVENTS,
      init: postJson(validEvent({ [field]: `urn:uuid:${UUID}` })),
      status: 400,
      type: 'validation-error',
      field,
    }),
  ),
  ...['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'].map(
    (key): Case => ({
      name: `top-level key ${key}`,
      path: EVENTS,
      init: postJson(withTopLevelKey(key)),
      status: 400,
      type: 'validation-error',
      field: key,
    }),
  ),
  ...[
    '1e309',
    `${'1'.repeat(1_000_000)}`,
    '1e-400',
    '123456789012345678901234567890',
    '9007199254740993',
  ].map(
    (literal): Case => ({
      name: `event_data number ${literal.length > 40 ? `of ${literal.length} digits` : literal}`,
      path: EVENTS,
      init: postJson(withNumber(literal)),
      status: 400,
      type: 'validation-error',
      field: 'event_data.x',
    }),
  ),
  {
    name: 'a batch whose second event has an inexact number',
    path: BATCH,
    init: postJson(`[${JSON.stringify(validEvent())},${withNumber('1e309')}]`),
    status: 400,
    type: 'validation-error',
    field: 'event_data.x',
    index: 1,
  },
]

// One PGlite for the file: it takes seconds to start.
let db: TestStore
let app: Hono<AppEnv>
beforeAll(async () => {
  db = await openPgliteStore()
  app = buildTestApp(db.store).app
})
afterAll(() => db?.close())

/** Sends a case's request to the app and checks its RFC 7807 answer. */
async function expectProblem(c: Case): Promise<void> {
  const res = await app.request(c.path, c.init)
  const text = await res.text()
  expect(res.status, text).toBe(c.status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  expect(text).not.toMatch(/\bat .+:\d+:\d+|stack/i)
  const problem = JSON.parse(text)
  expect(problem).toMatchObject({
    type: P + c.type,
    status: c.status,
    instance: new URL(c.path, 'http://x').pathname,
  })
  expect(typeof problem.title).toBe('string')
  expect(typeof problem.detail).toBe('string')
  if (c.field !== undefined) {
    const match = { field: c.field, ...(c.index === undefined ? {} : { index: c.index }) }
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining(match)]))
  }
  for (const [name, value] of Object.entries(c.headers ?? {})) {
    expect(res.headers.get(name)).toMatch(value)
  }
}

describe('malformed requests get the right RFC 7807 problem', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  it.each([...cases, ...issue11])('$name → $status $type', expectProblem)

  it('stores nothing from any malformed write', async () => {
    const res = await app.request(`${EVENTS}?correlation_id=corr-default`)
    expect(((await res.json()) as { data: unknown[] }).data).toEqual([])
  })

  it('refuses an unknown event type only when configured to', async () => {
    const event = validEvent({
      event_type: 'billing.invoice.paid',
      event_category: 'apifrontend',
      correlation_id: uniqueCorrelationId('unknown-type'),
      event_data: { anything: 1 },
    })
    const accepting = await app.request(EVENTS, postJson(event))
    expect(accepting.status).toBe(201)
    const rejecting = buildTestApp(db.store, { config: { unknownEventTypes: 'reject' } }).app
    const res = await rejecting.request(EVENTS, postJson({ ...event, event_id: undefined }))
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem
    expect(problem.type).toBe(`${P}validation-error`)
    expect(problem.errors).toEqual([{ field: 'event_type', message: 'is not in the event-type catalog' }])
  })
})

describe('a batch with invalid events', () => {
  it('reports every invalid event by index, with every invalid field, and stores none', async () => {
    const correlation_id = uniqueCorrelationId('batch-invalid')
    const batch = [
      validEvent({ correlation_id }),
      validEvent({ correlation_id, event_type: 'NOPE', event_outcome: 'maybe' as never }),
      validEvent({ correlation_id }),
      { ...without('event_action'), correlation_id, severity: 'x'.repeat(21), extra: 1 },
      validEvent({
        correlation_id,
        event_data: { event_type: 'gateway.signal.received', fingerprint: 'fp' },
      }),
    ]
    const res = await app.request(BATCH, postJson(batch))
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem
    expect(problem.detail).toBe('3 of 5 events are invalid; nothing was stored.')
    const byIndex = new Map<number, string[]>()
    for (const e of (problem.errors ?? []) as Array<{ index: number; field: string }>) {
      byIndex.set(e.index, [...(byIndex.get(e.index) ?? []), e.field])
    }
    expect([...byIndex.keys()].sort()).toEqual([1, 3, 4])
    expect(byIndex.get(1)?.sort()).toEqual(['event_outcome', 'event_type'])
    expect(byIndex.get(3)?.sort()).toEqual(['event_action', 'extra', 'severity'])
    expect(byIndex.get(4)?.sort()).toEqual([
      'event_data.namespace',
      'event_data.signal_name',
      'event_data.signal_type',
    ])

    const stored = await app.request(`${EVENTS}?correlation_id=${correlation_id}`)
    expect(((await stored.json()) as { data: unknown[] }).data).toEqual([])

    // Dropping just the reported indexes makes the batch acceptable, as the client does.
    const rest = batch.filter((_, i) => !byIndex.has(i))
    const retry = await app.request(BATCH, postJson(rest))
    expect(retry.status).toBe(201)
    expect(await retry.json()).toMatchObject({ created: 2, duplicates: 0 })
  })
})

/** `YYYY-MM-DDTHH:MM:SS[.f…]Z` as one comparable text with exactly six fraction digits. */
const micros = (utc: string) => {
  const m = /^(.{19})(?:\.(\d+))?Z$/.exec(utc)
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(6, '0')}Z` : utc
}

describe('issue 11: what is valid is stored as its UTC instant', () => {
  /** Writes one event and reads it back by id. */
  async function writeAndRead(event_timestamp: string, event_id?: string) {
    const correlation_id = uniqueCorrelationId('instant')
    const res = await app.request(EVENTS, postJson(validEvent({ correlation_id, event_timestamp, event_id })))
    const text = await res.text()
    expect(res.status, text).toBe(201)
    const created = JSON.parse(text) as { event_id: string; duplicate: boolean }
    const stored = await app.request(`${EVENTS}/${created.event_id}`)
    return { created, stored: (await stored.json()) as { event_timestamp: string; event_date: string } }
  }

  it.each([
    ['2024-06-01T12:00:00+16:00', '2024-05-31T20:00:00Z'],
    ['2024-06-01T12:00:00+23:59', '2024-05-31T12:01:00Z'],
    ['2024-06-01T12:00:00-16:00', '2024-06-02T04:00:00Z'],
    ['2024-06-01T12:00:00-23:59', '2024-06-02T11:59:00Z'],
    ['2024-03-01T00:30:00+23:59', '2024-02-29T00:31:00Z'],
  ])('offset beyond ±15:59 (valid RFC 3339): %s → 201, stored as %s', async (sent, utc) => {
    const { stored } = await writeAndRead(sent)
    expect(micros(stored.event_timestamp)).toBe(micros(utc))
    expect(stored.event_date).toBe(utc.slice(0, 10))
  })

  it('2019-01-31T23:59:59.9999995Z → 201, stored in January as …59.999999Z (digits beyond microseconds truncated)', async () => {
    const { stored } = await writeAndRead('2019-01-31T23:59:59.9999995Z')
    expect(micros(stored.event_timestamp)).toBe('2019-01-31T23:59:59.999999Z')
    expect(stored.event_date).toBe('2019-01-31')
  })

  it('the same event_id with a timestamp on another UTC day → 201 duplicate: true, one row, the first one', async () => {
    const event_id = '01890a5d-ac96-774b-bcce-b302099a8058'
    const first = await writeAndRead('2024-06-01T12:00:00Z', event_id)
    expect(first.created.duplicate).toBe(false)
    const correlation_id = uniqueCorrelationId('other-day')
    const again = await app.request(
      EVENTS,
      postJson(validEvent({ event_id, correlation_id, event_timestamp: '2024-06-03T12:00:00Z' })),
    )
    expect(again.status).toBe(201)
    expect(await again.json()).toMatchObject({ event_id, duplicate: true })
    const stored = (await (await app.request(`${EVENTS}/${event_id}`)).json()) as { event_timestamp: string }
    expect(micros(stored.event_timestamp)).toBe(micros('2024-06-01T12:00:00Z'))
    const rows = await app.request(`${EVENTS}?correlation_id=${correlation_id}`)
    expect(((await rows.json()) as { data: unknown[] }).data).toEqual([])
  })

  it('a batch of 300 events in 300 different months → 201 or a 4xx problem, never a 5xx', async () => {
    const correlation_id = uniqueCorrelationId('300-months')
    const batch = Array.from({ length: 300 }, (_, i) => {
      const month = 2025 * 12 + 5 - i
      const date = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15T12:00:00Z`
      return validEvent({ correlation_id, event_timestamp: date })
    })
    const res = await app.request(BATCH, postJson(batch))
    const text = await res.text()
    expect(res.status === 201 || (res.status >= 400 && res.status < 500), `${res.status} ${text}`).toBe(true)
    const stored = await app.request(`${EVENTS}?correlation_id=${correlation_id}&limit=1000`)
    const rows = ((await stored.json()) as { data: unknown[] }).data
    if (res.status === 201) {
      expect(JSON.parse(text)).toMatchObject({ created: 300, duplicates: 0 })
      expect(rows).toHaveLength(300)
    } else {
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(rows).toEqual([])
    }
  })
})

/** A request before the app (raw bytes on a socket), and its expected RFC 7807 answer. */
interface EdgeCase {
  name: string
  /** The request's bytes, for the server at `host` (host:port). */
  raw: (host: string) => string | Uint8Array
  status: number
  type: string
}

const json = JSON.stringify(validEvent())
const post = (host: string, headers: string[], body: string | Uint8Array) => {
  const head = [`POST ${EVENTS} HTTP/1.1`, `Host: ${host}`, 'Content-Type: application/json', ...headers]
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), Buffer.from(body)])
}
const gzipBomb = gzipSync(Buffer.alloc(BODY_LIMIT + 1024 * 1024, 0x20))

const edges: EdgeCase[] = [
  {
    name: 'bad Host',
    raw: () => `GET ${EVENTS} HTTP/1.1\r\nHost: exa mple\r\n\r\n`,
    status: 400,
    type: 'bad-request',
  },
  {
    name: 'backslash in the path',
    raw: (host) => `GET /api\\v1\\audit\\events HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    status: 400,
    type: 'bad-request',
  },
  {
    name: 'OPTIONS *',
    raw: (host) => `OPTIONS * HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    status: 400,
    type: 'bad-request',
  },
  {
    name: 'bad Content-Length',
    raw: (host) => post(host, ['Content-Length: 12x'], json),
    status: 400,
    type: 'bad-request',
  },
  {
    name: 'Content-Length and Transfer-Encoding',
    raw: (host) =>
      post(
        host,
        [`Content-Length: ${json.length}`, 'Transfer-Encoding: chunked'],
        `${json.length.toString(16)}\r\n${json}\r\n0\r\n\r\n`,
      ),
    status: 400,
    type: 'bad-request',
  },
  {
    name: 'bad Transfer-Encoding',
    raw: (host) => post(host, ['Transfer-Encoding: gzip, identity'], json),
    status: 400,
    type: 'bad-request',
  },
  {
    name: 'headers over 16 KB',
    raw: (host) => `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
    status: 431,
    type: 'header-fields-too-large',
  },
  {
    name: 'Expect: bogus',
    raw: (host) => post(host, [`Content-Length: ${json.length}`, 'Expect: bogus'], json),
    status: 417,
    type: 'expectation-failed',
  },
  {
    name: 'a plain body labelled gzip',
    raw: (host) => post(host, [`Content-Length: ${json.length}`, 'Content-Encoding: gzip'], json),
    status: 400,
    type: 'bad-request',
  },
  {
    name: 'Content-Encoding: br',
    raw: (host) => post(host, [`Content-Length: ${json.length}`, 'Content-Encoding: br'], json),
    status: 415,
    type: 'unsupported-content-encoding',
  },
  {
    name: 'a small gzip body inflating past the body limit',
    raw: (host) => post(host, [`Content-Length: ${gzipBomb.length}`, 'Content-Encoding: gzip'], gzipBomb),
    status: 413,
    type: 'payload-too-large',
  },
]

describe('issue 11: the HTTP edges answer RFC 7807 problems (a real server)', () => {
  let database: TestDatabase
  let server: ServerHandle
  beforeAll(async () => {
    database = await createTestDatabase(ADMIN_URL)
    server = await startServer(
      {
        ...loadConfig({}),
        port: 0,
        host: '127.0.0.1',
        logLevel: 'error' as const,
        databaseUrl: database.url,
      },
      { logger: createLogger({ level: 'error', destination: logCapture().stream }) },
    )
  })
  afterAll(async () => {
    await server?.close()
    await database?.drop()
  })

  async function expectEdge(c: EdgeCase) {
    const { answer, error } = await rawExchange(server.port, [c.raw(`127.0.0.1:${server.port}`)])
    expect(answer, `no answer (${error ?? 'closed'})`).toBeDefined()
    expect(answer!.status, answer!.body).toBe(c.status)
    expect(answer!.headers['content-type']).toBe('application/problem+json')
    expect(JSON.parse(answer!.body)).toMatchObject({ type: P + c.type, status: c.status })
  }

  it.each(edges)('$name → $status $type', expectEdge)

  it('after a 413 for an oversized chunked body the connection is closed (Connection: close) and a keep-alive client’s next request works', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const first = await new Promise<{ status: number; connection: string | undefined }>(
        (resolve, reject) => {
          const req = request(`${server.url}${EVENTS}`, {
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
          })
          req.on('response', (res) => {
            res.resume()
            res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }))
          })
          // Writing the rest after the server answered may fail; the answer is what counts.
          req.on('error', (e) => reject(e))
          const mib = Buffer.alloc(1024 * 1024, 0x20)
          for (let i = 0; i < 6; i++) req.write(mib)
          req.end()
        },
      )
      expect(first).toEqual({ status: 413, connection: 'close' })
      const again = await new Promise<number>((resolve, reject) => {
        request(`${server.url}/healthz`, { agent }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        })
          .on('error', reject)
          .end()
      })
      expect(again).toBe(200)
    } finally {
      agent.destroy()
    }
  })

  it('Content-Encoding: gzip with a real gzip body → 201, stored as sent', async () => {
    const correlation_id = uniqueCorrelationId('gzip')
    const event = validEvent({
      correlation_id,
      event_data: {
        event_type: 'gateway.signal.received',
        signal_type: 'alert',
        signal_name: 'é\u{1F600}',
        namespace: 'payments',
        fingerprint: 'f',
      },
    })
    const res = await fetch(`${server.url}${EVENTS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(event)),
    })
    const text = await res.text()
    expect(res.status, text).toBe(201)
    const { event_id } = JSON.parse(text) as { event_id: string }
    const stored = await (await fetch(`${server.url}${EVENTS}/${event_id}`)).json()
    expect(stored).toMatchObject({ correlation_id, event_data: event.event_data })
  })
})
