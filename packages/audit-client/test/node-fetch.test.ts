import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib'
import { waitFor } from '@audit-trail/test-infra'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeFetch, type NodeFetch } from '../src/node-fetch.js'

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void

interface Seen {
  method: string | undefined
  url: string | undefined
  headers: IncomingMessage['headers']
  body: string
  port: number
}

/** A loopback server that records each request (and its client port) and the open connections. */
async function startServer(handler: Handler) {
  const seen: Seen[] = []
  const connections = new Set<Socket>()
  let open = 0
  let maxOpen = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: body.toString('utf8'),
        port: req.socket.remotePort ?? -1,
      })
      handler(req, body, res)
    })
  })
  server.on('connection', (socket: Socket) => {
    connections.add(socket)
    open++
    maxOpen = Math.max(maxOpen, open)
    socket.once('close', () => {
      connections.delete(socket)
      open--
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    connections,
    maxOpen: () => maxOpen,
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

const ok: Handler = (_req, _body, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('ok')
}

/** The rejection of `promise` (the test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error & { cause?: Error & { code?: string } }> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${String(outcome.value)}`)
  return outcome.error as Error & { cause?: Error & { code?: string } }
}

const servers: Awaited<ReturnType<typeof startServer>>[] = []
const pools: NodeFetch[] = []
async function serve(handler: Handler) {
  const server = await startServer(handler)
  servers.push(server)
  return server
}
function pool(options: Partial<Parameters<typeof createNodeFetch>[0]> = {}) {
  const created = createNodeFetch({ maxSockets: 2, ...options })
  pools.push(created)
  return created
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
  await Promise.all(servers.splice(0).map((s) => s.stop()))
})

describe('createNodeFetch: requests', () => {
  it('sends a Request’s method, headers and body with a Content-Length, and reads the Response', async () => {
    const server = await serve((_req, _body, res) => {
      res.writeHead(201, 'Made', [
        'content-type',
        'application/json',
        'x-multi',
        'a',
        'x-multi',
        'b',
        'retry-after',
        '3',
      ])
      res.end('{"created":1}')
    })
    const { fetch } = pool()
    const request = new Request(`${server.url}/api/v1/x?y=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: '{"a":"é"}',
    })
    const response = await fetch(request)
    expect(response.status).toBe(201)
    expect(response.statusText).toBe('Made')
    expect(response.ok).toBe(true)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('x-multi')).toBe('a, b')
    expect(response.headers.get('retry-after')).toBe('3')
    await expect(response.json()).resolves.toEqual({ created: 1 })
    expect(server.seen).toEqual([
      expect.objectContaining({ method: 'POST', url: '/api/v1/x?y=1', body: '{"a":"é"}' }),
    ])
    const headers = server.seen[0]!.headers
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer t',
      'content-length': String(Buffer.byteLength('{"a":"é"}')),
      accept: '*/*',
      'user-agent': 'node',
      host: `127.0.0.1:${server.port}`,
    })
    expect(headers['transfer-encoding']).toBeUndefined()
  })

  it('takes a URL and init like fetch: a Uint8Array body, a GET without one, an empty POST', async () => {
    const server = await serve(ok)
    const { fetch } = pool()
    await fetch(new URL(`${server.url}/bytes`), {
      method: 'PUT',
      body: new TextEncoder().encode('bytes'),
      headers: { 'user-agent': 'mine' },
    })
    await fetch(`${server.url}/get`)
    await fetch(`${server.url}/empty`, { method: 'POST' })
    expect(server.seen.map((s) => [s.method, s.url, s.body, s.headers['content-length']])).toEqual([
      ['PUT', '/bytes', 'bytes', '5'],
      ['GET', '/get', '', undefined],
      ['POST', '/empty', '', '0'],
    ])
    expect(server.seen[0]!.headers['user-agent']).toBe('mine')
  })

  it('gives a null body for a 204 and for a HEAD, and a text body for an error status', async () => {
    const server = await serve((req, _body, res) => {
      if (req.url === '/none') {
        res.writeHead(204)
        res.end()
      } else {
        res.writeHead(503, { 'content-type': 'text/plain' })
        res.end('down')
      }
    })
    const { fetch } = pool()
    const none = await fetch(`${server.url}/none`, { method: 'POST', body: 'x' })
    expect(none.status).toBe(204)
    expect(none.body).toBeNull()
    const head = await fetch(`${server.url}/down`, { method: 'HEAD' })
    expect(head.status).toBe(503)
    expect(head.body).toBeNull()
    const down = await fetch(`${server.url}/down`)
    expect(down.ok).toBe(false)
    await expect(down.text()).resolves.toBe('down')
  })

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateRawSync],
  ] as const)('decodes a %s body', async (coding, encode) => {
    const server = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-encoding': coding })
      res.end(encode(Buffer.from('{"decoded":true}')))
    })
    const { fetch } = pool()
    await expect((await fetch(server.url)).json()).resolves.toEqual({ decoded: true })
  })

  it('rejects a body it cannot decode as a network error', async () => {
    const server = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' })
      res.end('not gzip')
    })
    const { fetch } = pool()
    const error = await rejection(fetch(server.url))
    expect(error).toBeInstanceOf(TypeError)
    expect(error.message).toBe('fetch failed')
  })
})

