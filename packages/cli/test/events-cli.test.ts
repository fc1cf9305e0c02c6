import { createHash, randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliIo } from '../src/context.js'
import { runCli } from '../src/program.js'
import { type FakeService, startFakeService } from './support/fake-service.js'
import { buildLog, makeEvents, type TestEvent } from './support/memory-log.js'

let service: FakeService
let events: TestEvent[]

interface Harness {
  io: CliIo
  stdout: () => string
  stderr: () => string
  /** Calls what the command registered for an interrupt (SIGINT for the process). */
  interrupt: () => void
}

function harness(options: { tty?: boolean; env?: Record<string, string> } = {}): Harness {
  const out: string[] = []
  const err: string[] = []
  const listeners = new Set<() => void>()
  return {
    io: {
      stdout: { write: (t: string) => out.push(t), isTTY: options.tty ?? false },
      stderr: { write: (t: string) => err.push(t), isTTY: false },
      env: options.env ?? { AUDIT_TRAIL_URL: service.url, AUDIT_TRAIL_TOKEN: service.token },
      onInterrupt: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    interrupt: () => {
      for (const listener of listeners) listener()
    },
  }
}

async function run(args: string[], options?: { tty?: boolean; env?: Record<string, string> }) {
  const h = harness(options)
  const status = await runCli(args, h.io)
  return { status, stdout: h.stdout(), stderr: h.stderr() }
}

const withFields = (e: TestEvent, i: number): TestEvent => ({
  ...e,
  event_outcome: i % 4 === 0 ? 'failure' : 'success',
  actor_id: `actor-${i}`,
})

beforeEach(async () => {
  events = makeEvents(12).map(withFields)
  service = await startFakeService(buildLog(events, 12))
})

afterEach(async () => {
  await service.close()
})

const ids = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as TestEvent).event_id)

describe('audit-trail events query', () => {
  it('prints JSON lines when stdout is not a terminal, each event as sent', async () => {
    const texts = `{"event_id":"${events[11]!.event_id}","kept":1.0e0,"correlation_id":"c-2","event_timestamp":"${events[11]!.event_timestamp}"}`
    service.texts.set(events[11]!.event_id, texts)
    const r = await run(['events', 'query', '--correlation-id', 'c-2'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe(texts)
    expect(ids(r.stdout)).toEqual(
      events
        .filter((e) => e.correlation_id === 'c-2')
        .map((e) => e.event_id)
        .reverse(),
    )
    expect(service.requests.at(-1)).toBe('/api/v1/audit/events?correlation_id=c-2&limit=100')
  })

  it('prints a table on a terminal, JSON lines there with --json', async () => {
    const r = await run(['events', 'query', '--limit', '2'], { tty: true })
    expect(r.status, r.stderr).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^TIME\s+TYPE\s+OUTCOME\s+ACTOR\s+RESOURCE\s+CORRELATION$/)
    expect(lines[1]).toMatch(/^2026-12-01T10:11:00\.000Z\s+test\.event\s+success\s+actor-11\s+-\s+c-2$/)
    expect(r.stderr).toMatch(/more events match/)

    const json = await run(['events', 'query', '--limit', '2', '--json'], { tty: true })
    expect(ids(json.stdout)).toHaveLength(2)
  })

  it('--all follows the cursor; the filters become query parameters', async () => {
    const r = await run(['events', 'query', '--limit', '5', '--all'])
    expect(ids(r.stdout)).toEqual(events.map((e) => e.event_id).reverse())
    const filtered = await run([
      'events',
      'query',
      '--event-type',
      'test.event',
      '--category',
      'gateway',
      '--outcome',
      'failure',
      '--severity',
      'high',
      '--actor-id',
      'a',
      '--resource-type',
      'rt',
      '--resource-id',
      'ri',
      '--namespace',
      'ns',
      '--recorded-by',
      'billing',
      '--since',
      '2020-01-01T00:00:00Z',
      '--until',
      '1h',
    ])
    expect(filtered.status, filtered.stderr).toBe(0)
    const query = new URL(service.requests.at(-1)!, 'http://x').searchParams
    expect(Object.fromEntries(query)).toEqual({
      event_type: 'test.event',
      event_category: 'gateway',
      event_outcome: 'failure',
      severity: 'high',
      actor_id: 'a',
      resource_type: 'rt',
      resource_id: 'ri',
      namespace: 'ns',
      recorded_by: 'billing',
      since: '2020-01-01T00:00:00Z',
      until: '1h',
      limit: '100',
    })
  })

  it('exit 2: a bad option value, a missing URL, a refused token', async () => {
    expect((await run(['events', 'query', '--outcome', 'maybe'])).status).toBe(2)
    expect((await run(['events', 'query', '--limit', '0'])).status).toBe(2)
    expect((await run(['events', 'query', '--since', '1h', '--until', '2h'])).status).toBe(2)
    expect((await run(['events', 'query', '--actor-id', ''])).status).toBe(2)
    const noUrl = await run(['events', 'query'], { env: {} })
    expect(noUrl.status).toBe(2)
    expect(noUrl.stderr).toMatch(/AUDIT_TRAIL_URL/)
    const refused = await run(['events', 'query'], {
      env: { AUDIT_TRAIL_URL: service.url, AUDIT_TRAIL_TOKEN: 'at_x' },
    })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/401 Unauthorized/)
  })

  it('says so on a terminal when nothing matches, and exits 0', async () => {
    const r = await run(['events', 'query', '--correlation-id', 'nobody'], { tty: true })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('no events match\n')
  })
})

