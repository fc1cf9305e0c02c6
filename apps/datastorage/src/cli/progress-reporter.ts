/** Options of {@link createProgressReporter}. */
export interface ProgressReporterOptions {
  /** Where progress goes. Default `process.stderr`, so stdout stays clean for the result. */
  output?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  /** Draw a bar redrawn in place. Default: whether `output` is a TTY; a log file gets periodic lines. */
  bar?: boolean
  /** Minimum time between two lines when not drawing a bar. Default 2000. */
  lineIntervalMs?: number
  now?: () => number
}

/** Reports `done` of `total` with a rate. */
export interface ProgressReporter {
  update(done: number, total: number, note?: string): void
  /** Prints the final state (and ends the bar's line). */
  finish(done: number, total: number, note?: string): void
}

/**
 * A progress bar for the operator CLI on a terminal (`[#####-----]  50%  5000/10000  2100/s`,
 * redrawn at most 10 times a second), or plain lines every `lineIntervalMs` elsewhere, so CI logs
 * and files do not fill with carriage returns.
 *
 * @example
 * const progress = createProgressReporter()
 * progress.update(500, 10_000)
 * progress.finish(10_000, 10_000)
 */
export function createProgressReporter(options: ProgressReporterOptions = {}): ProgressReporter {
  const { output = process.stderr, lineIntervalMs = 2000, now = Date.now } = options
  const bar = options.bar ?? Boolean(output.isTTY)
  const started = now()
  let lastAt = Number.NEGATIVE_INFINITY

  function render(done: number, total: number, note: string | undefined): string {
    const elapsed = Math.max(1, now() - started)
    const rate = Math.round((done / elapsed) * 1000)
    const ratio = total > 0 ? Math.min(1, done / total) : 1
    const counts = `${String(Math.round(ratio * 100)).padStart(3)}%  ${done}/${total}  ${rate}/s${note ? `  ${note}` : ''}`
    if (!bar) return `replay: ${counts}`
    const width = Math.max(10, Math.min(40, (output.columns ?? 80) - counts.length - 4))
    const filled = Math.round(ratio * width)
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counts}`
  }

  return {
    update(done, total, note) {
      const t = now()
      if (t - lastAt < (bar ? 100 : lineIntervalMs)) return
      lastAt = t
      output.write(bar ? `\r${render(done, total, note)}\u001b[K` : `${render(done, total, note)}\n`)
    },
    finish(done, total, note) {
      output.write(bar ? `\r${render(done, total, note)}\u001b[K\n` : `${render(done, total, note)}\n`)
    },
  }
}