describe('createNodeFetch: connections', () => {
  it('keeps connections alive and opens at most maxSockets per origin', async () => {
    const server = await serve((_req, _body, res) => {
      setTimeout(() => ok(_req, _body, res), 20)
    })
    const { fetch } = pool({ maxSockets: 2 })
    await Promise.all(Array.from({ length: 8 }, () => fetch(server.url, { method: 'POST', body: 'x' })))
    for (let i = 0; i < 4; i++) await fetch(server.url)
    expect(server.seen).toHaveLength(12)
    expect(new Set(server.seen.map((s) => s.port)).size).toBeLessThanOrEqual(2)
    expect(server.maxOpen()).toBeLessThanOrEqual(2)
  })

  it('closes a connection idle for keepAliveTimeoutMs', async () => {
    const server = await serve(ok)
    const { fetch } = pool({ keepAliveTimeoutMs: 50 })
    await (await fetch(server.url)).text()
    expect(server.connections.size).toBe(1)
    await waitFor('the idle connection to close', () => expect(server.connections.size).toBe(0), 5000, 5)
  })

  it('lets a request without socketTimeoutMs take longer than keepAliveTimeoutMs', async () => {
    const server = await serve((req, body, res) => setTimeout(() => ok(req, body, res), 150))
    const { fetch } = pool({ keepAliveTimeoutMs: 50 })
    await expect((await fetch(server.url)).text()).resolves.toBe('ok')
  })

  it('close() waits for a request in flight, then destroys every socket and refuses new requests', async () => {
    let answer!: () => void
    // The first request is answered at once, the second when the test says so.
    const server = await serve((req, body, res) => {
      if (req.url === '/held') answer = () => ok(req, body, res)
      else ok(req, body, res)
    })
    const p = pool()
    await (await p.fetch(server.url)).text()
    const inFlight = p.fetch(`${server.url}/held`)
    await waitFor('the request at the server', () => server.seen.length === 2, 5000, 5)
    let closed = false
    const closing = p.close().then(() => {
      closed = true
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(closed).toBe(false)
    answer()
    await expect((await inFlight).text()).resolves.toBe('ok')
    await closing
    expect(p.close()).toBe(p.close())
    await waitFor("the server's ends to close", () => expect(server.connections.size).toBe(0), 5000, 5)
    const refused = await rejection(p.fetch(server.url))
    expect(refused).toBeInstanceOf(TypeError)
    expect(refused.cause?.message).toMatch(/closed/)
    expect(server.seen).toHaveLength(2)
  })

  it('close() with no request ever made resolves', async () => {
    await expect(createNodeFetch({ maxSockets: 1 }).close()).resolves.toBeUndefined()
  })
})

describe('createNodeFetch: failures', () => {
  it('rejects a refused connection with TypeError("fetch failed") caused by ECONNREFUSED', async () => {
    const server = await startServer(ok)
    await server.stop()
    const error = await rejection(pool().fetch(server.url))
    expect(error).toBeInstanceOf(TypeError)
    expect(error.message).toBe('fetch failed')
    expect(error.cause?.code).toBe('ECONNREFUSED')
    expect(error.cause?.message).toMatch(/ECONNREFUSED/)
  })

  it('rejects a connection the server drops before answering (socket hang up, ECONNRESET)', async () => {
    const server = await serve((req) => req.socket.destroy())
    const error = await rejection(pool().fetch(server.url, { method: 'POST', body: 'x' }))
    expect(error.message).toBe('fetch failed')
    expect(error.cause?.code).toBe('ECONNRESET')
    expect(error.cause?.message).toBe('socket hang up')
  })

  it('rejects a response cut off in its body', async () => {
    const server = await serve((req, _body, res) => {
      res.writeHead(200, { 'content-length': '100' })
      res.write('partial', () => req.socket.destroy())
    })
    const error = await rejection(pool().fetch(server.url))
    expect(error.message).toBe('fetch failed')
    expect(error.cause?.code).toBe('ECONNRESET')
  })

  it('destroys a request whose socket stays silent socketTimeoutMs (ETIMEDOUT)', async () => {
    const server = await serve(() => {})
    const started = Date.now()
    const error = await rejection(pool({ socketTimeoutMs: 100 }).fetch(server.url))
    expect(error.message).toBe('fetch failed')
    expect(error.cause?.code).toBe('ETIMEDOUT')
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
    await waitFor("the server's end to close", () => expect(server.connections.size).toBe(0), 5000, 5)
  })

  it('takes an https URL through TLS (a plain HTTP server fails the handshake)', async () => {
    const server = await serve(ok)
    const error = await rejection(pool().fetch(server.url.replace('http:', 'https:')))
    expect(error.message).toBe('fetch failed')
    expect(error.cause).toBeInstanceOf(Error)
    expect(server.seen).toHaveLength(0)
  })

  it('rejects (does not throw) what is not a valid request, like fetch', async () => {
    const { fetch } = pool()
    const pending = fetch('not a url')
    await expect(pending).rejects.toBeInstanceOf(TypeError)
    await expect(fetch('http://127.0.0.1/', { method: 'GET', body: 'x' })).rejects.toBeInstanceOf(TypeError)
  })

  it('refuses a scheme other than http and https', async () => {
    const error = await rejection(pool().fetch('ftp://127.0.0.1/x'))
    expect(error.message).toBe('fetch failed')
    expect(error.cause?.message).toMatch(/unsupported protocol ftp:/)
  })
})

describe('createNodeFetch: abort', () => {
  it('aborts a request waiting for its answer with the signal’s reason and drops the connection', async () => {
    const server = await serve(() => {})
    const controller = new AbortController()
    const sending = pool().fetch(server.url, { method: 'POST', body: 'x', signal: controller.signal })
    await waitFor('the request at the server', () => server.seen.length === 1, 5000, 5)
    const reason = new Error('give up')
    controller.abort(reason)
    await expect(sending).rejects.toBe(reason)
    await waitFor("the server's end to close", () => expect(server.connections.size).toBe(0), 5000, 5)
  })

  it('aborts while the body is read', async () => {
    const server = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-length': '100' })
      res.write('partial')
    })
    const controller = new AbortController()
    const sending = pool().fetch(server.url, { signal: controller.signal })
    await waitFor('the request at the server', () => server.seen.length === 1, 5000, 5)
    await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort(new Error('late'))
    await expect(sending).rejects.toThrow('late')
  })

  it('sends nothing for a signal aborted already; a default reason is an AbortError', async () => {
    const server = await serve(ok)
    const controller = new AbortController()
    controller.abort()
    const error = await rejection(pool().fetch(server.url, { signal: controller.signal }))
    expect(error.name).toBe('AbortError')
    expect(server.seen).toHaveLength(0)
  })

  it('follows the abort of the signal a Request was built with', async () => {
    const server = await serve(() => {})
    const controller = new AbortController()
    const sending = pool().fetch(new Request(server.url, { signal: controller.signal }))
    await waitFor('the request at the server', () => server.seen.length === 1, 5000, 5)
    controller.abort(new Error('outer'))
    await expect(sending).rejects.toThrow('outer')
  })
})

