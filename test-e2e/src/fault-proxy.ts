import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { INJECTED_HEADER } from './contract/validating-fetch.js'

/** A rule the proxy applies to matching requests instead of forwarding them. */
export interface FaultRule {
  /** Answer with this status (a problem+json body) instead of forwarding. */
  status: number
  /** How many matching requests to fail; Infinity for a switch that stays on. */
  times: number
  /** Only requests whose path starts with this. Default: every request. */
  pathPrefix?: string
  /** Optional Retry-After header value. */
  retryAfter?: string
}

/** Counts of what the proxy saw, by path. */
export interface ProxyCounts {
  requests: number
  forwarded: number
  faulted: number
  byPath: Record<string, number>
}

/**
 * An HTTP proxy on 127.0.0.1 in front of the service: forwards requests, except those a fault rule
 * catches, which it answers itself. It counts every attempt, so tests can check what the client
 * retried (and what it did not) at the server side.
 */
export interface FaultProxy {
  readonly url: string
  fail(rule: FaultRule): void
  /** Removes every rule. */
  heal(): void
  counts(): ProxyCounts
  /** Timestamps (ms, performance.now) of every request to a path prefix, to measure retry delays. */
  arrivals(pathPrefix: string): number[]
  close(): Promise<void>
}

/** Starts a {@link FaultProxy} forwarding to `target` (e.g. `http://127.0.0.1:8080`). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target)
  let rules: Array<FaultRule & { left: number }> = []
  const counts: ProxyCounts = { requests: 0, forwarded: 0, faulted: 0, byPath: {} }
  const seen: Array<{ path: string; at: number }> = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    counts.requests++
    counts.byPath[path] = (counts.byPath[path] ?? 0) + 1
    seen.push({ path, at: performance.now() })
    const rule = rules.find((r) => r.left > 0 && (!r.pathPrefix || path.startsWith(r.pathPrefix)))
    if (rule) {
      rule.left--
      counts.faulted++
      req.resume()
      // Made up here, off the contract on purpose (a 409, a 503 without Retry-After): not checked.
      const headers: Record<string, string> = {
        'content-type': 'application/problem+json',
        [INJECTED_HEADER]: 'fault-proxy',
      }
      if (rule.retryAfter !== undefined) headers['retry-after'] = rule.retryAfter
      res.writeHead(rule.status, headers)
      res.end(
        JSON.stringify({
          type: 'https://audit-trail.dev/problems/injected-fault',
          title: 'Injected fault',
          status: rule.status,
        }),
      )
      return
    }
    counts.forwarded++
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      },
    )
    forward.on('error', () => {
      // The service is down: behave like a gateway would, so the client sees a retryable 502.
      if (!res.headersSent)
        res.writeHead(502, { 'content-type': 'application/problem+json', [INJECTED_HEADER]: 'fault-proxy' })
      res.end(JSON.stringify({ type: 'about:blank', title: 'Bad Gateway', status: 502 }))
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    fail(rule) {
      rules.push({ ...rule, left: rule.times })
    },
    heal() {
      rules = []
    },
    counts: () => structuredClone(counts),
    arrivals: (prefix) => seen.filter((s) => s.path.startsWith(prefix)).map((s) => s.at),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
