import { type AuditEventWithId, decodeDeadLetterMessage } from '@audit-trail/datastorage-client'
import type { Logger } from 'pino'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDeadLetterWriter, type DeadLetterWriter } from '../../src/dlq/dead-letter-writer.js'
import { DlqFullError } from '../../src/dlq/errors.js'
import { StoreUnavailableError } from '../../src/errors.js'
import { toProblem } from '../../src/http/problem.js'
import { createMetrics } from '../../src/metrics/service-metrics.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { createEventWriter, EventsRefusedError } from '../../src/write/event-writer.js'
import { captureLogger, makeEvent, useDlqTestContext } from '../dlq/support.js'
import { RECORDED_BY } from '../support/events.js'

const dlq = useDlqTestContext({ postgres: true })

beforeAll(async () => {
  // Refusals PostgreSQL can make of events the contract accepts, each limited to one correlation id
  // so the tests of this file do not see each other's.
  await dlq.pg.sql.unsafe(`
    ALTER TABLE audit_events ADD CONSTRAINT writer_test_refuse CHECK (correlation_id <> 'refused');
    CREATE FUNCTION writer_test_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.correlation_id = 'unforeseen' THEN
        RAISE EXCEPTION 'something nobody foresaw' USING ERRCODE = 'P0001';
      ELSIF NEW.correlation_id = 'refused-silently' THEN
        RAISE EXCEPTION 'refused without saying which' USING ERRCODE = '22023';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER writer_test_trigger BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION writer_test_trigger();`)
})

/** The store with its inserts failing with `error` (a SQLSTATE-carrying error when `code` is given). */
const failingStore = (store: AuditEventStore, error: unknown): AuditEventStore => ({
  ...store,
  insert: async () => {
    throw error
  },
})

const sqlError = (code: string, message: string) => Object.assign(new Error(message), { code })

/** Writes through the write path over `store`, with `deadLetters` as its fallback when given. */
const write = (
  options: { store: AuditEventStore; deadLetters?: DeadLetterWriter; logger: Logger },
  events: readonly AuditEventWithId[],
) =>
  createEventWriter({ ...options, metrics: createMetrics({ defaultMetrics: false }) }).write(events, {
    recordedBy: RECORDED_BY,
  })

/** Writes through a writer with a DLQ on the test's stream; resolves with the outcome or the error. */
async function writeWithDlq(store: AuditEventStore, events: readonly AuditEventWithId[]) {
  const { redis, streams } = dlq
  const deadLetters = createDeadLetterWriter({ redis, stream: streams.stream })
  const { logger, lines } = captureLogger()
  const settled = await write({ store, deadLetters, logger }, events).catch((error: unknown) => error)
  return { settled, lines }
}

