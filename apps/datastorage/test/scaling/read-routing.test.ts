import type { AuditEvent } from '@audit-trail/datastorage-client'
import { pino } from 'pino'
import { Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/client.js'
import { type EventReader, routeReads } from '../../src/db/read-replica.js'
import { loadConfig } from '../../src/env.js'
import { ConfigError, InvalidCursorError, StoreUnavailableError } from '../../src/errors.js'

/** A store that answers `get` with its own name, or throws what `fail` holds. */
function fakeStore(name: string) {
  const calls: string[] = []
  const state: { fail?: unknown } = {}
  const reader: EventReader = {
    async get(eventId) {
      calls.push(eventId)
      if (state.fail) throw state.fail
      return { event_id: eventId, correlation_id: name } as AuditEvent
    },
    async query() {
      calls.push('query')
      if (state.fail) throw state.fail
      return { events: [], nextCursor: null, hasMore: false }
    },
    async histogram() {
      calls.push(`histogram:${name}`)
      if (state.fail) throw state.fail
      return []
    },
  }
  return { reader, calls, state }
}

function setup() {
  const primary = fakeStore('primary')
  const replica = fakeStore('replica')
  const registry = new Registry()
  let clock = 1_000_000
  const reads = routeReads({
    primary: primary.reader,
    replica: replica.reader,
    // The lag query is not run by these tests (no scrape).
    replicaDb: {} as Database,
    registry,
    logger: pino({ level: 'silent' }),
    retryAfterMs: 5000,
    now: () => clock,
  })
  const count = async (name: string, label: string) =>
    (await registry.getSingleMetric(name)?.get())?.values.find((v) => Object.values(v.labels).includes(label))
      ?.value
  return {
    primary,
    replica,
    reads,
    count,
    advance: (ms: number) => {
      clock += ms
    },
  }
}

const servedBy = async (reader: EventReader) => (await reader.get('id'))?.correlation_id

describe('routeReads', () => {
  it('counts the histogram where the query would read: the replica, the primary when asked or when the replica is down', async () => {
    const { primary, replica, reads, advance } = setup()
    const filter = { since: '2026-01-01T00:00:00Z', until: '2026-01-01T01:00:00Z' }
    await reads.reader('replica').histogram(filter, 60_000)
    expect(replica.calls).toEqual(['histogram:replica'])
    await reads.reader('primary').histogram(filter, 60_000)
    expect(primary.calls).toEqual(['histogram:primary'])
    replica.state.fail = new StoreUnavailableError('replica down')
    await reads.reader('replica').histogram(filter, 60_000)
    expect(primary.calls).toEqual(['histogram:primary', 'histogram:primary'])
    advance(5001)
    replica.state.fail = undefined
    await reads.reader('replica').histogram(filter, 60_000)
    expect(replica.calls.at(-1)).toBe('histogram:replica')
  })

  it('serves default reads from the replica and Consistency: primary from the primary', async () => {
    const { reads, count } = setup()
    expect(await servedBy(reads.reader('replica'))).toBe('replica')
    expect(await servedBy(reads.reader('primary'))).toBe('primary')
    expect(await count('audit_read_replica_reads_total', 'replica')).toBe(1)
    expect(await count('audit_read_replica_reads_total', 'primary')).toBe(1)
  })

  it('falls back to the primary while the replica is unreachable, and tries it again after retryAfterMs', async () => {
    const { reads, replica, count, advance } = setup()
    replica.state.fail = new StoreUnavailableError('database unavailable: ECONNREFUSED')
    expect(await servedBy(reads.reader('replica'))).toBe('primary')
    expect(replica.calls).toHaveLength(1)
    // Within the window the replica is not asked (no connect timeout per read).
    advance(4999)
    expect(await servedBy(reads.reader('replica'))).toBe('primary')
    expect(replica.calls).toHaveLength(1)
    expect(await count('audit_read_replica_fallbacks_total', 'unreachable')).toBe(2)
    // After it, the replica is tried again and serves once it answers.
    advance(1)
    replica.state.fail = undefined
    expect(await servedBy(reads.reader('replica'))).toBe('replica')
    expect(replica.calls).toHaveLength(2)
  })

  it('retries on the primary a query the standby cancelled for a recovery conflict, without avoiding the replica after', async () => {
    const { reads, replica, count } = setup()
    replica.state.fail = Object.assign(new Error('canceling statement due to conflict with recovery'), {
      code: '40001',
    })
    expect(await servedBy(reads.reader('replica'))).toBe('primary')
    replica.state.fail = undefined
    expect(await servedBy(reads.reader('replica'))).toBe('replica')
    expect(await count('audit_read_replica_fallbacks_total', 'recovery_conflict')).toBe(1)
  })

  it('does not retry a read the replica refused for its own fault', async () => {
    const { reads, replica, primary } = setup()
    replica.state.fail = new InvalidCursorError()
    await expect(reads.reader('replica').query({ limit: 10 })).rejects.toBeInstanceOf(InvalidCursorError)
    expect(primary.calls).toEqual([])
  })
})

describe('READ_DATABASE_URL', () => {
  it('is parsed next to DATABASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@db-primary:5432/audit',
      READ_DATABASE_URL: 'postgresql://postgres@db-replica:5432/audit',
    })
    expect(config.readDatabaseUrl).toBe('postgresql://postgres@db-replica:5432/audit')
    expect(loadConfig({}).readDatabaseUrl).toBeUndefined()
  })

  it('is refused without DATABASE_URL, and when it is no PostgreSQL URL', () => {
    expect(() => loadConfig({ READ_DATABASE_URL: 'postgres://postgres@db-replica:5432/audit' })).toThrow(
      ConfigError,
    )
    expect(() => loadConfig({ READ_DATABASE_URL: 'postgres://x/y' })).toThrow(
      /READ_DATABASE_URL: requires DATABASE_URL/,
    )
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://postgres@db/audit', READ_DATABASE_URL: 'mysql://db/audit' }),
    ).toThrow(/READ_DATABASE_URL: must be a URL with scheme postgres:\/\/ or postgresql:\/\//)
  })
})
