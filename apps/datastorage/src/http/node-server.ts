import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { getRequestListener, type HttpBindings, RequestError } from '@hono/node-server'
import type { Logger } from 'pino'
import { HttpProblem, type ProblemKind, type RenderedProblem, toProblem } from './problem.js'

/** Options of {@link createHttpServer}. */
export interface CreateHttpServerOptions {
  /** The app's fetch (`app.fetch`); it gets `{ incoming, outgoing }` as its env. */
  fetch: (request: Request, env: HttpBindings) => unknown
  logger: Logger
  /**
   * After an answer that closes the connection before the request's body was received in full,
   * the rest of the body is read and dropped until the client is done; the socket is cut when
   * nothing arrives for `lingerIdleMs` (default 5 s), after `lingerMaxMs` in all (default 30 s)
   * or past `lingerMaxBytes` (default 64 MiB).
   */
  lingerIdleMs?: number
  lingerMaxMs?: number
  lingerMaxBytes?: number
}

/** Node's limit on the request line and headers (its default, stated): 431 beyond. */
export const MAX_HEADER_BYTES = 16 * 1024

const DEFAULT_LINGER_IDLE_MS = 5000
const DEFAULT_LINGER_MAX_MS = 30_000
const DEFAULT_LINGER_MAX_BYTES = 64 * 1024 * 1024
const LINGER_CHECK_MS = 250

/** What @hono/node-server's RequestError messages mean, told to the client. */
const requestErrorDetails: Record<string, string> = {
  'Missing host header': 'The Host header is required.',
  'Invalid host header': 'The Host header is not a valid host[:port].',
  'Backslash in request path': 'The request path contains a backslash.',
  'Invalid absolute URL': 'The request target is not a valid absolute URL.',
}

function requestErrorDetail(error: RequestError): string {
  const known = requestErrorDetails[error.message]
  if (known) return known
  // 'Invalid URL': raised by the URL parser (cause set) for a host or path it cannot combine, or by
  // the adapter itself for a target that is not a path (`*`, `host:port`).
  if (error.message === 'Invalid URL') {
    return error.cause === undefined
      ? 'The request target must be an absolute path (origin-form), e.g. /api/v1/audit/events.'
      : 'The Host header and the request target do not form a valid URL.'
  }
  return 'The request target or Host header is invalid.'
}

/** Status and detail of a parse error Node raises before a request exists (`clientError`). */
function clientErrorProblem(error: NodeJS.ErrnoException & { reason?: unknown }): RenderedProblem {
  const reason = typeof error.reason === 'string' ? `: ${error.reason}` : ''
  let kind: ProblemKind = 'bad-request'
  let detail = `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}${reason}).`
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      kind = 'header-fields-too-large'
      detail = `The request line and headers exceed ${MAX_HEADER_BYTES} bytes.`
      break
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      kind = 'payload-too-large'
      detail = 'The chunk extensions of the request body are too large.'
      break
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      kind = 'request-timeout'
      detail = 'The request was not received in time.'
      break
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      detail = `The Content-Length header is invalid${reason}.`
      break
    case 'HPE_INVALID_TRANSFER_ENCODING':
      detail = `The Transfer-Encoding header is invalid; only chunked is accepted${reason}.`
      break
  }
  return toProblem(new HttpProblem(kind, detail), undefined)
}

