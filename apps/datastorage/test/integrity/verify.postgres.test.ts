import { randomUUID } from 'node:crypto'
import type { AuditEventWithId, components } from '@audit-trail/datastorage-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRead } from '../../src/http/context.js'
import { LogReader } from '../../src/log/log-reader.js'
import type { SelfAudit } from '../../src/self-audit/self-audit.js'
import { buildTestApp, type TestApp } from '../support/app.js'
import { postJson } from '../support/events.js'
import { eventAt, type LogDatabase, openLogDatabase } from './log-database.js'

type VerifyResult = components['schemas']['VerifyResult']
type VerifyChain = components['schemas']['VerifyChainResponse']
type Problem = components['schemas']['Problem']

// Issue 13's tamper suite: events are sealed and checkpointed by the log's own code, then changed
// behind the service's back as a superuser with the append-only triggers off; POST /verify must
// report exactly the events touched, each with its reason, and nothing else.

let log: LogDatabase
let test: TestApp
const reads: AuditRead[] = []
const run = randomUUID().slice(0, 8)
const corr = (name: string) => `verify-${run}-${name}`
const base = Date.now() - 60 * 60_000
const at = (minute: number) => new Date(base + minute * 60_000)

/** Events by correlation id, oldest first. */
const events: Record<string, AuditEventWithId[]> = {}

const verify = async (body: unknown) => {
  const res = await test.app.request('/api/v1/audit/verify', postJson(body))
  return { status: res.status, body: (await res.json()) as VerifyResult & Problem }
}
const failuresOf = (result: VerifyResult) => result.failures.map((f) => `${f.event_id} ${f.reason}`).sort()
const window = { since: at(-1).toISOString(), until: at(60).toISOString() }

beforeAll(async () => {
  log = await openLogDatabase('audit_verify')
  const selfAudit = {
    auditRead: (_request: unknown, _principal: string, read: AuditRead) => reads.push(read),
  } as unknown as SelfAudit
  test = buildTestApp(log.store, {
    database: log.database.db,
    selfAudit,
    config: { bodyLimitBytes: 4096 },
  })
  let minute = 0
  for (const [name, count] of [
    ['edited', 5],
    ['middle', 5],
    ['whole', 3],
    ['untouched', 4],
    ['newest', 2],
  ] as const) {
    events[name] = Array.from({ length: count }, () => eventAt(corr(name), at(minute++)))
  }
  // Inserted in several statements, in timestamp order: the newest event is the last leaf too.
  for (const name of Object.keys(events)) await log.insert(events[name]!)
})

afterAll(async () => {
  await log?.close()
})

describe('POST /verify before any checkpoint', () => {
  it('answers 404 no-checkpoint', async () => {
    const { status, body } = await verify({ correlation_id: corr('edited') })
    expect(status).toBe(404)
    expect(body.type).toBe('https://audit-trail.dev/problems/no-checkpoint')
  })
})

