import { describe, expect, it } from 'vitest'
import { deliveredCounts } from '../src/delivery.js'
import { AuditClientError, createAuditClient, DeliveryFailedError, type Transport } from '../src/index.js'
import { expectReconciled, MemoryDeadLetterQueue, validEvent } from './helpers/harness.js'

/** A transport of the caller's that resolves every send with `answer(count)`, right or wrong. */
function answering(answer: (count: number) => unknown): Transport {
  return {
    send: async (events) => answer(events.length) as never,
    close: async () => {},
  }
}

describe('deliveredCounts (what a SendResult settles)', () => {
  it('accepted: every event persisted', () => {
    expect(deliveredCounts({ status: 'accepted', queued: 1 }, 5)).toEqual({ persisted: 5, duplicates: 0 })
  })

  it('created: the duplicates clamped to 0..count, the rest persisted, whatever `created` says', () => {
    expect(deliveredCounts({ status: 'created', created: 3, duplicates: 2 }, 5)).toEqual({
      persisted: 3,
      duplicates: 2,
    })
    expect(deliveredCounts({ status: 'created', created: 0, duplicates: 0 }, 5)).toEqual({
      persisted: 5,
      duplicates: 0,
    })
    expect(deliveredCounts({ status: 'created', created: 9, duplicates: 9 }, 5)).toEqual({
      persisted: 0,
      duplicates: 5,
    })
    expect(deliveredCounts({ status: 'created', created: 5, duplicates: -1 }, 5)).toEqual({
      persisted: 5,
      duplicates: 0,
    })
    expect(deliveredCounts({ status: 'created', created: 5, duplicates: 1.5 }, 5)).toEqual({
      persisted: 5,
      duplicates: 0,
    })
    expect(deliveredCounts({ status: 'created' }, 2)).toEqual({ persisted: 2, duplicates: 0 })
  })

  it('anything else: INVALID_SEND_RESULT naming what came back', () => {
    for (const result of [undefined, null, 'ok', { created: 1, duplicates: 0 }, { status: 'stored' }]) {
      let thrown: unknown
      try {
        deliveredCounts(result, 1)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(AuditClientError)
      expect(thrown).toMatchObject({ code: 'INVALID_SEND_RESULT' })
    }
    expect(() => deliveredCounts({ created: 1 }, 1)).toThrow(
      `resolved with {"created":1}: expected { status: 'created'`,
    )
  })
})

describe('a transport that resolves with a malformed SendResult', () => {
  it('has its events dead-lettered with the reason, and close() returns (it used to wait forever)', async () => {
    const dlq = new MemoryDeadLetterQueue()
    const audit = createAuditClient({
      transport: answering((count) => ({ created: count })),
      service: 'self-test',
      deadLetter: dlq,
      onError: () => {},
    })
    for (let i = 0; i < 3; i++) audit.emit(validEvent(i))
    const stats = await audit.close({ timeoutMs: 5000 })
    expectReconciled(stats)
    expect(stats).toMatchObject({ emitted: 3, persisted: 0, deadLettered: 3, failed: 0, pending: 0 })
    expect(dlq.messages).toHaveLength(3)
    expect(dlq.messages[0]!.reason).toContain('the transport\'s send() resolved with {"created":3}')
  })

  it('without a dead-letter queue, counts them failed and reports a DeliveryFailedError', async () => {
    const errors: unknown[] = []
    const audit = createAuditClient({
      transport: answering(() => undefined),
      service: 'self-test',
      onError: (error) => errors.push(error),
    })
    audit.emit(validEvent(1))
    const stats = await audit.close({ timeoutMs: 5000 })
    expect(stats).toMatchObject({ emitted: 1, failed: 1, pending: 0 })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toBeInstanceOf(DeliveryFailedError)
    expect((errors[0] as Error).message).toContain("the transport's send() resolved with undefined")
  })

  it('counts as the HTTP transport does when only the numbers are off: every event settles', async () => {
    const audit = createAuditClient({
      transport: answering(() => ({ status: 'created', created: 0, duplicates: 1 })),
      service: 'self-test',
      batchSize: 4,
    })
    for (let i = 0; i < 4; i++) audit.emit(validEvent(i))
    const stats = await audit.close({ timeoutMs: 5000 })
    expect(stats).toMatchObject({ emitted: 4, persisted: 3, duplicates: 1, pending: 0 })
  })
})
