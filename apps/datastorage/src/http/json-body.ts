import { pipeline, Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import type { Context } from 'hono'
import { type BodyReservation, bodyReservationOf } from './body-budget.js'
import { HttpProblem } from './problem.js'

/** Options of {@link readJsonText}. */
export interface ReadJsonBodyOptions {
  /**
   * Largest body accepted, in bytes, as sent and, for a gzip body, once decompressed too; a larger
   * one is refused with 413 before or while reading.
   */
  limitBytes: number
}

function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false
  const [mediaType, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase())
  if (mediaType !== 'application/json') return false
  const charset = params.find((p) => p.startsWith('charset='))
  return charset === undefined || charset.slice(8).replace(/"/g, '') === 'utf-8'
}

/**
 * The body's one content coding: `identity` (no header, an empty one, or `identity`) or `gzip`
 * (`x-gzip` is its old name, RFC 9110 §8.4.1.3). Anything else, a list of codings included, is
 * refused: storing a body the service cannot decode would store something else than was sent.
 */
function contentCodingOf(header: string | undefined): 'identity' | 'gzip' {
  const coding = (header ?? '').trim().toLowerCase()
  if (coding === '' || coding === 'identity') return 'identity'
  if (coding === 'gzip' || coding === 'x-gzip') return 'gzip'
  throw new HttpProblem(
    'unsupported-content-encoding',
    `Content-Encoding ${JSON.stringify(header)} is not supported; send gzip or no Content-Encoding.`,
  )
}

/** Content-Length as a number, or undefined when absent (Node refuses a malformed one before the app). */
function declaredLength(header: string | undefined): number | undefined {
  if (header === undefined || !/^\s*\d+\s*$/.test(header)) return undefined
  return Number(header)
}

/** Bytes read so far, as sent and decompressed, and what the reservation must cover. */
interface BodyCount {
  declared: number
  raw: number
  decoded: number
}

/** What a request's reservation must hold: what was declared or read, and what was decompressed. */
function reserve(reservation: BodyReservation | undefined, count: BodyCount): void {
  reservation?.ensure(Math.max(count.declared, count.raw, count.decoded))
}

/**
 * The body as sent, counted: past `limitBytes` it stops with 413 (a client that lies about, or
 * omits, Content-Length cannot make the service buffer more); a chunked body grows the
 * reservation chunk by chunk.
 */
async function* rawChunks(
  body: ReadableStream<Uint8Array> | null,
  limitBytes: number,
  count: BodyCount,
  reservation: BodyReservation | undefined,
  tooLarge: () => HttpProblem,
): AsyncGenerator<Uint8Array> {
  if (!body) {
    if (reservation) reservation.complete = true
    return
  }
  const reader = body.getReader()
  let done = false
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>
      try {
        chunk = await reader.read()
      } catch (error) {
        throw new HttpProblem('bad-request', 'The request body could not be read.', { cause: error })
      }
      if (chunk.done) break
      count.raw += chunk.value.byteLength
      if (count.raw > limitBytes) throw tooLarge()
      reserve(reservation, count)
      yield chunk.value
    }
    done = true
    if (reservation) reservation.complete = true
  } finally {
    if (!done) await reader.cancel().catch(() => {})
  }
}

const GZIP_CHUNK_BYTES = 64 * 1024

/**
 * Decompresses a gzip body as it is read, pulling output only as it is consumed: a small body
 * that inflates past the limit is stopped as soon as it passes it, never inflated whole.
 */
async function* gunzipChunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflater = createGunzip({ chunkSize: GZIP_CHUNK_BYTES })
  pipeline(Readable.from(source, { objectMode: false }), inflater, () => {})
  try {
    for await (const chunk of inflater) yield chunk as Buffer
  } catch (error) {
    if (error instanceof HttpProblem) throw error
    throw new HttpProblem(
      'bad-request',
      `The request body is labelled Content-Encoding gzip but is not valid gzip data: ${(error as Error).message}.`,
      { cause: error },
    )
  } finally {
    inflater.destroy()
  }
}

/**
 * Reads the body of a write request and returns it as text, with every check a body gets: the
 * media type, the content coding (gzip is decompressed), the size counted while streaming (as
 * sent and decompressed), the process-wide body budget, emptiness and UTF-8. The text is exactly
 * what was sent (after gzip), so a caller may look at it before or instead of `JSON.parse`.
 *
 * The bytes read stay reserved in the app's body budget until the response is sent (the parsed
 * JSON lives that long).
 *
 * @throws HttpProblem `unsupported-media-type` (415) unless the content type is `application/json`
 *   (UTF-8); `unsupported-content-encoding` (415) for a Content-Encoding other than gzip;
 *   `payload-too-large` (413) past `limitBytes`, as sent or decompressed; `body-budget-exhausted`
 *   (503, `Retry-After`) when the process already holds its budget of bodies; `bad-request` (400)
 *   when the body cannot be read or is not valid gzip; `malformed-json` (400) for an empty body or
 *   invalid UTF-8.
 * @example
 * const text = await readJsonText(c, { limitBytes: config.bodyLimitBytes })
 */
export async function readJsonText(c: Context, options: ReadJsonBodyOptions): Promise<string> {
  const { limitBytes } = options
  if (!isJsonMediaType(c.req.header('content-type'))) {
    throw new HttpProblem(
      'unsupported-media-type',
      `Content-Type must be application/json, got ${JSON.stringify(c.req.header('content-type') ?? '')}`,
    )
  }
  const coding = contentCodingOf(c.req.header('content-encoding'))
  const tooLarge = (what = 'The request body') =>
    new HttpProblem('payload-too-large', `${what} exceeds the limit of ${limitBytes} bytes.`)
  const declared = declaredLength(c.req.header('content-length'))
  if (declared !== undefined && declared > limitBytes) throw tooLarge()

  const reservation = bodyReservationOf(c)
  const count: BodyCount = { declared: declared ?? 0, raw: 0, decoded: 0 }
  reserve(reservation, count)
  const raw = rawChunks(c.req.raw.body, limitBytes, count, reservation, tooLarge)
  const chunks = coding === 'gzip' ? gunzipChunks(raw) : raw

  // One decoder per body: in streaming mode it keeps a split character across chunks.
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
    } catch (error) {
      throw new HttpProblem('malformed-json', 'The request body is not valid UTF-8.', { cause: error })
    }
  }
  const parts: string[] = []
  for await (const chunk of chunks) {
    if (coding === 'gzip') {
      count.decoded += chunk.byteLength
      if (count.decoded > limitBytes) throw tooLarge('The decompressed request body')
      reserve(reservation, count)
    }
    parts.push(decode(chunk))
  }
  parts.push(decode())
  const size = coding === 'gzip' ? count.decoded : count.raw
  if (size === 0)
    throw new HttpProblem('malformed-json', 'The request body is empty; a JSON body is required.')
  return parts.join('')
}

/**
 * The text {@link readJsonText} returned, parsed as JSON.
 *
 * @throws HttpProblem `malformed-json` (400) for invalid JSON.
 */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = `The request body is not valid JSON: ${(error as Error).message}`
    throw new HttpProblem('malformed-json', detail, { cause: error })
  }
}