describe('POST /verify against a signed checkpoint', () => {
  beforeAll(async () => {
    const checkpoint = await log.checkpoint()
    expect(checkpoint?.treeSize).toBe(19)
  })

  it('nothing touched: valid, every event checked', async () => {
    const { status, body } = await verify({ correlation_id: corr('untouched') })
    expect(status).toBe(200)
    expect(body).toEqual({ valid: true, checked: 4, unsealed: 0, removed: [], tree_size: 19, failures: [] })
    const all = await verify(window)
    expect(all.body).toMatchObject({ valid: true, checked: 19, unsealed: 0, failures: [] })
  })

  it('records the verification as a read of audit data (operation verify)', async () => {
    reads.length = 0
    await verify({ correlation_id: corr('untouched') })
    expect(reads).toEqual([{ operation: 'verify', filters: { correlation_id: corr('untouched') }, rows: 4 }])
  })

  describe('after tampering', () => {
    const edited = () => events['edited']![1]!
    const middle = () => events['middle']![2]!
    const newest = () => events['newest']!.at(-1)!

    beforeAll(async () => {
      await log.tamper(async (sql) => {
        await sql`UPDATE audit_events SET event_action = 'acknowledged' WHERE event_id = ${edited().event_id}`
        await sql`DELETE FROM audit_events WHERE event_id = ${middle().event_id}`
        await sql`DELETE FROM audit_events WHERE event_id = ${newest().event_id}`
        await sql`DELETE FROM audit_events WHERE correlation_id = ${corr('whole')}`
      })
    })

    it('an edited field: altered, and nothing else of its correlation id', async () => {
      const { body } = await verify({ correlation_id: corr('edited') })
      expect(body.valid).toBe(false)
      expect(body.checked).toBe(5)
      expect(failuresOf(body)).toEqual([`${edited().event_id} altered`])
      const leaf = await new LogReader(log.database.db).leafByEventId(edited().event_id)
      expect(body.failures[0]!.leaf_index).toBe(leaf!.leafIndex)
    })

    it('an event deleted in the middle, the newest event, every event of a correlation id: missing', async () => {
      expect(failuresOf((await verify({ correlation_id: corr('middle') })).body)).toEqual([
        `${middle().event_id} missing`,
      ])
      expect(failuresOf((await verify({ correlation_id: corr('newest') })).body)).toEqual([
        `${newest().event_id} missing`,
      ])
      const whole = (await verify({ correlation_id: corr('whole') })).body
      expect(whole.checked).toBe(3)
      expect(failuresOf(whole)).toEqual(events['whole']!.map((e) => `${e.event_id} missing`).sort())
    })

    it('by window: exactly the touched events, with their reasons', async () => {
      const { body } = await verify(window)
      expect(body).toMatchObject({ valid: false, checked: 19, unsealed: 0, removed: [] })
      expect(failuresOf(body)).toEqual(
        [
          `${edited().event_id} altered`,
          `${middle().event_id} missing`,
          `${newest().event_id} missing`,
          ...events['whole']!.map((e) => `${e.event_id} missing`),
        ].sort(),
      )
      // A window that leaves the touched events out finds nothing.
      const untouched = events['untouched']!
      const narrow = await verify({
        since: untouched[0]!.event_timestamp,
        until: new Date(Date.parse(untouched.at(-1)!.event_timestamp) + 1).toISOString(),
      })
      expect(narrow.body).toMatchObject({ valid: true, checked: 4, failures: [] })
    })

    it('POST /verify-chain answers in the replaced system’s shape', async () => {
      const res = await test.app.request(
        '/api/v1/audit/verify-chain',
        postJson({ correlation_id: corr('edited') }),
      )
      expect(res.status).toBe(200)
      const body = (await res.json()) as VerifyChain
      expect(body).toMatchObject({
        correlation_id: corr('edited'),
        is_valid: false,
        total_events: 5,
        verified_events: 4,
      })
      expect(body.tampered_events).toHaveLength(1)
      const [tampered] = body.tampered_events!
      expect(tampered!.event_id).toBe(edited().event_id)
      expect(tampered!.event_timestamp).toBe(edited().event_timestamp)
      expect(tampered!.expected_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(tampered!.actual_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(tampered!.actual_hash).not.toBe(tampered!.expected_hash)
      expect(tampered!.message).toMatch(/^altered: /)
      expect(Date.parse(body.verification_time)).not.toBeNaN()

      const valid = await test.app.request(
        '/api/v1/audit/verify-chain',
        postJson({ correlation_id: corr('untouched') }),
      )
      expect(await valid.json()).toMatchObject({
        is_valid: true,
        total_events: 4,
        verified_events: 4,
        tampered_events: [],
      })
    })

    it('an event stored after the checkpoint is unsealed, not a failure', async () => {
      const late = eventAt(corr('late'), at(30))
      await log.insert([late])
      const { body } = await verify({ correlation_id: corr('late') })
      expect(body).toMatchObject({ valid: true, checked: 0, unsealed: 1, failures: [] })
      // Sealed but not yet under a checkpoint: still unsealed.
      await log.sealAll()
      expect((await verify({ correlation_id: corr('late') })).body).toMatchObject({
        valid: true,
        unsealed: 1,
      })
    })

    it('an event inserted behind the service’s back before the checkpoint: not_in_log', async () => {
      const id = randomUUID()
      await log.tamper(
        (sql) => sql`
          INSERT INTO audit_events (event_id, event_date, version, event_type, event_timestamp, event_category,
            event_action, event_outcome, correlation_id, event_data, stored_at)
          SELECT ${id}::uuid, e.event_date, e.version, e.event_type, e.event_timestamp, e.event_category,
            'forged', e.event_outcome, e.correlation_id, e.event_data, e.stored_at
          FROM audit_events AS e WHERE e.event_id = ${events['untouched']![0]!.event_id}`,
      )
      const { body } = await verify({ correlation_id: corr('untouched') })
      expect(failuresOf(body)).toEqual([`${id} not_in_log`])
      expect(body.checked).toBe(5)
    })

    it('a leaf hash changed in the log: leaf_mismatch', async () => {
      const [target] = events['untouched']!.slice(-1)
      await log.tamper(
        (sql) =>
          sql`UPDATE audit_log_leaves SET leaf_hash = sha256(leaf_hash) WHERE event_id = ${target!.event_id}`,
      )
      const { body } = await verify({ correlation_id: corr('untouched') })
      const mine = body.failures.filter((f) => f.event_id === target!.event_id)
      expect(mine.map((f) => f.reason)).toEqual(['leaf_mismatch'])
      expect(mine[0]!.detail).toContain('was changed in the log')
    })
  })
})

describe('POST /verify for a correlation id with thousands of events', () => {
  it('checks them all against the checkpoint', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => eventAt(corr('many'), new Date(base + i)))
    for (let i = 0; i < many.length; i += 1000) await log.insert(many.slice(i, i + 1000))
    await log.checkpoint()
    const { status, body } = await verify({ correlation_id: corr('many') })
    expect(status).toBe(200)
    expect(body).toMatchObject({ valid: true, checked: 3000, unsealed: 0, failures: [] })
  })
})

