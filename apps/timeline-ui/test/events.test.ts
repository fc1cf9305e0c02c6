import { describe, expect, it } from 'vitest'
import {
  type AuditEvent,
  attachmentFilename,
  childrenOf,
  groupByCorrelation,
  mergeEvents,
  tailSince,
  traceUrl,
} from '../src/lib/events.js'

const event = (id: string, correlation_id: string, at: string, parent?: string): AuditEvent =>
  ({
    version: '1.0',
    event_id: id,
    event_type: 'gateway.signal.received',
    event_timestamp: at,
    event_category: 'gateway',
    event_action: 'received',
    event_outcome: 'success',
    correlation_id,
    event_data: {},
    event_date: at.slice(0, 10),
    retention_days: 2555,
    is_sensitive: false,
    stored_at: at,
    ...(parent ? { parent_event_id: parent } : {}),
  }) as AuditEvent

const a1 = event('a1', 'A', '2026-12-02T10:00:00.000Z')
const a2 = event('a2', 'A', '2026-12-02T10:00:01.000Z', 'a1')
const a3 = event('a3', 'A', '2026-12-02T10:00:02.000Z', 'a1')
const b1 = event('b1', 'B', '2026-12-02T10:00:03.000Z')

describe('mergeEvents', () => {
  it('adds new ids newest first and keeps each id once', () => {
    const merged = mergeEvents([a2, a1], [b1, a2, a3, b1])
    expect(merged.map((e) => e.event_id)).toEqual(['b1', 'a3', 'a2', 'a1'])
  })
  it('returns the same list when nothing is new (no re-render)', () => {
    const list = [a2, a1]
    expect(mergeEvents(list, [a1])).toBe(list)
  })
})

describe('groupByCorrelation and childrenOf', () => {
  it('groups newest group first, events oldest first', () => {
    const groups = groupByCorrelation([b1, a3, a2, a1])
    expect(groups.map((g) => [g.correlationId, g.events.map((e) => e.event_id)])).toEqual([
      ['B', ['b1']],
      ['A', ['a1', 'a2', 'a3']],
    ])
  })
  it('lists the children of each parent in time order', () => {
    const children = childrenOf([a3, b1, a2, a1])
    expect(children.get('a1')?.map((e) => e.event_id)).toEqual(['a2', 'a3'])
    expect(children.has('b1')).toBe(false)
  })
})

describe('tailSince', () => {
  it('polls from the newest event seen less the lag, never before the filter since', () => {
    const newest = Date.parse(b1.event_timestamp)
    expect(tailSince([a1, b1], 5000, undefined)).toBe(newest - 5000)
    expect(tailSince([a1, b1], 5000, newest - 1000)).toBe(newest - 1000)
    expect(tailSince([], 5000, 42)).toBe(42)
    expect(tailSince([], 5000, undefined)).toBeUndefined()
  })
})

describe('attachmentFilename', () => {
  it('reads the file name of Content-Disposition, stripped of any path', () => {
    expect(attachmentFilename('attachment; filename="audit-events-20261202T120000Z.ndjson"', 'x')).toBe(
      'audit-events-20261202T120000Z.ndjson',
    )
    expect(attachmentFilename('attachment; filename=plain.csv', 'x')).toBe('plain.csv')
    expect(attachmentFilename("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", 'x')).toBe('résumé.csv')
    expect(attachmentFilename('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd')
    expect(attachmentFilename(null, 'fallback.ndjson')).toBe('fallback.ndjson')
    expect(attachmentFilename('attachment', 'fallback.csv')).toBe('fallback.csv')
  })
})

describe('traceUrl', () => {
  it('fills the template, or gives nothing without template or trace id', () => {
    expect(traceUrl('https://t.example/trace/{trace_id}?x={trace_id}', 'abc')).toBe(
      'https://t.example/trace/abc?x=abc',
    )
    expect(traceUrl(undefined, 'abc')).toBeUndefined()
    expect(traceUrl('https://t.example/{trace_id}', undefined)).toBeUndefined()
  })
})