describe('createNodeFetch: redirects', () => {
  it('re-sends method and body on a 307, and turns a POST into a GET on a 303', async () => {
    const server = await serve((req, _body, res) => {
      if (req.url === '/307') res.writeHead(307, { location: '/to-307' }).end()
      else if (req.url === '/303') res.writeHead(303, { location: '/to-303' }).end('moved')
      else ok(req, _body, res)
    })
    const { fetch } = pool()
    const init = { method: 'POST', body: 'payload', headers: { 'content-type': 'text/plain' } }
    expect((await fetch(`${server.url}/307`, init)).status).toBe(200)
    expect((await fetch(`${server.url}/303`, init)).status).toBe(200)
    expect(server.seen.map((s) => [s.method, s.url, s.body, s.headers['content-type']])).toEqual([
      ['POST', '/307', 'payload', 'text/plain'],
      ['POST', '/to-307', 'payload', 'text/plain'],
      ['POST', '/303', 'payload', 'text/plain'],
      ['GET', '/to-303', '', undefined],
    ])
  })

  it('drops Authorization when redirected to another origin', async () => {
    const other = await serve(ok)
    const server = await serve((_req, _body, res) => res.writeHead(308, { location: `${other.url}/x` }).end())
    const response = await pool().fetch(server.url, { headers: { authorization: 'Bearer t', 'x-keep': '1' } })
    expect(response.status).toBe(200)
    expect(server.seen[0]!.headers.authorization).toBe('Bearer t')
    expect(other.seen[0]!.headers.authorization).toBeUndefined()
    expect(other.seen[0]!.headers['x-keep']).toBe('1')
  })

  it('returns the redirect with redirect "manual", rejects it with "error", and stops after 20', async () => {
    const server = await serve((_req, _body, res) => res.writeHead(302, { location: '/again' }).end())
    const { fetch } = pool()
    const manual = await fetch(server.url, { redirect: 'manual' })
    expect(manual.status).toBe(302)
    expect(manual.headers.get('location')).toBe('/again')
    const error = await rejection(fetch(server.url, { redirect: 'error' }))
    expect(error.cause?.message).toMatch(/redirected \(302\)/)
    const seen = server.seen.length
    const loop = await rejection(fetch(server.url))
    expect(loop.cause?.message).toBe('too many redirects')
    expect(server.seen.length - seen).toBe(21)
  })
})
