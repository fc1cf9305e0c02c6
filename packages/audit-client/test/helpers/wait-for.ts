/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** Give up after this long, ms [5000]. */
  timeoutMs?: number
  /** Pause between two checks, ms [5]. */
  intervalMs?: number
}

/**
 * Waits for a state rather than sleeping a fixed time and hoping: runs `check` until it neither
 * throws nor returns `false`, and resolves with what it returned. After `timeoutMs` it rejects
 * with the check's last error (an `expect(…)` in `check` fails the test with its own message,
 * plus how long it waited), or with a plain error when the check last returned `false`.
 *
 * Real timers only. No timer of its own is pending while `check` runs (the pause's timer has
 * fired), so a check may count `process.getActiveResourcesInfo()`.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 5000, intervalMs = 5 }: WaitForOptions = {},
): Promise<Exclude<T, false>> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    let failure: unknown
    try {
      const result = await check()
      if (result !== false) return result as Exclude<T, false>
      failure = new Error('waitFor: the condition is false')
    } catch (error) {
      failure = error
    }
    if (performance.now() >= deadline) {
      if (failure instanceof Error) failure.message += ` (still so after waiting ${timeoutMs} ms)`
      throw failure
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
