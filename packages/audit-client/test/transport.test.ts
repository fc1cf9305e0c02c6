import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { waitFor } from '@audit-trail/test-infra'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAuditClient, HttpError, TransportError } from '../src/index.js'
import { createHttpTransport } from '../src/transport.js'
import { expectReconciled, validEvent } from './helpers/harness.js'

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void

/**
 * A real HTTP server on loopback; records the client socket of every request and keeps the
 * server's end of every open connection. With `holdConnections` neither side closes an idle
 * connection on its own (no server keep-alive timeout, and `Keep-Alive: timeout=600` tells the
 * client to keep it 10 minutes), so a connection ends only when the client closes it.
 */
async function startServer(handler: Handler, { holdConnections = false } = {}) {
  const sockets: number[] = []
  const connections = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    if (holdConnections) res.setHeader('keep-alive', 'timeout=600')
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      sockets.push(req.socket.remotePort ?? -1)
      handler(req, body, res)
    })
  })
  if (holdConnections) server.keepAliveTimeout = 0
  server.on('connection', (socket: Socket) => {
    connections.add(socket)
    socket.once('close', () => connections.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    sockets,
    /** The server's ends of the connections not closed yet. */
    connections,
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

const created: Handler = (_req, body, res) => {
  const events = JSON.parse(body) as { event_id: string }[]
  res.writeHead(201, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ event_ids: events.map((e) => e.event_id), created: events.length, duplicates: 0 }))
}

const event = {
  ...validEvent(1),
  version: '1.0',
  event_id: '01890a5d-ac96-774b-bcce-b302099a8057',
  event_timestamp: '2026-01-01T00:00:00Z',
} as never

/**
 * Timers and sockets alive now, as `process.getActiveResourcesInfo()` names them: only ref'd ones,
 * so neither an unref'd timer nor an idle keep-alive socket of the agent (which unrefs those) counts.
 */
function activeHandles(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1
  return counts
}

describe('HTTP transport (real server on loopback)', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  afterEach(async () => {
    await server?.stop()
    server = undefined
  })

  it('posts the batch to /api/v1/audit/events/batch as JSON and reads 201 counts', async () => {
    let seen: { method?: string; url?: string; type?: string; agent?: string } = {}
    server = await startServer((req, body, res) => {
      seen = {
        method: req.method,
        url: req.url,
        type: req.headers['content-type'],
        agent: req.headers['user-agent'],
      }
      const events = JSON.parse(body) as unknown[]
      res.writeHead(201, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ event_ids: [], created: events.length - 1, duplicates: 1 }))
    })
    const transport = createHttpTransport({
      baseUrl: server.baseUrl,
      requestTimeoutMs: 5000,
      userAgent: 'ua-test',
    })
    await expect(transport.send([event, event])).resolves.toEqual({
      status: 'created',
      created: 1,
      duplicates: 1,
    })
    expect(seen).toEqual({
      method: 'POST',
      url: '/api/v1/audit/events/batch',
      type: 'application/json',
      agent: 'ua-test',
    })
    await transport.close()
  })

  it('keeps the connection alive across batches', async () => {
    server = await startServer(created)
    const transport = createHttpTransport({ baseUrl: server.baseUrl, requestTimeoutMs: 5000 })
    for (let i = 0; i < 10; i++) await transport.send([event])
    // Ten requests over the pool's sockets (2 by default), not one connection per request.
    expect(server.sockets).toHaveLength(10)
    expect(new Set(server.sockets).size).toBeLessThanOrEqual(2)
    await transport.close()
  })

  it('sends at most `connections` requests at once, over that many sockets', async () => {
    let open = 0
    let maxOpen = 0
    server = await startServer((req, body, res) => {
      open++
      maxOpen = Math.max(maxOpen, open)
      setTimeout(() => {
        open--
        created(req, body, res)
      }, 20)
    })
    const transport = createHttpTransport({ baseUrl: server.baseUrl, requestTimeoutMs: 5000, connections: 2 })
    await Promise.all(Array.from({ length: 6 }, () => transport.send([event])))
    expect(server.sockets).toHaveLength(6)
    expect(new Set(server.sockets).size).toBeLessThanOrEqual(2)
    expect(maxOpen).toBeLessThanOrEqual(2)
    await transport.close()
  })

  it('times out a request after requestTimeoutMs with a retryable REQUEST_TIMEOUT', async () => {
    server = await startServer(() => {})
    const transport = createHttpTransport({ baseUrl: server.baseUrl, requestTimeoutMs: 200 })
    const started = Date.now()
    const error = await transport.send([event]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).code).toBe('REQUEST_TIMEOUT')
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(Date.now() - started).toBeLessThan(2000)
    await transport.close()
  })

  it('turns a refused connection into a TRANSPORT_ERROR', async () => {
    server = await startServer(created)
    const baseUrl = server.baseUrl
    await server.stop()
    server = undefined
    const transport = createHttpTransport({ baseUrl, requestTimeoutMs: 2000 })
    const error = await transport.send([event]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).code).toBe('TRANSPORT_ERROR')
    await transport.close()
  })

  it('names the network error in the TRANSPORT_ERROR: ECONNREFUSED, socket hang up', async () => {
    server = await startServer((req) => req.socket.destroy())
    const dropping = createHttpTransport({ baseUrl: server.baseUrl, requestTimeoutMs: 2000 })
    const hangUp = (await dropping.send([event]).catch((e: unknown) => e)) as TransportError
    expect(hangUp).toMatchObject({ code: 'TRANSPORT_ERROR' })
    expect(hangUp.message).toBe(`request to ${server.baseUrl} failed: socket hang up`)
    expect(hangUp.cause).toMatchObject({ code: 'ECONNRESET' })
    await dropping.close()
    const baseUrl = server.baseUrl
    await server.stop()
    server = undefined
    const refused = createHttpTransport({ baseUrl, requestTimeoutMs: 2000 })
    const error = (await refused.send([event]).catch((e: unknown) => e)) as TransportError
    expect(error.message).toMatch(
      /^request to http:\/\/127\.0\.0\.1:\d+ failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
    )
    expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' })
    await refused.close()
  })

  it('sends to an https base URL over TLS (here a plain HTTP server: the handshake fails)', async () => {
    server = await startServer(created)
    const transport = createHttpTransport({
      baseUrl: server.baseUrl.replace('http:', 'https:'),
      requestTimeoutMs: 2000,
    })
    const error = await transport.send([event]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).code).toBe('TRANSPORT_ERROR')
    expect(server.sockets).toHaveLength(0)
    await transport.close()
  })

  it('with an injected fetch, sends through it and close() has no socket to release', async () => {
    const calls: string[] = []
    const transport = createHttpTransport({
      baseUrl: 'http://ds.test',
      requestTimeoutMs: 2000,
      fetch: async (input) => {
        calls.push(input instanceof Request ? `${input.method} ${input.url}` : String(input))
        return new Response(JSON.stringify({ event_ids: [], created: 1, duplicates: 0 }), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        })
      },
    })
    await expect(transport.send([event])).resolves.toEqual({ status: 'created', created: 1, duplicates: 0 })
    expect(calls).toEqual(['POST http://ds.test/api/v1/audit/events/batch'])
    await expect(transport.close()).resolves.toBeUndefined()
  })

  it('reads problem+json and Retry-After into an HttpError', async () => {
    server = await startServer((_req, _body, res) => {
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '3' })
      res.end(JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, detail: 'db down' }))
    })
    const transport = createHttpTransport({ baseUrl: server.baseUrl, requestTimeoutMs: 2000 })
    const error = (await transport.send([event]).catch((e: unknown) => e)) as HttpError
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 503, retryAfterMs: 3000, problem: { detail: 'db down' } })
    expect(error.message).toContain('db down')
    await transport.close()
  })

  it('reads a plain-text error body', async () => {
    server = await startServer((_req, _body, res) => {
      res.writeHead(502, { 'content-type': 'text/plain' })
      res.end('bad gateway from proxy')
    })
    const transport = createHttpTransport({ baseUrl: server.baseUrl, requestTimeoutMs: 2000 })
    const error = (await transport.send([event]).catch((e: unknown) => e)) as HttpError
    expect(error.status).toBe(502)
    expect(error.message).toContain('bad gateway from proxy')
    await transport.close()
  })

  it('reads a 202 (queued in the service DLQ)', async () => {
    server = await startServer((_req, _body, res) => {
      res.writeHead(202, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: 'accepted', queued: 2 }))
    })
    const transport = createHttpTransport({ baseUrl: server.baseUrl, requestTimeoutMs: 2000 })
    await expect(transport.send([event, event])).resolves.toEqual({ status: 'accepted', queued: 2 })
    await transport.close()
  })

  it('asks the token provider again after a 401 and re-sends once with the new token', async () => {
    const seen: (string | undefined)[] = []
    server = await startServer((req, body, res) => {
      seen.push(req.headers.authorization)
      if (req.headers.authorization === 'Bearer fresh') return created(req, body, res)
      res.writeHead(401, { 'content-type': 'application/problem+json' })
      res.end(JSON.stringify({ title: 'Unauthorized', status: 401 }))
    })
    const tokens = ['stale', 'fresh']
    const transport = createHttpTransport({
      baseUrl: server.baseUrl,
      requestTimeoutMs: 2000,
      token: () => tokens.shift() ?? 'none',
    })
    await expect(transport.send([event])).resolves.toMatchObject({ status: 'created', created: 1 })
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh'])
    await transport.close()
  })

  it('times out a token provider that hangs, like the request itself', async () => {
    server = await startServer(created)
    const transport = createHttpTransport({
      baseUrl: server.baseUrl,
      requestTimeoutMs: 100,
      token: () => new Promise<string>(() => {}),
    })
    const error = await transport.send([event]).catch((e: unknown) => e)
    expect((error as TransportError).code).toBe('REQUEST_TIMEOUT')
    expect(server.sockets).toHaveLength(0)
    await transport.close()
  })

  it('aborts when the caller’s signal fires, with the caller’s reason', async () => {
    let received!: () => void
    const inFlight = new Promise<void>((resolve) => {
      received = resolve
    })
    // The server takes the request and never answers.
    server = await startServer(() => received())
    const transport = createHttpTransport({ baseUrl: server.baseUrl, requestTimeoutMs: 10_000 })
    const controller = new AbortController()
    const sending = transport.send([event], controller.signal)
    // Abort once the request is at the server, i.e. in flight (not after a delay that hopes so);
    // a send that failed before would fail the test here with its own error.
    await Promise.race([inFlight, sending])
    controller.abort(new Error('closing'))
    await expect(sending).rejects.toThrow('closing')
    const already = new AbortController()
    already.abort(new Error('already'))
    await expect(transport.send([event], already.signal)).rejects.toThrow('already')
    await transport.close()
  })
})

