import { promisify } from 'node:util'
import { gzip, constants as zlibConstants } from 'node:zlib'
import { type AuditEventRequest, createDataStorageClient } from '@audit-trail/datastorage-client'
import { type Clock, systemClock } from './clock.js'
import { describe, HttpError, type ProblemDetails, TransportError } from './errors.js'
import { createNodeFetch, type NodeFetch } from './node-fetch.js'
import type { SerializedBody } from './packed-batch.js'
import { parseRetryAfter } from './retry-policy.js'

/** A Bearer token, or a function that fetches one (asked again once after a 401). */
export type TokenSource = string | (() => string | Promise<string>)

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Base URL of the DataStorage service (no `/api/v1`). */
  baseUrl: string
  token?: TokenSource | undefined
  /** A fetch to use instead of the transport's own keep-alive pool (tests, proxies). */
  fetch?: typeof globalThis.fetch | undefined
  /** Per-request timeout, ms, covering the whole exchange including the response body. */
  requestTimeoutMs: number
  /** Sockets kept alive to the service; match the number of batches sent at once. Default 2. */
  connections?: number
  clock?: Clock
  /** Sent as `User-Agent`. */
  userAgent?: string
  /** `'gzip'`: bodies of `compressionThresholdBytes` or more are sent gzip-compressed. Default `'none'`. */
  compression?: 'gzip' | 'none'
  /** Default 32 KiB. */
  compressionThresholdBytes?: number
}

/** How the service took a batch. */
export type SendResult =
  | { status: 'created'; created: number; duplicates: number }
  | { status: 'accepted'; queued: number }

/** Sends batches of events; a failure rejects with a {@link TransportError} or {@link HttpError}. */
export interface Transport {
  send(events: readonly AuditEventRequest[], signal?: AbortSignal): Promise<SendResult>
  /**
   * Optional: sends a batch already serialised, `body` being the JSON array of `count` events. A
   * transport that has it lets the client serialise each event once, at `emit()`, and hold it as
   * text (smaller than the object) until it is sent; without it the client holds the events and
   * calls {@link send}.
   */
  sendSerialized?(body: string | SerializedBody, count: number, signal?: AbortSignal): Promise<SendResult>
  /** Releases the connection pool. */
  close(): Promise<void>
}

const BATCH_PATH = '/api/v1/audit/events/batch'

/**
 * Whether `text` is `bytes` long or more in UTF-8, scanning it only when its length cannot tell:
 * each UTF-16 unit takes 1 to 3 bytes (a surrogate pair, two units, takes 4), so a batch body of
 * `bytes` characters reaches the threshold without the pass over its hundreds of kilobytes.
 */
export function reaches(text: string, bytes: number): boolean {
  if (text.length >= bytes) return true
  if (text.length * 3 < bytes) return false
  return Buffer.byteLength(text) >= bytes
}

const gzipAsync = promisify(gzip)

