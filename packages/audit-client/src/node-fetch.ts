import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib'

/** Options of {@link createNodeFetch}. */
export interface NodeFetchOptions {
  /** Sockets per origin (host and port), kept alive between requests; more requests wait for one. */
  maxSockets: number
  /**
   * A request whose socket stays silent this long is destroyed (`ETIMEDOUT`): a backstop to the
   * caller's abort signal, which is the timeout meant to fire. Default: none.
   */
  socketTimeoutMs?: number | undefined
  /**
   * An idle kept-alive socket is closed after this long, or after the server's `Keep-Alive:
   * timeout` hint if shorter, before the server closes it under a request. Default 4000.
   */
  keepAliveTimeoutMs?: number | undefined
}

/** A `fetch` over private keep-alive agents, and the means to release their sockets. */
export interface NodeFetch {
  readonly fetch: typeof globalThis.fetch
  /** Refuses new requests, waits for those in flight to settle, then destroys every socket. */
  close(): Promise<void>
}

const MAX_REDIRECTS = 20
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

/**
 * A WHATWG-`fetch`-compatible function over `node:http` and `node:https`, each with its own
 * keep-alive agent (`maxSockets` per origin), so that {@link NodeFetch.close} can release every
 * socket it opened: no handle outlives its owner, which the global `fetch` cannot promise.
 *
 * It does what this package needs of `fetch`, the way `fetch` does it: method, headers and body
 * (sent with a `Content-Length`), the signal (aborting destroys the request; the promise rejects
 * with the signal's reason), redirects (`follow` up to 20, `error`, `manual`), and a `Response`
 * whose body was read in full (a gzip, deflate or br body decoded). A network failure rejects with
 * `TypeError('fetch failed')` whose `cause` is Node's error (`code` `ECONNREFUSED`, `ECONNRESET`…).
 * Not supported: streaming a response, request bodies larger than memory, cookies, caching.
 */
