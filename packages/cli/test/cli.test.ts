import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateSigningKey, publicKeyText } from '@audit-trail/merkle'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliIo } from '../src/context.js'
import { runCli } from '../src/program.js'
import type { VerifyReport } from '../src/verify/report.js'
import { type FakeService, startFakeService } from './support/fake-service.js'
import { buildLog, makeEvents, type TestEvent } from './support/memory-log.js'

interface Run {
  status: number
  stdout: string
  stderr: string
}

let dir: string
let service: FakeService
let events: TestEvent[]
let keyFile: string

function io(env: Record<string, string | undefined> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t), isTTY: false },
    env,
  }
}

async function run(args: string[], env?: Record<string, string | undefined>): Promise<Run> {
  const streams = io(env)
  const status = await runCli(args, streams)
  return { status, stdout: streams.out.join(''), stderr: streams.err.join('') }
}

const online = () => ['--url', service.url, '--token', service.token, '--public-key', keyFile]

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-trail-cli-'))
  events = makeEvents(12)
  const log = buildLog(events, 10)
  keyFile = join(dir, 'key.pem')
  writeFileSync(keyFile, publicKeyText(log.key.publicKey).pem)
  service = await startFakeService(log)
})

afterEach(async () => {
  await service.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('audit-trail verify', () => {
  it('exits 0 on a valid log and prints the verdict on stdout, progress on stderr', async () => {
    const r = await run(['verify', ...online()])
    expect(r.stderr).toContain('leaves: 10/10')
    expect(r.status).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('VALID')
    expect(r.stdout).toContain('events:      12 received, 10 match their leaf, 2 unsealed')
    expect(r.stdout).not.toContain('leaves: 10/10')
  })

  it('takes the URL and token from the environment, and the key as raw base64', async () => {
    writeFileSync(keyFile, `${publicKeyText(service.log.key.publicKey).raw_base64}\n`)
    const r = await run(['verify', '--public-key', keyFile], {
      AUDIT_TRAIL_URL: service.url,
      AUDIT_TRAIL_TOKEN: service.token,
    })
    expect(r.status).toBe(0)
  })

  it('exits 1 and names exactly the altered and missing events (--json)', async () => {
    service.log.events[3]!['event_type'] = 'edited'
    const deleted = service.log.events.splice(6, 1)[0]!
    const r = await run(['verify', ...online(), '--json'])
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout) as VerifyReport
    expect(report.valid).toBe(false)
    expect(report.failures.map((f) => [f.reason, f.event_id, f.leaf_index])).toEqual([
      ['altered', events[3]!.event_id, 3],
      ['missing', deleted.event_id, 6],
    ])
    expect(report.unsealed.sort()).toEqual([events[10]!.event_id, events[11]!.event_id].sort())
  })

  it('keeps numbers as the service wrote them: 5e-1 and 0.50 hash like 0.5', async () => {
    const event = service.log.events[2]!
    service.texts.set(event.event_id, JSON.stringify(event).replace('"ratio":0.5', '"ratio":5e-1'))
    const event2 = service.log.events[4]!
    service.texts.set(event2.event_id, JSON.stringify(event2).replace('"ratio":0.5', '"ratio":0.50'))
    const r = await run(['verify', ...online()])
    expect(r.status).toBe(0)
  })

  it('exits 1 on a checkpoint the key did not sign', async () => {
    writeFileSync(keyFile, publicKeyText(generateSigningKey().publicKey).pem)
    const r = await run(['verify', ...online(), '--json'])
    expect(r.status).toBe(1)
    expect((JSON.parse(r.stdout) as VerifyReport).failures.map((f) => f.message)).toEqual([
      expect.stringMatching(/^checkpoint signature invalid/),
    ])
  })

  it('checks --proofs against the root', async () => {
    const r = await run(['verify', ...online(), '--proofs', '--json'])
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as VerifyReport).proofs).toEqual({ checked: 10, verified: 10 })
    expect(service.requests.filter((p) => p.includes('/proof?tree_size=10'))).toHaveLength(10)
  })

  it('sends the selection to the service as absolute bounds', async () => {
    const r = await run([
      'verify',
      ...online(),
      '--correlation-id',
      'c-1',
      '--since',
      '2026-12-01T11:00:00+01:00',
      '--until',
      '2026-12-01T10:09:00Z',
      '--json',
    ])
    expect(r.status).toBe(0)
    expect(service.requests).toContain(
      '/api/v1/audit/events?correlation_id=c-1&since=2026-12-01T10%3A00%3A00.000Z&until=2026-12-01T10%3A09%3A00.000Z&limit=1000',
    )
    const report = JSON.parse(r.stdout) as VerifyReport
    expect(report.leaves.selected).toBe(3)
    expect(report.events.matched).toBe(3)
  })

  describe('--state', () => {
    it('remembers the checkpoint, then verifies consistency when the log grew', async () => {
      const stateFile = join(dir, 'state.json')
      const first = await run(['verify', ...online(), '--state', stateFile, '--json'])
      expect(first.status).toBe(0)
      expect((JSON.parse(first.stdout) as VerifyReport).consistency.status).toBe('first_run')
      expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual(service.log.checkpoint)

      service.log = buildLog(service.log.events, 12, service.log.key)
      const second = await run(['verify', ...online(), '--state', stateFile, '--json'])
      expect(second.status).toBe(0)
      const report = JSON.parse(second.stdout) as VerifyReport
      expect(report.consistency).toMatchObject({ status: 'verified', from_tree_size: 10 })
      expect(report.state).toEqual({ file: stateFile, updated: true })
      expect(service.requests).toContain('/api/v1/audit/checkpoints/consistency?from=10&to=12')
      expect(JSON.parse(readFileSync(stateFile, 'utf8')).tree_size).toBe(12)
    })

    it('exits 1 on a rolled-back log and keeps the old state', async () => {
      const stateFile = join(dir, 'state.json')
      expect((await run(['verify', ...online(), '--state', stateFile])).status).toBe(0)
      const before = readFileSync(stateFile, 'utf8')
      service.log = buildLog(service.log.events, 9, service.log.key)
      const r = await run(['verify', ...online(), '--state', stateFile])
      expect(r.status).toBe(1)
      expect(r.stdout).toContain('the log was rolled back: tree_size 9, smaller than the remembered 10')
      expect(r.stdout).toContain('state:       ')
      expect(readFileSync(stateFile, 'utf8')).toBe(before)
    })

    it('exits 2 on a state file that is not a checkpoint', async () => {
      const stateFile = join(dir, 'state.json')
      writeFileSync(stateFile, '{"tree_size": 3}')
      const r = await run(['verify', ...online(), '--state', stateFile])
      expect(r.status).toBe(2)
      expect(r.stderr).toContain('is not a checkpoint')
    })
  })

  describe('exit status 2', () => {
    it.each([
      [['verify', '--url', 'http://127.0.0.1:1'], /required option '--public-key <file>'/],
      [['verify', '--public-key', 'k', '--bundle', 'b', '--url', 'http://x'], /cannot be used with/],
      [['verify', '--public-key', 'KEY', '--since', 'yesterday'], /--since must be an RFC 3339/],
      [['verify', '--public-key', 'KEY', '--since', '1h', '--until', '2h'], /--since must be earlier/],
      [['verify', '--public-key', 'KEY'], /--url or AUDIT_TRAIL_URL/],
      [['verify', '--public-key', 'KEY', '--url', 'ftp://x'], /must be an http\(s\) URL/],
      [['verify', '--public-key', '/nonexistent/key'], /cannot read the public key/],
      [['frobnicate'], /unknown command/],
      [[], /Usage: audit-trail/],
    ])('%j', async (args, message) => {
      const r = await run(args.map((a) => (a === 'KEY' ? keyFile : a)))
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stdout).toBe('')
    })

    it('when the service cannot be reached', async () => {
      await service.close()
      const r = await run(['verify', ...online()])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/cannot reach/)
      service = await startFakeService(buildLog(makeEvents(1)))
    })

    it('when the token is refused', async () => {
      const r = await run(['verify', '--url', service.url, '--token', 'wrong', '--public-key', keyFile])
      expect(r.status).toBe(2)
      expect(r.stderr).toContain('GET /api/v1/audit/checkpoints/latest: 401 Unauthorized: bad token')
    })

    it('when the key file holds no key', async () => {
      writeFileSync(keyFile, 'not a key')
      const r = await run(['verify', ...online()])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/is not an Ed25519 public key/)
    })
  })

  it('--help exits 0 on every command', async () => {
    for (const args of [['--help'], ['verify', '--help'], ['log', '--help'], ['log', 'download', '--help']]) {
      const r = await run(args)
      expect(r.status, args.join(' ')).toBe(0)
      expect(r.stdout).toContain('Usage: audit-trail')
    }
    expect((await run(['verify', '--help'])).stdout).toContain('Exit status: 0 valid, 1 something failed')
  })
})

