import type { AuditEvent } from '@audit-trail/datastorage-client'
import { describe, expect, it } from 'vitest'
import { parseExportQuery, parseHistogramQuery } from '../src/http/audit-event-query.js'
import { CSV_COLUMNS, csvCell, csvHeader, csvRow } from '../src/http/csv.js'
import { exportDisposition } from '../src/http/export-stream.js'
import { HttpProblem } from '../src/http/problem.js'

// The pure parts of the export and the histogram: CSV cells, the export's and the histogram's
// query parsing (defaults, bucket count, errors), the download's file name.

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn()
  } catch (error) {
    if (error instanceof HttpProblem) return (error.errors ?? []).map((e) => e.field)
    throw error
  }
  throw new Error('no problem thrown')
}

describe('csvCell', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['', ''],
    ['plain', 'plain'],
    [42, '42'],
    [false, 'false'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=a,"b"', `"'=a,""b"""`],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('writes the header and a record with CRLF, absent fields empty, event_data as JSON', () => {
    expect(csvHeader()).toBe(`${CSV_COLUMNS.join(',')}\r\n`)
    const event = {
      event_id: 'id-1',
      event_timestamp: '2026-01-01T00:00:00Z',
      event_data: { a: [1, 'x,y'] },
      duration_ms: 7,
    } as unknown as AuditEvent
    const cells = csvRow(event).slice(0, -2).split(',')
    expect(csvRow(event).endsWith('\r\n')).toBe(true)
    expect(cells[0]).toBe('id-1')
    expect(cells[CSV_COLUMNS.indexOf('duration_ms')]).toBe('7')
    expect(cells[CSV_COLUMNS.indexOf('severity')]).toBe('')
    expect(csvRow(event)).toContain('"{""a"":[1,""x,y""]}"\r\n')
  })
})

describe('parseExportQuery', () => {
  it('defaults to NDJSON and every match', () => {
    expect(parseExportQuery(new URLSearchParams())).toEqual({
      filters: {},
      format: 'ndjson',
      limit: undefined,
    })
  })

  it('takes the filters, format and a limit up to the largest safe integer', () => {
    const q = parseExportQuery(
      new URLSearchParams({
        format: 'csv',
        limit: '9007199254740991',
        trace_id: 'f'.repeat(32),
        detail_key: 'k',
        detail_value: 'v',
      }),
    )
    expect(q).toEqual({
      filters: { trace_id: 'f'.repeat(32), detail: { key: 'k', value: 'v' } },
      format: 'csv',
      limit: 9007199254740991,
    })
  })

  it('refuses the query-only parameters (cursor, offset) with the other errors at once', () => {
    expect(
      fieldsOf(() => parseExportQuery(new URLSearchParams('cursor=a&offset=1&limit=9007199254740992'))),
    ).toEqual(['cursor', 'offset', 'limit'])
  })
})

describe('parseHistogramQuery', () => {
  const now = Date.parse('2026-03-10T10:30:15.500Z')

  it('defaults to the hour before now by minute: 61 buckets from the minute at or before since', () => {
    const q = parseHistogramQuery(new URLSearchParams(), now)
    expect(q.filters.since).toBe('2026-03-10T09:30:15.500000Z')
    expect(q.filters.until).toBe('2026-03-10T10:30:15.500000Z')
    expect(q.interval).toBe('1m')
    expect(new Date(q.firstBucketMs).toISOString()).toBe('2026-03-10T09:30:00.000Z')
    expect(q.buckets).toBe(61)
  })

  it('counts a bucket that starts at until only when until is past its start', () => {
    const exact = parseHistogramQuery(
      new URLSearchParams({ since: '2026-03-10T00:00:00Z', until: '2026-03-11T00:00:00Z' }),
      now,
    )
    expect(exact.buckets).toBe(1440)
    const past = new URLSearchParams({ since: '2026-03-10T00:00:00Z', until: '2026-03-11T00:00:00.000001Z' })
    expect(fieldsOf(() => parseHistogramQuery(past, now))).toEqual(['interval'])
    past.set('interval', '5m')
    expect(parseHistogramQuery(past, now).buckets).toBe(289)
  })

  it('does not count buckets of a window already refused', () => {
    expect(
      fieldsOf(() => parseHistogramQuery(new URLSearchParams('since=2000-01-01T00:00:00Z&until=bogus'), now)),
    ).toEqual(['until'])
    expect(
      fieldsOf(() => parseHistogramQuery(new URLSearchParams('since=2000-02-30T00:00:00Z'), now)),
    ).toEqual(['since'])
  })

  it('refuses a since not before the default until, and an until not after the default since', () => {
    expect(
      fieldsOf(() => parseHistogramQuery(new URLSearchParams('since=2026-03-10T10:30:15.5Z'), now)),
    ).toEqual(['since'])
    expect(fieldsOf(() => parseHistogramQuery(new URLSearchParams('until=2h'), now))).toEqual(['until'])
  })
})

describe('exportDisposition', () => {
  it('names the file after the UTC time, seconds kept', () => {
    expect(exportDisposition('csv', new Date('2026-12-02T13:25:07.123Z'))).toBe(
      'attachment; filename="audit-events-20261202T132507Z.csv"',
    )
  })
})
