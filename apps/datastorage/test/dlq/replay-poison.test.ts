import type { AuditEventWithId } from '@audit-trail/datastorage-client'
import type { Redis } from 'ioredis'
import { Registry } from 'prom-client'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDeadLetterWriter } from '../../src/dlq/dead-letter-writer.js'
import { attemptsKey } from '../../src/dlq/replay-batch.js'
import { createReplayWorker, type ReplayWorkerOptions } from '../../src/dlq/replay-worker.js'
import { createDlqMetrics, type DlqMetrics } from '../../src/metrics/dlq-metrics.js'
import type { AuditEventStore, RecordedBy } from '../../src/store/audit-event-store.js'
import { RECORDED_BY } from '../support/events.js'
import {
  addMessages,
  captureLogger,
  clientMessage,
  makeEvent,
  testRedis,
  useDlqTestContext,
} from './support.js'

const dlq = useDlqTestContext({ postgres: true })
const opened: Redis[] = []

afterEach(() => {
  for (const r of opened.splice(0)) r.disconnect()
})

beforeAll(async () => {
  // Ways PostgreSQL can refuse an event the contract accepts, each limited to its own correlation id.
  await dlq.pg.sql.unsafe(`
    ALTER TABLE audit_events ADD CONSTRAINT poison_test_refuse CHECK (correlation_id <> 'refused-by-db');
    CREATE FUNCTION poison_test_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.correlation_id = 'unforeseen' THEN
        RAISE EXCEPTION 'something nobody foresaw' USING ERRCODE = 'P0001';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER poison_test_trigger BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION poison_test_trigger();`)
})

/** A store counting its insert calls. */
function counting(store: AuditEventStore): AuditEventStore & { inserts: number } {
  const counted = {
    ...store,
    inserts: 0,
    insert: (events: readonly AuditEventWithId[], recordedBy: RecordedBy) => {
      counted.inserts += 1
      return store.insert(events, recordedBy)
    },
  }
  return counted
}

/**
 * A worker driven round by round (`runOnce`) on a clock the test moves, so backoff never needs a
 * sleep. The contract's validator is bypassed: these messages reach the store, as messages written
 * by another release, or straight into Redis, would.
 */
function worker(store: AuditEventStore, overrides: Partial<ReplayWorkerOptions> = {}) {
  const { streams } = dlq
  const own = testRedis()
  opened.push(own)
  const clock = { now: Date.now() }
  const { logger, lines } = captureLogger()
  const w = createReplayWorker({
    redis: own,
    store,
    logger,
    stream: streams.stream,
    deadLetterStream: streams.deadLetterStream,
    validate: () => [],
    blockMs: 50,
    backoffBaseMs: 10,
    backoffMaxMs: 40,
    now: () => clock.now,
    ...overrides,
  })
  /** Moves the clock past every backoff (backoffMaxMs) and runs one round. */
  const nextRound = () => {
    clock.now += 1000
    return w.runOnce({ block: false })
  }
  return { w, lines, nextRound }
}

async function attemptsOf(ids: readonly string[]): Promise<number[]> {
  const { redis, streams } = dlq
  const values = ids.length > 0 ? await redis.hmget(attemptsKey(streams.stream), ...ids) : []
  return values.map((v) => Number(v ?? 0))
}

async function pendingCount(): Promise<number> {
  const { redis, streams } = dlq
  return Number(((await redis.xpending(streams.stream, 'datastorage')) as [number])[0])
}

const metricValue = async (metrics: DlqMetrics, name: 'poisoned' | 'replayFailures', kind?: string) =>
  (await metrics[name].get()).values.find((v) => kind === undefined || v.labels['kind'] === kind)?.value ?? 0