describe('offline: log download and verify --bundle', () => {
  it('writes the bundle with each event text as served, and verifies it like the service', async () => {
    const event = service.log.events[2]!
    service.texts.set(event.event_id, JSON.stringify(event).replace('"ratio":0.5', '"ratio":5e-1'))
    const bundle = join(dir, 'bundle')
    const download = await run([
      'log',
      'download',
      '--url',
      service.url,
      '--token',
      service.token,
      '--out',
      bundle,
    ])
    expect(download.status).toBe(0)
    expect(download.stdout).toBe(`wrote ${bundle}: checkpoint tree_size 10, 10 leaves, 12 events\n`)
    const lines = readFileSync(join(bundle, 'events.ndjson'), 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(12)
    expect(lines).toContain(JSON.stringify(event).replace('"ratio":0.5', '"ratio":5e-1'))
    expect(readFileSync(join(bundle, 'leaves.ndjson'), 'utf8').trimEnd().split('\n')).toHaveLength(10)

    const offline = await run(['verify', '--bundle', bundle, '--public-key', keyFile, '--json'])
    expect(offline.status).toBe(0)
    const online = JSON.parse(
      (
        await run([
          'verify',
          '--url',
          service.url,
          '--token',
          service.token,
          '--public-key',
          keyFile,
          '--json',
        ])
      ).stdout,
    ) as VerifyReport
    const report = JSON.parse(offline.stdout) as VerifyReport
    expect({ ...report, source: '', unsealed: report.unsealed.sort() }).toEqual({
      ...online,
      source: '',
      unsealed: online.unsealed.sort(),
    })
  })

  it('finds the same failures offline', async () => {
    const bundle = join(dir, 'bundle')
    expect(
      (await run(['log', 'download', '--url', service.url, '--token', service.token, '--out', bundle]))
        .status,
    ).toBe(0)
    const lines = readFileSync(join(bundle, 'events.ndjson'), 'utf8').trimEnd().split('\n')
    const kept = lines.filter((l) => !l.includes(events[5]!.event_id))
    writeFileSync(join(bundle, 'events.ndjson'), `${kept.join('\n')}\n`)
    const r = await run(['verify', '--bundle', bundle, '--public-key', keyFile, '--json'])
    expect(r.status).toBe(1)
    expect((JSON.parse(r.stdout) as VerifyReport).failures.map((f) => f.message)).toEqual([
      `missing ${events[5]!.event_id} (leaf 5)`,
    ])
  })

  it('carries the consistency proof from --from-state, and refuses to skip it without', async () => {
    const stateFile = join(dir, 'state.json')
    expect((await run(['verify', ...online(), '--state', stateFile])).status).toBe(0)
    service.log = buildLog(service.log.events, 12, service.log.key)

    const bare = join(dir, 'bare')
    expect(
      (await run(['log', 'download', '--url', service.url, '--token', service.token, '--out', bare])).status,
    ).toBe(0)
    const refused = await run(['verify', '--bundle', bare, '--public-key', keyFile, '--state', stateFile])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('has no consistency proof from tree_size 10 to 12')

    const bundle = join(dir, 'bundle')
    const download = await run([
      'log',
      'download',
      '--url',
      service.url,
      '--token',
      service.token,
      '--out',
      bundle,
      '--from-state',
      stateFile,
      '--json',
    ])
    expect(JSON.parse(download.stdout)).toMatchObject({
      tree_size: 12,
      leaves: 12,
      events: 12,
      consistency_from: 10,
    })
    const r = await run([
      'verify',
      '--bundle',
      bundle,
      '--public-key',
      keyFile,
      '--state',
      stateFile,
      '--json',
    ])
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as VerifyReport).consistency.status).toBe('verified')
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).tree_size).toBe(12)
  })

  it('exits 2 on a bundle that is not one', async () => {
    const r = await run(['verify', '--bundle', join(dir, 'nothing'), '--public-key', keyFile])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/cannot read .*checkpoint\.json/)
    const bundle = join(dir, 'bundle')
    expect(
      (await run(['log', 'download', '--url', service.url, '--token', service.token, '--out', bundle]))
        .status,
    ).toBe(0)
    writeFileSync(join(bundle, 'leaves.ndjson'), 'garbage\n')
    const garbage = await run(['verify', '--bundle', bundle, '--public-key', keyFile])
    expect(garbage.status).toBe(2)
    expect(garbage.stderr).toContain('leaves.ndjson line 1 is not JSON')
  })
})
