import { type ChildProcessByStdio, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { createAuditClient } from '@audit-trail/audit-client'
import type { AuditEvent } from '@audit-trail/datastorage-client'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type DatastorageProcess, startDatastorage } from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'
import { runVerifier, verifierBinPath } from '../src/verify/verifier.js'

// `audit-trail events …` and `token create` (packages/cli) against the real service: the built bin
// as a child process, its stdout a pipe (so JSON lines; the table is a unit test of the package).
// The service's tokens file is made of what `token create` printed: every other test then also
// proves those tokens work.
const { postgresUrl } = inject('e2e')

let dir: string
let db: TestDatabase
let service: DatastorageProcess
let readerToken: string
let writerToken: string
let env: Record<string, string>

/** `token create` as an operator runs it: the token on stdout, the entry to paste on stderr. */
async function createToken(name: string, scopes: string): Promise<{ token: string; entry: string }> {
  const run = await runVerifier(['token', 'create', '--name', name, '--scopes', scopes])
  expect(run.status, run.stderr).toBe(0)
  const token = run.stdout.trim()
  expect(token).toMatch(/^at_[A-Za-z0-9_-]{43}$/)
  const entry = run.stderr.split('\n\n')[1]
  expect(entry).toMatch(/^ {2}- name: /)
  return { token, entry: entry! }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-cli-events-'))
  const reader = await createToken('cli-reader', 'audit:read')
  const writer = await createToken('cli-writer', 'audit:write')
  readerToken = reader.token
  writerToken = writer.token
  const tokensFile = join(dir, 'tokens.yaml')
  writeFileSync(tokensFile, `tokens:\n${reader.entry}${writer.entry}`, { mode: 0o600 })
  db = await createTestDatabase(postgresUrl, 'audit_cli_events')
  service = await startDatastorage({ databaseUrl: db.url, env: { AUTH_TOKENS_FILE: tokensFile } })
  env = { AUDIT_TRAIL_URL: service.url, AUDIT_TRAIL_TOKEN: readerToken }
})

afterAll(async () => {
  await service?.stop()
  await db?.drop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Writes `count` events of `corr` with the writer token `token create` made; their ids in emit order. */
async function write(corr: string, count: number, first = 0): Promise<string[]> {
  const audit = createAuditClient({ baseUrl: service.url, token: writerToken, service: 'e2e-cli' })
  const ids = Array.from({ length: count }, (_, i) => audit.emit(makeEvent(corr, first + i)))
  const stats = await audit.close()
  expect(stats).toMatchObject({ persisted: count, failed: 0, deadLettered: 0 })
  return ids
}

const lines = (stdout: string): AuditEvent[] =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditEvent)

/** Newest first, as the query API orders them. */
const newestFirst = (events: AuditEvent[]) =>
  [...events].sort(
    (a, b) => b.event_timestamp.localeCompare(a.event_timestamp) || b.event_id.localeCompare(a.event_id),
  )

describe('audit-trail token create', () => {
  it('makes tokens the service accepts with their scopes, and no other token', async () => {
    // The writer's token wrote through the service in write(); the reader's reads here.
    const corr = correlationId('cli-token')
    await write(corr, 1)
    const read = await runVerifier(['events', 'query', '--correlation-id', corr], env)
    expect(read.status, read.stderr).toBe(0)
    expect(lines(read.stdout)).toHaveLength(1)

    const writerReads = await runVerifier(['events', 'query', '--correlation-id', corr], {
      ...env,
      AUDIT_TRAIL_TOKEN: writerToken,
    })
    expect(writerReads.status).toBe(2)
    expect(writerReads.stderr).toMatch(/403/)

    const stranger = await runVerifier(['token', 'create', '--name', 'stranger', '--scopes', 'audit:read'])
    const refused = await runVerifier(['events', 'query'], {
      ...env,
      AUDIT_TRAIL_TOKEN: stranger.stdout.trim(),
    })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/401/)
  })

  it('refuses an unknown scope with status 2', async () => {
    const run = await runVerifier(['token', 'create', '--name', 'x', '--scopes', 'audit:everything'])
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/unknown: audit:everything/)
  })
})