describe('poison messages: any failure but an unavailable PostgreSQL counts, and is parked after its attempts', () => {
  it('good messages are stored at once; each bad one counts an attempt per round and is parked after maxAttempts; the stream drains and its capacity frees', async () => {
    const { pg, redis, streams } = dlq
    await pg.sql.unsafe('CREATE TABLE audit_events_y2023m03 (id int)') // March 2023 cannot get a partition
    const poison = {
      // PostgreSQL refuses the row (SQLSTATE 23514).
      data: makeEvent({ correlation_id: 'refused-by-db' }),
      // An error of no known kind (SQLSTATE P0001).
      unforeseen: makeEvent({ correlation_id: 'unforeseen' }),
      // Not the data's fault: its month's partition is broken.
      partition: makeEvent({ event_timestamp: '2023-03-10T10:00:00Z' }),
      // A line separator in the timestamp: the store refuses it before PostgreSQL sees it.
      unparseable: makeEvent({ event_timestamp: '2024-01-01T00:00:00\u2028Z' }),
    }
    const good = Array.from({ length: 6 }, () => makeEvent())
    const ordered = [good[0]!, poison.data, good[1]!, poison.unforeseen, good[2]!, poison.partition, good[3]!]
    ordered.push(poison.unparseable, good[4]!, good[5]!)
    const entryIds = await addMessages(
      redis,
      streams.stream,
      ordered.map((e) => clientMessage(e)),
    )
    const poisonIds = Object.values(poison).map((e) => entryIds[ordered.indexOf(e)]!)
    const metrics = createDlqMetrics(new Registry())
    const { nextRound, lines, w } = worker(pg.store, { maxAttempts: 3, metrics })

    const first = await nextRound()
    expect(first).toMatchObject({ read: 10, stored: 6, created: 6, poisoned: 0 })
    expect(first.retry.map((r) => [r.id, r.attempts])).toEqual(poisonIds.map((id) => [id, 1]))
    expect(await pg.countRows(good.map((e) => e.event_id))).toBe(6)
    expect(await attemptsOf(poisonIds)).toEqual([1, 1, 1, 1])

    // Messages arriving behind the failing ones are not held up by them.
    const later = [makeEvent(), makeEvent()]
    await addMessages(
      redis,
      streams.stream,
      later.map((e) => clientMessage(e)),
    )
    const second = await nextRound()
    expect(second).toMatchObject({ read: 6, stored: 2, poisoned: 0 })
    expect(await pg.countRows(later.map((e) => e.event_id))).toBe(2)
    expect(await attemptsOf(poisonIds)).toEqual([2, 2, 2, 2])

    const third = await nextRound()
    expect(third).toMatchObject({ read: 4, stored: 0, poisoned: 4, retry: [] })

    // Parked with their reasons and attempt counts, and gone from the DLQ: nothing pending, no counters.
    const parked = new Map<string, Map<string, string>>()
    for (const [, fields] of await redis.xrange(streams.deadLetterStream, '-', '+')) {
      const map = new Map<string, string>()
      for (let i = 0; i < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!)
      parked.set(map.get('dlq_id')!, map)
    }
    expect([...parked.keys()].sort()).toEqual([...poisonIds].sort())
    const reasonOf = (event: AuditEventWithId) => parked.get(entryIds[ordered.indexOf(event)]!)!.get('reason')
    expect(reasonOf(poison.data)).toMatch(
      /^rejected by PostgreSQL: .*poison_test_refuse.*\(SQLSTATE 23514\)$/,
    )
    expect(reasonOf(poison.unforeseen)).toBe(
      'rejected by PostgreSQL: something nobody foresaw (SQLSTATE P0001)',
    )
    expect(reasonOf(poison.partition)).toMatch(
      /^rejected by PostgreSQL: no partition of relation .*SQLSTATE 23514/,
    )
    expect(reasonOf(poison.unparseable)).toMatch(/^not stored: .*2024-01-01T00:00:00/)
    for (const entry of parked.values()) expect(entry.get('attempts')).toBe('3')
    expect(await redis.xlen(streams.stream)).toBe(0)
    expect(await pendingCount()).toBe(0)
    expect(await redis.exists(attemptsKey(streams.stream))).toBe(0)
    expect(await pg.countRows(Object.values(poison).map((e) => e.event_id))).toBe(0)

    // Counted and logged.
    expect(await metricValue(metrics, 'poisoned')).toBe(4)
    expect(await metricValue(metrics, 'replayFailures', 'message')).toBe(12)
    const logged = lines.filter((l) => l['msg'] === 'dead-letter message parked as poison')
    expect(logged.map((l) => [l['level'], l['attempts']])).toEqual(Array(4).fill([50, 3]))

    // They no longer count against the DLQ's capacity: a full queue's worth fits again.
    const writer = createDeadLetterWriter({ redis, stream: streams.stream, capacity: 16 })
    await expect(
      writer.write(
        Array.from({ length: 16 }, () => makeEvent()),
        'test',
        { recordedBy: RECORDED_BY },
      ),
    ).resolves.toBeDefined()
    await w.stop()
    await pg.sql.unsafe('DROP TABLE audit_events_y2023m03')
  })

  it('a batch refused as a whole is split down to the bad message: the others are stored in the same round, in a few inserts, each under its own recorded_by', async () => {
    const { pg, redis, streams } = dlq
    const events = Array.from({ length: 200 }, () => makeEvent())
    events[137] = makeEvent({ correlation_id: 'refused-by-db' })
    // Messages the service queued for two writers, between messages clients wrote themselves: the
    // halving must keep each event with its own name.
    const nameOf = (i: number) => (i % 3 === 0 ? undefined : `writer-${i % 3}`)
    await addMessages(
      redis,
      streams.stream,
      events.map((e, i) => {
        const recordedBy = nameOf(i)
        return clientMessage(e, recordedBy ? { source: 'server', recordedBy } : {})
      }),
    )
    const store = counting(pg.store)
    const { nextRound, w } = worker(store, { maxAttempts: 2 })
    const round = await nextRound()
    expect(round).toMatchObject({ read: 200, stored: 199, created: 199, poisoned: 0 })
    expect(round.retry).toHaveLength(1)
    // Halving 200 down to one: 1 + 2 per level (8 levels), far from one insert per message.
    expect(store.inserts).toBeLessThanOrEqual(17)
    const stored = await pg.sql<Array<{ event_id: string; recorded_by: string }>>`
      SELECT event_id::text, recorded_by FROM audit_events
      WHERE event_id = ANY(${events.map((e) => e.event_id)}::uuid[])`
    const byId = new Map(stored.map((r) => [r.event_id, r.recorded_by]))
    expect(byId.size).toBe(199)
    for (const [i, event] of events.entries()) {
      if (i === 137) continue
      expect(byId.get(event.event_id), `event ${i}`).toBe(nameOf(i) ?? 'redis:dead-letter-queue')
    }
    expect(await nextRound()).toMatchObject({ read: 1, poisoned: 1 })
    expect(await redis.xlen(streams.stream)).toBe(0)
    await w.stop()
  })

  it('a failure that is not the message’s own (a broken partition) gets its attempts too: repaired in time, the message is stored and its counter removed', async () => {
    const { pg, redis, streams } = dlq
    await pg.sql.unsafe('CREATE TABLE audit_events_y2023m05 (id int)')
    const event = makeEvent({ event_timestamp: '2023-05-05T05:05:05Z' })
    const [entryId] = await addMessages(redis, streams.stream, [clientMessage(event)])
    const { nextRound, w } = worker(pg.store, { maxAttempts: 5 })
    expect(await nextRound()).toMatchObject({ read: 1, stored: 0, retry: [{ id: entryId, attempts: 1 }] })
    expect(await nextRound()).toMatchObject({ read: 1, stored: 0, retry: [{ id: entryId, attempts: 2 }] })
    await pg.sql.unsafe('DROP TABLE audit_events_y2023m05')
    expect(await nextRound()).toMatchObject({ read: 1, stored: 1, created: 1, poisoned: 0 })
    expect(await pg.countRows([event.event_id])).toBe(1)
    expect(await redis.exists(attemptsKey(streams.stream))).toBe(0)
    expect(await redis.exists(streams.deadLetterStream)).toBe(0)
    await w.stop()
  })

  it('a validator that throws on a message counts an attempt for that message instead of stopping the worker', async () => {
    const { pg, redis, streams } = dlq
    const good = makeEvent()
    const bad = makeEvent({ correlation_id: 'validator-bomb' })
    await addMessages(redis, streams.stream, [clientMessage(bad), clientMessage(good)])
    const { nextRound, w } = worker(pg.store, {
      maxAttempts: 1,
      validate: (event) => {
        if ((event as AuditEventWithId).correlation_id === 'validator-bomb') throw new RangeError('bug')
        return []
      },
    })
    expect(await nextRound()).toMatchObject({ read: 2, stored: 1, poisoned: 1 })
    const [[, fields]] = (await redis.xrange(streams.deadLetterStream, '-', '+')) as [[string, string[]]]
    expect(fields[fields.indexOf('reason') + 1]).toBe('validator failed: bug')
    await w.stop()
  })
})
