import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAuditClient } from '@audit-trail/audit-client'
import {
  type AuditEvent,
  type components,
  encodeDeadLetterMessage,
  uuidv7,
} from '@audit-trail/datastorage-client'
import { createTestDatabase, parseCsv, type TestDatabase } from '@audit-trail/test-infra'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startCuttingProxy } from '../src/cutting-proxy.js'
import { type DatastorageProcess, startDatastorage } from '../src/datastorage-process.js'
import { correlationId, makeEvent } from '../src/events.js'
import { runVerifier } from '../src/verify/verifier.js'

// The operator commands of `audit-trail` (packages/cli) against the real service, the built bin as
// a child process (stdout a pipe, so JSON; tables are the package's unit tests): events export as
// NDJSON and CSV (the rows are the query's), to a file, cut mid-answer, the trace-id filter, and dlq
// stats|inspect|replay over messages put in the service's DLQ stream in real Redis.
const { postgresUrl, redisUrl, keyPrefix } = inject('e2e')

type DlqStats = components['schemas']['DlqStats']
type DlqMessage = components['schemas']['DlqMessages']['messages'][number]
type DlqReplaySummary = components['schemas']['DlqReplaySummary']

const STREAM = `${keyPrefix}cli-ops:audit:dlq:events`
const DEAD_LETTER = `${keyPrefix}cli-ops:audit:dead-letter:events`
const GROUP = 'datastorage'
const WORKER = 'e2e-worker'

let dir: string
let db: TestDatabase
let service: DatastorageProcess
let redis: Redis
let reader: Record<string, string>
let admin: Record<string, string>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-cli-operators-'))
  redis = new Redis(redisUrl)
  db = await createTestDatabase(postgresUrl, 'audit_cli_operators')
  service = await startDatastorage({
    databaseUrl: db.url,
    redisUrl,
    env: {
      DLQ_STREAM: STREAM,
      DEAD_LETTER_STREAM: DEAD_LETTER,
      DLQ_CONSUMER_NAME: WORKER,
      // The service's own replay worker claims another consumer's message only after an hour:
      // the messages this test hands to a consumer stay where it put them.
      DLQ_CLAIM_IDLE_MS: '3600000',
    },
  })
  reader = { AUDIT_TRAIL_URL: service.url, AUDIT_TRAIL_TOKEN: service.tokens.reader }
  admin = { AUDIT_TRAIL_URL: service.url, AUDIT_TRAIL_TOKEN: service.tokens.admin }
})

