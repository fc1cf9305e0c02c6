import cliProgress from 'cli-progress'

/**
 * Progress of a long command (a whole-log audit reads every leaf and every event). Written to
 * stderr only: stdout carries the report, which scripts parse.
 */
export interface Progress {
  /** A new phase of `total` steps (an estimate is fine; it grows when passed). */
  start(phase: string, total: number): void
  advance(count: number): void
  /** The current phase is over. */
  finish(): void
}

/** Progress that shows nothing (library use, tests). */
export const silentProgress: Progress = { start() {}, advance() {}, finish() {} }

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressStream {
  write(text: string): unknown
  readonly isTTY?: boolean | undefined
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Clock for the plain lines' spacing. */
  readonly now?: () => number
  /** Least time between two plain lines of one phase (default 2000 ms). */
  readonly intervalMs?: number
}

/**
 * A bar redrawn in place when `stream` is a terminal; otherwise a plain line when a phase starts,
 * at most every `intervalMs` while it runs, and when it ends (logs and CI keep every line, so a
 * redrawn bar would fill them with control characters).
 */
export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream, options)
}

class BarProgress implements Progress {
  readonly #stream: ProgressStream
  #bar: cliProgress.SingleBar | undefined
  #value = 0
  #total = 0

  constructor(stream: ProgressStream) {
    this.#stream = stream
  }

  start(phase: string, total: number): void {
    this.finish()
    this.#value = 0
    this.#total = total
    this.#bar = new cliProgress.SingleBar(
      {
        stream: this.#stream as NodeJS.WritableStream,
        format: `${phase.padEnd(7)} [{bar}] {percentage}% | {value}/{total}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    )
    this.#bar.start(total, 0)
  }

  advance(count: number): void {
    if (!this.#bar) return
    this.#value += count
    if (this.#value > this.#total) {
      this.#total = this.#value
      this.#bar.setTotal(this.#total)
    }
    this.#bar.increment(count)
  }

  finish(): void {
    this.#bar?.stop()
    this.#bar = undefined
  }
}

class LineProgress implements Progress {
  readonly #stream: ProgressStream
  readonly #now: () => number
  readonly #intervalMs: number
  #phase: string | undefined
  #value = 0
  #total = 0
  #last = 0

  constructor(stream: ProgressStream, options: ProgressOptions) {
    this.#stream = stream
    this.#now = options.now ?? Date.now
    this.#intervalMs = options.intervalMs ?? 2_000
  }

  start(phase: string, total: number): void {
    this.finish()
    this.#phase = phase
    this.#value = 0
    this.#total = total
    this.#last = this.#now()
    this.#line('started')
  }

  advance(count: number): void {
    if (this.#phase === undefined) return
    this.#value += count
    if (this.#value > this.#total) this.#total = this.#value
    const now = this.#now()
    if (now - this.#last >= this.#intervalMs) {
      this.#last = now
      this.#line('')
    }
  }

  finish(): void {
    if (this.#phase === undefined) return
    this.#line('done')
    this.#phase = undefined
  }

  #line(note: string): void {
    const percent = this.#total > 0 ? ` (${Math.floor((this.#value * 100) / this.#total)}%)` : ''
    this.#stream.write(`${this.#phase}: ${this.#value}/${this.#total}${percent}${note ? ` ${note}` : ''}\n`)
  }
}

/** A running count (rows and bytes of an export, whose total is not known beforehand). */
export interface CounterProgress {
  /** Adds to the counts; the line is redrawn at most every `intervalMs`. */
  update(rows: number, bytes: number): void
  /** Draws the final counts and ends the line. */
  finish(): void
}

/** A counter that shows nothing (stderr is not a terminal, library use). */
export const silentCounter: CounterProgress = { update() {}, finish() {} }

/**
 * `label: 12,345 rows, 3.4 MB` redrawn in place on a terminal (`stream.isTTY`), at most every
 * `intervalMs` (default 200); {@link silentCounter} elsewhere, where redrawn lines would fill logs
 * with control characters and the command's summary says the same once.
 */
export function createCounter(
  stream: ProgressStream,
  label: string,
  options: ProgressOptions = {},
): CounterProgress {
  if (!stream.isTTY) return silentCounter
  const now = options.now ?? Date.now
  const intervalMs = options.intervalMs ?? 200
  let rows = 0
  let bytes = 0
  let last = Number.NEGATIVE_INFINITY
  const draw = (end: string) => stream.write(`\r\x1b[K${label}: ${formatCount(rows, bytes)}${end}`)
  return {
    update(moreRows, moreBytes) {
      rows += moreRows
      bytes += moreBytes
      const t = now()
      if (t - last >= intervalMs) {
        last = t
        draw('')
      }
    },
    finish() {
      draw('\n')
    },
  }
}

/** `12,345 rows, 3.4 MB`: counts for people. */
export function formatCount(rows: number, bytes: number): string {
  return `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}, ${formatBytes(bytes)}`
}

/** A byte count in B, kB, MB or GB (powers of 1000, one decimal from kB on). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}
