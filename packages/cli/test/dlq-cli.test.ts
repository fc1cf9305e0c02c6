import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DlqApi, type DlqReplaySummary, type DlqStats } from '../src/dlq/dlq-api.js'
import { replayProblems, replayWithProgress } from '../src/dlq/replay.js'
import type { Progress } from '../src/progress.js'
import { type HarnessOptions, runIn } from './support/cli-harness.js'
import { type FakeService, fakeDlqMessage, startFakeService } from './support/fake-service.js'
import { buildLog, makeEvents } from './support/memory-log.js'

let service: FakeService

beforeEach(async () => {
  service = await startFakeService(buildLog(makeEvents(2), 2))
  service.dlq.messages = makeEvents(4).map((event, i) => fakeDlqMessage(i, event))
})

afterEach(async () => {
  await service.close()
})

const env = () => ({ AUDIT_TRAIL_URL: service.url, AUDIT_TRAIL_TOKEN: service.token })
const run = (args: string[], options: HarnessOptions = {}) => runIn(args, { env: env(), ...options })
const lastRequest = () => service.requests.at(-1)
const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)

/** An undecodable message: the replay parks it in the dead-letter stream. */
const poison = { id: '1764583200000-9', error: 'field "event" is not JSON' }

describe('audit-trail dlq stats', () => {
  it('prints the JSON of GET /api/v1/audit/dlq when piped, a table on a terminal', async () => {
    const piped = await run(['dlq', 'stats'])
    expect(piped.status, piped.stderr).toBe(0)
    expect(JSON.parse(piped.stdout)).toMatchObject({
      enabled: true,
      stream: 'audit:dlq:events',
      length: 4,
      capacity: 1000,
      dead_letter: { stream: 'audit:dead-letter:events', length: 0 },
    })
    expect(piped.stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(lastRequest()).toBe('/api/v1/audit/dlq')

    service.dlq.heldElsewhere = 1
    const table = await run(['dlq', 'stats'], { tty: true })
    expect(table.status).toBe(0)
    expect(table.stdout).toBe(
      [
        'stream            audit:dlq:events',
        'length            4 of 1000 (0.40%)',
        'oldest            2026-12-01T10:00:00.000Z',
        'group             datastorage: 1 pending',
        '  consumers',
        '    replica-2: 1 pending, idle 1200 ms',
        'dead-letter       audit:dead-letter:events: 0',
        '',
      ].join('\n'),
    )
    const json = await run(['dlq', 'stats', '--json'], { tty: true })
    expect(JSON.parse(json.stdout)).toMatchObject({ length: 4 })
  })

  it('says so for a service without a DLQ, and exits 0', async () => {
    service.dlq.enabled = false
    const table = await run(['dlq', 'stats'], { tty: true })
    expect(table.status).toBe(0)
    expect(table.stdout).toMatch(/no dead-letter queue/)
    expect(JSON.parse((await run(['dlq', 'stats'])).stdout)).toEqual({ enabled: false })
  })

  it('exit 2 on a refused token, a missing URL, a malformed answer', async () => {
    const refused = await runIn(['dlq', 'stats'], { env: { ...env(), AUDIT_TRAIL_TOKEN: 'at_x' } })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/GET \/api\/v1\/audit\/dlq: 401 Unauthorized/)
    const noUrl = await runIn(['dlq', 'stats'], { env: {} })
    expect(noUrl.status).toBe(2)
    expect(noUrl.stderr).toMatch(/AUDIT_TRAIL_URL/)
    const malformed = await runIn(['dlq', 'stats'], {
      env: { AUDIT_TRAIL_URL: 'http://audit.test' },
      fetch: async () => Response.json({ enabled: true, length: 'many' }),
    })
    expect(malformed.status).toBe(2)
    expect(malformed.stderr).toMatch(/not the DLQ's stats/)
  })
})

describe('audit-trail dlq inspect', () => {
  it('prints one message a line when piped; --count and --dead-letter become the query', async () => {
    const r = await run(['dlq', 'inspect', '--count', '2'])
    expect(r.status, r.stderr).toBe(0)
    expect(jsonLines(r.stdout)).toEqual(service.dlq.messages.slice(0, 2))
    expect(lastRequest()).toBe('/api/v1/audit/dlq/messages?count=2&stream=dlq')

    service.dlq.deadLetter = [
      { ...poison, extra: { dlq_id: poison.id, poisoned_at: '2026-12-01T11:00:00.000Z' } },
    ]
    const dead = await run(['dlq', 'inspect', '--dead-letter'])
    expect(jsonLines(dead.stdout)).toEqual(service.dlq.deadLetter)
    expect(lastRequest()).toBe('/api/v1/audit/dlq/messages?count=10&stream=dead-letter')
  })

  it('prints a table on a terminal, an undecodable message with its error', async () => {
    service.dlq.messages.push(poison)
    const r = await run(['dlq', 'inspect'], { tty: true })
    expect(r.status, r.stderr).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(6)
    expect(lines[0]).toMatch(/^ID\s+EVENT ID\s+TYPE\s+FROM\s+ATTEMPTS\s+ENQUEUED\s+REASON$/)
    const first = service.dlq.messages[0]!
    const event = first.message!['event'] as { event_id: string }
    expect(lines[1]).toMatch(
      new RegExp(
        `^1764583200000-0\\s+${event.event_id}\\s+test\\.event\\s+client/billing\\s+3\\s+2026-12-01T10:00:00\\.000Z\\s+connect ECONNREFUSED`,
      ),
    )
    expect(lines[5]).toMatch(/^1764583200000-9\s+-\s+-.*\(undecodable: field "event" is not JSON\)$/)
  })

  it('says an empty stream is empty, on stderr; exit 2 for a bad --count or a service without a DLQ', async () => {
    service.dlq.messages = []
    const empty = await run(['dlq', 'inspect'], { tty: true })
    expect(empty).toMatchObject({ status: 0, stdout: '', stderr: 'audit:dlq:events is empty\n' })
    expect((await run(['dlq', 'inspect', '--count', '101'])).status).toBe(2)
    service.dlq.enabled = false
    const none = await run(['dlq', 'inspect'])
    expect(none.status).toBe(2)
    expect(none.stderr).toMatch(/404 Not Found/)
  })
})

describe('audit-trail dlq replay', () => {
  it('replays the queue, draws the progress from the depth, prints the summary; exit 0', async () => {
    const r = await run(['dlq', 'replay', '--interval', '50', '--max-wait', '5000'], { tty: true })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toBe(
      [
        'replayed 4 of 4 messages from audit:dlq:events in 12 ms',
        '  stored            4 (0 already stored)',
        '  parked (poison)   0',
        '  left in stream    0',
        '',
      ].join('\n'),
    )
    expect(r.stderr).toMatch(/^replay: 0\/4 \(0%\) started\n/)
    expect(r.stderr).toMatch(/replay: 4\/4 \(100%\) done\n$/)
    expect(service.dlq.replayBodies).toEqual([5000])
    expect(service.dlq.messages).toEqual([])
  })

  it('exit 1 when it parked poison messages, with a pointer to inspect --dead-letter; JSON when piped', async () => {
    service.dlq.messages.splice(1, 0, poison)
    const r = await run(['dlq', 'replay', '--interval', '50'])
    expect(r.status).toBe(1)
    const summary = JSON.parse(r.stdout) as DlqReplaySummary
    expect(summary).toMatchObject({
      done: 5,
      total: 5,
      created: 4,
      poisoned: 1,
      remaining: 0,
      gave_up: false,
    })
    expect(r.stderr).toContain(
      'audit-trail: 1 poison message moved to the dead-letter stream: audit-trail dlq inspect --dead-letter\n',
    )
    expect(service.dlq.deadLetter.map((m) => m.id)).toEqual([poison.id])
    expect(service.dlq.replayBodies).toEqual([undefined])
  })

  it('exit 1 when it gave up on messages held by another consumer', async () => {
    service.dlq.heldElsewhere = 2
    const r = await run(['dlq', 'replay', '--interval', '50', '--max-wait', '0'], { tty: true })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('    2 held by replica-2, claimable in 28800 ms\n')
    expect(r.stderr).toContain(
      'audit-trail: gave up after 0 ms without progress; 2 left in audit:dlq:events (2 held by other consumers)\n',
    )
  })

  it('exit 2 when another replay runs (409), without a DLQ, or on a bad --max-wait', async () => {
    service.dlq.replaying = true
    const busy = await run(['dlq', 'replay'])
    expect(busy.status).toBe(2)
    expect(busy.stderr).toMatch(/POST \/api\/v1\/audit\/dlq\/replay: 409 Conflict/)
    service.dlq.enabled = false
    const none = await run(['dlq', 'replay'])
    expect(none.status).toBe(2)
    expect(none.stderr).toMatch(/no dead-letter queue/)
    expect((await run(['dlq', 'replay', '--max-wait', '600001'])).status).toBe(2)
    expect((await run(['dlq', 'replay', '--max-wait', 'soon'])).status).toBe(2)
  })
})

describe('replayWithProgress', () => {
  function recording(): Progress & { steps: number[]; phases: string[] } {
    const steps: number[] = []
    const phases: string[] = []
    return {
      steps,
      phases,
      start: (phase, total) => phases.push(`${phase} ${total}`),
      advance: (n) => steps.push(n),
      finish: () => phases.push('finish'),
    }
  }

  it('advances by the depth read while the replay runs, and ends at the replay count', async () => {
    const progress = recording()
    const api = new DlqApi({ endpoint: { url: service.url, token: service.token } })
    const summary = await replayWithProgress({ api, progress, pollIntervalMs: 20 })
    expect(summary.done).toBe(4)
    expect(progress.phases).toEqual(['replay 4', 'finish'])
    // The fake takes one message per depth read: each read moved the bar by what it saw.
    expect(progress.steps.reduce((a, b) => a + b, 0)).toBe(4)
    expect(progress.steps.length).toBeGreaterThanOrEqual(2)
    expect(progress.steps.every((n) => n > 0)).toBe(true)
  })

  it('keeps going when a depth read fails, and rethrows the replay failure after finishing the bar', async () => {
    const progress = recording()
    let reads = 0
    const stats: DlqStats = { enabled: true, stream: 's', length: 3, capacity: 10 }
    let release!: (summary: DlqReplaySummary) => void
    const api = {
      stats: async () => {
        reads++
        if (reads === 2) throw new Error('flaky')
        if (reads === 4) release(replaySummary({ done: 3, total: 3 }))
        return { ...stats, length: Math.max(0, 3 - reads) }
      },
      replay: () => new Promise<DlqReplaySummary>((resolve) => (release = resolve)),
    }
    const summary = await replayWithProgress({ api, progress, pollIntervalMs: 5 })
    expect(summary.done).toBe(3)
    expect(progress.steps.reduce((a, b) => a + b, 0)).toBe(3)

    const failing = recording()
    const refused = replayWithProgress({
      api: { stats: async () => stats, replay: async () => Promise.reject(new Error('409')) },
      progress: failing,
      pollIntervalMs: 5,
    })
    await expect(refused).rejects.toThrow('409')
    expect(failing.phases).toEqual(['replay 3', 'finish'])
  })

  it('replayProblems: none for a clean replay, one line each for giving up and poison', () => {
    expect(replayProblems(replaySummary({}))).toEqual([])
    expect(
      replayProblems(
        replaySummary({ gave_up: true, remaining: 3, left: { held_elsewhere: [], retrying: 1, unread: 2 } }),
      ),
    ).toEqual(['gave up after 60000 ms without progress; 3 left in s (1 retrying, 2 unread)'])
    expect(replayProblems(replaySummary({ poisoned: 2 }))).toEqual([
      '2 poison messages moved to the dead-letter stream: audit-trail dlq inspect --dead-letter',
    ])
  })
})

function replaySummary(fields: Partial<DlqReplaySummary>): DlqReplaySummary {
  return {
    stream: 's',
    done: 0,
    total: 0,
    created: 0,
    poisoned: 0,
    waiting: 0,
    remaining: 0,
    left: { held_elsewhere: [], retrying: 0, unread: 0 },
    gave_up: false,
    max_wait_ms: 60_000,
    duration_ms: 1,
    ...fields,
  }
}
