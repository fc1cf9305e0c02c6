// emit() copies the caller's event with Object.assign onto a literal (for speed) and serialises it
// at once: the copy must keep a spread's semantics where they could differ, and the text sent must
// be the event as it was at emit().
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ValidationError } from '../src/index.js'
import { settle, useHarness, validEvent } from './helpers/harness.js'

describe('the copy emit() makes', () => {
  const h = useHarness()
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00.000Z') })
  })

  it('refuses an own "__proto__" key as an unknown field, as a spread copy does (never a prototype)', () => {
    const client = h.client()
    const input = JSON.parse(JSON.stringify(validEvent(1)).replace(/^\{/, '{"__proto__":{"actor_id":"x"},'))
    expect(Object.hasOwn(input, '__proto__')).toBe(true)
    let thrown: unknown
    try {
      client.emit(input)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ValidationError)
    expect((thrown as ValidationError).errors.map((e) => e.field)).toEqual(['__proto__'])
    expect(client.stats()).toMatchObject({ emitted: 0, refused: 1 })
  })

  it('fills version, event_id and event_timestamp given as undefined or null, and reads a getter once', async () => {
    const client = h.client({ batchSize: 1 })
    let reads = 0
    const input = {
      ...validEvent(2),
      version: undefined,
      event_id: null,
      event_timestamp: undefined,
      get correlation_id() {
        reads++
        return reads === 1 ? 'req-first' : ''
      },
    }
    const id = client.emit(input as never)
    expect(reads).toBe(1)
    await settle()
    expect(h.server.requests[0]!.events[0]).toMatchObject({
      version: '1.0',
      event_id: id,
      event_timestamp: '2026-03-01T12:00:00.000Z',
      correlation_id: 'req-first',
    })
  })

  it('sends the event as it was at emit(), whatever the caller changes afterwards, nested fields included', async () => {
    const client = h.client({ batchSize: 2 })
    const input = validEvent(3)
    client.emit(input)
    ;(input as { correlation_id: string }).correlation_id = 'changed'
    ;(input.event_data as { signal_name: string }).signal_name = 'changed'
    client.emit(validEvent(4))
    await settle()
    expect(h.server.requests[0]!.events[0]).toMatchObject({
      correlation_id: 'req-3',
      event_data: { signal_name: 'HighCPU-3' },
    })
  })
})
