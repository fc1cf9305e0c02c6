import { connect } from 'node:net'

/** One HTTP/1.1 answer read off a socket. */
export interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/** What came back on a raw connection. */
export interface RawExchange {
  answer: RawAnswer | undefined
  /** The server closed the connection (FIN) after answering. */
  closed: boolean
  /** A socket error (ECONNRESET …), if one happened. */
  error?: string
}

/**
 * Writes `chunks` to a new TCP connection to 127.0.0.1:`port` and reads one HTTP/1.1 answer
 * (Content-Length or chunked body): for requests fetch cannot send (a bad Host, `OPTIONS *`,
 * conflicting lengths, huge headers). With `waitForClose` it then waits for the server to close the
 * connection. Resolves at the latest after `timeoutMs`, with what it had.
 */
export function rawExchange(
  port: number,
  chunks: Array<string | Uint8Array>,
  { waitForClose = false, timeoutMs = 10_000 } = {},
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const result: RawExchange = { answer: undefined, closed: false }
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
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data])
      result.answer ??= parseAnswer(buffer)
      if (result.answer && !waitForClose) finish()
    })
    socket.on('end', () => {
      result.closed = true
      result.answer ??= parseAnswer(buffer, true)
      finish()
    })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      result.error = error.code ?? error.message
      result.answer ??= parseAnswer(buffer, true)
      finish()
    })
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return
        if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r))
      }
    })
  })
}

/** The first answer in `data` (skipping 1xx), or undefined while it is incomplete. */
function parseAnswer(data: Buffer, atEnd = false): RawAnswer | undefined {
  let rest = data
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n')
    if (headEnd < 0) return undefined
    const [statusLine = '', ...lines] = rest.subarray(0, headEnd).toString('latin1').split('\r\n')
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0)
    const headers: Record<string, string> = {}
    for (const line of lines) {
      const colon = line.indexOf(':')
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
    }
    const body = rest.subarray(headEnd + 4)
    if (status >= 100 && status < 200) {
      rest = body
      continue
    }
    if (headers['transfer-encoding']?.toLowerCase().includes('chunked')) {
      const parts: Buffer[] = []
      let at = 0
      for (;;) {
        const lineEnd = body.indexOf('\r\n', at)
        if (lineEnd < 0) return undefined
        const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16)
        if (size === 0) return { status, headers, body: Buffer.concat(parts).toString('utf8') }
        if (Number.isNaN(size) || body.length < lineEnd + 2 + size + 2) return undefined
        parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size))
        at = lineEnd + 2 + size + 2
      }
    }
    const length = headers['content-length']
    if (length !== undefined) {
      if (body.length < Number(length)) return undefined
      return { status, headers, body: body.subarray(0, Number(length)).toString('utf8') }
    }
    return atEnd ? { status, headers, body: body.toString('utf8') } : undefined
  }
}
