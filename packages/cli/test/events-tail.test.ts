import type { AuditEventQuery } from '@audit-trail/datastorage-client'
import { describe, expect, it } from 'vitest'
import { ServiceError } from '../src/errors.js'
import { type EventQuerySource, tailEvents } from '../src/events/tail.js'
import type { DecodedEventPage } from '../src/source/api-source.js'
import type { ReceivedEvent } from '../src/source/log-source.js'

interface Stored {
  event_id: string
  event_timestamp: string
}

const BASE = Date.UTC(2026, 11, 1, 10, 0, 0)
const at = (seconds: number) => new Date(BASE + seconds * 1000).toISOString()

/**
 * The query API over an in-memory store: newest first (timestamp, then id), `since` inclusive,
 * offset cursors. `onQuery` runs before each answer: the test adds events or stops the tail there,
 * which makes every round deterministic without timers.
 */
class MemoryQuery implements EventQuerySource {
  readonly stored: Stored[] = []
  readonly queries: AuditEventQuery[] = []
  onQuery: (round: number) => void = () => {}
  failWith: Error | undefined

  add(id: string, seconds: number): void {
    this.stored.push({ event_id: id, event_timestamp: at(seconds) })
  }

  async queryEvents(query: AuditEventQuery): Promise<DecodedEventPage> {
    this.queries.push(query)
    this.onQuery(this.queries.length)
    if (this.failWith) throw this.failWith
    const since = query.since === undefined ? -Infinity : Date.parse(query.since)
    const selected = this.stored
      .filter((e) => Date.parse(e.event_timestamp) >= since)
      .sort(
        (a, b) => b.event_timestamp.localeCompare(a.event_timestamp) || b.event_id.localeCompare(a.event_id),
      )
    const offset = query.cursor ? Number(query.cursor) : 0
    const limit = query.limit ?? 100
    const page = selected.slice(offset, offset + limit)
    const more = offset + page.length < selected.length
    return {
      events: page.map((e) => ({ text: JSON.stringify(e), value: e })),
      nextCursor: more ? String(offset + page.length) : undefined,
    }
  }
}

function run(
  source: MemoryQuery,
  options: { count?: number; follow?: boolean; lagMs?: number; sinceMs?: number },
) {
  const printed: string[][] = []
  const controller = new AbortController()
  const done = tailEvents({
    source,
    query: { correlation_id: 'c-1' },
    sinceMs: options.sinceMs,
    count: options.count ?? 3,
    follow: options.follow ?? true,
    intervalMs: 1,
    lagMs: options.lagMs ?? 10_000,
    signal: controller.signal,
    print: (events: readonly ReceivedEvent[]) =>
      printed.push(events.map((e) => (e.value as Stored).event_id)),
  })
  return { printed, controller, done }
}

describe('tailEvents', () => {
  it('prints the newest N oldest first and stops without follow', async () => {
    const source = new MemoryQuery()
    for (let i = 0; i < 6; i++) source.add(`e${i}`, i)
    const { printed, done } = run(source, { follow: false })
    await done
    expect(printed).toEqual([['e3', 'e4', 'e5']])
    expect(source.queries).toEqual([{ correlation_id: 'c-1', limit: 3 }])
  })

  it('follows: each new event once, late ones within the lag too, older unshown ones never', async () => {
    const source = new MemoryQuery()
    for (let i = 0; i < 6; i++) source.add(`e${i}`, i * 2)
    const { printed, controller, done } = run(source, { lagMs: 7_000 })
    source.onQuery = (round) => {
      if (round === 2) source.add('new-same-second', 10) // same instant as the newest shown
      if (round === 3) source.add('new-later', 12)
      if (round === 4) source.add('late-within-lag', 9) // stored late, timestamp behind the newest
      if (round === 5) source.add('late-beyond-lag', 1)
      if (round === 7) controller.abort()
    }
    await done
    expect(printed).toEqual([['e3', 'e4', 'e5'], ['new-same-second'], ['new-later'], ['late-within-lag']])
    // e0 … e2 (older than the first three shown) were never printed, e2 although the first poll
    // read it back (within the lag); polls read back from the newest seen less the lag, inclusive.
    expect(source.queries[1]).toEqual({ correlation_id: 'c-1', since: at(3), limit: 1000 })
    expect(source.queries.at(-1)).toMatchObject({ since: at(5) })
  })

  it('follows the keyset cursor through every page of a poll', async () => {
    const source = new MemoryQuery()
    const { printed, controller, done } = run(source, { count: 0 })
    source.onQuery = (round) => {
      if (round === 2) for (let i = 0; i < 2500; i++) source.add(`b${String(i).padStart(4, '0')}`, 1)
      if (round === 6) controller.abort()
    }
    await done
    expect(printed.flat()).toHaveLength(2500)
    expect(new Set(printed.flat()).size).toBe(2500)
  })

  it('with nothing shown yet, starts from --since', async () => {
    const source = new MemoryQuery()
    const { controller, done } = run(source, { sinceMs: BASE })
    source.onQuery = (round) => {
      if (round === 2) controller.abort()
    }
    await done
    expect(source.queries[1]).toMatchObject({ since: at(0) })
  })

  it('rejects on a failed request, and resolves when the failure is the interrupt', async () => {
    const failing = new MemoryQuery()
    failing.failWith = new ServiceError('cannot reach')
    await expect(run(failing, {}).done).rejects.toThrow('cannot reach')

    const interrupted = new MemoryQuery()
    const { controller, done } = run(interrupted, {})
    interrupted.onQuery = (round) => {
      if (round === 2) {
        controller.abort()
        interrupted.failWith = new ServiceError('aborted')
      }
    }
    await expect(done).resolves.toBeUndefined()
  })
})
