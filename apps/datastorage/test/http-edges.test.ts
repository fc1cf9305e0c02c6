import { once } from 'node:events'
import { Agent, type ClientRequest, type IncomingMessage, request, type Server } from 'node:http'
import { type AddressInfo, connect, type Socket } from 'node:net'
import { gzipSync } from 'node:zlib'
import type { AuditEventPage, Problem } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase, waitFor } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { createPartitionManager } from '../src/db/partitions.js'
import { createApp } from '../src/http/app.js'
import { BodyBudget } from '../src/http/body-budget.js'
import { type CreateHttpServerOptions, createHttpServer } from '../src/http/node-server.js'
import { createLogger } from '../src/logger.js'
import { createMetrics } from '../src/metrics/service-metrics.js'
import type { AuditEventStore } from '../src/store/audit-event-store.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import { composeServiceStore } from '../src/store/service-store.js'
import { createEventWriter, type EventWriter } from '../src/write/event-writer.js'
import { logCapture } from './support/app.js'
import { uniqueCorrelationId, validEvent } from './support/events.js'
import { ADMIN_URL } from './support/postgres.js'

const P = 'https://audit-trail.dev/problems/'
const EVENTS = '/api/v1/audit/events'
const BATCH = '/api/v1/audit/events/batch'
const KiB = 1024

/** A budget that remembers the most it ever held, to check what a body could make the process hold. */
class RecordingBudget extends BodyBudget {
  peakBytes = 0
  override tryReserve(bytes: number): boolean {
    const ok = super.tryReserve(bytes)
    this.peakBytes = Math.max(this.peakBytes, this.inUseBytes)
    return ok
  }
}

interface EdgeServer {
  url: string
  port: number
  budget: RecordingBudget
  close(): Promise<void>
}

let database: TestDatabase
let db: DatabaseHandle
let store: AuditEventStore
const servers: EdgeServer[] = []

beforeAll(async () => {
  database = await createTestDatabase(ADMIN_URL)
  db = await openDatabase({ url: database.url })
  await migrateDatabase(db)
  const partitions = createPartitionManager(db.db)
  await partitions.ensureAhead()
  store = createAuditEventStore(db, { partitions })
})
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
  await store?.close()
  await database?.drop()
})

/**
 * The app on the service's HTTP server, as `startServer` assembles them, with a budget the test
 * can watch and, optionally, a write that waits for `gate` (so a request holds its body).
 */
async function startEdgeServer(
  options: {
    bodyLimitBytes?: number
    budgetBytes?: number
    gate?: Promise<void>
    onWrite?: () => void
    linger?: Pick<CreateHttpServerOptions, 'lingerIdleMs' | 'lingerMaxMs' | 'lingerMaxBytes'>
  } = {},
): Promise<EdgeServer> {
  const metrics = createMetrics({ defaultMetrics: false })
  const requests = composeServiceStore(store, { metrics }).requests
  const realWriter = createEventWriter({ store: requests, metrics })
  const { gate, onWrite } = options
  const writer: EventWriter = gate
    ? {
        write: async (events, writeOptions) => {
          onWrite?.()
          await gate
          return realWriter.write(events, writeOptions)
        },
      }
    : realWriter
  const bodyLimitBytes = options.bodyLimitBytes ?? 5 * 1024 * KiB
  const budget = new RecordingBudget(options.budgetBytes ?? 64 * 1024 * KiB)
  const logger = createLogger({ level: 'debug', destination: logCapture().stream })
  const app = createApp({
    store: requests,
    logger,
    metrics,
    writer,
    bodyBudget: budget,
    config: { bodyLimitBytes, maxBatchSize: 5000, unknownEventTypes: 'accept' },
  })
  const server: Server = createHttpServer({ fetch: app.fetch, logger, ...options.linger })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  const handle: EdgeServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    budget,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
  servers.push(handle)
  return handle
}

/** A valid event of a type outside the catalog, its event_data padded to about `bytes`. */
function paddedEvent(correlation_id: string, bytes: number) {
  return validEvent({
    correlation_id,
    event_type: 'edge.padding.created',
    event_data: { pad: 'x'.repeat(bytes) },
  })
}

async function storedCount(server: EdgeServer, correlationId: string): Promise<number> {
  const res = await fetch(`${server.url}${EVENTS}?correlation_id=${correlationId}&limit=1000`)
  expect(res.status).toBe(200)
  return ((await res.json()) as AuditEventPage).data.length
}

interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
  /** The server ended the connection after its answer. */
  closed: boolean
}

/**
 * Sends bytes over a raw TCP connection (fetch cannot send most malformed requests) and reads
 * until the server closes it; fails past `deadlineMs`.
 */
function rawExchange(port: number, data: string, deadlineMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(
        new Error(
          `no close within ${deadlineMs} ms; got ${JSON.stringify(Buffer.concat(chunks).toString())}`,
        ),
      )
    }, deadlineMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.on('end', () => {
      clearTimeout(timer)
      socket.end()
      const text = Buffer.concat(chunks).toString('utf8')
      const split = text.indexOf('\r\n\r\n')
      const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: text.slice(split + 4),
        closed: true,
      })
    })
    socket.write(data)
  })
}

describe('errors raised before the app answer problem+json and close the connection', () => {
  let server: EdgeServer
  beforeAll(async () => {
    server = await startEdgeServer()
  })

  const post = (headers: string, body = '') =>
    `POST ${EVENTS} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${headers}\r\n${body}`

  it.each<[string, number, string, RegExp, string]>([
    ['a Host with a space', 400, 'bad-request', /Host/, 'GET /healthz HTTP/1.1\r\nHost: exa mple\r\n\r\n'],
    ['a Host with userinfo', 400, 'bad-request', /Host header/, 'GET /healthz HTTP/1.1\r\nHost: a@b\r\n\r\n'],
    ['no Host (HTTP/1.1)', 400, 'bad-request', /Host header is required/, 'GET /healthz HTTP/1.1\r\n\r\n'],
    [
      'a backslash in the path',
      400,
      'bad-request',
      /backslash/,
      'GET /api\\v1/audit/events HTTP/1.1\r\nHost: x\r\n\r\n',
    ],
    ['OPTIONS *', 400, 'bad-request', /origin-form/, 'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n'],
    [
      'a Content-Length that is not a number',
      400,
      'bad-request',
      /Content-Length/,
      post('Content-Length: abc\r\n', '{}'),
    ],
    [
      'Content-Length and Transfer-Encoding together',
      400,
      'bad-request',
      /Transfer-Encoding/,
      post('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '2\r\n{}\r\n0\r\n\r\n'),
    ],
    [
      'Transfer-Encoding gzip',
      400,
      'bad-request',
      /Transfer-Encoding/,
      post('Transfer-Encoding: gzip\r\n', '{}'),
    ],
    [
      'a malformed chunk size',
      400,
      'bad-request',
      /chunk/,
      post('Transfer-Encoding: chunked\r\n', '2\r\n{}\r\nzz\r\n'),
    ],
    ['a request line that is not HTTP', 400, 'bad-request', /not valid HTTP/, 'HELLO\r\n\r\n'],
    [
      'headers over 16 KiB',
      431,
      'header-fields-too-large',
      /16384 bytes/,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * KiB)}\r\n\r\n`,
    ],
    [
      'Expect: bogus',
      417,
      'expectation-failed',
      /bogus/,
      post('Expect: bogus\r\nContent-Length: 2\r\n', '{}'),
    ],
  ])('%s → %i %s', async (_name, status, type, detail, data) => {
    const answer = await rawExchange(server.port, data)
    expect(answer.status).toBe(status)
    expect(answer.headers['content-type']).toBe('application/problem+json')
    expect(answer.headers.connection).toBe('close')
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body))
    const problem = JSON.parse(answer.body) as Problem
    expect(problem).toMatchObject({ type: P + type, status })
    expect(problem.detail).toMatch(detail)
    expect(answer.closed).toBe(true)
  })

  it('still serves a well-formed request on a raw connection', async () => {
    const answer = await rawExchange(
      server.port,
      'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    )
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ status: 'ok' })
  })
})

/** Sends one request over `agent`; resolves with the answer once the request is over, and every error it raised. */
function send(
  url: string,
  init: { method?: string; headers?: Record<string, string | number>; agent?: Agent },
  write: (req: ClientRequest) => void,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string; errors: string[] }> {
  return new Promise((resolve) => {
    const errors: string[] = []
    let answer: { status: number; headers: IncomingMessage['headers']; body: string } | undefined
    const req = request(url, { method: init.method ?? 'POST', headers: init.headers, agent: init.agent })
    req.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message))
    req.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('error', (error: NodeJS.ErrnoException) =>
        errors.push(`response ${error.code ?? error.message}`),
      )
      res.on('end', () => {
        answer = { status: res.statusCode ?? 0, headers: res.headers, body }
      })
    })
    // 'close' comes after the response (or the error): by then any reset would have been reported.
    req.on('close', () => resolve({ ...(answer ?? { status: 0, headers: {}, body: '' }), errors }))
    write(req)
  })
}

/** Resolves on 'drain' or 'close' (never rejects: `once()` would on an 'error' meanwhile). */
function drainedOrClosed(req: ClientRequest | Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done)
      req.off('close', done)
      resolve()
    }
    req.on('drain', done)
    req.on('close', done)
  })
}

/** Writes `total` bytes of JSON-ish filler in 16 KiB chunks, honouring backpressure, then ends. */
async function writeFiller(req: ClientRequest, total: number): Promise<void> {
  const chunk = Buffer.alloc(16 * KiB, 0x20)
  let sent = 0
  req.on('error', () => {})
  while (sent < total && !req.destroyed) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - sent))
    sent += piece.length
    if (!req.write(piece)) await drainedOrClosed(req)
  }
  req.end()
}

describe('an early answer on a body not read in full closes the connection cleanly', () => {
  const limit = 256 * KiB
  // More than the kernel buffers of a loopback connection hold: the client is still sending when
  // the answer comes, so a connection closed under it would fail its writes (EPIPE, ECONNRESET).
  const OVERSIZED = 16 * 1024 * KiB
  let server: EdgeServer
  beforeAll(async () => {
    server = await startEdgeServer({ bodyLimitBytes: limit })
  })

  it('413 for an oversized chunked body says Connection: close; a keep-alive client is not reset and its next request succeeds', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const first = await send(
        `${server.url}${BATCH}`,
        { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, agent },
        (req) => void writeFiller(req, OVERSIZED),
      )
      expect(first.errors).toEqual([])
      expect(first.status).toBe(413)
      expect(first.headers.connection).toBe('close')
      expect(JSON.parse(first.body)).toMatchObject({ type: `${P}payload-too-large` })

      const correlation_id = uniqueCorrelationId('after-413')
      const body = JSON.stringify(validEvent({ correlation_id }))
      const second = await send(
        `${server.url}${EVENTS}`,
        { headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, agent },
        (req) => req.end(body),
      )
      expect(second.errors).toEqual([])
      expect(second.status).toBe(201)
      expect(await storedCount(server, correlation_id)).toBe(1)
    } finally {
      agent.destroy()
    }
  })

  it('413 for a declared oversized body: answered unread, Connection: close, no reset while the client still sends', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const first = await send(
        `${server.url}${BATCH}`,
        { headers: { 'content-type': 'application/json', 'content-length': OVERSIZED }, agent },
        (req) => void writeFiller(req, OVERSIZED),
      )
      expect(first.errors).toEqual([])
      expect(first.status).toBe(413)
      expect(first.headers.connection).toBe('close')
      const second = await send(`${server.url}/healthz`, { method: 'GET', agent }, (req) => req.end())
      expect(second.errors).toEqual([])
      expect(second.status).toBe(200)
    } finally {
      agent.destroy()
    }
  })

  it('a 415 on a large unread body also closes; a small body read in full keeps the connection', async () => {
    const refused = await send(
      `${server.url}${EVENTS}`,
      { headers: { 'content-type': 'text/plain', 'content-length': OVERSIZED } },
      (req) => void writeFiller(req, OVERSIZED),
    )
    expect(refused.errors).toEqual([])
    expect(refused.status).toBe(415)
    expect(refused.headers.connection).toBe('close')

    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const small = await send(
        `${server.url}${EVENTS}`,
        { headers: { 'content-type': 'application/json', 'content-length': 2 }, agent },
        (req) => req.end('{}'),
      )
      expect(small.status).toBe(400)
      expect(small.headers.connection).toBe('keep-alive')
    } finally {
      agent.destroy()
    }
  })
})

describe('the lingering close after such an answer', () => {
  const limit = 64 * KiB

  /**
   * A client that keeps uploading after the answer (Node's client stops once answered with
   * `Connection: close`, so a raw socket): `chunks` of 16 KiB, `pauseMs` apart (0: as fast as
   * the connection takes them). Resolves with what it read and the error its writes met, if any.
   */
  async function uploadAfterAnswer(
    port: number,
    head: string,
    chunks: number,
    pauseMs: number,
  ): Promise<{ answer: string; error: string | undefined; closedByServer: boolean }> {
    // Half-open: the server's FIN (after its answer) does not end our side; we keep sending.
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true })
    let answer = ''
    let error: string | undefined
    let closedByServer = false
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString()
    })
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message
    })
    socket.on('end', () => {
      closedByServer = true
    })
    const closed = new Promise((resolve) => socket.once('close', resolve))
    socket.write(head)
    const chunk = Buffer.alloc(16 * KiB, 0x20)
    for (let i = 0; i < chunks && !socket.destroyed; i++) {
      if (!socket.write(chunk)) await drainedOrClosed(socket)
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs))
    }
    socket.end()
    await closed
    return { answer, error, closedByServer }
  }

  const head = (contentType: string, length: number) =>
    `POST ${EVENTS} HTTP/1.1\r\nHost: x\r\nContent-Type: ${contentType}\r\nContent-Length: ${length}\r\n\r\n`

  it('keeps reading a body nobody reads while it keeps coming, longer than the idle time in all', async () => {
    const server = await startEdgeServer({ bodyLimitBytes: limit, linger: { lingerIdleMs: 200 } })
    // 40 chunks 25 ms apart: about 1 s in all, never 200 ms without a byte. The body is never read
    // (415), so Node's parser drops it without a 'data' event: progress is counted on the socket.
    const result = await uploadAfterAnswer(server.port, head('text/plain', 40 * 16 * KiB), 40, 25)
    expect(result.error).toBeUndefined()
    expect(result.answer).toMatch(/^HTTP\/1\.1 415 [\s\S]*\r\nconnection: close\r\n/i)
    expect(result.closedByServer).toBe(true)
  })

  it('cuts a client that stops sending for the idle time', async () => {
    const server = await startEdgeServer({ bodyLimitBytes: limit, linger: { lingerIdleMs: 200 } })
    const socket = connect(server.port, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString()
    })
    socket.on('error', () => {})
    const closed = once(socket, 'close')
    socket.write(`${head('application/json', 4 * limit)}{`)
    // Answered 413 at once (declared too large); then the client sends nothing more and is cut.
    await waitFor('the 413', () => answer.includes('payload-too-large'))
    expect(answer).toMatch(/^HTTP\/1\.1 413 [\s\S]*\r\nconnection: close\r\n/i)
    await closed
  })

  it('cuts a client past lingerMaxBytes, after its answer', async () => {
    const server = await startEdgeServer({ bodyLimitBytes: limit, linger: { lingerMaxBytes: 256 * KiB } })
    // 16 KiB every 5 ms (some 3 MB/s): past 256 KiB within a check or two, long before its 64 MiB.
    const result = await uploadAfterAnswer(server.port, head('application/json', 64 * 1024 * KiB), 4096, 5)
    expect(result.answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(result.error).toMatch(/EPIPE|ECONNRESET/)
  })
})

describe('the body budget', () => {
  const limit = 64 * KiB

  it('refuses a body that does not fit with 503, Retry-After and Connection: close, unread; reservations last until the response is sent', async () => {
    let releaseGate!: () => void
    const gate = new Promise<void>((resolve) => {
      releaseGate = resolve
    })
    let writes = 0
    const server = await startEdgeServer({
      bodyLimitBytes: limit,
      budgetBytes: limit,
      gate,
      onWrite: () => writes++,
    })

    // A: a valid body of ~40 KiB, read, parsed and validated, then held in the write.
    const correlation_id = uniqueCorrelationId('budget')
    const heldBody = JSON.stringify(paddedEvent(correlation_id, 40 * KiB))
    const held = send(
      `${server.url}${EVENTS}`,
      { headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(heldBody) } },
      (req) => req.end(heldBody),
    )
    await waitFor('A to reach the write', () => writes === 1)
    // Parsed and validated: still reserved while the response is pending.
    expect(server.budget.inUseBytes).toBe(Buffer.byteLength(heldBody))

    // B: 30 KiB declared does not fit next to A.
    const otherId = uniqueCorrelationId('budget-refused')
    const refusedBody = JSON.stringify(paddedEvent(otherId, 30 * KiB))
    const refused = await send(
      `${server.url}${EVENTS}`,
      { headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(refusedBody) } },
      (req) => req.end(refusedBody),
    )
    expect(refused.errors).toEqual([])
    expect(refused.status).toBe(503)
    expect(refused.headers['retry-after']).toBe('1')
    expect(refused.headers.connection).toBe('close')
    expect(refused.headers['content-type']).toBe('application/problem+json')
    expect(JSON.parse(refused.body)).toMatchObject({ type: `${P}body-budget-exhausted`, status: 503 })
    expect(writes).toBe(1)
    expect(server.budget.inUseBytes).toBe(Buffer.byteLength(heldBody))

    // A chunked body is reserved chunk by chunk: it is stopped once it no longer fits.
    const chunked = await send(
      `${server.url}${BATCH}`,
      { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (req) => void writeFiller(req, 60 * KiB),
    )
    expect(chunked.errors).toEqual([])
    expect(chunked.status).toBe(503)
    expect(chunked.headers.connection).toBe('close')

    releaseGate()
    expect((await held).status).toBe(201)
    await waitFor('every reservation to be released', () => server.budget.inUseBytes === 0)
    expect(server.budget.peakBytes).toBeLessThanOrEqual(limit)

    // Retried once the budget is free, B is stored.
    const retried = await fetch(`${server.url}${EVENTS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: refusedBody,
    })
    expect(retried.status).toBe(201)
    expect(await storedCount(server, otherId)).toBe(1)
    await waitFor('the retry to release its reservation', () => server.budget.inUseBytes === 0)
  })

  it('releases the reservation of a client that disconnects mid-body', async () => {
    const server = await startEdgeServer({ bodyLimitBytes: limit, budgetBytes: limit })
    const req = request(`${server.url}${EVENTS}`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': 32 * KiB },
    })
    req.on('error', () => {})
    req.write(Buffer.alloc(8 * KiB, 0x20))
    await waitFor('the body to be reserved', () => server.budget.inUseBytes === 32 * KiB)
    req.destroy()
    await waitFor('the reservation to be released', () => server.budget.inUseBytes === 0)
  })

  it('is released after app.request() too, where there is no Node response to wait for', async () => {
    const metrics = createMetrics({ defaultMetrics: false })
    const budget = new BodyBudget(limit)
    const app = createApp({
      store: composeServiceStore(store, { metrics }).requests,
      logger: createLogger({ level: 'silent' }),
      metrics,
      bodyBudget: budget,
      config: { bodyLimitBytes: limit, maxBatchSize: 10, unknownEventTypes: 'accept' },
    })
    const res = await app.request(EVENTS, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(res.status).toBe(400)
    expect(budget.inUseBytes).toBe(0)
  })
})

