import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import {
  checkedCount,
  checkedRequestCount,
  checkRequest,
  checkResponse,
  INJECTED_HEADER,
  markProxied,
  type RecordedViolation,
  takeViolations,
  trackCheck,
  unmarkProxied,
} from './validating-fetch.js'

/**
 * A reverse proxy on 127.0.0.1 in front of a datastorage process, through which the e2e suite
 * reaches it: every exchange is held to the contract on the way (the answer by `checkResponse`,
 * the request by `checkRequest`, recorded where setup.ts fails the test that caused them), whatever
 * client sent it. So the audit client keeps its own keep-alive transport, child processes (the npm
 * consumer) are checked too, and nothing in the clients is swapped for the sake of the check.
 *
 * Requests and answers are streamed through unchanged (status, raw headers in order with their
 * duplicates, body, chunked or not, `Expect: 100-continue` left to the service); a copy of each
 * body, capped at {@link CAPTURE_LIMIT_BYTES}, is kept for the check, which runs once the answer has
 * been forwarded. While the service is down (killed, restarting on the same port) the proxy answers
 * 502 problem+json marked with INJECTED_HEADER, as a gateway would, and forwards again once it is
 * back.
 */

/** Bodies beyond this are forwarded but not checked (the service refuses more than 5 MiB anyway). */
export const CAPTURE_LIMIT_BYTES = 6 * 1024 * 1024

/**
 * The path at which a proxy hands over what it recorded: a proxy started in vitest's main process
 * (the shared service of global-setup.ts) records there, and setup.ts, in the test worker, fetches
 * it after each test. Never forwarded.
 */
export const CONTROL_PATH = '/__e2e-contract/violations'

/** What a proxy in another process recorded since it was last asked (the control path's answer). */
export interface ProxyReport {
  violations: RecordedViolation[]
  answers: number
  requests: number
}

/** A running validating proxy. */
export interface ValidatingProxy {
  /** Its own URL, where the suite sends requests. */
  readonly url: string
  readonly port: number
  /** The service behind it. */
  readonly upstream: string
  close(): Promise<void>
}

/** The upstream port of each proxy in this process, by the proxy's port (raw sockets bypass it). */
const upstreamPorts = new Map<number, number>()

/**
 * The port of the service behind the validating proxy listening on `port` in this process, or
 * undefined when `port` is not one.
 */
export function upstreamPortOf(port: number): number | undefined {
  return upstreamPorts.get(port)
}

/** Whether a validating proxy of this process listens at `url`. */
export function isLocalProxy(url: string): boolean {
  return upstreamPorts.has(Number(new URL(url).port))
}

/** A copy of a stream's bytes, up to a limit; past it the copy is dropped and marked truncated. */
class Capture {
  private chunks: Buffer[] = []
  private size = 0
  truncated = false
  add(chunk: Buffer): void {
    if (this.truncated) return
    this.size += chunk.length
    if (this.size > CAPTURE_LIMIT_BYTES) {
      this.truncated = true
      this.chunks = []
      return
    }
    this.chunks.push(chunk)
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks)
  }
}

const HOP_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED'])

function badGateway(res: ServerResponse, why: string): void {
  if (res.headersSent) {
    // Part of the answer is out: cut the connection, as the service going away would have.
    res.destroy()
    return
  }
  const body = JSON.stringify({
    type: 'about:blank',
    title: 'Bad Gateway',
    status: 502,
    detail: `the service behind the e2e validating proxy is unreachable: ${why}`,
  })
  res.writeHead(502, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    [INJECTED_HEADER]: 'validating-proxy',
  })
  res.end(body)
}

