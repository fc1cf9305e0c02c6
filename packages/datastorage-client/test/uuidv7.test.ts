import { describe, expect, it, vi } from 'vitest'
import { uuidv7 } from '../src/index.js'

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const timestampOf = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)

/** uuidv7 keeps the last millisecond in module state; a fresh module starts with none. */
async function freshUuidv7(): Promise<typeof uuidv7> {
  vi.resetModules()
  return (await import('../src/uuidv7.js')).uuidv7
}

describe('uuidv7', () => {
  it('embeds the millisecond timestamp and the version/variant bits', () => {
    const at = Date.parse('2026-01-02T03:04:05.678Z')
    const id = uuidv7(at)
    expect(id).toMatch(UUIDV7)
    expect(timestampOf(id)).toBeGreaterThanOrEqual(at)
  })

  it('embeds exactly the given millisecond when the clock moves forward', async () => {
    const fresh = await freshUuidv7()
    const at = Date.parse('2027-06-01T12:00:00.001Z')
    const a = fresh(at)
    const b = fresh(at + 1)
    expect(timestampOf(a)).toBe(at)
    expect(timestampOf(b)).toBe(at + 1)
    expect(b > a).toBe(true)
  })

  it('sets version 7 and variant 10 on every id, with random bits that differ', async () => {
    const fresh = await freshUuidv7()
    // More ids than one block of pooled random bytes (256), so the pool is refilled.
    const ids = Array.from({ length: 1000 }, () => fresh())
    for (const id of ids) {
      expect(id).toMatch(UUIDV7)
      const bytes = id.replace(/-/g, '')
      expect(Number.parseInt(bytes[12]!, 16)).toBe(7)
      expect(Number.parseInt(bytes[16]!, 16) >> 2).toBe(0b10)
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length)
  })

  it('stays unique and ordered within one millisecond, past the 12-bit counter', () => {
    const at = Date.parse('2030-01-01T00:00:00Z')
    const ids = Array.from({ length: 10_000 }, () => uuidv7(at))
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
  })

  it('never goes backwards when the clock does', () => {
    const a = uuidv7(Date.parse('2031-01-01T00:00:00Z'))
    const b = uuidv7(Date.parse('2020-01-01T00:00:00Z'))
    expect(b > a).toBe(true)
    expect(uuidv7()).toMatch(/^[0-9a-f-]{36}$/)
  })
})
