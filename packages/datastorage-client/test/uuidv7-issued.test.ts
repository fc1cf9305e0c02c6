// isUuid spares the regex for the id uuidv7() made last (the one an emit() is validating): that id
// is well-formed by construction. Any other string is still tested, and an equal string is the
// same well-formed id.
import { describe, expect, it } from 'vitest'
import { isUuid, uuidv7 } from '../src/index.js'
import { isLastIssued } from '../src/uuidv7.js'

describe('the last issued UUIDv7', () => {
  it('is known as such until the next one, and every one is a uuid either way', () => {
    const first = uuidv7()
    expect(isLastIssued(first)).toBe(true)
    expect(isUuid(first)).toBe(true)
    const second = uuidv7()
    expect(isLastIssued(first)).toBe(false)
    expect(isLastIssued(second)).toBe(true)
    expect(isUuid(first)).toBe(true)
    expect(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(second)).toBe(true)
  })

  it('does not let anything else past isUuid', () => {
    uuidv7()
    for (const text of [
      '',
      'x',
      `${uuidv7()} `,
      `{${uuidv7()}}`,
      uuidv7().replace(/-/g, ''),
      `urn:uuid:${uuidv7()}`,
    ]) {
      expect(isUuid(text), text).toBe(false)
    }
  })
})
