import type { Context } from 'hono'
import { HttpProblem } from './problem.js'

/** Options of {@link readJsonBody}. */
export interface ReadJsonBodyOptions {
  /** Largest body accepted, in bytes; a larger one is refused with 413 before or while reading. */
  limitBytes: number
}

const decoder = new TextDecoder('utf-8', { fatal: true })

function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false
  const [mediaType, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase())
  if (mediaType !== 'application/json') return false
  const charset = params.find((p) => p.startsWith('charset='))
  return charset === undefined || charset.slice(8).replace(/"/g, '') === 'utf-8'
}

/**
 * Reads and parses the JSON body of a write request. The body is streamed and counted, so a
 * client that lies about (or omits) `Content-Length` still cannot make the service buffer more
 * than `limitBytes`.
 *
 * @throws HttpProblem `unsupported-media-type` (415) unless the content type is `application/json`
 *   (UTF-8), `payload-too-large` (413) past the limit, `malformed-json` (400) for an empty body,
 *   invalid UTF-8 or invalid JSON.
 */
export async function readJsonBody(c: Context, options: ReadJsonBodyOptions): Promise<unknown> {
  const { limitBytes } = options
  if (!isJsonMediaType(c.req.header('content-type'))) {
    throw new HttpProblem(
      'unsupported-media-type',
      `Content-Type must be application/json, got ${JSON.stringify(c.req.header('content-type') ?? '')}`,
    )
  }
  const tooLarge = () =>
    new HttpProblem('payload-too-large', `The request body exceeds the limit of ${limitBytes} bytes.`)
  const declared = Number(c.req.header('content-length'))
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge()

  const chunks: Uint8Array[] = []
  let size = 0
  const body = c.req.raw.body
  if (body) {
    const reader = body.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        size += value.byteLength
        if (size > limitBytes) {
          await reader.cancel().catch(() => {})
          throw tooLarge()
        }
        chunks.push(value)
      }
    } catch (error) {
      if (error instanceof HttpProblem) throw error
      throw new HttpProblem('bad-request', 'The request body could not be read.', { cause: error })
    }
  }
  if (size === 0)
    throw new HttpProblem('malformed-json', 'The request body is empty; a JSON body is required.')
  let text: string
  try {
    text = decoder.decode(Buffer.concat(chunks, size))
  } catch (error) {
    throw new HttpProblem('malformed-json', 'The request body is not valid UTF-8.', { cause: error })
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new HttpProblem(
      'malformed-json',
      `The request body is not valid JSON: ${(error as Error).message}`,
      {
        cause: error,
      },
    )
  }
}
