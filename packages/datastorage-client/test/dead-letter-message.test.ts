import { describe, expect, it } from 'vitest'
import { type DeadLetterMessage, decodeDeadLetterMessage, encodeDeadLetterMessage } from '../src/index.js'

const message: DeadLetterMessage = {
  event: {
    version: '1.0',
    event_id: '0190a0f0-0000-7000-8000-000000000001',
    event_type: 'gateway.config.reloaded',
    event_timestamp: '2026-01-01T00:00:00.000Z',
    event_category: 'gateway',
    event_action: 'reloaded',
    event_outcome: 'success',
    correlation_id: 'c-1',
    event_data: { nested: { a: [1, 2] } },
  },
  source: 'client',
  service: 'gateway',
  reason: 'HTTP 503',
  attempts: 4,
  enqueuedAt: '2026-01-01T00:00:01.000Z',
}

describe('dead-letter message format', () => {
  it('round-trips through the flat XADD field list', () => {
    const fields = encodeDeadLetterMessage(message)
    expect(fields.filter((_, i) => i % 2 === 0)).toEqual([
      'v',
      'event_id',
      'event',
      'source',
      'service',
      'reason',
      'attempts',
      'enqueued_at',
    ])
    expect(decodeDeadLetterMessage(fields)).toEqual(message)
    expect(decodeDeadLetterMessage(fields)).not.toHaveProperty('recordedBy')
  })

  it('carries the recorded_by of a message the service queued, as a last field only when set', () => {
    const queued: DeadLetterMessage = { ...message, source: 'server', recordedBy: 'billing-writer' }
    const fields = encodeDeadLetterMessage(queued)
    expect(fields.slice(-2)).toEqual(['recorded_by', 'billing-writer'])
    expect(fields[1]).toBe('1')
    expect(decodeDeadLetterMessage(fields)).toEqual(queued)
  })

  it('decodes a message without recorded_by, or with an empty one, as having none', () => {
    const fields = [...encodeDeadLetterMessage(message), 'recorded_by', '']
    expect(decodeDeadLetterMessage(fields)).toEqual(message)
    expect(decodeDeadLetterMessage(fields)).not.toHaveProperty('recordedBy')
  })

  it.each([
    [['v', '2'], /version/],
    [['v', '1'], /no "event"/],
    [['v', '1', 'event', '{'], /not JSON/],
    [['v', '1', 'event', '[]'], /not an object/],
    [['v', '1', 'event', '{"event_id":"a"}', 'event_id', 'b'], /does not match/],
    [['v', '1', 'event', '{"event_id":"a"}', 'event_id', 'a', 'source', 'x'], /unknown source/],
  ])('refuses a malformed entry %j', (fields, pattern) => {
    expect(() => decodeDeadLetterMessage(fields)).toThrow(pattern)
  })
})
