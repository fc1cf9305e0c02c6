import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { waitFor } from '@audit-trail/test-infra'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type CliIo, runCli } from '../src/cli.js'
import { fileDeadLetterQueue } from '../src/dead-letter/file-dead-letter-queue.js'
import { FakeDataStorage } from './helpers/fake-datastorage.js'
import { deadLetterMessages } from './support/dead-letter-messages.js'

let http: Server
let url: string
let service: FakeDataStorage
let dir: string
let spool: string

beforeAll(async () => {
  // A real HTTP server, so the CLI goes through the transport's own connection pool and a socket like in production.
  http = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      if (req.method !== 'POST' || req.url !== '/api/v1/audit/events/batch') {
        res.writeHead(404).end()
        return
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (req.headers.authorization !== undefined) headers.authorization = req.headers.authorization
      const response = await service.fetch(`http://fake${req.url}`, {
        method: 'POST',
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      res.writeHead(response.status, {
        'content-type': response.headers.get('content-type') ?? 'application/json',
      })
      res.end(await response.text())
    })
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve))
})
beforeEach(async () => {
  service = new FakeDataStorage()
  dir = await mkdtemp(join(tmpdir(), 'audit-cli-'))
  spool = join(dir, 'spool.jsonl')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env }
  const code = await runCli(args, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

async function fillSpool(count: number) {
  const dlq = fileDeadLetterQueue({ path: spool, maxBytes: 4096 })
  await dlq.write(deadLetterMessages(count))
  await dlq.write(deadLetterMessages(count, count))
  await dlq.close()
}

describe('audit-spool-replay', () => {
  it('replays the spool, prints a summary line and exits 0; a second run finds nothing', async () => {
    await fillSpool(6)
    const first = await run(['--spool', spool, '--url', url, '--batch-size', '4'])
    expect(first).toEqual({
      code: 0,
      out: 'audit-spool-replay: files=2 replayed=12 duplicates=0 rejected=0 remaining=0',
      err: '',
    })
    expect(service.rows.size).toBe(12)
    expect(service.requests.map((r) => r.ids.length)).toEqual([4, 2, 4, 2])

    const second = await run(['--spool', spool, '--url', url])
    expect(second.code).toBe(0)
    expect(second.out).toMatch(/replayed=0 duplicates=0 rejected=0 remaining=0/)
  })

  it('exits 1 when events remain, saying why it stopped', async () => {
    await fillSpool(3)
    service.failNext(503, 10)
    const result = await run(['--spool', spool, '--url', url])
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/replayed=0 .*remaining=6$/)
    expect(result.err).toMatch(/stopped: 503 from \/api\/v1\/audit\/events\/batch/)
  })

  it('closes its connections to the service when it is done', async () => {
    await fillSpool(3)
    const sockets = new Set<Socket>()
    const track = (socket: Socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    }
    // Kept alive by the server far longer than the wait below: only the replay can end them in time.
    const keepAliveTimeout = http.keepAliveTimeout
    http.keepAliveTimeout = 60_000
    http.on('connection', track)
    try {
      expect((await run(['--spool', spool, '--url', url, '--batch-size', '2'])).code).toBe(0)
      expect(service.requests.length).toBeGreaterThan(1)
      await waitFor('the replay to close its connections', () => expect(sockets.size).toBe(0), 5000, 5)
    } finally {
      http.off('connection', track)
      http.keepAliveTimeout = keepAliveTimeout
    }
  })

  it('exits 1 when the service is unreachable', async () => {
    await fillSpool(2)
    const result = await run(['--spool', spool, '--url', 'http://127.0.0.1:1'])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/stopped: request to http:\/\/127\.0\.0\.1:1 failed/)
  })

  it('reports rejected events and where they went, with exit 0 once the spool is empty', async () => {
    await fillSpool(2)
    service.invalid = (event) => ((event['event_data'] as { i: number }).i === 1 ? 'bad' : undefined)
    const result = await run(['--spool', spool, '--url', url])
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/replayed=3 duplicates=0 rejected=1 remaining=0/)
    expect(result.err).toContain(`${spool}.rejected.jsonl`)
  })

  it('sends --token, or $AUDIT_TOKEN when no flag is given, as a Bearer token', async () => {
    await fillSpool(1)
    await run(['--spool', spool, '--url', url], { AUDIT_TOKEN: 'from-env' })
    await fillSpool(1)
    await run(['--spool', spool, '--url', url, '--token', 'from-flag'], { AUDIT_TOKEN: 'from-env' })
    expect(service.requests.map((r) => r.authorization)).toEqual(['Bearer from-env', 'Bearer from-flag'])
  })

  it('exits 2 with the usage on a usage error', async () => {
    for (const args of [
      [],
      ['--url', url],
      ['--spool', spool],
      ['--spool', spool, '--url', 'localhost:8080'],
      ['--spool', spool, '--url', url, '--batch-size', '0'],
      ['--spool', spool, '--url', url, '--batch-size', '12abc'],
      ['--spool', spool, '--url', url, '--batch-size', '5001'],
      ['--spool', spool, '--url', url, '--bogus'],
      ['--spool', spool, '--url', url, 'extra'],
    ]) {
      const result = await run(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.err).toContain('usage: audit-spool-replay')
    }
    expect(service.requests).toHaveLength(0)
  })

  it('prints the usage for --help', async () => {
    const result = await run(['--help'])
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^usage: audit-spool-replay --spool <path> --url <baseUrl>/)
  })

  it('exits 0 for a spool that does not exist: nothing remains', async () => {
    const result = await run(['--spool', join(dir, 'absent', 'spool.jsonl'), '--url', url])
    expect(result.code).toBe(0)
    expect(result.out).toBe('audit-spool-replay: files=0 replayed=0 duplicates=0 rejected=0 remaining=0')
  })

  it('exits 1 with the error when the spool cannot be read', async () => {
    await fillSpool(1)
    await writeFile(`${spool}.progress`, 'not json')
    const result = await run(['--spool', spool, '--url', url])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^audit-spool-replay: .*JSON/)
    expect(service.requests).toHaveLength(0)
  })
})
