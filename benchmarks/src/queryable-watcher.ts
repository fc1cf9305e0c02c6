import type { DataStorageClient } from '@audit-trail/datastorage-client'
import { sleep } from './stats.js'

/** An event whose way to the query API is being timed. */
export interface Probe {
  id: string
  /** Its `event_timestamp` (RFC 3339), used as the `since` of the polls. */
  timestamp: string
  /** `performance.now()` just before it was handed over (emit or POST). */
  sentAt: number
  /** `performance.now()` when a poll first returned it. */
  seenAt?: number
}

/** Options of {@link QueryableWatcher}. */
export interface QueryableWatcherOptions {
  /** Pause between polls, ms [10]. */
  pollIntervalMs?: number
}

/**
 * Polls `GET /api/v1/audit/events?correlation_id=…&since=<oldest unseen>` and stamps each probe
 * with the time a poll first returned it. Asking from the oldest unseen event on keeps each answer
 * small: rows already seen before it are not sent again.
 */
export class QueryableWatcher {
  readonly #probes: Probe[] = []
  readonly #byId = new Map<string, Probe>()
  #firstUnseen = 0
  polls = 0
  readonly #pollIntervalMs: number

  constructor(
    private readonly ds: DataStorageClient,
    private readonly correlationId: string,
    { pollIntervalMs = 10 }: QueryableWatcherOptions = {},
  ) {
    this.#pollIntervalMs = pollIntervalMs
  }

  add(probe: Probe): void {
    this.#probes.push(probe)
    this.#byId.set(probe.id.toLowerCase(), probe)
  }

  /** Latencies (seenAt − sentAt, ms) of every probe, in the order they were added. */
  latencies(): number[] {
    return this.#probes.map((p) => (p.seenAt ?? Number.NaN) - p.sentAt)
  }

  /**
   * Polls until `finished()` is true and every probe was seen.
   * @throws Error when `deadline` (performance.now() ms) passes first, naming how many are missing.
   */
  async watch(finished: () => boolean, deadline: number): Promise<void> {
    for (;;) {
      while (
        this.#firstUnseen < this.#probes.length &&
        this.#probes[this.#firstUnseen]!.seenAt !== undefined
      ) {
        this.#firstUnseen++
      }
      const unseen = this.#probes.length - this.#firstUnseen
      if (unseen === 0 && finished()) return
      if (performance.now() > deadline) {
        const missing = this.#probes.filter((p) => p.seenAt === undefined).length
        throw new Error(`${missing} of ${this.#probes.length} events never became queryable`)
      }
      if (unseen > 0) await this.#poll(this.#probes[this.#firstUnseen]!.timestamp)
      await sleep(this.#pollIntervalMs)
    }
  }

  async #poll(since: string): Promise<void> {
    this.polls++
    const { data, error, response } = await this.ds.GET('/api/v1/audit/events', {
      params: { query: { correlation_id: this.correlationId, since, limit: 1000 } },
    })
    const at = performance.now()
    if (!data) throw new Error(`query answered ${response.status}: ${JSON.stringify(error)}`)
    for (const event of data.data) {
      const probe = this.#byId.get(event.event_id.toLowerCase())
      if (probe && probe.seenAt === undefined) probe.seenAt = at
    }
  }
}
