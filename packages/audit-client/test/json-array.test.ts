import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonArray } from '../src/json-array.js'
import { reaches } from '../src/transport.js'

describe('jsonArray', () => {
  it('is the JSON array of the texts, as join would make it', () => {
    expect(jsonArray(0, () => 'x')).toBe('[]')
    expect(jsonArray(1, () => '{"a":1}')).toBe('[{"a":1}]')
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 50 }), (values) => {
        const texts = values.map((v) => JSON.stringify(v))
        const body = jsonArray(texts.length, (i) => texts[i]!)
        expect(body).toBe(`[${texts.join(',')}]`)
        expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(values)))
      }),
    )
  })

  it('reads each text once, in order', () => {
    const asked: number[] = []
    jsonArray(4, (i) => {
      asked.push(i)
      return String(i)
    })
    expect(asked).toEqual([0, 1, 2, 3])
  })
})

describe('reaches (the gzip threshold in UTF-8 bytes)', () => {
  it('answers as Buffer.byteLength would, for ASCII, 2-, 3- and 4-byte characters around the threshold', () => {
    const chars = fc.constantFrom('a', 'é', '€', '😀', '\u0000')
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), fc.integer({ min: 0, max: 120 }), (parts, bytes) => {
        const text = parts.join('')
        expect(reaches(text, bytes)).toBe(Buffer.byteLength(text) >= bytes)
      }),
    )
  })

  it('decides from the length alone when it can, and scans in between', () => {
    expect(reaches('a'.repeat(10), 10)).toBe(true) // 10 characters: at least 10 bytes
    expect(reaches('€'.repeat(3), 10)).toBe(false) // 3 characters: at most 9 bytes
    expect(reaches('€'.repeat(4), 10)).toBe(true) // 4 characters, scanned: 12 bytes
    expect(reaches('é'.repeat(4), 10)).toBe(false) // 4 characters, scanned: 8 bytes
  })
})
