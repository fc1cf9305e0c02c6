/**
 * Counters of the client. At every moment
 * `emitted = persisted + duplicates + deadLettered + failed + pending`; `refused` events were never
 * emitted (their `emit()` threw) and are counted apart.
 */
export interface AuditClientStats {
  /** Events accepted by `emit()`/`emitAsync()`. */
  emitted: number
  /** Events the service stored (201), or took into its own dead-letter queue (202). */
  persisted: number
  /** Events the service already had (same `event_id`): stored once, not twice. */
  duplicates: number
  /** Events written to the client's dead-letter queue. */
  deadLettered: number
  /** Events neither delivered nor dead-lettered: reported to `onError` and an ERROR log with the events. */
  failed: number
  /** Events `emit()` refused synchronously (or `emitAsync()` rejected): invalid, client closed, buffer full. */
  refused: number
  /** Events emitted and not yet in a terminal state. */
  pending: number
  /** Attempts that repeated a failed send (not counting the first attempt). */
  retries: number
  /** Batches sent (first attempts; a retry of the same batch is counted in `retries`). */
  batches: number
}

/** A terminal state an emitted event can reach. */
export type TerminalState = 'persisted' | 'duplicates' | 'deadLettered' | 'failed'

/** Mutable counters behind {@link AuditClientStats}; only the client writes them. */
export class StatsCounter {
  readonly #s: AuditClientStats = {
    emitted: 0,
    persisted: 0,
    duplicates: 0,
    deadLettered: 0,
    failed: 0,
    refused: 0,
    pending: 0,
    retries: 0,
    batches: 0,
  }

  get pending(): number {
    return this.#s.pending
  }

  emitted(): void {
    this.#s.emitted++
    this.#s.pending++
  }

  refused(): void {
    this.#s.refused++
  }

  /** Moves `n` pending events to `state`. */
  settle(state: TerminalState, n: number): void {
    if (n <= 0) return
    this.#s[state] += n
    this.#s.pending -= n
  }

  retried(): void {
    this.#s.retries++
  }

  batchSent(): void {
    this.#s.batches++
  }

  snapshot(): AuditClientStats {
    return { ...this.#s }
  }
}

/** Whether `stats` reconciles (for tests and health checks). */
export function statsReconcile(stats: AuditClientStats): boolean {
  return (
    stats.emitted ===
      stats.persisted + stats.duplicates + stats.deadLettered + stats.failed + stats.pending &&
    stats.pending >= 0
  )
}
