import { describe, expect, it } from 'vitest'
import { ServiceError } from '../src/errors.js'
import { decodeEventPage } from '../src/source/api-source.js'
import { arrayElementTexts, compactJson } from '../src/source/json-text.js'

describe('arrayElementTexts', () => {
  it('returns each element as written, numbers and escapes untouched', () => {
    const body =
      '{ "pagination": {"a": [1, 2]}, "data" : [ {"n": 1.0, "s": "a]\\"}{,"} ,\n {"e": 1E21, "x": [[], {}]}, 7 , "q", null ] }'
    expect(arrayElementTexts(body, 'data')).toEqual([
      '{"n": 1.0, "s": "a]\\"}{,"}',
      '{"e": 1E21, "x": [[], {}]}',
      '7',
      '"q"',
      'null',
    ])
  })

  it('finds the key after others, and an empty array', () => {
    expect(arrayElementTexts('{"x":"data","data":[]}', 'data')).toEqual([])
  })

  it('refuses a body without the array', () => {
    expect(() => arrayElementTexts('[1]', 'data')).toThrow(SyntaxError)
    expect(() => arrayElementTexts('{"data": 1}', 'data')).toThrow(/not an array/)
    expect(() => arrayElementTexts('{"other": []}', 'data')).toThrow(/no "data"/)
    expect(() => arrayElementTexts('{"data": ["abc', 'data')).toThrow(/unterminated/)
  })
})

describe('compactJson', () => {
  it('drops whitespace between tokens only', () => {
    expect(compactJson('{ "a b" :\n [ 1.0 ,\t"c\\" d" ] }')).toBe('{"a b":[1.0,"c\\" d"]}')
  })
})

describe('decodeEventPage', () => {
  it('pairs each parsed event with its text and follows has_more', () => {
    const page = decodeEventPage(
      '{"data":[{"event_id":"a","v":1.50}],"pagination":{"limit":1,"next_cursor":"Q","has_more":true}}',
    )
    expect(page.events).toEqual([{ text: '{"event_id":"a","v":1.50}', value: { event_id: 'a', v: 1.5 } }])
    expect(page.nextCursor).toBe('Q')
    const last = decodeEventPage('{"data":[],"pagination":{"limit":1,"next_cursor":"Q","has_more":false}}')
    expect(last.nextCursor).toBeUndefined()
  })

  it('refuses what is not a page', () => {
    expect(() => decodeEventPage('<html>')).toThrow(ServiceError)
    expect(() => decodeEventPage('{"data":{}}')).toThrow(ServiceError)
    expect(() => decodeEventPage('{"data":[],"pagination":{"has_more":true,"next_cursor":null}}')).toThrow(
      /has_more without a next_cursor/,
    )
  })
})