describe('createEventWriter: only an unavailable PostgreSQL queues', () => {
  it('queues every event when PostgreSQL is unreachable', async () => {
    const { pg, redis, streams } = dlq
    const events = [makeEvent(), makeEvent()]
    const down = new StoreUnavailableError('database unavailable: connect ECONNREFUSED 127.0.0.1:1')
    const { settled } = await writeWithDlq(failingStore(pg.store, down), events)
    expect(settled).toEqual({ created: [], duplicates: [], queued: events.map((e) => e.event_id) })
    const [first] = await redis.xrange(streams.stream, '-', '+')
    expect(decodeDeadLetterMessage(first![1])).toMatchObject({
      source: 'server',
      reason: 'PostgreSQL unavailable: database unavailable: connect ECONNREFUSED 127.0.0.1:1',
      // The writer's name travels with the event, so the replay stores it under that name.
      recordedBy: RECORDED_BY,
    })
  })

  it('stores the events under options.recordedBy, the same name after a retried deadlock', async () => {
    const { pg } = dlq
    const events = [makeEvent(), makeEvent()]
    const names: unknown[] = []
    let calls = 0
    const store: AuditEventStore = {
      ...pg.store,
      insert: (batch, recordedBy) => {
        names.push(recordedBy)
        calls += 1
        return calls === 1
          ? Promise.reject(sqlError('40P01', 'deadlock detected'))
          : pg.store.insert(batch, recordedBy)
      },
    }
    const writer = createEventWriter({ store, metrics: createMetrics({ defaultMetrics: false }) })
    expect(await writer.write(events, { recordedBy: 'billing-writer' })).toMatchObject({
      created: events.map((e) => e.event_id),
    })
    expect(names).toEqual(['billing-writer', 'billing-writer'])
    expect((await pg.store.get(events[1]!.event_id))?.recorded_by).toBe('billing-writer')
  })

  it('queues on the SQLSTATEs of a server that takes no writes (starting up, disk full, a read-only standby)', async () => {
    const { pg, redis, streams } = dlq
    for (const code of ['57P03', '53100', '25006', '08006']) {
      const { settled } = await writeWithDlq(failingStore(pg.store, sqlError(code, `state ${code}`)), [
        makeEvent(),
      ])
      expect(settled).toMatchObject({ created: [], queued: [expect.any(String)] })
    }
    expect(await redis.xlen(streams.stream)).toBe(4)
  })

  it('without a DLQ, or with a full one, the error reaches the caller and nothing is queued', async () => {
    const { pg, redis, streams } = dlq
    const logger = captureLogger().logger
    const store = failingStore(
      pg.store,
      new StoreUnavailableError('database unavailable: connect ECONNREFUSED'),
    )
    await expect(write({ store, logger }, [makeEvent()])).rejects.toBeInstanceOf(StoreUnavailableError)
    const full = createDeadLetterWriter({ redis, stream: streams.stream, capacity: 1 })
    await expect(
      write({ store, deadLetters: full, logger }, [makeEvent(), makeEvent()]),
    ).rejects.toBeInstanceOf(DlqFullError)
    expect(await redis.xlen(streams.stream)).toBe(0)
  })

  it('a data error is refused with a 400 naming the event by index; nothing of the batch is stored or queued', async () => {
    const { pg, redis, streams } = dlq
    const ok = [makeEvent(), makeEvent(), makeEvent()]
    const bad = makeEvent({ correlation_id: 'refused' })
    const batch = [ok[0]!, ok[1]!, bad, ok[2]!]
    const { settled, lines } = await writeWithDlq(pg.store, batch)

    expect(settled).toBeInstanceOf(EventsRefusedError)
    const refused = settled as EventsRefusedError
    expect(refused.indexes).toEqual([2])
    expect(refused.cause).toMatchObject({ code: '23514' })
    expect(await pg.countRows(batch.map((e) => e.event_id))).toBe(0)
    expect(await redis.xlen(streams.stream)).toBe(0)
    const problem = toProblem(refused, '/api/v1/audit/events/batch')
    expect(problem.status).toBe(400)
    expect(problem.unexpected).toBe(false)
    expect(problem.body).toMatchObject({
      type: expect.stringMatching(/validation-error$/),
      detail: `PostgreSQL refused the event at index 2 (event_id ${bad.event_id}); nothing was stored.`,
      errors: [
        {
          index: 2,
          field: '(root)',
          message: expect.stringMatching(/^PostgreSQL refused it: .*writer_test_refuse.*\(SQLSTATE 23514\)$/),
        },
      ],
    })
    expect(
      lines.find(
        (l) => l['msg'] === 'PostgreSQL refused the data of a write; nothing stored, refused with 400',
      ),
    ).toMatchObject({ level: 40, sqlState: '23514', refusedIndexes: [2] })

    // What a client does with that answer: set the named event aside, send the others again.
    const { settled: resent } = await writeWithDlq(pg.store, ok)
    expect(resent).toMatchObject({ created: ok.map((e) => e.event_id), queued: [] })
  })

  it('a value PostgreSQL cannot convert names the event and the field holding it', async () => {
    const { pg } = dlq
    const bad = makeEvent({ parent_event_id: 'not-a-uuid' })
    const batch = [makeEvent(), makeEvent(), bad]
    const { settled } = await writeWithDlq(pg.store, batch)
    expect(settled).toBeInstanceOf(EventsRefusedError)
    expect((settled as EventsRefusedError).errors).toEqual([
      {
        index: 2,
        field: 'parent_event_id',
        message: 'PostgreSQL refused it: invalid input syntax for type uuid: "not-a-uuid" (SQLSTATE 22P02)',
      },
    ])
    expect(await pg.countRows(batch.map((e) => e.event_id))).toBe(0)
  })

  it('a data error that names no event refuses the batch as a whole (no index), nothing stored; alone, the event is named', async () => {
    const { pg, redis, streams } = dlq
    const bad = makeEvent({ correlation_id: 'refused-silently' })
    const batch = [makeEvent(), bad]
    const { settled } = await writeWithDlq(pg.store, batch)
    expect(settled).toBeInstanceOf(EventsRefusedError)
    expect((settled as EventsRefusedError).indexes).toEqual([])
    expect(toProblem(settled, '/x').body).toMatchObject({
      status: 400,
      detail: 'PostgreSQL refused one of the 2 events (PostgreSQL does not say which); nothing was stored.',
      errors: [
        {
          field: '(root)',
          message: expect.stringMatching(/refused without saying which \(SQLSTATE 22023\)/),
        },
      ],
    })
    expect((toProblem(settled, '/x').body.errors ?? [])[0]).not.toHaveProperty('index')
    expect(await pg.countRows(batch.map((e) => e.event_id))).toBe(0)

    const { settled: alone } = await writeWithDlq(pg.store, [bad, bad])
    expect((alone as EventsRefusedError).indexes).toEqual([0, 1])
    expect(await redis.xlen(streams.stream)).toBe(0)
  })

  it('any other refusal (an error nobody foresaw, a broken partition) reaches the caller as it is: nothing stored, nothing queued', async () => {
    const { pg, redis, streams } = dlq
    const unforeseen = [makeEvent(), makeEvent({ correlation_id: 'unforeseen' })]
    const first = await writeWithDlq(pg.store, unforeseen)
    expect(first.settled).not.toBeInstanceOf(EventsRefusedError)
    expect(first.settled).toMatchObject({ code: 'P0001', message: 'something nobody foresaw' })
    expect(toProblem(first.settled, '/x').status).toBe(500)

    // A table squatting on the partition's name: the month has no partition, and creating it is a no-op.
    await pg.sql.unsafe('CREATE TABLE audit_events_y2024m07 (id int)')
    try {
      const broken = [
        makeEvent({ event_timestamp: '2024-06-15T10:00:00Z' }),
        makeEvent({ event_timestamp: '2024-07-04T12:00:00Z' }),
      ]
      const second = await writeWithDlq(pg.store, broken)
      expect(second.settled).toMatchObject({ code: '23514', message: expect.stringMatching(/no partition/) })
      expect(await pg.countRows([...unforeseen, ...broken].map((e) => e.event_id))).toBe(0)
    } finally {
      await pg.sql.unsafe('DROP TABLE audit_events_y2024m07')
    }
    expect(await redis.xlen(streams.stream)).toBe(0)
  })

  it('a deadlock or serialization failure is tried once more before it counts as a failure', async () => {
    const { pg, redis, streams } = dlq
    const events = [makeEvent(), makeEvent()]
    let calls = 0
    const flaky: AuditEventStore = {
      ...pg.store,
      insert: (batch) => {
        calls += 1
        return calls === 1
          ? Promise.reject(sqlError('40P01', 'deadlock detected'))
          : pg.store.insert(batch, RECORDED_BY)
      },
    }
    const { settled } = await writeWithDlq(flaky, events)
    expect(settled).toEqual({ created: events.map((e) => e.event_id), duplicates: [], queued: [] })
    expect(calls).toBe(2)

    const twice = await writeWithDlq(failingStore(pg.store, sqlError('40001', 'could not serialize')), [
      makeEvent(),
    ])
    expect(twice.settled).toMatchObject({ code: '40001' })
    expect(await redis.xlen(streams.stream)).toBe(0)
  })
})
