import { decodeDeadLetterMessage, encodeDeadLetterMessage } from '@audit-trail/datastorage-client'
import { freePort } from '@audit-trail/test-infra'
import { describe, expect, it } from 'vitest'
import { createDeadLetterWriter } from '../../src/dlq/dead-letter-writer.js'
import { DlqFullError, DlqUnavailableError } from '../../src/dlq/errors.js'
import { entriesOfRead } from '../../src/dlq/stream-replies.js'
import { RECORDED_BY } from '../support/events.js'
import { makeEvent, testRedis, useDlqTestContext } from './support.js'

const dlq = useDlqTestContext()

/** `max-deleted-entry-id` (Redis ≥ 7) moves when anything is trimmed or deleted from the stream. */
async function maxDeletedId(stream: string): Promise<string> {
  const info = (await dlq.redis.xinfo('STREAM', stream)) as unknown[]
  return String(info[info.indexOf('max-deleted-entry-id') + 1])
}

describe('createDeadLetterWriter', () => {
  it('adds one entry per event in the shared message layout, source server', async () => {
    const { redis, streams } = dlq
    const at = new Date('2031-02-03T04:05:06.000Z')
    const writer = createDeadLetterWriter({ redis, stream: streams.stream, capacity: 100, now: () => at })
    const events = [makeEvent(), makeEvent({ correlation_id: 'second' })]
    const result = await writer.write(events, 'PostgreSQL unavailable: connect ECONNREFUSED', {
      recordedBy: RECORDED_BY,
    })
    expect(result).toEqual({ queued: 2, depth: 2 })

    const entries = entriesOfRead([[streams.stream, await redis.xrange(streams.stream, '-', '+')]])
    expect(entries).toHaveLength(2)
    for (const [i, entry] of entries.entries()) {
      const expected = {
        event: events[i]!,
        source: 'server' as const,
        service: 'datastorage',
        reason: 'PostgreSQL unavailable: connect ECONNREFUSED',
        attempts: 1,
        enqueuedAt: at.toISOString(),
        recordedBy: RECORDED_BY,
      }
      // Byte for byte the layout clients write (plus recorded_by), so one replay path serves both.
      expect(entry.fields).toEqual(encodeDeadLetterMessage(expected))
      expect(decodeDeadLetterMessage(entry.fields!)).toEqual(expected)
    }
  })

  it('never trims: every write stays, nothing is ever deleted', async () => {
    const { redis, streams } = dlq
    const writer = createDeadLetterWriter({ redis, stream: streams.stream, capacity: 1_000_000 })
    const first = makeEvent()
    await writer.write([first], 'down', { recordedBy: RECORDED_BY })
    for (let i = 0; i < 6; i++)
      await writer.write(
        Array.from({ length: 1000 }, () => makeEvent()),
        'down',
        { recordedBy: RECORDED_BY },
      )
    expect(await redis.xlen(streams.stream)).toBe(6001)
    const [oldest] = await redis.xrange(streams.stream, '-', '+', 'COUNT', 1)
    expect(decodeDeadLetterMessage(oldest![1]).event.event_id).toBe(first.event_id)
    expect(await maxDeletedId(streams.stream)).toBe('0-0')
  })

  it('refuses with DlqFullError what would exceed the capacity, all or nothing', async () => {
    const { redis, streams } = dlq
    const writer = createDeadLetterWriter({ redis, stream: streams.stream, capacity: 10 })
    await writer.write(
      Array.from({ length: 8 }, () => makeEvent()),
      'down',
      { recordedBy: RECORDED_BY },
    )
    const refused = await writer
      .write([makeEvent(), makeEvent(), makeEvent()], 'down', { recordedBy: RECORDED_BY })
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(DlqFullError)
    expect(refused).toMatchObject({ code: 'DLQ_FULL', depth: 8, capacity: 10 })
    expect(await redis.xlen(streams.stream)).toBe(8)

    expect(await writer.write([makeEvent(), makeEvent()], 'down', { recordedBy: RECORDED_BY })).toEqual({
      queued: 2,
      depth: 10,
    })
    await expect(writer.write([makeEvent()], 'down', { recordedBy: RECORDED_BY })).rejects.toBeInstanceOf(
      DlqFullError,
    )
    expect(await redis.xlen(streams.stream)).toBe(10)
  })

  it('checks capacity atomically under concurrent writes', async () => {
    const { redis, streams } = dlq
    const writer = createDeadLetterWriter({ redis, stream: streams.stream, capacity: 95 })
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        writer.write(
          Array.from({ length: 10 }, () => makeEvent()),
          'down',
          { recordedBy: RECORDED_BY },
        ),
      ),
    )
    const accepted = results.filter((r) => r.status === 'fulfilled').length
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof DlqFullError).length
    expect([accepted, refused]).toEqual([9, 11])
    expect(await redis.xlen(streams.stream)).toBe(90)
  })

  it('rejects with DlqUnavailableError within its timeout when Redis does not answer', async () => {
    const { streams } = dlq
    const deadRedis = testRedis(`redis://127.0.0.1:${await freePort()}`)
    try {
      const writer = createDeadLetterWriter({ redis: deadRedis, stream: streams.stream, timeoutMs: 300 })
      const started = Date.now()
      const error = await writer
        .write([makeEvent()], 'down', { recordedBy: RECORDED_BY })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DlqUnavailableError)
      expect(error).toMatchObject({ code: 'DLQ_UNAVAILABLE' })
      expect(Date.now() - started).toBeLessThan(2000)
    } finally {
      deadRedis.disconnect()
    }
  })

  it('rejects a capacity that is not a positive integer at construction', () => {
    const { redis } = dlq
    expect(() => createDeadLetterWriter({ redis, capacity: 0 })).toThrow(
      /capacity must be a positive integer/,
    )
  })
})