describe('no open handle after close() (real timers, real server)', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  beforeEach(async () => {
    // Connections stay open until the client closes them: a leaked socket cannot be hidden by an
    // idle timeout of either side closing it while the test waits.
    server = await startServer(created, { holdConnections: true })
  })
  afterEach(async () => {
    await server.stop()
  })

  // No fixed sleeps: each step waits for a state, up to 5 s, which only runs out when something leaks.
  it('leaves no Timeout and no client socket behind', { timeout: 30_000 }, async () => {
    // Start from none rather than from a baseline: as a test starts, the runner arms a ref'd 100 ms
    // timer (its throttled task update), and the previous test's server socket may still be
    // closing; counted in a baseline, they would hide a leaked Timeout or socket.
    await waitFor(
      "no ref'd Timeout or socket left from before",
      () => {
        expect(activeHandles()).not.toHaveProperty('Timeout')
        expect(activeHandles()).not.toHaveProperty('TCPSocketWrap')
      },
      5000,
      5,
    )
    const client = createAuditClient({
      baseUrl: server.baseUrl,
      service: 'handles',
      flushIntervalMs: 50,
      batchSize: 10,
    })
    for (let i = 0; i < 25; i++) client.emit(validEvent(i))
    // Two batches go at once, the last 5 events when the flush timer fires and a send slot is free.
    // A send in flight holds its ref'd request timeout: wait until all three are answered.
    await waitFor(
      'every send answered',
      () => expect(client.stats()).toMatchObject({ persisted: 25, pending: 0 }),
      5000,
      5,
    )
    expect(activeHandles().Timeout ?? 0).toBe(0)
    // The flush timer is armed again, but unref'd: it does not count as keeping the process alive.
    client.emit(validEvent(99))
    expect(activeHandles().Timeout ?? 0).toBe(0)
    // The agent's keep-alive connections are open until close().
    expect(server.connections.size).toBeGreaterThan(0)
    const stats = await client.close()
    expectReconciled(stats)
    expect(stats).toMatchObject({ emitted: 26, persisted: 26, pending: 0 })
    expect(activeHandles().Timeout ?? 0).toBe(0)
    // close() destroyed the agent's sockets; the server's end of each closes once it reads the FIN.
    // Nothing else closes them (holdConnections), so they stay open if the client's sockets do.
    await waitFor("the server's ends to close", () => expect(server.connections.size).toBe(0), 5000, 5)
    expect(activeHandles().TCPSocketWrap ?? 0).toBe(0)
  })
})