describe('audit-trail events get', () => {
  it('pretty JSON on a terminal, one line piped, 1 when not found, 2 for a malformed id', async () => {
    const id = events[3]!.event_id
    const pretty = await run(['events', 'get', id], { tty: true })
    expect(pretty.status).toBe(0)
    expect(pretty.stdout).toBe(`${JSON.stringify(events[3], null, 2)}\n`)
    const piped = await run(['events', 'get', id])
    expect(piped.stdout).toBe(`${JSON.stringify(events[3])}\n`)
    const missing = await run(['events', 'get', randomUUID()])
    expect(missing).toMatchObject({ status: 1, stdout: '' })
    expect(missing.stderr).toMatch(/no event/)
    expect((await run(['events', 'get', 'nope'])).status).toBe(2)
  })
})

describe('audit-trail events tail', () => {
  it('prints the newest N as a table on a terminal, oldest first', async () => {
    const r = await run(['events', 'tail', '-n', '2'], { tty: true })
    expect(r.status, r.stderr).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^TIME/)
    expect(lines[1]).toContain('2026-12-01T10:10:00.000Z')
    expect(lines[2]).toContain('2026-12-01T10:11:00.000Z')
  })

  it('-f prints events stored later and ends with 0 on an interrupt', async () => {
    const h = harness()
    const running = runCli(['events', 'tail', '-f', '-n', '1', '--interval', '100'], h.io)
    const waitFor = async (predicate: () => boolean) => {
      const deadline = Date.now() + 5_000
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out; stdout: ${h.stdout()}`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    }
    await waitFor(() => ids(h.stdout()).length === 1)
    const later: TestEvent = withFields(
      { ...makeEvents(1)[0]!, event_timestamp: '2026-12-01T10:30:00.000Z', correlation_id: 'c-9' },
      1,
    )
    service.log = buildLog([...events, later], 12)
    await waitFor(() => ids(h.stdout()).length === 2)
    h.interrupt()
    expect(await running).toBe(0)
    expect(ids(h.stdout())).toEqual([events[11]!.event_id, later.event_id])
  })

  it('refuses a malformed --lag', async () => {
    const r = await run(['events', 'tail', '-f', '--lag', 'soon'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--lag/)
  })
})

describe('audit-trail token create', () => {
  it('prints a token and the entry of its SHA-256; --json both on stdout', async () => {
    const plain = await run([
      'token',
      'create',
      '--name',
      'billing',
      '--scopes',
      'audit:write, audit:read,audit:write',
    ])
    expect(plain.status).toBe(0)
    const token = plain.stdout.trim()
    expect(token).toMatch(/^at_[A-Za-z0-9_-]{43}$/)
    const sha = createHash('sha256').update(token).digest('hex')
    expect(plain.stderr).toContain(
      `  - name: billing\n    sha256: ${sha}\n    scopes:\n      - audit:write\n      - audit:read\n`,
    )

    const json = await run(['token', 'create', '--name', 'ops', '--scopes', 'audit:admin', '--json'])
    const made = JSON.parse(json.stdout) as {
      token: string
      entry: { name: string; sha256: string; scopes: string[] }
    }
    expect(made.entry).toEqual({
      name: 'ops',
      sha256: createHash('sha256').update(made.token).digest('hex'),
      scopes: ['audit:admin'],
    })
    expect(made.token).not.toBe(token)
  })

  it('exit 2 for a bad name or scope, or a missing option', async () => {
    expect((await run(['token', 'create', '--name', 'a b', '--scopes', 'audit:read'])).status).toBe(2)
    expect((await run(['token', 'create', '--name', 'a', '--scopes', 'audit:all'])).status).toBe(2)
    expect((await run(['token', 'create', '--name', 'a', '--scopes', ','])).status).toBe(2)
    expect((await run(['token', 'create', '--name', 'a'])).status).toBe(2)
  })
})

describe('--trace-id', () => {
  const trace = '0af7651916cd43dd8448eb211c80319c'

  it('is the trace_id parameter of events query and events tail, lower-cased; malformed is exit 2', async () => {
    events[2] = { ...events[2]!, trace_id: trace }
    service.log = buildLog(events, 12)
    const query = await run(['events', 'query', '--trace-id', trace.toUpperCase()])
    expect(query.status, query.stderr).toBe(0)
    expect(ids(query.stdout)).toEqual([events[2]!.event_id])
    expect(service.requests.at(-1)).toBe(`/api/v1/audit/events?trace_id=${trace}&limit=100`)

    const tail = await run(['events', 'tail', '--trace-id', trace, '-n', '5'])
    expect(tail.status, tail.stderr).toBe(0)
    expect(ids(tail.stdout)).toEqual([events[2]!.event_id])
    expect(service.requests.at(-1)).toBe(`/api/v1/audit/events?trace_id=${trace}&limit=5`)

    for (const bad of ['xyz', `${trace}0`, '0'.repeat(32), '']) {
      const r = await run(['events', 'query', '--trace-id', bad])
      expect(r.status, bad).toBe(2)
      expect(r.stderr).toMatch(/--trace-id/)
    }
  })
})

describe('--help', () => {
  const commands = [
    [],
    ['events'],
    ['events', 'query'],
    ['events', 'get'],
    ['events', 'tail'],
    ['events', 'export'],
    ['dlq'],
    ['dlq', 'stats'],
    ['dlq', 'inspect'],
    ['dlq', 'replay'],
    ['verify'],
    ['log'],
    ['log', 'download'],
    ['token'],
    ['token', 'create'],
  ]

  it.each(commands.map((c) => [c.join(' ') || '(root)', c]))(
    '%s --help: usage on stdout, exit 0',
    async (_, command) => {
      const r = await run([...command, '--help'])
      expect(r.status).toBe(0)
      expect(r.stdout).toMatch(
        new RegExp(`^Usage: audit-trail${command.length > 0 ? ` ${command.join(' ')}` : ''} `),
      )
      expect(r.stderr).toBe('')
    },
  )

  it('states the exit statuses on the root and on every command that runs', async () => {
    expect((await run(['--help'])).stdout).toMatch(
      /Exit status, the same for every command:\n {2}0 {2}done\n {2}1 {2}it ran and found a failure/,
    )
    for (const command of commands.filter((c) => c.length === 2 || c[0] === 'verify')) {
      expect((await run([...command, '--help'])).stdout, command.join(' ')).toMatch(/Exit status: 0 /)
    }
  })
})