describe('POST /verify refuses what the contract does not allow', () => {
  const fields = async (body: unknown, init?: RequestInit) => {
    const res = await test.app.request('/api/v1/audit/verify', init ?? postJson(body))
    const problem = (await res.json()) as Problem
    return {
      status: res.status,
      type: problem.type,
      fields: (problem.errors ?? []).map((e) => e.field).sort(),
    }
  }

  it.each([
    [
      'correlation_id with a window',
      { correlation_id: 'x', since: window.since, until: window.until },
      ['since'],
    ],
    ['since without until', { since: window.since }, ['until']],
    ['nothing', {}, ['correlation_id']],
    ['an empty correlation id', { correlation_id: '' }, ['correlation_id']],
    ['a NUL in the correlation id', { correlation_id: 'a\u0000b' }, ['correlation_id']],
    ['an unknown field', { correlation_id: 'x', limit: 3 }, ['limit']],
    ['since after until', { since: window.until, until: window.since }, ['since']],
    [
      'a window of more than 31 days',
      { since: '2026-01-01T00:00:00Z', until: '2026-02-01T00:00:00.001Z' },
      ['until'],
    ],
    [
      'a bound that is no RFC 3339 date-time',
      { since: '2026-01-01', until: '2026-01-02T00:00:00Z' },
      ['since'],
    ],
    ['a body that is no object', [{ correlation_id: 'x' }], ['(root)']],
  ])('%s: 400 naming the field', async (_name, body, expected) => {
    expect(await fields(body)).toEqual({
      status: 400,
      type: 'https://audit-trail.dev/problems/validation-error',
      fields: expected,
    })
  })

  it('a window of exactly 31 days is accepted', async () => {
    expect((await verify({ since: '2026-01-01T00:00:00Z', until: '2026-02-01T00:00:00Z' })).status).toBe(200)
  })

  it('415 for a body that is not JSON, 413 past the body limit, 400 for malformed JSON', async () => {
    const text = { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }
    expect((await fields(undefined, text)).status).toBe(415)
    expect((await fields({ correlation_id: 'x'.repeat(5000) })).status).toBe(413)
    expect(await fields(undefined, postJson('{"correlation_id":'))).toMatchObject({
      status: 400,
      type: 'https://audit-trail.dev/problems/malformed-json',
    })
  })

  it('verify-chain: correlation_id is required', async () => {
    const res = await test.app.request('/api/v1/audit/verify-chain', postJson({}))
    expect(res.status).toBe(400)
    expect(((await res.json()) as Problem).errors).toEqual([
      { field: 'correlation_id', message: 'is required' },
    ])
  })
})
