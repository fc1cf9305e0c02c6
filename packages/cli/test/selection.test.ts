import { describe, expect, it } from 'vitest'
import { UsageError } from '../src/errors.js'
import {
  isSelected,
  makeSelection,
  parseTimestampMs,
  selectionQuery,
  selectsAll,
} from '../src/verify/selection.js'

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0)

describe('parseTimestampMs', () => {
  it('reads RFC 3339 with offsets, cutting fractions to the millisecond', () => {
    expect(parseTimestampMs('2026-12-02T07:45:00.123456Z')).toBe(Date.UTC(2026, 11, 2, 7, 45, 0, 123))
    expect(parseTimestampMs('2026-12-02T08:45:00.9+01:00')).toBe(Date.UTC(2026, 11, 2, 7, 45, 0, 900))
    expect(parseTimestampMs('2026-12-02T06:15:00-01:30')).toBe(Date.UTC(2026, 11, 2, 7, 45))
  })

  it('refuses what is not one', () => {
    for (const text of ['2026-02-30T00:00:00Z', '2026-12-02', '2026-12-02T24:00:00Z', 'now']) {
      expect(parseTimestampMs(text), text).toBeUndefined()
    }
  })
})

describe('makeSelection', () => {
  it('resolves durations before now once', () => {
    const s = makeSelection({ since: '2w', until: '90s' }, NOW)
    expect(s.sinceMs).toBe(NOW - 14 * 86_400_000)
    expect(s.untilMs).toBe(NOW - 90_000)
    expect(selectionQuery(s)).toEqual({
      since: new Date(NOW - 14 * 86_400_000).toISOString(),
      until: new Date(NOW - 90_000).toISOString(),
    })
    expect(makeSelection({ since: '15m' }, NOW).sinceMs).toBe(NOW - 900_000)
    expect(makeSelection({ since: '24h' }, NOW).sinceMs).toBe(NOW - 86_400_000)
  })

  it('refuses bad bounds and an empty correlation id', () => {
    expect(() => makeSelection({ since: '1h', until: '1h' }, NOW)).toThrow(UsageError)
    expect(() => makeSelection({ until: 'tomorrow' }, NOW)).toThrow(/--until must be/)
    expect(() => makeSelection({ correlationId: '' }, NOW)).toThrow(/must not be empty/)
  })

  it('selects by correlation id and [since, until)', () => {
    const s = makeSelection(
      { correlationId: 'c', since: '2026-12-01T10:00:00Z', until: '2026-12-01T11:00:00Z' },
      NOW,
    )
    expect(selectsAll(s)).toBe(false)
    expect(selectsAll(makeSelection({}, NOW))).toBe(true)
    expect(isSelected(s, 'c', '2026-12-01T10:00:00.000Z')).toBe(true)
    expect(isSelected(s, 'c', '2026-12-01T10:59:59.999999Z')).toBe(true)
    expect(isSelected(s, 'c', '2026-12-01T11:00:00Z')).toBe(false)
    expect(isSelected(s, 'c', '2026-12-01T09:59:59.999Z')).toBe(false)
    expect(isSelected(s, 'd', '2026-12-01T10:30:00Z')).toBe(false)
    // An unreadable timestamp is compared rather than passed over.
    expect(isSelected(s, 'c', 'garbage')).toBe(true)
  })
})
