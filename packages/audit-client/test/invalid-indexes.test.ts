import { describe, expect, it } from 'vitest'
import type { ProblemDetails } from '../src/errors.js'
import { describeInvalidFields, invalidIndexes } from '../src/invalid-indexes.js'

// The narrowing rule end to end (delivery and the spool replay) is in delivery.outcomes.test.ts and
// spool-replay.test.ts; here, what those reach only through log and dead-letter text.
describe('invalidIndexes / describeInvalidFields', () => {
  it('keeps every reason of an event in order and writes them as one line', () => {
    const byIndex = invalidIndexes(
      {
        errors: [
          { index: 1, field: 'event_data', message: 'must have fingerprint' },
          { index: 0, field: 'event_type', message: 'is unknown' },
          { index: 1, field: 'correlation_id', message: 'is too long' },
        ],
      },
      2,
    )
    expect([...byIndex!.keys()]).toEqual([1, 0])
    expect(describeInvalidFields(byIndex!.get(1)!)).toBe(
      'event_data must have fingerprint; correlation_id is too long',
    )
  })

  it('reads a missing field or message as empty text, never "undefined"', () => {
    // An answer that breaks the contract's types, as a misbehaving server or proxy may send it.
    const problem = {
      errors: [{ index: 0 }, { index: 0, message: 'is required' }],
    } as unknown as ProblemDetails
    const byIndex = invalidIndexes(problem, 1)
    expect(byIndex!.get(0)).toEqual([
      { field: '', message: '' },
      { field: '', message: 'is required' },
    ])
  })
})
