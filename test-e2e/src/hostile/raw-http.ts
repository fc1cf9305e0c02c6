import { connect, type Socket } from 'node:net'
import type { ObservedRequest } from '../contract/request-validator.js'
import { checkRequest, checkResponse } from '../contract/validating-fetch.js'
import { upstreamPortOf } from '../contract/validating-proxy.js'

/** One HTTP/1.1 answer read off a socket. */
export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/** What happened on a raw connection. */
export interface RawExchange {
  responses: RawResponse[]
  /** The server closed the connection (FIN) by the end of the exchange. */
  closed: boolean
  /** A socket error (ECONNRESET, EPIPE …), if one happened. */
  error?: string
  /** When the error happened: before all expected answers were read, or after. */
  errorBeforeAnswers?: boolean
}

/** Options of {@link rawExchange}. */
export interface RawExchangeOptions {
  /** Answers to read before the exchange is complete. Default 1. */
  answers?: number
  /** After the answers, wait (up to `timeoutMs`) for the server to close the connection. */
  waitForClose?: boolean
  /** Deadline of the whole exchange. Default 15 s. */
  timeoutMs?: number
  /**
   * Hold every exchange to the contract (test-e2e/src/contract): each answer against the method and
   * path of its request line, and each request the server accepted (2xx) against its operation.
   * Default true. The requests may break the spec on purpose: a refusal the spec declares (a 400
   * problem) passes, accepting a request the spec forbids does not.
   */
  checkContract?: boolean
}

/** The method and path of each request line in what is written, in order (pipelined requests). */
function requestLines(chunks: Uint8Array[]): Array<{ method: string; path: string }> {
  const text = Buffer.concat(chunks).toString('latin1')
  return [...text.matchAll(/(?:^|\r\n)([A-Z]+) (\S+) HTTP\/1\.[01]\r\n/g)].map((m) => {
    const target = m[2] ?? ''
    // The absolute form (`GET http://host/path`) names the same path.
    const path = /^https?:\/\//i.test(target) ? new URL(target).pathname : target
    return { method: m[1] ?? '', path }
  })
}

/**
 * The requests written, each whole (request line, headers, body by Content-Length or chunked), in
 * order, as far as they can be read: a request whose framing cannot be read ends the list.
 */
function requestsOf(chunks: Uint8Array[]): ObservedRequest[] {
  const data = Buffer.concat(chunks)
  const out: ObservedRequest[] = []
  let at = 0
  while (at < data.length) {
    const headEnd = data.indexOf('\r\n\r\n', at)
    if (headEnd < 0) return out
    const [line = '', ...fields] = data.subarray(at, headEnd).toString('latin1').split('\r\n')
    const m = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(line)
    if (!m) return out
    const headers: Record<string, string[]> = {}
    for (const field of fields) {
      const colon = field.indexOf(':')
      if (colon <= 0) return out
      const name = field.slice(0, colon).trim().toLowerCase()
      headers[name] = [...(headers[name] ?? []), field.slice(colon + 1).trim()]
    }
    const start = headEnd + 4
    let body: Buffer
    if (headers['transfer-encoding']) {
      if (headers['content-length'] || headers['transfer-encoding'].join(',').toLowerCase() !== 'chunked')
        return out
      const parts: Buffer[] = []
      let pos = start
      for (;;) {
        const lineEnd = data.indexOf('\r\n', pos)
        const size =
          lineEnd < 0 ? Number.NaN : Number.parseInt(data.subarray(pos, lineEnd).toString('latin1'), 16)
        if (Number.isNaN(size) || data.length < lineEnd + 2 + size + 2) return out
        if (size === 0) {
          const trailerEnd = data.indexOf('\r\n\r\n', lineEnd)
          pos = trailerEnd < 0 ? lineEnd + 4 : trailerEnd + 4
          break
        }
        parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
        pos = lineEnd + 2 + size + 2
      }
      body = Buffer.concat(parts)
      at = pos
    } else {
      const lengths = headers['content-length'] ?? ['0']
      const length = lengths.length === 1 && /^\d+$/.test(lengths[0] ?? '') ? Number(lengths[0]) : Number.NaN
      if (Number.isNaN(length) || data.length < start + length) return out
      body = data.subarray(start, start + length)
      at = start + length
    }
    out.push({ method: m[1] ?? '', target: m[2] ?? '', headers, body })
  }
  return out
}