describe('Content-Encoding', () => {
  const limit = 256 * KiB
  let server: EdgeServer
  beforeAll(async () => {
    server = await startEdgeServer({ bodyLimitBytes: limit })
  })

  const post = (path: string, body: Uint8Array | string, headers: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })

  it('stores a gzip body exactly as it was before compression', async () => {
    const correlation_id = uniqueCorrelationId('gzip')
    const events = Array.from({ length: 20 }, (_, i) =>
      validEvent({
        correlation_id,
        event_action: `received_${i}`,
        event_data: {
          event_type: 'gateway.signal.received',
          signal_type: 'alert',
          signal_name: `Ünïcødé ✓ ${i}`,
          namespace: 'payments',
          fingerprint: `fp-${i}`,
        },
      }),
    )
    const res = await post(BATCH, gzipSync(JSON.stringify(events)), { 'content-encoding': 'gzip' })
    expect(res.status).toBe(201)
    const page = (await (
      await fetch(`${server.url}${EVENTS}?correlation_id=${correlation_id}&limit=100`)
    ).json()) as AuditEventPage
    const stored = page.data
      .map(({ event_id: _id, ...rest }) => rest)
      .sort((a, b) => a.event_action.localeCompare(b.event_action, 'en', { numeric: true }))
    expect(stored).toEqual(events.map((e) => expect.objectContaining(e)))
  })

  it.each(['x-gzip', 'GZIP', ' gzip '])('accepts %j as gzip', async (coding) => {
    const correlation_id = uniqueCorrelationId('x-gzip')
    const res = await post(EVENTS, gzipSync(JSON.stringify(validEvent({ correlation_id }))), {
      'content-encoding': coding,
    })
    expect(res.status).toBe(201)
    expect(await storedCount(server, correlation_id)).toBe(1)
  })

  it('accepts identity as no coding', async () => {
    const correlation_id = uniqueCorrelationId('identity')
    const res = await post(EVENTS, JSON.stringify(validEvent({ correlation_id })), {
      'content-encoding': 'identity',
    })
    expect(res.status).toBe(201)
  })

  /** A valid event as JSON, so that only its coding can be at fault. */
  const eventJson = (correlation_id: string) => JSON.stringify(validEvent({ correlation_id }))
  it.each<[string, number, string, RegExp, (correlation_id: string) => Buffer]>([
    ['a plain body labelled gzip', 400, 'bad-request', /not valid gzip/, (id) => Buffer.from(eventJson(id))],
    [
      'a truncated gzip body',
      400,
      'bad-request',
      /not valid gzip/,
      (id) => gzipSync(eventJson(id)).subarray(0, 40),
    ],
    [
      'gzip followed by garbage',
      400,
      'bad-request',
      /not valid gzip/,
      (id) => Buffer.concat([gzipSync(eventJson(id)), Buffer.from('garbage!')]),
    ],
    [
      'gzip of invalid UTF-8',
      400,
      'malformed-json',
      /UTF-8/,
      () => gzipSync(Buffer.from([0x7b, 0xff, 0x7d])),
    ],
    ['gzip of nothing', 400, 'malformed-json', /empty/, () => gzipSync(Buffer.alloc(0))],
    ['gzip of invalid JSON', 400, 'malformed-json', /not valid JSON/, () => gzipSync('{"version":')],
  ])('refuses %s (%i %s), storing nothing', async (_name, status, type, detail, body) => {
    const correlation_id = uniqueCorrelationId('bad-gzip')
    const res = await post(EVENTS, body(correlation_id), { 'content-encoding': 'gzip' })
    expect(res.status).toBe(status)
    const problem = (await res.json()) as Problem
    expect(problem).toMatchObject({ type: P + type })
    expect(problem.detail).toMatch(detail)
    expect(await storedCount(server, correlation_id)).toBe(0)
  })

  it('refuses a small gzip body that inflates past the limit with 413, never inflating it whole', async () => {
    const budget = server.budget
    budget.peakBytes = 0
    // 64 MiB of spaces in a JSON array: about 64 KiB compressed.
    const bomb = gzipSync(
      Buffer.concat([Buffer.from('['), Buffer.alloc(64 * 1024 * KiB, 0x20), Buffer.from(']')]),
    )
    expect(bomb.length).toBeLessThan(limit)
    const res = await post(BATCH, bomb, { 'content-encoding': 'gzip' })
    expect(res.status).toBe(413)
    const problem = (await res.json()) as Problem
    expect(problem).toMatchObject({ type: `${P}payload-too-large` })
    expect(problem.detail).toContain(`decompressed request body exceeds the limit of ${limit} bytes`)
    // Stopped within one decompressed chunk past the limit.
    expect(budget.peakBytes).toBeLessThanOrEqual(limit + 64 * KiB)
    await waitFor('the reservation to be released', () => budget.inUseBytes === 0)
  })

  it('a gzip body is limited as sent too', async () => {
    const incompressible = gzipSync(
      Buffer.from(Array.from({ length: 2 * limit }, (_, i) => (i * 7919) % 251)),
      { level: 0 },
    )
    const res = await post(EVENTS, incompressible, { 'content-encoding': 'gzip' })
    expect(res.status).toBe(413)
    expect(((await res.json()) as Problem).detail).toContain('The request body exceeds')
  })

  it.each(['deflate', 'br', 'compress', 'zstd', 'gzip, gzip', 'gzip, identity', 'bogus'])(
    'refuses Content-Encoding %j with 415, storing nothing',
    async (coding) => {
      const correlation_id = uniqueCorrelationId('coding')
      const res = await post(EVENTS, JSON.stringify(validEvent({ correlation_id })), {
        'content-encoding': coding,
      })
      expect(res.status).toBe(415)
      const problem = (await res.json()) as Problem
      expect(problem).toMatchObject({ type: `${P}unsupported-content-encoding`, status: 415 })
      expect(problem.detail).toContain(JSON.stringify(coding))
      expect(await storedCount(server, correlation_id)).toBe(0)
    },
  )
})