/** A whole HTTP/1.1 response, for a socket that has no usable ServerResponse. */
function rawResponse(problem: RenderedProblem): string {
  const body = JSON.stringify(problem.body)
  return (
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
    'Content-Type: application/problem+json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    `Date: ${new Date().toUTCString()}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  )
}

function problemResponse(problem: RenderedProblem): Response {
  return new Response(JSON.stringify(problem.body), {
    status: problem.status,
    headers: { ...problem.headers, 'Content-Type': 'application/problem+json', Connection: 'close' },
  })
}

/**
 * The HTTP server of the service: @hono/node-server's request listener on a Node server whose
 * own refusals are problem+json too.
 *
 * - Parse errors before a request exists (`clientError`: bad Content-Length or Transfer-Encoding,
 *   headers over {@link MAX_HEADER_BYTES} → 431, timeout → 408) and requests the adapter cannot
 *   turn into a URL (missing or bad Host, a backslash in the path, `OPTIONS *`) → 400 answer
 *   `application/problem+json` with `Connection: close`; so does an `Expect` other than
 *   `100-continue` (417).
 * - An answer that closes the connection while the request's body is still arriving (413, 415,
 *   503 of the body budget …) does not reset it: the server stops writing, reads and drops the rest
 *   of the body (within `lingerIdleMs`, `lingerMaxMs`, `lingerMaxBytes`), then closes, so the
 *   client reads the answer and finishes sending instead of failing with EPIPE or ECONNRESET (a
 *   lingering close, as web servers do).
 *
 * Not listening yet: call `listen()`.
 */
export function createHttpServer(options: CreateHttpServerOptions): Server {
  const { logger } = options
  const lingerIdleMs = options.lingerIdleMs ?? DEFAULT_LINGER_IDLE_MS
  const lingerMaxMs = options.lingerMaxMs ?? DEFAULT_LINGER_MAX_MS
  const lingerMaxBytes = options.lingerMaxBytes ?? DEFAULT_LINGER_MAX_BYTES

  const listener = getRequestListener((request, env) => options.fetch(request, env as HttpBindings), {
    errorHandler: (error) => {
      if (error instanceof RequestError) {
        const detail = requestErrorDetail(error)
        logger.debug({ err: error }, 'refused a request the adapter cannot parse')
        return problemResponse(toProblem(new HttpProblem('bad-request', detail), undefined))
      }
      logger.error({ err: error }, 'unhandled error outside the app')
      return problemResponse(toProblem(error, undefined))
    },
  })

  /** The request each connection is on, for the lingering close. */
  const current = new WeakMap<Socket, IncomingMessage>()
  /** Connections that answered with `Connection: close` and only drop what still arrives. */
  const lingering = new WeakSet<Socket>()
  /** Connections whose parse error was answered (Node reports one error again per chunk read). */
  const refused = new WeakSet<Socket>()

  const linger = (socket: Socket, incoming: IncomingMessage | undefined): void => {
    if (lingering.has(socket) || socket.destroyed) return
    lingering.add(socket)
    socket.end()
    // Progress is what the socket read: Node's parser drops the body of a request nobody reads
    // without a 'data' event, so the socket's count is the only one that sees it.
    const startedAt = performance.now()
    const startBytes = socket.bytesRead
    let lastBytes = startBytes
    let lastProgressAt = startedAt
    const cut = (reason: string) => {
      if (socket.destroyed) return
      const dropped = socket.bytesRead - startBytes
      logger.debug({ reason, dropped_bytes: dropped }, 'cutting a connection answered with Connection: close')
      socket.destroy()
    }
    const check = () => {
      const now = performance.now()
      if (socket.bytesRead !== lastBytes) {
        lastBytes = socket.bytesRead
        lastProgressAt = now
      }
      if (lastBytes - startBytes > lingerMaxBytes) cut('linger bytes')
      else if (now - startedAt >= lingerMaxMs) cut('linger time')
      else if (now - lastProgressAt >= lingerIdleMs) cut('idle')
    }
    // Checked after the poll phase (setImmediate), so that a check running late on a busy event
    // loop first sees what arrived meanwhile.
    const ticker = setInterval(() => setImmediate(check), LINGER_CHECK_MS).unref()
    socket.once('close', () => clearInterval(ticker))
    if (!incoming || incoming.destroyed) return
    // Let the rest of the body flow and drop it (as Node does for a body nobody read): whatever
    // reader was on it is gone with the answer.
    incoming.removeAllListeners('data')
    incoming.resume()
    // Received in full: nothing left to drop (what follows would be a request after our close).
    // Closed only once the answer is flushed: destroying earlier would drop its unsent bytes.
    incoming.once('end', () => {
      if (socket.writableFinished) socket.destroy()
      else socket.once('finish', () => socket.destroy())
    })
  }

  const server = createServer({ requireHostHeader: false, maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    if (lingering.has(req.socket)) {
      // A request sent after we answered `Connection: close` on this connection.
      req.socket.destroy()
      return
    }
    current.set(req.socket, req)
    void listener(req, res)
  })

  server.on('connection', (socket: Socket) => {
    // Node calls destroySoon() once the last response (`Connection: close`) is written; with a body
    // still arriving, destroying would reset the connection under the client's feet.
    const destroySoon = socket.destroySoon.bind(socket)
    socket.destroySoon = () => {
      const incoming = current.get(socket)
      if (lingering.has(socket)) return
      if (incoming && !incoming.complete && !incoming.destroyed) linger(socket, incoming)
      else destroySoon()
    }
  })

  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    current.set(req.socket, req)
    const problem = toProblem(
      new HttpProblem(
        'expectation-failed',
        `Expect ${JSON.stringify(req.headers.expect ?? '')} is not supported; only 100-continue is.`,
      ),
      undefined,
    )
    const body = JSON.stringify(problem.body)
    res.writeHead(problem.status, {
      'Content-Type': 'application/problem+json',
      'Content-Length': Buffer.byteLength(body),
      Connection: 'close',
    })
    res.end(body)
  })

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (refused.has(socket)) return
    refused.add(socket)
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    logger.debug({ err: error }, 'refused a request Node could not parse')
    socket.write(rawResponse(clientErrorProblem(error)))
    // The parser is stuck on the error: what still arrives is dropped (each chunk reports the
    // error again, ignored above) until the client closes or the linger times are up.
    linger(socket, undefined)
  })

  return server
}