/**
 * Writes `chunks` to a new TCP connection and reads HTTP/1.1 answers (Content-Length, chunked, or
 * up to the close): for requests an HTTP client cannot send (a bad Host, `OPTIONS *`, conflicting
 * lengths, huge headers, pipelining). Resolves when the answers are read (and, with
 * `waitForClose`, the server closed the connection), when the connection ends, or at the deadline.
 *
 * A port of a validating proxy (a started service's `url`) is replaced by the port of the service
 * behind it: these requests test the service's own HTTP framing, which the proxy's HTTP parser
 * would answer or normalise first; so they go to the service directly, and are checked here.
 */
export function rawExchange(
  port: number,
  chunks: Uint8Array[],
  options: RawExchangeOptions = {},
): Promise<RawExchange> {
  const { answers = 1, waitForClose = false, timeoutMs = 15_000, checkContract = true } = options
  const requests = checkContract ? requestLines(chunks) : []
  const whole = checkContract ? requestsOf(chunks) : []
  const direct = upstreamPortOf(port) ?? port
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: '127.0.0.1', port: direct })
    const result: RawExchange = { responses: [], closed: false }
    let buffer = Buffer.alloc(0)
    let done = false
    const finish = () => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      resolve(result)
    }
    const timer = setTimeout(finish, timeoutMs)
    const complete = () => result.responses.length >= answers
    const parse = (atEnd: boolean) => {
      for (;;) {
        const parsed = parseResponse(buffer, atEnd)
        if (!parsed) return
        result.responses.push(parsed.response)
        buffer = buffer.subarray(parsed.length)
        // 1xx answers (100 Continue) precede the real one.
        if (parsed.response.status >= 100 && parsed.response.status < 200) result.responses.pop()
        else if (checkContract) {
          const index = result.responses.length - 1
          const request = requests[index]
          const { status, headers, body } = parsed.response
          // An answer to no request line we can read (a malformed one) has no operation to hold it to.
          if (request) {
            const text = body.toString('utf8')
            checkResponse({ ...request, status, headers, body: text })
            const sent = whole[index]
            const same = sent && sent.method === request.method && sent.target.split('?')[0] === request.path
            if (same) checkRequest(sent, status, text)
          }
        }
      }
    }
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data])
      parse(false)
      if (complete() && !waitForClose) finish()
    })
    socket.on('end', () => {
      result.closed = true
      parse(true)
      finish()
    })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      result.error = error.code ?? error.message
      result.errorBeforeAnswers = !complete()
      parse(true)
      finish()
    })
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return
        const ok = socket.write(chunk)
        if (!ok) await new Promise((r) => socket.once('drain', r))
      }
    })
  })
}

/** Parses one answer at the start of `data`; undefined when it is not all there yet. */
function parseResponse(data: Buffer, atEnd: boolean): { response: RawResponse; length: number } | undefined {
  const headEnd = data.indexOf('\r\n\r\n')
  if (headEnd < 0) return undefined
  const lines = data.subarray(0, headEnd).toString('latin1').split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0)
  const headers: Record<string, string> = {}
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const start = headEnd + 4
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) {
    return { response: { status, headers, body: Buffer.alloc(0) }, length: start }
  }
  if (headers['transfer-encoding']?.toLowerCase().includes('chunked')) {
    const parts: Buffer[] = []
    let at = start
    for (;;) {
      const lineEnd = data.indexOf('\r\n', at)
      if (lineEnd < 0) return undefined
      const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16)
      if (Number.isNaN(size)) return undefined
      if (size === 0) {
        const trailerEnd = data.indexOf('\r\n\r\n', lineEnd)
        if (trailerEnd < 0 && data.length < lineEnd + 4) return undefined
        return {
          response: { status, headers, body: Buffer.concat(parts) },
          length: (trailerEnd < 0 ? lineEnd : trailerEnd) + 4,
        }
      }
      if (data.length < lineEnd + 2 + size + 2) return undefined
      parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
      at = lineEnd + 2 + size + 2
    }
  }
  const length = headers['content-length']
  if (length !== undefined) {
    const n = Number(length)
    if (data.length < start + n) return undefined
    return { response: { status, headers, body: data.subarray(start, start + n) }, length: start + n }
  }
  // Neither: the body runs to the end of the connection.
  if (!atEnd) return undefined
  return { response: { status, headers, body: data.subarray(start) }, length: data.length }
}