describe('audit-trail events query', () => {
  const corr = correlationId('cli-query')
  let ids: string[]

  beforeAll(async () => {
    ids = await write(corr, 7)
  })

  it('prints JSON lines when piped, newest first, every event whole', async () => {
    const run = await runVerifier(['events', 'query', '--correlation-id', corr], env)
    expect(run.status, run.stderr).toBe(0)
    const events = lines(run.stdout)
    expect(events.map((e) => e.event_id).sort()).toEqual([...ids].sort())
    expect(events).toEqual(newestFirst(events))
    expect(events[0]).toMatchObject({ correlation_id: corr, actor_id: 'e2e', recorded_by: 'cli-writer' })
    expect(events[0]!.event_data).toHaveProperty('seq')

    const json = await runVerifier(['events', 'query', '--correlation-id', corr, '--json'], env)
    expect(json.stdout).toBe(run.stdout)
  })

  it('--limit gives one page, --all follows the cursor through every page', async () => {
    const page = await runVerifier(['events', 'query', '--correlation-id', corr, '--limit', '3'], env)
    expect(page.status, page.stderr).toBe(0)
    const all = await runVerifier(['events', 'query', '--correlation-id', corr, '--limit', '3', '--all'], env)
    expect(all.status, all.stderr).toBe(0)
    const everything = lines(all.stdout)
    expect(everything.map((e) => e.event_id).sort()).toEqual([...ids].sort())
    expect(lines(page.stdout)).toEqual(everything.slice(0, 3))
  })

  it('filters with the query API: event type, outcome, actor, recorded-by', async () => {
    const type = 'workflowexecution.workflow.started'
    const run = await runVerifier(
      [
        'events',
        'query',
        '--correlation-id',
        corr,
        '--event-type',
        type,
        '--outcome',
        'success',
        '--actor-id',
        'e2e',
        '--recorded-by',
        'cli-writer',
        '--since',
        '1h',
      ],
      env,
    )
    expect(run.status, run.stderr).toBe(0)
    const events = lines(run.stdout)
    expect(events.length).toBeGreaterThan(0)
    expect(events.length).toBeLessThan(ids.length)
    for (const e of events) expect(e.event_type).toBe(type)

    const none = await runVerifier(['events', 'query', '--correlation-id', corr, '--outcome', 'failure'], env)
    expect(none.status).toBe(0)
    expect(none.stdout).toBe('')
  })

  it('exit 2 on a usage error, and when the service cannot be reached', async () => {
    const usage = await runVerifier(['events', 'query', '--since', 'yesterday'], env)
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/--since/)
    const limit = await runVerifier(['events', 'query', '--limit', '5000'], env)
    expect(limit.status).toBe(2)
    const down = await runVerifier(['events', 'query'], { ...env, AUDIT_TRAIL_URL: 'http://127.0.0.1:9' })
    expect(down.status).toBe(2)
    expect(down.stderr).toMatch(/cannot reach/)
  })
})

describe('audit-trail events get', () => {
  it('prints the event (compact when piped), exit 1 when there is none', async () => {
    const corr = correlationId('cli-get')
    const [id] = await write(corr, 1)
    const found = await runVerifier(['events', 'get', id!], env)
    expect(found.status, found.stderr).toBe(0)
    expect(found.stdout.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(found.stdout)).toMatchObject({ event_id: id, correlation_id: corr })

    const missing = await runVerifier(['events', 'get', randomUUID()], env)
    expect(missing.status).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toMatch(/no event/)

    const malformed = await runVerifier(['events', 'get', 'not-a-uuid'], env)
    expect(malformed.status).toBe(2)
  })
})

/** The bin running in the background, its stdout lines collected as they come. */
interface Background {
  readonly child: ChildProcessByStdio<null, Readable, Readable>
  readonly lines: string[]
  stderr(): string
  /** Resolves with the exit status. */
  readonly exited: Promise<number | null>
}

function startBin(args: readonly string[]): Background {
  const child = spawn(process.execPath, [verifierBinPath(), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const collected: string[] = []
  let partial = ''
  let err = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop()!
    collected.push(...parts)
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk
  })
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (status) => resolve(status))
  })
  return { child, lines: collected, stderr: () => err, exited }
}

/** Waits until `predicate` holds, failing with `what` after `timeoutMs`. */
async function waitUntil(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('audit-trail events tail', () => {
  it('without -f prints the newest N, oldest first, and exits 0', async () => {
    const corr = correlationId('cli-tail')
    const ids = await write(corr, 5)
    const run = await runVerifier(['events', 'tail', '--correlation-id', corr, '-n', '3'], env)
    expect(run.status, run.stderr).toBe(0)
    const events = lines(run.stdout)
    expect(events).toHaveLength(3)
    // Oldest first: the reverse of the query's newest-first order.
    expect(events).toEqual(newestFirst(events).reverse())
    expect(ids).toEqual(expect.arrayContaining(events.map((e) => e.event_id)))
  })

  it('-f prints each event stored after it started, once, and exits 0 on SIGINT', async () => {
    const corr = correlationId('cli-follow')
    const before = await write(corr, 2)
    const tail = startBin(['events', 'tail', '-f', '--correlation-id', corr, '--interval', '200'])
    try {
      await waitUntil(() => tail.lines.length >= 2, 'the events stored before the tail')
      const after = await write(corr, 3, 2)
      await waitUntil(() => tail.lines.length >= 5, 'the events stored after the tail started')
      // Another few polls: nothing is printed twice.
      const polls = tail.lines.length
      await write(corr, 1, 5).then((more) => after.push(...more))
      await waitUntil(() => tail.lines.length > polls, 'one more event')
      tail.child.kill('SIGINT')
      const status = await tail.exited
      expect(status, tail.stderr()).toBe(0)
      const printed = tail.lines.map((line) => (JSON.parse(line) as AuditEvent).event_id)
      expect(printed.slice(0, 2).sort()).toEqual([...before].sort())
      expect(printed.slice(2).sort()).toEqual([...after].sort())
      expect(new Set(printed).size).toBe(printed.length)
    } finally {
      if (tail.child.exitCode === null) tail.child.kill('SIGKILL')
    }
  })
})