export function createNodeFetch(options: NodeFetchOptions): NodeFetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets,
    // The idle timeout of a socket in the pool (a request's socket times out per socketTimeoutMs).
    timeout: options.keepAliveTimeoutMs ?? 4000,
  }
  let http: HttpAgent | undefined
  let https: HttpsAgent | undefined
  // In flight, with the requests whose signals they follow: a Request's signal follows its
  // parent's through a weak reference to the Request's own controller, so the Request is held
  // here until the exchange settles, or an abort could be lost with it.
  const inFlight = new Map<Promise<unknown>, readonly Request[]>()
  let closing: Promise<void> | undefined

  function agentFor(secure: boolean): HttpAgent {
    if (secure) {
      https ??= new HttpsAgent(agentOptions)
      return https
    }
    http ??= new HttpAgent(agentOptions)
    return http
  }

  /** One request and its answer, body read in full; rejects with Node's error or the signal's reason. */
  function send(
    url: URL,
    method: string,
    headers: Headers,
    body: Uint8Array | undefined,
    signal: AbortSignal,
  ): Promise<{ res: IncomingMessage; data: Buffer }> {
    const secure = url.protocol === 'https:'
    const outgoing: Record<string, string> = { accept: '*/*', 'user-agent': 'node' }
    for (const [name, value] of headers) outgoing[name] = value
    // An empty body is sent as `Content-Length: 0` for POST and PUT, as fetch does.
    if (body !== undefined || method === 'POST' || method === 'PUT') {
      outgoing['content-length'] = String(body?.byteLength ?? 0)
    }
    return new Promise((resolve, reject) => {
      signal.throwIfAborted()
      const req = (secure ? httpsRequest : httpRequest)(url, {
        method,
        headers: outgoing,
        agent: agentFor(secure),
        // Always set: otherwise the agent's idle timeout (keepAliveTimeoutMs) would apply to requests too.
        timeout: options.socketTimeoutMs ?? 0,
      })
      let res: IncomingMessage | undefined
      const fail = (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
      const onAbort = () => {
        fail(signal.reason)
        req.destroy(signal.reason)
        res?.destroy(signal.reason)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      req.on('timeout', () => {
        req.destroy(
          Object.assign(new Error(`socket silent for ${options.socketTimeoutMs} ms`), { code: 'ETIMEDOUT' }),
        )
      })
      req.on('error', fail)
      req.on('response', (response) => {
        res = response
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', fail)
        response.on('end', () => {
          signal.removeEventListener('abort', onAbort)
          resolve({ res: response, data: Buffer.concat(chunks) })
        })
        response.on('close', () => {
          if (!response.complete) {
            fail(
              Object.assign(new Error('the connection closed before the response ended'), {
                code: 'ECONNRESET',
              }),
            )
          }
        })
      })
      req.end(body)
    })
  }

  async function exchange(request: Request): Promise<Response> {
    const { signal } = request
    signal.throwIfAborted()
    let url = new URL(request.url)
    let method = request.method
    let headers = request.headers
    let body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw networkError(new Error(`unsupported protocol ${url.protocol}`))
      }
      let answer: { res: IncomingMessage; data: Buffer }
      try {
        answer = await send(url, method, headers, body, signal)
      } catch (error) {
        signal.throwIfAborted()
        throw networkError(error)
      }
      const { res, data } = answer
      const status = res.statusCode ?? 0
      const location = res.headers.location
      if (!REDIRECT_STATUSES.has(status) || location === undefined || request.redirect === 'manual') {
        return toResponse(res, method === 'HEAD' ? undefined : await decode(res, data))
      }
      if (request.redirect === 'error') throw networkError(new Error(`redirected (${status}) to ${location}`))
      if (redirects >= MAX_REDIRECTS) throw networkError(new Error('too many redirects'))
      const next = new URL(location, url)
      headers = new Headers(headers)
      if (
        (status === 303 && method !== 'GET' && method !== 'HEAD') ||
        ((status === 301 || status === 302) && method === 'POST')
      ) {
        // As fetch does: the request goes on as a GET without its body.
        method = 'GET'
        body = undefined
        for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language']) {
          headers.delete(name)
        }
      }
      if (next.origin !== url.origin) {
        for (const name of ['authorization', 'proxy-authorization', 'cookie']) headers.delete(name)
      }
      url = next
    }
  }

  const fetch = ((input: string | URL | Request, init?: RequestInit) => {
    let request: Request
    try {
      request = input instanceof Request && init === undefined ? input : new Request(input, init)
    } catch (error) {
      return Promise.reject(error)
    }
    if (closing) return Promise.reject(networkError(new Error('the HTTP agent is closed')))
    const pending = exchange(request)
    const done = pending.then(
      () => {},
      () => {},
    )
    inFlight.set(done, input instanceof Request ? [input, request] : [request])
    void done.then(() => inFlight.delete(done))
    return pending
  }) as typeof globalThis.fetch

  return {
    fetch,
    close() {
      closing ??= (async () => {
        await Promise.all(inFlight.keys())
        http?.destroy()
        https?.destroy()
      })()
      return closing
    },
  }
}

const decoders: Record<string, (data: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  br: promisify(brotliDecompress),
  // Both forms are met as `deflate`: zlib-wrapped (as specified) and raw.
  deflate: (data) => promisify(inflate)(data).catch(() => promisify(inflateRaw)(data)),
}

/** The body without its content codings (applied in the order listed, so undone in reverse). */
async function decode(res: IncomingMessage, data: Buffer): Promise<Buffer> {
  const codings = (res.headers['content-encoding'] ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
  let decoded = data
  for (const coding of codings.reverse()) {
    const decoder = decoders[coding]
    if (!decoder) return data
    try {
      decoded = await decoder(decoded)
    } catch (cause) {
      throw networkError(cause)
    }
  }
  return decoded
}

function toResponse(res: IncomingMessage, body: Buffer | undefined): Response {
  const status = res.statusCode ?? 0
  if (status < 200 || status > 599) throw networkError(new Error(`unexpected status ${status}`))
  const headers = new Headers()
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!)
    } catch {
      // A header fetch would refuse to carry; Node's parser let it through.
    }
  }
  // A reason phrase fetch would refuse (Node's parser is laxer) is left out rather than failing.
  const statusText = /^[\t\x20-\x7e\x80-\xff]*$/.test(res.statusMessage ?? '') ? res.statusMessage : undefined
  const init: ResponseInit = statusText ? { status, statusText, headers } : { status, headers }
  return new Response(NULL_BODY_STATUSES.has(status) || body === undefined ? null : body, init)
}

/** A network failure as fetch reports one: `TypeError('fetch failed')` with the reason as `cause`. */
function networkError(cause: unknown): TypeError {
  return cause instanceof TypeError && cause.message === 'fetch failed'
    ? cause
    : new TypeError('fetch failed', { cause })
}
