import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TransferError } from '../src/errors.js'
import { exportEvents, RowCounter } from '../src/events/export.js'
import { runCli } from '../src/program.js'
import { cliHarness, type HarnessOptions, runIn, waitUntil } from './support/cli-harness.js'
import { type FakeService, startFakeService } from './support/fake-service.js'
import { buildLog, makeEvents, type TestEvent } from './support/memory-log.js'

let service: FakeService
let events: TestEvent[]
let dir: string

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736'

beforeEach(async () => {
  events = makeEvents(12).map((e, i) => (i % 3 === 0 ? { ...e, trace_id: TRACE } : e))
  service = await startFakeService(buildLog(events, 12))
  dir = mkdtempSync(join(tmpdir(), 'audit-trail-export-'))
})

afterEach(async () => {
  await service.close()
  rmSync(dir, { recursive: true, force: true })
})

const env = () => ({ AUDIT_TRAIL_URL: service.url, AUDIT_TRAIL_TOKEN: service.token })
const run = (args: string[], options: HarnessOptions = {}) => runIn(args, { env: env(), ...options })
const lastQuery = () => Object.fromEntries(new URL(service.requests.at(-1)!, 'http://x').searchParams)
const newestFirst = () => [...events].reverse()

describe('audit-trail events export', () => {
  it('streams NDJSON to stdout, each event as the service sent it, newest first', async () => {
    service.texts.set(events[11]!.event_id, `{"event_id":"${events[11]!.event_id}","kept":1.0e0}`)
    const r = await run(['events', 'export'])
    expect(r.status, r.stderr).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe(`{"event_id":"${events[11]!.event_id}","kept":1.0e0}`)
    expect(lines.slice(1).map((l) => (JSON.parse(l) as TestEvent).event_id)).toEqual(
      newestFirst()
        .slice(1)
        .map((e) => e.event_id),
    )
    expect(lastQuery()).toEqual({ format: 'ndjson' })
    // Not a terminal: no counter on stderr, and nothing else either.
    expect(r.stderr).toBe('')
  })

  it('sends the filters, --trace-id and --limit as the query parameters', async () => {
    const r = await run([
      'events',
      'export',
      '--trace-id',
      TRACE.toUpperCase(),
      '--correlation-id',
      'c-0',
      '--since',
      '2026-12-01T10:00:00Z',
      '--until',
      '2026-12-01T10:10:00Z',
      '--limit',
      '2',
    ])
    expect(r.status, r.stderr).toBe(0)
    expect(lastQuery()).toEqual({
      correlation_id: 'c-0',
      trace_id: TRACE,
      since: '2026-12-01T10:00:00Z',
      until: '2026-12-01T10:10:00Z',
      format: 'ndjson',
      limit: '2',
    })
    const expected = newestFirst()
      .filter((e) => e['trace_id'] === TRACE && e.correlation_id === 'c-0')
      .filter((e) => e.event_timestamp < '2026-12-01T10:10')
      .slice(0, 2)
    expect(r.stdout.trimEnd().split('\n')).toEqual(expected.map((e) => JSON.stringify(e)))
  })

  it('--output writes CSV to FILE through FILE.partial, and says what it wrote', async () => {
    events[4] = { ...events[4]!, event_type: 'line\r\nbreak, "quoted"' }
    service.log = buildLog(events, 12)
    const file = join(dir, 'out.csv')
    const r = await run(['events', 'export', '--format', 'csv', '--output', file])
    expect(r.status, r.stderr).toBe(0)
    const text = readFileSync(file, 'utf8')
    expect(text.startsWith('event_id,event_timestamp,event_type,correlation_id,event_data\r\n')).toBe(true)
    expect(text).toContain(`${events[4]!.event_id},${events[4]!.event_timestamp},"line\r\nbreak, ""quoted"""`)
    expect(existsSync(`${file}.partial`)).toBe(false)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`wrote 12 rows, ${(Buffer.byteLength(text) / 1000).toFixed(1)} kB to ${file}\n`)
    expect(lastQuery()).toEqual({ format: 'csv' })
  })

  it('--output - is stdout', async () => {
    const r = await run(['events', 'export', '--output', '-', '--limit', '1'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toBe(`${JSON.stringify(events[11])}\n`)
  })

  it('shows rows and bytes on stderr when it is a terminal', async () => {
    const r = await run(['events', 'export'], { stderrTty: true })
    expect(r.status, r.stderr).toBe(0)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's erase-line sequence
    expect(r.stderr).toMatch(/^\r\x1b\[Kexport: \d+ rows?, /)
    expect(
      r.stderr.endsWith(`\r\x1b[Kexport: 12 rows, ${(Buffer.byteLength(r.stdout) / 1000).toFixed(1)} kB\n`),
    ).toBe(true)
  })

  it('a transfer cut mid-way exits 1 and leaves no FILE, nor FILE.partial, and an older FILE untouched', async () => {
    service.breakExportAfter = 3
    const file = join(dir, 'events.ndjson')
    writeFileSync(file, 'yesterday’s export\n')
    const r = await run(['events', 'export', '--output', file])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(
      /^audit-trail: the export broke off after 3 rows, \d+ B \(.+\); .+\.partial removed\n$/,
    )
    expect(readFileSync(file, 'utf8')).toBe('yesterday’s export\n')
    expect(existsSync(`${file}.partial`)).toBe(false)

    const fresh = join(dir, 'fresh.ndjson')
    expect((await run(['events', 'export', '--output', fresh])).status).toBe(1)
    expect(existsSync(fresh)).toBe(false)
    expect(existsSync(`${fresh}.partial`)).toBe(false)
  })

  it('a transfer cut mid-way to stdout exits 1 after the rows that came', async () => {
    service.breakExportAfter = 5
    const r = await run(['events', 'export'])
    expect(r.status).toBe(1)
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(5)
    expect(r.stderr).toMatch(/broke off after 5 rows/)
  })

  it('exit 2 before any byte: a refused token, an unreachable service, bad usage; no file left', async () => {
    const file = join(dir, 'refused.csv')
    const refused = await runIn(['events', 'export', '--format', 'csv', '-o', file], {
      env: { ...env(), AUDIT_TRAIL_TOKEN: 'at_wrong' },
    })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/GET \/api\/v1\/audit\/events\/export: 401 Unauthorized/)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}.partial`)).toBe(false)

    const down = await runIn(['events', 'export'], { env: { AUDIT_TRAIL_URL: 'http://127.0.0.1:9' } })
    expect(down.status).toBe(2)
    expect(down.stderr).toMatch(/cannot reach/)

    for (const args of [
      ['--format', 'xml'],
      ['--limit', '0'],
      ['--trace-id', 'abc'],
      ['--trace-id', '0'.repeat(32)],
      ['--output', ''],
      ['--since', 'soon'],
    ]) {
      const usage = await run(['events', 'export', ...args])
      expect(usage.status, args.join(' ')).toBe(2)
    }
    const noDir = await run(['events', 'export', '-o', join(dir, 'missing', 'x.csv')])
    expect(noDir.status).toBe(2)
    expect(noDir.stderr).toMatch(/cannot write .*x\.csv\.partial/)
  })

  it('exit 2 when the service answers another media type than the format asked for', async () => {
    const fetch = async () =>
      new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } })
    const r = await runIn(['events', 'export', '--format', 'csv'], {
      env: { AUDIT_TRAIL_URL: 'http://audit.test' },
      fetch,
    })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/answered text\/html, not text\/csv/)
  })

  it('an interrupt ends the export with 1 and removes FILE.partial', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"event_id":"a"}\n'))
      },
    })
    const fetch = async (input: Request | string | URL, init?: RequestInit) => {
      const signal = input instanceof Request ? input.signal : init?.signal
      signal?.addEventListener('abort', () => void body.cancel().catch(() => {}))
      return new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } })
    }
    const file = join(dir, 'interrupted.ndjson')
    const h = cliHarness({ env: { AUDIT_TRAIL_URL: 'http://audit.test' }, fetch })
    const running = runCli(['events', 'export', '-o', file], h.io)
    await waitUntil(
      () => existsSync(`${file}.partial`) && readFileSync(`${file}.partial`, 'utf8') !== '',
      'the first row',
    )
    h.interrupt()
    expect(await running).toBe(1)
    expect(h.stderr()).toMatch(/the export was interrupted after 1 row, 17 B; .*\.partial removed/)
    expect(existsSync(`${file}.partial`)).toBe(false)
    expect(existsSync(file)).toBe(false)
  })
})

/** A response whose body the test feeds chunk by chunk. */
function controlledResponse(type: string) {
  let feed!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      feed = controller
    },
  })
  const fetch = async () => new Response(body, { status: 200, headers: { 'content-type': type } })
  return {
    fetch,
    push: (text: string) => feed.enqueue(new TextEncoder().encode(text)),
    end: () => feed.close(),
  }
}

describe('exportEvents', () => {
  const endpoint = { url: 'http://audit.test', token: undefined }

  it('waits for drain when the output is full, so memory stays one chunk per wait', async () => {
    const answer = controlledResponse('application/x-ndjson')
    const writes: string[] = []
    const out = Object.assign(new EventEmitter(), {
      write: (chunk: Uint8Array) => {
        writes.push(Buffer.from(chunk).toString())
        return false
      },
    })
    const exporting = exportEvents({ endpoint, fetch: answer.fetch, query: {}, output: { stream: out } })
    answer.push('{"a":1}\n')
    answer.push('{"a":2}\n')
    answer.push('{"a":3}\n')
    await waitUntil(() => writes.length === 1, 'the first write')
    // Nothing more is written (or read beyond the stream's buffer) until the output drains.
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes).toHaveLength(1)
    out.emit('drain')
    await waitUntil(() => writes.length === 2, 'the second write')
    out.emit('drain')
    await waitUntil(() => writes.length === 3, 'the third write')
    answer.end()
    out.emit('drain')
    await expect(exporting).resolves.toEqual({ format: 'ndjson', rows: 3, bytes: 24, file: undefined })
    expect(out.listenerCount('error')).toBe(0)
  })

  it('fails with a TransferError when the output breaks (EPIPE: the reader went away)', async () => {
    const answer = controlledResponse('application/x-ndjson')
    const out = Object.assign(new EventEmitter(), { write: () => true })
    const exporting = exportEvents({ endpoint, fetch: answer.fetch, query: {}, output: { stream: out } })
    answer.push('{"a":1}\n')
    await waitUntil(() => out.listenerCount('error') === 1, 'the export to listen')
    out.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
    const error = await exporting.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransferError)
    expect((error as Error).message).toMatch(/broke off after .* \(write EPIPE\)/)
  })

  it('gives up after idleTimeoutMs without a byte', async () => {
    const answer = controlledResponse('application/x-ndjson')
    const exporting = exportEvents({
      endpoint,
      fetch: answer.fetch,
      query: {},
      output: { stream: { write: () => true } },
      idleTimeoutMs: 50,
    })
    answer.push('{"a":1}\n')
    const error = await exporting.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransferError)
    expect((error as Error).message).toBe(
      'the export broke off after 1 row, 8 B (no data from the service for 0.05 s)',
    )
  })
})

describe('RowCounter', () => {
  it('counts NDJSON lines across chunks', () => {
    const counter = new RowCounter('ndjson')
    expect(counter.count(Buffer.from('{"a":1}\n{"a'))).toBe(1)
    expect(counter.count(Buffer.from('":2}\n'))).toBe(1)
    expect(counter.rows).toBe(2)
    expect(counter.bytes).toBe(16)
  })

  it('counts CSV records after the header, a quoted line break inside a cell being no record', () => {
    const counter = new RowCounter('csv')
    expect(counter.count(Buffer.from('a,b\r\n'))).toBe(0)
    expect(counter.count(Buffer.from('1,"x\r\ny ""z'))).toBe(0)
    expect(counter.count(Buffer.from('"""\r\n2,\r\n'))).toBe(2)
    expect(counter.rows).toBe(2)
  })
})

describe('audit-trail events export on a terminal', () => {
  it('draws no counter over an export that goes to the same terminal', async () => {
    const both = await run(['events', 'export', '--limit', '2'], { tty: true, stderrTty: true })
    expect(both.status, both.stderr).toBe(0)
    expect(both.stderr).toBe('')
    const file = join(dir, 'tty.ndjson')
    const toFile = await run(['events', 'export', '-o', file], { tty: true, stderrTty: true })
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's erase-line sequence
    expect(toFile.stderr).toMatch(/\r\x1b\[Kexport: 12 rows, .* kB\nwrote 12 rows, .* kB to /)
  })
})