/**
 * The transport over `@audit-trail/datastorage-client` (`POST /api/v1/audit/events/batch`).
 *
 * Connections: without an injected `fetch` it uses a fetch over `node:http`/`node:https` with its
 * own keep-alive agents (`connections` sockets; {@link createNodeFetch}). A private pool, rather
 * than the global `fetch` (which keeps alive too), lets `close()` release every socket, so no handle
 * outlives the client. With an injected `fetch`, the sockets are that fetch's, and `close()` has none.
 *
 * Auth: a string token is sent as is; a function is asked once and cached, then asked again
 * after a 401, and the request is re-sent once; a second 401 is final (not retryable).
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { baseUrl, token, requestTimeoutMs, clock = systemClock } = options
  let pool: NodeFetch | undefined
  let fetchImpl = options.fetch
  if (!fetchImpl) {
    pool = createNodeFetch({
      maxSockets: options.connections ?? 2,
      // A backstop to the per-request abort: a socket whose request was given up on is released
      // within requestTimeoutMs of silence even if the abort never reached it.
      socketTimeoutMs: requestTimeoutMs,
    })
    fetchImpl = pool.fetch
  }

  let cachedToken: string | undefined = typeof token === 'string' ? token : undefined
  let refreshing: Promise<string> | undefined
  const refreshToken = (): Promise<string> => {
    if (typeof token !== 'function') return Promise.resolve(cachedToken ?? '')
    refreshing ??= (async () => {
      try {
        cachedToken = await token()
        return cachedToken
      } catch (cause) {
        throw new TransportError(
          'TRANSPORT_ERROR',
          `token provider failed: ${describe(cause, { withCause: true })}`,
          { cause },
        )
      } finally {
        refreshing = undefined
      }
    })()
    return refreshing
  }

  const ds = createDataStorageClient({
    baseUrl,
    fetch: fetchImpl,
    ...(token === undefined ? {} : { token: () => cachedToken ?? '' }),
    ...(options.userAgent ? { headers: { 'user-agent': options.userAgent } } : {}),
  })

  // Set when the service answered 415 to a gzip body (one that predates compression): from then on
  // this transport sends bodies as they are.
  let gzipRefused = false
  const threshold = options.compressionThresholdBytes ?? 32 * 1024

  /** The JSON body, gzip-compressed (off the event loop, fastest level) when it is large enough. */
  async function encode(
    json: string | SerializedBody,
  ): Promise<{ body: string | Uint8Array; gzip: boolean }> {
    if (typeof json !== 'string') {
      // Compressed already (a packed batch): sent as is, unless this transport sends plain bodies.
      return options.compression === 'gzip' && !gzipRefused
        ? { body: json.gzipped, gzip: true }
        : { body: json.text(), gzip: false }
    }
    if (options.compression !== 'gzip' || gzipRefused || !reaches(json, threshold)) {
      return { body: json, gzip: false }
    }
    return { body: await gzipAsync(json, { level: zlibConstants.Z_BEST_SPEED }), gzip: true }
  }

  async function post(json: string | SerializedBody, signal: AbortSignal) {
    try {
      const { body, gzip: compressed } = await encode(json)
      const request = {
        // The body is the JSON text already; openapi-fetch's serializer is handed it as is.
        body: [] as AuditEventRequest[],
        bodySerializer: () => body,
        headers: compressed ? { 'content-encoding': 'gzip' } : {},
        signal,
      }
      // Raced against the signal rather than trusting fetch to honour it: a fetch that ignores the
      // abort (an injected one, or a Request whose derived signal was collected) must not leave the
      // send, and so flush() and close(), waiting forever.
      const result = await abortable(ds.POST(BATCH_PATH, request), signal)
      if (compressed && result.response.status === 415) {
        gzipRefused = true
        return await abortable(
          ds.POST(BATCH_PATH, {
            ...request,
            bodySerializer: () => (typeof json === 'string' ? json : json.text()),
            headers: {},
          }),
          signal,
        )
      }
      return result
    } catch (cause) {
      if (signal.aborted) throw signal.reason
      // fetch reports every network failure as TypeError('fetch failed') around Node's error
      // (ECONNREFUSED, socket hang up…): that one names what happened.
      const reason =
        cause instanceof TypeError && cause.message === 'fetch failed' && cause.cause instanceof Error
          ? cause.cause
          : cause
      throw new TransportError(
        'TRANSPORT_ERROR',
        `request to ${baseUrl} failed: ${describe(reason, { withCause: true })}`,
        { cause: reason },
      )
    }
  }

  async function sendSerialized(
    json: string | SerializedBody,
    count: number,
    outer?: AbortSignal,
  ): Promise<SendResult> {
    const controller = new AbortController()
    const timer = clock.setTimeout(() => {
      controller.abort(
        new TransportError('REQUEST_TIMEOUT', `request to ${baseUrl} timed out after ${requestTimeoutMs} ms`),
      )
    }, requestTimeoutMs)
    const onOuterAbort = () => controller.abort(outer?.reason)
    if (outer?.aborted) onOuterAbort()
    outer?.addEventListener('abort', onOuterAbort, { once: true })
    try {
      if (typeof token === 'function' && cachedToken === undefined) {
        await abortable(refreshToken(), controller.signal)
      }
      let result = await post(json, controller.signal)
      if (result.response.status === 401 && typeof token === 'function') {
        await abortable(refreshToken(), controller.signal)
        result = await post(json, controller.signal)
      }
      const { data, error, response } = result
      if (response.status === 202) {
        const accepted = data as { queued?: number } | undefined
        return { status: 'accepted', queued: accepted?.queued ?? count }
      }
      if (response.ok) {
        const created = data as { created?: number; duplicates?: number } | undefined
        const duplicates = clampCount(created?.duplicates, count)
        return { status: 'created', created: count - duplicates, duplicates }
      }
      const body: unknown = error
      const problem = isProblem(body) ? body : undefined
      const detail = problem?.detail ?? problem?.title ?? (typeof body === 'string' ? body.slice(0, 200) : '')
      throw new HttpError(
        response.status,
        `${response.status} from ${BATCH_PATH}${detail ? `: ${detail}` : ''}`,
        { problem, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), clock.now()) },
      )
    } finally {
      clock.clearTimeout(timer)
      outer?.removeEventListener('abort', onOuterAbort)
    }
  }

  return {
    send: (events, signal) => sendSerialized(JSON.stringify(events), events.length, signal),
    sendSerialized,
    async close() {
      await pool?.close()
    },
  }
}

/** `promise`, or the signal's reason as soon as it aborts (a hung token provider must not hang a send). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The work was started already; its own (abort) rejection must not go unhandled.
    promise.catch(() => {})
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function clampCount(value: unknown, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, 0), max) : 0
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
