/** Default of `SELF_AUDIT_FAILURE_WINDOW_MS`. */
export const DEFAULT_FAILURE_WINDOW_MS = 60_000

/** Default bound of the keys a {@link FailureWindows} tracks at once. */
export const DEFAULT_MAX_KEYS = 10_000

/** The key that every key beyond the bound is folded into. */
export const OVERFLOW_KEY = '*'

/** Options of {@link FailureWindows}. */
export interface FailureWindowsOptions<T> {
  /** How long the refusals of one key after its first are counted before they are recorded. */
  windowMs: number
  /** Keys tracked at once [10000]; beyond, refusals are counted under {@link OVERFLOW_KEY}. */
  maxKeys?: number
  /**
   * Records one event: `occurrences` refusals of `key`, described by `detail` (the first refusal's
   * at once, with 1; the last one's of the window when it ends, with the count of the others).
   */
  record(key: string, detail: T, occurrences: number): void
}

interface Window<T> {
  /** Refusals after the first in this window, not recorded yet. */
  count: number
  /** The latest of them (the request the summary event describes). */
  latest: T | undefined
  timer: NodeJS.Timeout
}

/**
 * Rate-limits the records of repeated refusals per key (a source address, a token): the first
 * refusal of a key in a window is recorded at once, the later ones of the window are counted and
 * recorded as ONE event with `occurrences` = their count when the window ends. A flood of 401s
 * thus costs two events per source and window, however fast it comes, and none is left out.
 *
 * The map is bounded (`maxKeys`): a flood from random source addresses (or spoofed ones behind a
 * proxy) must not grow memory with every address. Beyond the bound, new keys are folded into the
 * key `*`, whose events stand for all of them: the count stays exact, the per-key detail is lost
 * only for keys that arrive while the map is full.
 *
 * Timers are unref'd (a pending window never holds the process); {@link close} records what is
 * counted, so a shutdown loses no count.
 */
export class FailureWindows<T> {
  readonly #windows = new Map<string, Window<T>>()
  readonly #options: FailureWindowsOptions<T>
  readonly #maxKeys: number

  constructor(options: FailureWindowsOptions<T>) {
    this.#options = options
    this.#maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS
  }

  /** Keys with a window open (tests, metrics). */
  get size(): number {
    return this.#windows.size
  }

  /** One refusal of `key`. */
  hit(key: string, detail: T): void {
    const bucket =
      this.#windows.has(key) || this.#windows.size < this.#maxKeys - 1 || key === OVERFLOW_KEY
        ? key
        : OVERFLOW_KEY
    const open = this.#windows.get(bucket)
    if (open) {
      open.count++
      open.latest = detail
      return
    }
    const timer = setTimeout(() => this.#end(bucket), this.#options.windowMs)
    timer.unref()
    this.#windows.set(bucket, { count: 0, latest: undefined, timer })
    this.#options.record(bucket, detail, 1)
  }

  /** Ends every window now, recording the counts. */
  close(): void {
    for (const key of [...this.#windows.keys()]) this.#end(key)
  }

  #end(key: string): void {
    const window = this.#windows.get(key)
    if (!window) return
    clearTimeout(window.timer)
    this.#windows.delete(key)
    if (window.count > 0 && window.latest !== undefined) {
      this.#options.record(key, window.latest, window.count)
    }
  }
}
