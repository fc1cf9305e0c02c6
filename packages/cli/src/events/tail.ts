import { setTimeout as sleep } from 'node:timers/promises'
import type { AuditEventQuery } from '@audit-trail/datastorage-client'
import type { DecodedEventPage } from '../source/api-source.js'
import type { ReceivedEvent } from '../source/log-source.js'
import { parseTimestampMs } from '../verify/selection.js'

/** The query API as `tailEvents` uses it (an `ApiLogSource`, or a fake in tests). */
export interface EventQuerySource {
  queryEvents(query: AuditEventQuery): Promise<DecodedEventPage>
}

/** Options of {@link tailEvents}. */
export interface TailOptions {
  readonly source: EventQuerySource
  /** The filters (no `limit` or `cursor`). */
  readonly query: AuditEventQuery
  /** `query.since` resolved to epoch milliseconds, when given. */
  readonly sinceMs?: number | undefined
  /** How many of the newest events to print first. */
  readonly count: number
  /** Keep polling for newer events until {@link signal} aborts. */
  readonly follow: boolean
  /** Time between two polls. */
  readonly intervalMs: number
  /**
   * How late (by its `event_timestamp`, which the emitter sets) an event may be stored and still be
   * printed: every poll reads back this far behind the newest event seen, and prints only the
   * events it has not printed yet. An event stored later than that is not shown (query for it).
   */
  readonly lagMs: number
  /** Ends a follow with the events printed so far (SIGINT). */
  readonly signal: AbortSignal
  /** Receives the new events of each round, oldest first. */
  readonly print: (events: readonly ReceivedEvent[]) => void
}

/** The most a page of the query API holds. */
const PAGE = 1000

/**
 * `events tail`: the newest `count` events, oldest first, then with `follow` every event stored
 * after them, each printed once. The query API is newest first with a keyset cursor, so a poll asks
 * for `since` = the newest timestamp seen less {@link TailOptions.lagMs} (inclusive, so events of
 * the same millisecond come back) and follows the cursor to the end; event ids already printed are
 * remembered for that window and skipped. Resolves when `signal` aborts (or at once without
 * `follow`); a failed request rejects, unless it failed because `signal` aborted it.
 */
export async function tailEvents(options: TailOptions): Promise<void> {
  const { source, query, signal } = options
  let first: DecodedEventPage
  try {
    first = await source.queryEvents({ ...query, limit: Math.max(1, Math.min(options.count, PAGE)) })
  } catch (error) {
    if (signal.aborted) return
    throw error
  }
  const seen = new Map<string, number>()
  let newest: number | undefined
  const remember = (event: ReceivedEvent): void => {
    const { id, ms } = identify(event)
    seen.set(id, ms)
    if (newest === undefined || ms > newest) newest = ms
  }
  const initial = first.events.slice(0, options.count)
  initial.forEach(remember)
  options.print([...initial].reverse())
  // Events the first page left out (older than the `count` shown) are not new: the first round
  // takes those older than the newest shown as already seen.
  const shownUpTo = newest
  let firstRound = true
  while (options.follow && !signal.aborted) {
    if (!firstRound) await pause(options.intervalMs, signal)
    if (signal.aborted) break
    const floor =
      newest === undefined ? options.sinceMs : Math.max(options.sinceMs ?? -Infinity, newest - options.lagMs)
    let events: ReceivedEvent[]
    try {
      events = await readAll(source, {
        ...query,
        ...(floor === undefined ? {} : { since: new Date(floor).toISOString() }),
      })
    } catch (error) {
      if (signal.aborted) break
      throw error
    }
    const fresh: ReceivedEvent[] = []
    for (const event of events) {
      const { id, ms } = identify(event)
      if (seen.has(id)) continue
      if (firstRound && shownUpTo !== undefined && ms < shownUpTo) seen.set(id, ms)
      else fresh.push(event)
    }
    firstRound = false
    // Newest first from the service; printed oldest first, like the first batch.
    fresh.reverse()
    fresh.forEach(remember)
    if (fresh.length > 0) options.print(fresh)
    if (newest !== undefined) {
      const keepFrom = newest - options.lagMs
      for (const [id, ms] of seen) if (ms < keepFrom) seen.delete(id)
    }
  }
}

/** Every page of `query`, following the keyset cursor. */
async function readAll(source: EventQuerySource, query: AuditEventQuery): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = []
  let cursor: string | undefined
  do {
    const page = await source.queryEvents({ ...query, limit: PAGE, ...(cursor ? { cursor } : {}) })
    events.push(...page.events)
    cursor = page.nextCursor
  } while (cursor)
  return events
}

/** The event's id and timestamp (epoch ms); an unreadable timestamp counts as the oldest. */
function identify(event: ReceivedEvent): { id: string; ms: number } {
  const value = event.value as { event_id?: unknown; event_timestamp?: unknown } | null
  const id = typeof value?.event_id === 'string' ? value.event_id : event.text
  const ms = typeof value?.event_timestamp === 'string' ? (parseTimestampMs(value.event_timestamp) ?? 0) : 0
  return { id, ms }
}

/** Waits `ms`, or less when `signal` aborts. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal })
  } catch (error) {
    if (!signal.aborted) throw error
  }
}
