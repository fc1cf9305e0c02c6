import { describe, expect, it, vi } from 'vitest'
import { StoreUnavailableError } from '../../src/errors.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { withWriteTimeout } from '../../src/store/write-timeout-store.js'
import { makeEvent, useDlqTestContext } from '../dlq/support.js'
import { RECORDED_BY } from '../support/events.js'

const dlq = useDlqTestContext({ postgres: true })

describe('withWriteTimeout', () => {
  it('turns a write stuck past the bound into StoreUnavailableError, at the bound', async () => {
    const { pg } = dlq
    const stuck: AuditEventStore = { ...pg.store, insert: () => new Promise(() => {}) }
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      let settled: unknown
      const write = withWriteTimeout(stuck, { timeoutMs: 200 })
        .insert([makeEvent()], RECORDED_BY)
        .catch((error: unknown) => error)
        .then((outcome) => {
          settled = outcome
        })
      await vi.advanceTimersByTimeAsync(199)
      expect(settled).toBeUndefined()
      await vi.advanceTimersByTimeAsync(1)
      await write
      expect(settled).toBeInstanceOf(StoreUnavailableError)
      expect((settled as Error).message).toMatch(/did not take the write within 200 ms/)
    } finally {
      vi.useRealTimers()
    }
  })

  it('passes writes that finish in time through', async () => {
    const { pg } = dlq
    const event = makeEvent()
    expect(await withWriteTimeout(pg.store, { timeoutMs: 5000 }).insert([event], RECORDED_BY)).toEqual({
      created: [event.event_id],
      duplicates: [],
    })
  })
})
