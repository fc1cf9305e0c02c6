import { describe, expect, it } from 'vitest'
import { DataStorageError, StoreUnavailableError } from '../../src/errors.js'
import {
  blameEvent,
  classifyStoreError,
  isTransientConflict,
  type StoreFailureKind,
} from '../../src/store/store-errors.js'
import { makeEvent } from '../dlq/support.js'

/** An error as postgres.js raises it (a SQLSTATE in `code`), wrapped as Drizzle wraps it. */
function pgError(code: string, message: string, extra: Record<string, unknown> = {}) {
  const driver = Object.assign(new Error(message), { code, ...extra })
  return new Error('Failed query: INSERT …', { cause: driver })
}

/** A store error naming one event, as InvalidEventTimestampError does. */
class NamedEventError extends DataStorageError {
  readonly eventId: string
  constructor(eventId: string) {
    super('INVALID_EVENT_TIMESTAMP', `event ${eventId}: event_timestamp is not an RFC 3339 timestamp`)
    this.eventId = eventId
  }
}

describe('classifyStoreError', () => {
  const cases: Array<[string, unknown, StoreFailureKind]> = [
    ['StoreUnavailableError', new StoreUnavailableError('database unavailable'), 'unavailable'],
    ['08006 connection failure', pgError('08006', 'connection failure'), 'unavailable'],
    ['53100 disk full', pgError('53100', 'could not extend file'), 'unavailable'],
    ['53300 too many connections', pgError('53300', 'sorry, too many clients already'), 'unavailable'],
    ['57P01 admin shutdown', pgError('57P01', 'terminating connection'), 'unavailable'],
    ['57P03 cannot connect now', pgError('57P03', 'the database system is starting up'), 'unavailable'],
    [
      '25006 read-only standby',
      pgError('25006', 'cannot execute INSERT in a read-only transaction'),
      'unavailable',
    ],
    ['22009 time zone displacement', pgError('22009', 'time zone displacement out of range'), 'data'],
    ['23514 check violation', pgError('23514', 'violates check constraint "x"'), 'data'],
    ['23502 not null', pgError('23502', 'null value in column'), 'data'],
    ['a store error naming its event', new NamedEventError('0190a000-0000-7000-8000-000000000001'), 'data'],
    [
      '23514 missing partition',
      pgError('23514', 'no partition of relation "audit_events" found for row'),
      'retry',
    ],
    ['40P01 deadlock', pgError('40P01', 'deadlock detected'), 'retry'],
    ['57014 query canceled', pgError('57014', 'canceling statement due to statement timeout'), 'retry'],
    ['42501 permission denied', pgError('42501', 'permission denied for table audit_events'), 'retry'],
    ['P0001 raised by a trigger', pgError('P0001', 'something nobody foresaw'), 'retry'],
    ['a TypeError', new TypeError('not an RFC 3339 timestamp: "2024-01-01T00:00:00+01"'), 'retry'],
    [
      'a DataStorageError of another code',
      new DataStorageError('PARTITION_LIMIT', 'too many months'),
      'retry',
    ],
    ['not an Error', 'boom', 'retry'],
  ]
  it.each(cases)('%s → %s', (_name, error, kind) => {
    expect(classifyStoreError(error)).toBe(kind)
  })

  it('a deadlock and a serialization failure are transient conflicts; nothing else is', () => {
    expect(isTransientConflict(pgError('40P01', 'deadlock detected'))).toBe(true)
    expect(isTransientConflict(pgError('40001', 'could not serialize access'))).toBe(true)
    expect(isTransientConflict(pgError('23514', 'check'))).toBe(false)
    expect(isTransientConflict(new Error('no code'))).toBe(false)
  })
})

describe('blameEvent names an event only beyond doubt', () => {
  const a = makeEvent()
  const b = makeEvent({ parent_event_id: 'zzz' })
  const c = makeEvent()
  const uuid = (event: { event_id: string }) => event.event_id.toLowerCase()

  it('the only event of the batch, at every index it is sent at', () => {
    const error = pgError('22023', 'refused')
    expect(blameEvent(error, [a])).toEqual({ indexes: [0], field: '(root)' })
    expect(blameEvent(error, [a, { ...a, event_id: a.event_id.toUpperCase() }])).toEqual({
      indexes: [0, 1],
      field: '(root)',
    })
  })

  it('the event a store error names, with its field; none when it is not in the batch', () => {
    expect(blameEvent(new NamedEventError(c.event_id), [a, b, c])).toEqual({
      indexes: [2],
      field: 'event_timestamp',
    })
    expect(blameEvent(new NamedEventError(makeEvent().event_id), [a, b])).toBeUndefined()
  })

  it("the one event whose id is in an integrity violation's failing row, with the column PostgreSQL names", () => {
    const detail = `Failing row contains (2024-01-01, ${uuid(b)}, 1.0, x, …).`
    expect(
      blameEvent(pgError('23502', 'null value', { detail, column_name: 'event_action' }), [a, b, c]),
    ).toEqual({ indexes: [1], field: 'event_action' })
    // Another event's id in the same row (as its parent): which one failed is not certain.
    const both = `Failing row contains (2024-01-01, ${uuid(b)}, …, ${uuid(a)}, …).`
    expect(blameEvent(pgError('23514', 'violates check', { detail: both }), [a, b, c])).toBeUndefined()
  })

  it('the one event holding the value a data exception quotes, in a column PostgreSQL converts', () => {
    const error = pgError('22P02', 'invalid input syntax for type uuid: "zzz"')
    expect(blameEvent(error, [a, b, c])).toEqual({ indexes: [1], field: 'parent_event_id' })
    // Two events hold the value: not certain which one PostgreSQL met.
    const d = makeEvent({ parent_event_id: 'zzz' })
    expect(blameEvent(error, [a, b, d])).toBeUndefined()
    // The value only in a text column, which PostgreSQL does not convert: not this event.
    const e = makeEvent({ resource_name: 'zzz' })
    expect(blameEvent(error, [a, e])).toBeUndefined()
  })

  it('nothing for an error that names no event, or a quote outside class 22', () => {
    expect(blameEvent(pgError('22023', 'refused'), [a, b])).toBeUndefined()
    expect(blameEvent(new Error('boom'), [a, b])).toBeUndefined()
    const constraint = makeEvent({ parent_event_id: 'x' })
    expect(
      blameEvent(pgError('23514', 'new row violates check constraint "x"'), [a, constraint]),
    ).toBeUndefined()
  })
})
