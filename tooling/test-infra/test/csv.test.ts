import { describe, expect, it } from 'vitest'
import { parseCsv } from '../src/csv.js'

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, ""c""","d\r\ne",\r\n1,2,3,4\r\n')).toEqual([
      ['a', 'b, "c"', 'd\r\ne', ''],
      ['1', '2', '3', '4'],
    ])
  })

  it('reads an empty text as no records', () => {
    expect(parseCsv('')).toEqual([])
  })

  it.each([
    ['a,b\nc,d\r\n', /bare LF/],
    ['a,b', /does not end with CRLF/],
    ['a,"b\r\n', /not closed/],
  ])('refuses %j', (text, error) => {
    expect(() => parseCsv(text)).toThrow(error)
  })
})