afterAll(async () => {
  await service?.stop()
  await db?.drop()
  redis?.disconnect()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Writes `count` events of `corr` through the audit client, each `i % 3 === 0` with `traceId`. */
async function write(corr: string, count: number, traceId: string): Promise<void> {
  const audit = createAuditClient({ baseUrl: service.url, token: service.tokens.writer, service: 'e2e-cli' })
  for (let i = 0; i < count; i++) {
    const event = makeEvent(corr, i)
    audit.emit(i % 3 === 0 ? { ...event, trace_id: traceId } : event)
  }
  const stats = await audit.close()
  expect(stats).toMatchObject({ persisted: count, failed: 0, deadLettered: 0 })
}

const jsonLines = <T>(stdout: string): T[] =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T)

/** A 32-hex-digit W3C trace id. */
const traceId = () => uuidv7().replaceAll('-', '')

describe('audit-trail events export', () => {
  const corr = correlationId('cli-export')
  const trace = traceId()
  let queried: AuditEvent[]

  beforeAll(async () => {
    await write(corr, 25, trace)
    const query = await runVerifier(['events', 'query', '--correlation-id', corr, '--all'], reader)
    expect(query.status, query.stderr).toBe(0)
    queried = jsonLines<AuditEvent>(query.stdout)
    expect(queried).toHaveLength(25)
  })

  it('NDJSON on stdout: the events the query returns, in its order, whole', async () => {
    const run = await runVerifier(['events', 'export', '--correlation-id', corr], reader)
    expect(run.status, run.stderr).toBe(0)
    expect(jsonLines<AuditEvent>(run.stdout)).toEqual(queried)
    // Not a terminal: no progress on stderr.
    expect(run.stderr).toBe('')

    const newest = await runVerifier(['events', 'export', '--correlation-id', corr, '--limit', '4'], reader)
    expect(jsonLines<AuditEvent>(newest.stdout)).toEqual(queried.slice(0, 4))
  })

  it('CSV to --output FILE: a header and one row per event of the query; no FILE.partial left', async () => {
    const file = join(dir, 'export.csv')
    const run = await runVerifier(
      ['events', 'export', '--correlation-id', corr, '--format', 'csv', '--output', file],
      reader,
    )
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(new RegExp(`^wrote 25 rows, [0-9.]+ k?B to ${file}\\n$`))
    expect(existsSync(`${file}.partial`)).toBe(false)
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'))
    expect(header!.slice(0, 4)).toEqual(['event_id', 'event_timestamp', 'event_type', 'event_category'])
    const column = (name: string) => rows.map((row) => row[header!.indexOf(name)])
    expect(column('event_id')).toEqual(queried.map((e) => e.event_id))
    expect(column('correlation_id')).toEqual(queried.map(() => corr))
    expect(column('trace_id')).toEqual(queried.map((e) => e.trace_id ?? ''))
    expect(column('event_data').map((text) => JSON.parse(text!))).toEqual(queried.map((e) => e.event_data))
  })

  it('--trace-id: query, tail and export find exactly the trace’s events', async () => {
    const traced = queried.filter((e) => e.trace_id === trace)
    expect(traced).toHaveLength(9)
    const ids = traced.map((e) => e.event_id)

    const query = await runVerifier(['events', 'query', '--trace-id', trace], reader)
    expect(query.status, query.stderr).toBe(0)
    expect(jsonLines<AuditEvent>(query.stdout).map((e) => e.event_id)).toEqual(ids)

    const exported = await runVerifier(['events', 'export', '--trace-id', trace.toUpperCase()], reader)
    expect(exported.status, exported.stderr).toBe(0)
    expect(jsonLines<AuditEvent>(exported.stdout)).toEqual(traced)

    const tail = await runVerifier(['events', 'tail', '--trace-id', trace, '-n', '100'], reader)
    expect(tail.status, tail.stderr).toBe(0)
    expect(jsonLines<AuditEvent>(tail.stdout).map((e) => e.event_id)).toEqual([...ids].reverse())

    const none = await runVerifier(['events', 'export', '--trace-id', traceId()], reader)
    expect(none).toMatchObject({ status: 0, stdout: '' })
  })

  it('a transfer cut mid-answer exits 1, says after how many rows, and leaves no file', async () => {
    // Headers and a few rows of the ~25 kB answer get through; then the connection is cut.
    const proxy = await startCuttingProxy(service.directUrl, 3000)
    try {
      const env = { ...reader, AUDIT_TRAIL_URL: proxy.url }
      const file = join(dir, 'cut.ndjson')
      const toFile = await runVerifier(['events', 'export', '--correlation-id', corr, '--output', file], env)
      expect(toFile.status, toFile.stderr).toBe(1)
      expect(toFile.stderr).toMatch(
        new RegExp(
          `^audit-trail: the export broke off after \\d+ rows?, .+ \\(.+\\); ${file}\\.partial removed\n$`,
        ),
      )
      expect(existsSync(file)).toBe(false)
      expect(existsSync(`${file}.partial`)).toBe(false)

      const piped = await runVerifier(['events', 'export', '--correlation-id', corr], env)
      expect(piped.status, piped.stderr).toBe(1)
      const rows = Number(/broke off after (\d+) row/.exec(piped.stderr)?.[1])
      expect(rows).toBeGreaterThan(0)
      expect(rows).toBeLessThan(queried.length)
      // What reached stdout is the start of the export: its whole lines are the query's first events.
      const whole = piped.stdout.slice(0, piped.stdout.lastIndexOf('\n') + 1)
      expect(jsonLines<AuditEvent>(whole)).toEqual(queried.slice(0, rows))
      expect(proxy.cuts()).toBe(2)
    } finally {
      await proxy.close()
    }
  })

  it('exit 2: a refused token, a token without audit:read, bad usage; nothing written', async () => {
    const file = join(dir, 'refused.ndjson')
    const refused = await runVerifier(['events', 'export', '--output', file], {
      ...reader,
      AUDIT_TRAIL_TOKEN: 'at_not-a-token-of-this-service',
    })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/GET \/api\/v1\/audit\/events\/export: 401/)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}.partial`)).toBe(false)

    const writer = await runVerifier(['events', 'export'], {
      ...reader,
      AUDIT_TRAIL_TOKEN: service.tokens.writer,
    })
    expect(writer.status).toBe(2)
    expect(writer.stderr).toMatch(/403/)

    for (const args of [['--format', 'xml'], ['--trace-id', 'not-a-trace'], ['--limit', '0'], ['--bogus']]) {
      const usage = await runVerifier(['events', 'export', ...args], reader)
      expect(usage.status, args.join(' ')).toBe(2)
      expect(usage.stdout).toBe('')
    }
  })
})

/** `audit-trail dlq …` with the admin token; stdout parsed as JSON lines. */
async function dlq<T>(args: string[], expected: number): Promise<{ out: T[]; stderr: string }> {
  const run = await runVerifier(['dlq', ...args], admin)
  expect(run.status, `dlq ${args.join(' ')}: ${run.stderr}`).toBe(expected)
  return { out: jsonLines<T>(run.stdout), stderr: run.stderr }
}

/** A client-side dead-letter message holding a new event of `corr`. */
function message(corr: string, i: number): string[] {
  return encodeDeadLetterMessage({
    event: {
      ...makeEvent(corr, i),
      version: '1.0',
      event_id: uuidv7(),
      event_timestamp: new Date(Date.now() - i).toISOString(),
    },
    source: 'client',
    service: 'e2e-cli',
    reason: 'seeded by the test',
    attempts: 3,
    enqueuedAt: new Date().toISOString(),
  })
}

/**
 * Adds `entries` to the DLQ stream and delivers them to `consumer` in one transaction, so the
 * service's worker (reading new entries as they come) never sees them: they are pending with
 * `consumer`, as if it had read them and not acknowledged them yet.
 */
async function enqueueFor(consumer: string, entries: string[][]): Promise<string[]> {
  const tx = redis.multi()
  for (const fields of entries) tx.xadd(STREAM, '*', ...fields)
  tx.xreadgroup('GROUP', GROUP, consumer, 'COUNT', entries.length, 'STREAMS', STREAM, '>')
  const results = (await tx.exec())!
  for (const [error] of results) expect(error).toBeNull()
  return results.slice(0, entries.length).map(([, id]) => id as string)
}

describe('audit-trail dlq', () => {
  /**
   * The consumer the service's replay reads as (`api-<hostname>-<pid>`, apps/datastorage's DLQ
   * route): messages pending with it are the replay's own, retried on its first round, while the
   * service's worker leaves them for DLQ_CLAIM_IDLE_MS. Without that, the worker (which reads new
   * entries the moment they arrive) would race the replay for every message put in the stream.
   */
  let replayConsumer: string

  beforeAll(() => {
    replayConsumer = `api-${hostname()}-${service.pid()}`
  })

  it('replay of an empty DLQ: exit 0, nothing done', async () => {
    const { out, stderr } = await dlq<DlqReplaySummary>(
      ['replay', '--interval', '100', '--max-wait', '1000'],
      0,
    )
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({ stream: STREAM, done: 0, total: 0, remaining: 0, gave_up: false })
    expect(stderr).toBe('replay: 0/0 started\nreplay: 0/0 done\n')
    const stats = (await dlq<DlqStats>(['stats'], 0)).out[0]!
    expect(stats).toMatchObject({
      enabled: true,
      stream: STREAM,
      length: 0,
      group: { name: GROUP, pending: 0 },
    })
  })

  it('stats and inspect show the messages waiting; replay stores them with its progress on stderr', async () => {
    const corr = correlationId('cli-dlq')
    const ids = await enqueueFor(
      replayConsumer,
      Array.from({ length: 5 }, (_, i) => message(corr, i)),
    )

    const stats = (await dlq<DlqStats>(['stats'], 0)).out[0]!
    expect(stats).toMatchObject({
      length: 5,
      capacity: 1_000_000,
      dead_letter: { stream: DEAD_LETTER, length: 0 },
    })
    expect(stats.group).toMatchObject({ name: GROUP, pending: 5 })
    expect(stats.oldest_enqueued_at).toEqual(expect.any(String))

    const inspected = (await dlq<DlqMessage>(['inspect', '--count', '3'], 0)).out
    expect(inspected.map((m) => m.id)).toEqual(ids.slice(0, 3))
    expect(inspected[0]!.message).toMatchObject({
      source: 'client',
      service: 'e2e-cli',
      reason: 'seeded by the test',
      attempts: 3,
      event: { correlation_id: corr },
    })

    const { out, stderr } = await dlq<DlqReplaySummary>(
      ['replay', '--interval', '100', '--max-wait', '10000'],
      0,
    )
    expect(out[0]).toMatchObject({
      done: 5,
      total: 5,
      created: 5,
      poisoned: 0,
      remaining: 0,
      gave_up: false,
      max_wait_ms: 10_000,
    })
    expect(stderr).toMatch(/^replay: 0\/5 \(0%\) started\n/)
    expect(stderr).toMatch(/replay: 5\/5 \(100%\) done\n$/)

    const stored = await runVerifier(['events', 'query', '--correlation-id', corr], reader)
    expect(jsonLines<AuditEvent>(stored.stdout)).toHaveLength(5)
    expect((await dlq<DlqStats>(['stats'], 0)).out[0]).toMatchObject({ length: 0, group: { pending: 0 } })
  })

  it('replay exits 1 when it parked a poison message, which inspect --dead-letter then shows', async () => {
    const corr = correlationId('cli-dlq-poison')
    const [, poisonId] = await enqueueFor(replayConsumer, [
      message(corr, 0),
      ['v', '1', 'event_id', 'x', 'event', '{not json'],
    ])
    const { out, stderr } = await dlq<DlqReplaySummary>(
      ['replay', '--interval', '100', '--max-wait', '10000'],
      1,
    )
    expect(out[0]).toMatchObject({ done: 2, created: 1, poisoned: 1, remaining: 0, gave_up: false })
    expect(stderr).toContain(
      'audit-trail: 1 poison message moved to the dead-letter stream: audit-trail dlq inspect --dead-letter\n',
    )
    const parked = (await dlq<DlqMessage>(['inspect', '--dead-letter'], 0)).out
    expect(parked).toHaveLength(1)
    expect(parked[0]!.error).toEqual(expect.any(String))
    expect(parked[0]!.extra).toMatchObject({ dlq_id: poisonId })
  })

  it('replay exits 1 when it gives up on messages another consumer holds', async () => {
    const corr = correlationId('cli-dlq-held')
    await enqueueFor('crashed-replica', [message(corr, 0), message(corr, 1)])
    const { out, stderr } = await dlq<DlqReplaySummary>(['replay', '--max-wait', '300'], 1)
    expect(out[0]).toMatchObject({ done: 0, total: 2, remaining: 2, gave_up: true, max_wait_ms: 300 })
    expect(out[0]!.left.held_elsewhere).toEqual([
      { consumer: 'crashed-replica', count: 2, claimable_in_ms: expect.any(Number) },
    ])
    expect(stderr).toMatch(
      /audit-trail: gave up after 300 ms without progress; 2 left in .* \(2 held by other consumers\)\n/,
    )
  })

  it('exit 2: a refused token, a token without audit:admin, bad usage', async () => {
    const refused = await runVerifier(['dlq', 'stats'], { ...admin, AUDIT_TRAIL_TOKEN: 'at_unknown' })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/GET \/api\/v1\/audit\/dlq: 401/)
    const readerReplays = await runVerifier(['dlq', 'replay'], reader)
    expect(readerReplays.status).toBe(2)
    expect(readerReplays.stderr).toMatch(/403/)
    for (const args of [['inspect', '--count', '0'], ['replay', '--max-wait', 'later'], ['purge'], []]) {
      const usage = await runVerifier(['dlq', ...args], admin)
      expect(usage.status, args.join(' ')).toBe(2)
      expect(usage.stdout).toBe('')
    }
  })
})

describe('audit-trail --help', () => {
  it('every operator command explains itself and its exit statuses, with status 0', async () => {
    const root = await runVerifier(['--help'])
    expect(root.status).toBe(0)
    expect(root.stdout).toMatch(/Exit status, the same for every command:/)
    for (const command of [
      ['events', 'export'],
      ['events', 'query'],
      ['events', 'tail'],
      ['dlq', 'stats'],
      ['dlq', 'inspect'],
      ['dlq', 'replay'],
    ]) {
      const help = await runVerifier([...command, '--help'])
      expect(help.status, command.join(' ')).toBe(0)
      expect(help.stdout).toMatch(new RegExp(`^Usage: audit-trail ${command.join(' ')} \\[options\\]`))
      expect(help.stdout).toMatch(/Exit status: 0 /)
    }
    for (const command of [['events'], ['dlq']]) {
      const help = await runVerifier([...command, '--help'])
      expect(help.status).toBe(0)
      expect(help.stdout).toMatch(/Commands:/)
    }
  })
})
