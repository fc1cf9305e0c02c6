import { createLoader } from 'nuqs'
import { describe, expect, it } from 'vitest'
import {
  apiTimeBound,
  EMPTY_FILTER,
  type Filter,
  filterParsers,
  filterSearch,
  histogramInterval,
  timeBoundMs,
  toEventQuery,
} from '../src/lib/filters.js'

const load = createLoader(filterParsers)

describe('filter ↔ query string', () => {
  it('writes only what differs from the defaults, under the API parameter names', () => {
    expect(filterSearch(EMPTY_FILTER)).toBe('')
    const filter: Filter = {
      ...EMPTY_FILTER,
      correlation_id: 'rr-1 &x',
      event_outcome: 'failure',
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      since: '15m',
    }
    const search = filterSearch(filter)
    expect(new URLSearchParams(search).get('correlation_id')).toBe('rr-1 &x')
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      correlation_id: 'rr-1 &x',
      event_outcome: 'failure',
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      since: '15m',
    })
  })

  it('reads back the same filter from its query string (a pasted link is the same view)', () => {
    const filter: Filter = {
      correlation_id: 'c-1',
      resource_type: 'deployment',
      resource_id: 'payments/api',
      actor_id: 'ops@example',
      event_type: 'gateway.signal.received',
      event_outcome: 'pending',
      recorded_by: 'e2e-writer',
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      since: '2026-12-01T00:00:00Z',
      until: '2026-12-02T00:00:00Z',
    }
    expect(load(filterSearch(filter))).toEqual(filter)
    expect(load('')).toEqual(EMPTY_FILTER)
    // An outcome outside the enum is dropped, not sent to the API.
    expect(load('?event_outcome=maybe').event_outcome).toBeNull()
  })
})

describe('filter → API query', () => {
  it('sends the set fields trimmed, blank ones left out', () => {
    expect(toEventQuery({ ...EMPTY_FILTER, correlation_id: ' c-1 ', actor_id: '  ', since: '' })).toEqual({
      query: { correlation_id: 'c-1' },
    })
    expect(
      toEventQuery({
        ...EMPTY_FILTER,
        resource_type: 'pod',
        resource_id: 'p-1',
        event_type: 'gateway.signal.received',
        event_outcome: 'success',
        recorded_by: 'w',
        trace_id: '0AF7651916CD43DD8448EB211C80319C',
      }),
    ).toEqual({
      query: {
        resource_type: 'pod',
        resource_id: 'p-1',
        event_type: 'gateway.signal.received',
        event_outcome: 'success',
        recorded_by: 'w',
        trace_id: '0af7651916cd43dd8448eb211c80319c',
        since: '1h',
      },
    })
  })

  it('names every refused field at once', () => {
    const result = toEventQuery({
      ...EMPTY_FILTER,
      trace_id: 'xyz',
      event_type: 'Bad Type',
      since: 'yesterday',
      until: '5q',
    })
    expect('errors' in result && result.errors.map((e) => e.field)).toEqual([
      'event_type',
      'trace_id',
      'since',
      'until',
    ])
  })

  it('refuses since not earlier than until', () => {
    const result = toEventQuery({ ...EMPTY_FILTER, since: '1h', until: '2h' })
    expect(result).toEqual({ errors: [{ field: 'since', message: 'since must be earlier than until' }] })
  })

  it('takes relative durations and RFC 3339 as is, a local date-time as its UTC instant', () => {
    expect(apiTimeBound('15m')).toBe('15m')
    expect(apiTimeBound('2026-12-02T07:45:00.123+02:00')).toBe('2026-12-02T07:45:00.123+02:00')
    expect(apiTimeBound('2026-12-02 14:30')).toBe(new Date(2026, 11, 2, 14, 30).toISOString())
    expect(apiTimeBound('2026-13-40 99:00')).toBeUndefined()
    expect(apiTimeBound('soon')).toBeUndefined()
    const now = Date.parse('2026-12-02T12:00:00Z')
    expect(timeBoundMs('90s', now)).toBe(now - 90_000)
    expect(timeBoundMs('2w', now)).toBe(now - 14 * 86_400_000)
    expect(timeBoundMs('2026-12-02T11:00:00Z', now)).toBe(now - 3_600_000)
  })

  it('picks per-minute buckets up to a day, wider ones past it, within 1440 buckets', () => {
    const now = Date.parse('2026-12-02T12:00:00Z')
    expect(histogramInterval({}, now)).toBe('1m')
    expect(histogramInterval({ since: '23h' }, now)).toBe('1m')
    expect(histogramInterval({ since: '24h' }, now)).toBe('5m')
    expect(histogramInterval({ since: '7d' }, now)).toBe('15m')
    expect(histogramInterval({ since: '30d' }, now)).toBe('1h')
    expect(histogramInterval({ since: '1000d' }, now)).toBe('1d')
  })
})
