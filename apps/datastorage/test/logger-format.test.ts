import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, resolveLogFormat } from '../src/logger.js'

/** A stream that keeps what is written, and says it is a terminal or not. */
function captureStream(isTTY: boolean) {
  const chunks: string[] = []
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(chunk.toString())
        callback()
      },
    }),
    { isTTY },
  )
  return { stream, text: () => chunks.join('') }
}

/** Waits for `predicate` (pino-pretty writes through a transform stream), failing after 2 s. */
async function waitFor(predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the log line')
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('resolveLogFormat', () => {
  it('auto is pretty on a terminal and JSON otherwise; explicit formats ignore the stream', () => {
    expect(resolveLogFormat('auto', { isTTY: true })).toBe('pretty')
    expect(resolveLogFormat('auto', { isTTY: false })).toBe('json')
    expect(resolveLogFormat('auto', {})).toBe('json')
    expect(resolveLogFormat('json', { isTTY: true })).toBe('json')
    expect(resolveLogFormat('pretty', { isTTY: false })).toBe('pretty')
  })
})

describe('createLogger formats', () => {
  it('writes readable lines to a terminal, without the redacted secret', async () => {
    const out = captureStream(true)
    const logger = createLogger({ destination: out.stream })
    logger.info({ authorization: 'Bearer at_secret', port: 8080 }, 'listening')
    await waitFor(() => out.text().includes('listening'))
    const text = out.text()
    expect(text).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] INFO: listening\n/)
    expect(text).toContain('port: 8080')
    expect(text).toContain('[redacted]')
    expect(text).not.toContain('at_secret')
    expect(text).not.toContain('{"')
  })

  it('writes JSON lines to a stream that is not a terminal', () => {
    const out = captureStream(false)
    const logger = createLogger({ destination: out.stream })
    logger.info({ port: 8080 }, 'listening')
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>
    expect(line).toMatchObject({ level: 30, msg: 'listening', port: 8080, service: 'datastorage' })
  })

  it('LOG_FORMAT=json keeps JSON on a terminal', () => {
    const out = captureStream(true)
    createLogger({ destination: out.stream, format: 'json' }).warn('plain')
    expect(JSON.parse(out.text().trim())).toMatchObject({ level: 40, msg: 'plain' })
  })
})
