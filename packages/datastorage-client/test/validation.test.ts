import { describe, expect, it } from 'vitest'
import { contractLimits, createAuditEventValidator, isKnownEventType } from '../src/index.js'

const now = Date.parse('2026-06-01T12:00:00Z')
const validate = createAuditEventValidator({ now: () => now })
const base = {
  version: '1.0',
  event_type: 'gateway.signal.received',
  event_timestamp: '2026-06-01T11:59:00Z',
  event_category: 'gateway',
  event_action: 'received',
  event_outcome: 'success',
  correlation_id: 'c-1',
  event_data: { signal_name: 'HighCPU', signal_source: 'prometheus', fingerprint: 'f1' },
}

function nest(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  let node = root
  for (let i = 1; i < depth; i++) {
    const child: Record<string, unknown> = {}
    node.c = child
    node = child
  }
  return root
}

describe('createAuditEventValidator', () => {
  it('accepts a valid event of a typed catalog type, and an unknown type that follows the naming rule', () => {
    expect(validate(base)).toEqual([])
    expect(validate({ ...base, event_type: 'billing.invoice.sent', event_data: { any: 'thing' } })).toEqual(
      [],
    )
  })

  it('validates event_data of a known type against its typed schema', () => {
    expect(validate({ ...base, event_data: { signal_name: 'x' } })).toEqual([
      { field: 'event_data.signal_source', message: 'is required' },
      { field: 'event_data.fingerprint', message: 'is required' },
    ])
  })

  it('reports every invalid field at once, with the batch index', () => {
    const errors = validate(
      { ...base, event_outcome: 'maybe', correlation_id: '', unknown_field: 1, actor_ip: '999.1.1.1' },
      7,
    )
    expect(errors.map((e) => e.field).sort()).toEqual([
      'actor_ip',
      'correlation_id',
      'event_outcome',
      'unknown_field',
    ])
    expect(errors.every((e) => e.index === 7)).toBe(true)
  })

  it('names each missing required field', () => {
    expect(
      validate({})
        .map((e) => e.field)
        .sort(),
    ).toEqual([
      'correlation_id',
      'event_action',
      'event_category',
      'event_data',
      'event_outcome',
      'event_timestamp',
      'event_type',
      'version',
    ])
  })

  it('refuses non-objects', () => {
    for (const value of [null, 1, 'x', []])
      expect(validate(value)).toEqual([{ field: '(root)', message: 'must be a JSON object' }])
  })

  it('guards against timestamps more than an hour in the future but accepts old ones', () => {
    expect(validate({ ...base, event_timestamp: '2026-06-01T12:59:59Z' })).toEqual([])
    expect(validate({ ...base, event_timestamp: '2026-06-01T13:00:01Z' })[0]?.field).toBe('event_timestamp')
    expect(validate({ ...base, event_timestamp: '2019-01-01T00:00:00Z' })).toEqual([])
    expect(validate({ ...base, event_timestamp: 'yesterday' })[0]?.message).toMatch(/date-time/)
  })

  it('limits event_data depth and size to the contract’s x- limits', () => {
    const generic = { ...base, event_type: 'billing.invoice.sent' }
    expect(validate({ ...generic, event_data: nest(contractLimits.eventDataMaxDepth) })).toEqual([])
    expect(
      validate({ ...generic, event_data: nest(contractLimits.eventDataMaxDepth + 1) })[0]?.message,
    ).toMatch(/deeper/)
    const big = { blob: 'x'.repeat(contractLimits.eventDataMaxBytes) }
    expect(validate({ ...generic, event_data: big })[0]?.message).toMatch(/bytes/)
  })

  it('rejects unknown event types when configured to', () => {
    const strict = createAuditEventValidator({ unknownEventTypes: 'reject', now: () => now })
    expect(strict(base)).toEqual([])
    expect(strict({ ...base, event_type: 'billing.invoice.sent', event_data: {} })).toEqual([
      { field: 'event_type', message: 'is not in the event-type catalog' },
    ])
    expect(isKnownEventType('aiagent.llm.request')).toBe(true)
  })

  it('reads its limits from the contract', () => {
    expect(contractLimits).toEqual({
      eventDataMaxBytes: 262144,
      eventDataMaxDepth: 10,
      maxFutureSeconds: 3600,
      maxBatchSize: 5000,
    })
  })
})

describe('strings PostgreSQL cannot store', () => {
  it('refuses NUL characters and lone surrogates anywhere in the event, naming the field', () => {
    expect(validate({ ...base, correlation_id: 'a\u0000b' })).toEqual([
      { field: 'correlation_id', message: 'must not contain NUL characters' },
    ])
    const generic = { ...base, event_type: 'billing.invoice.sent' }
    expect(validate({ ...generic, event_data: { list: ['ok', { deep: 'x\ud800' }] } }, 2)).toEqual([
      { index: 2, field: 'event_data.list.1.deep', message: 'must be well-formed Unicode' },
    ])
    expect(validate({ ...generic, event_data: { 'k\u0000': 1 } })[0]?.field).toBe('event_data.k\u0000')
  })
})

describe('timestamps PostgreSQL cannot store', () => {
  it('refuses year 0000 (RFC 3339 allows it, PostgreSQL has no year 0) and accepts 0001', () => {
    expect(validate({ ...base, event_timestamp: '0000-06-01T00:00:00Z' })).toEqual([
      { field: 'event_timestamp', message: 'must not be before 0001-01-01T00:00:00Z' },
    ])
    expect(validate({ ...base, event_timestamp: '0001-01-01T00:00:00Z' })).toEqual([])
  })

  it('counts a leap second as the next second for the future guard', () => {
    expect(validate({ ...base, event_timestamp: '2026-06-01T23:59:60Z' }, 3)).toEqual([
      { index: 3, field: 'event_timestamp', message: 'must not be more than 3600 s in the future' },
    ])
  })
})