/** The text of an answer body as checked: gzip-decoded if the service compressed it. */
function answerText(up: IncomingMessage, body: Buffer): string {
  const coding = String(up.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase()
  if (coding === 'gzip' || coding === 'x-gzip') {
    try {
      return gunzipSync(body).toString('utf8')
    } catch {
      return body.toString('utf8')
    }
  }
  return body.toString('utf8')
}

/** Options of {@link startValidatingProxy}. */
export interface ValidatingProxyOptions {
  /** Default: a free port. Given to reopen a closed proxy where its clients expect it. */
  port?: number
}

/** Starts a {@link ValidatingProxy} in front of `upstream` (e.g. `http://127.0.0.1:8080`). */
export async function startValidatingProxy(
  upstream: string,
  options: ValidatingProxyOptions = {},
): Promise<ValidatingProxy> {
  const target = new URL(upstream)
  const agent = new Agent({ keepAlive: true, timeout: 4000 })
  let reported = { answers: checkedCount(), requests: checkedRequestCount() }

  const control = async (res: ServerResponse) => {
    const violations = await takeViolations()
    const now = { answers: checkedCount(), requests: checkedRequestCount() }
    const report: ProxyReport = {
      violations,
      answers: now.answers - reported.answers,
      requests: now.requests - reported.requests,
    }
    reported = now
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(report))
  }

  const exchange = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === CONTROL_PATH) {
      req.resume()
      void control(res)
      return
    }
    const method = req.method ?? 'GET'
    const targetPath = req.url ?? '/'
    const sent = new Capture()
    req.on('data', (chunk: Buffer) => sent.add(chunk))
    const requestDone = new Promise<void>((resolve) => {
      if (req.complete) resolve()
      req.once('end', resolve)
      req.once('close', resolve)
    })

    const forward = (replay: boolean) => {
      const out = httpRequest({
        host: target.hostname,
        port: target.port,
        method,
        path: targetPath,
        // Raw, in order, duplicates kept (a second Authorization header must reach the service).
        headers: req.rawHeaders,
        setHost: false,
        agent,
      })
      out.on('information', (info) => {
        if (info.statusCode === 100) res.writeContinue()
      })
      let answered = false
      out.on('response', (up) => {
        answered = true
        answer(up)
      })
      out.on('error', (error: NodeJS.ErrnoException) => {
        // A pooled connection the service closed while idle: send again on a fresh one, if the
        // whole request is at hand and nothing of the answer has been seen yet.
        const stale = out.reusedSocket && HOP_ERRORS.has(error.code ?? '')
        if (!replay && !answered && stale && req.complete && !sent.truncated) {
          forward(true)
          return
        }
        req.unpipe(out)
        badGateway(res, error.code ?? error.message)
      })
      res.once('close', () => {
        if (!res.writableFinished) out.destroy()
      })
      if (replay) out.end(sent.bytes())
      else req.pipe(out)
    }

    const answer = (up: IncomingMessage) => {
      const status = up.statusCode ?? 502
      const received = new Capture()
      res.sendDate = false
      res.writeHead(status, up.statusMessage, up.rawHeaders)
      let settle: () => void = () => {}
      trackCheck(
        new Promise<void>((resolve) => {
          settle = resolve
        }),
      )
      let ended = false
      up.on('data', (chunk: Buffer) => received.add(chunk))
      up.on('end', () => {
        ended = true
        void requestDone.then(() => {
          try {
            if (up.headers[INJECTED_HEADER] !== undefined || received.truncated) return
            const body = answerText(up, received.bytes())
            checkResponse({
              method,
              path: targetPath.split('?')[0] ?? '/',
              status,
              headers: up.headers,
              body,
            })
            if (!sent.truncated) {
              checkRequest(
                { method, target: targetPath, headers: req.headers, body: sent.bytes() },
                status,
                body,
              )
            }
          } finally {
            settle()
          }
        })
      })
      // Cut off before its end (the service killed mid-answer, the client gone): the client sees
      // the connection end the same way, and a truncated answer is not the contract's business.
      up.on('error', () => undefined)
      up.on('close', () => {
        if (ended) return
        settle()
        res.destroy()
      })
      up.pipe(res)
    }

    forward(false)
  }

  // The service, not the proxy, decides about headers, timeouts and expectations: generous limits
  // here, and `Expect` handed on instead of answered.
  const server: Server = createServer(
    { requireHostHeader: false, maxHeaderSize: 1024 * 1024, requestTimeout: 0, keepAliveTimeout: 5000 },
    exchange,
  )
  server.on('checkContinue', exchange)
  server.on('checkExpectation', exchange)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  upstreamPorts.set(port, Number(target.port))
  markProxied(url)
  let closing: Promise<void> | undefined
  return {
    url,
    port,
    upstream,
    close() {
      closing ??= new Promise<void>((resolve) => {
        upstreamPorts.delete(port)
        unmarkProxied(url)
        server.closeAllConnections()
        server.close(() => resolve())
        agent.destroy()
      })
      return closing
    },
  }
}

/**
 * Fetches what a validating proxy in another process recorded since it was last asked.
 *
 * @throws Error when the proxy does not answer with a report.
 */
export async function fetchProxyReport(proxyUrl: string): Promise<ProxyReport> {
  const response = await fetch(new URL(CONTROL_PATH, proxyUrl))
  if (response.status !== 200) {
    throw new Error(`the validating proxy at ${proxyUrl} answered ${response.status} for its report`)
  }
  return (await response.json()) as ProxyReport
}
