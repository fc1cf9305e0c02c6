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
  event_data: {
    event_type: 'gateway.signal.received',
    signal_type: 'alert',
    signal_name: 'HighCPU',
    namespace: 'payments',
    fingerprint: 'f1',
  },
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
      { field: 'event_data.signal_type', message: 'is required' },
      { field: 'event_data.namespace', message: 'is required' },
      { field: 'event_data.fingerprint', message: 'is required' },
      { field: 'event_data.event_type', message: 'is required' },
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

  it('refuses a leap second, saying leap seconds cannot be stored', () => {
    for (const event_timestamp of ['2016-12-31T23:59:60Z', '2016-12-31T23:59:60.5Z']) {
      expect(validate({ ...base, event_timestamp }, 3)).toEqual([
        {
          index: 3,
          field: 'event_timestamp',
          message: 'must not be a leap second (:60): leap seconds cannot be stored',
        },
      ])
    }
  })

  it('refuses offsets beyond ±23:59 or without colon and minutes, and more than 9 fraction digits', () => {
    for (const zone of ['+0100', '-0530', '+01', '+16', '+24:00', '+23:60', '']) {
      const errors = validate({ ...base, event_timestamp: `2026-06-01T11:00:00${zone}` })
      expect(
        errors.map((e) => e.field),
        zone,
      ).toEqual(['event_timestamp'])
    }
    expect(validate({ ...base, event_timestamp: `2026-06-01T11:00:00.${'1'.repeat(400)}Z` })).toEqual([
      { field: 'event_timestamp', message: 'must not have more than 9 fractional digits' },
    ])
    // Beyond PostgreSQL's ±15:59, within RFC 3339's ±23:59: stored after conversion to UTC.
    for (const zone of ['+16:00', '+23:59', '-23:59']) {
      expect(validate({ ...base, event_timestamp: `2026-05-01T11:00:00${zone}` }), zone).toEqual([])
    }
  })

  it('takes only T, t or one space between date and time', () => {
    for (const separator of [
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u2028',
      '\u2029',
    ]) {
      const errors = validate({ ...base, event_timestamp: `2026-06-01${separator}11:00:00Z` })
      expect(errors, JSON.stringify(separator)).toEqual([
        { field: 'event_timestamp', message: expect.stringMatching(/^must be an RFC 3339 date-time/) },
      ])
    }
    for (const separator of ['T', 't', ' ']) {
      expect(validate({ ...base, event_timestamp: `2026-06-01${separator}11:00:00Z` })).toEqual([])
    }
  })

  it('refuses an instant after year 9999 in UTC whatever the clock', () => {
    const farFuture = createAuditEventValidator({ now: () => Date.parse('9999-12-31T23:59:59Z') })
    expect(farFuture({ ...base, event_timestamp: '9999-12-31T23:59:59.999999999Z' })).toEqual([])
    expect(farFuture({ ...base, event_timestamp: '9999-12-31T23:30:00-01:00' })).toEqual([
      { field: 'event_timestamp', message: 'must not be after 9999-12-31T23:59:59.999999Z' },
    ])
  })
})

describe('identifiers PostgreSQL stores as uuid', () => {
  it('takes 8-4-4-4-12 hex digits in either case, and nothing else', () => {
    const id = '0190a0f0-0000-7000-8000-00000000000a'
    expect(validate({ ...base, event_id: id, parent_event_id: id.toUpperCase() })).toEqual([])
    for (const field of ['event_id', 'parent_event_id']) {
      for (const value of [`urn:uuid:${id}`, `{${id}}`, id.replace(/-/g, '')]) {
        expect(validate({ ...base, [field]: value }), value).toEqual([
          { field, message: 'must be a valid uuid' },
        ])
      }
    }
  })
})

describe('unknown top-level keys', () => {
  const names = [
    '__proto__',
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    'propertyIsEnumerable',
    'colour',
  ]

  it.each(names)('refuses %s, as a request body parses it', (name) => {
    const event = JSON.parse(`{"${name}":{"x":1},${JSON.stringify(base).slice(1)}`) as unknown
    expect(validate(event, 4)).toEqual([{ index: 4, field: name, message: 'is not a known field' }])
  })

  it('keeps such a key inside event_data, free-form beyond its typed fields (jsonb stores it)', () => {
    const event = {
      ...base,
      event_data: JSON.parse(
        '{"event_type":"gateway.signal.received","signal_type":"alert","signal_name":"s","namespace":"n","fingerprint":"f","__proto__":1}',
      ),
    }
    expect(validate(event)).toEqual([])
  })
})
